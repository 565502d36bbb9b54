import { columnLetter, type CellValue } from '../../core/table';
import { isDate } from '../../core/time';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One cell Houqin means to change: 1-based row and column, and the value it stores there. */
export interface CellWrite {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

/** A rectangle of cells: its top-left cell (1-based) and its size. */
interface Area {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** A rectangle of cells to write: its top-left cell (1-based) and its values, row by row. */
interface Block {
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly CellValue[])[];
}

/**
 * The one way Houqin writes cells. Sheets parses a string written by a script as if it were typed
 * ('00123' → 123, '2026-03-01' → a date, 'TRUE' → a boolean, '=…' → a formula), so:
 *
 * - only the cells given are written: never a cell between them, never a value read back;
 * - every cell that receives text is formatted '@' (plain text) first, whatever its format was.
 *
 * Service calls, however many rows: 2 per block (getRange + setValues) or per value shared by
 * several blocks (getRangeList + setValue), and 1 more per block or value that is text (its
 * setNumberFormat('@'), on the same range). Blocks holding text beside numbers or dates have their
 * text cells formatted first, in 2 calls (getRangeList + setNumberFormat) for all of them. The cells
 * are grouped into blocks: runs of adjacent rows in one column, joined with the same run in the next
 * column. A block that holds one value joins the other blocks holding that value; a block of several
 * values is split into those groups only when each of its values already has one, so splitting
 * costs nothing. Scattered cells therefore cost 2 calls per distinct value they hold, never per row,
 * and a contiguous block 2 to 4 calls whatever it holds. Writing the span from the first to the last
 * cell instead would cost 2 calls but write again, from what was read, every cell in between.
 */
export function writeCells(sheet: Sheet, cells: readonly CellWrite[]): void {
  writeBlocks(sheet, blocksOf(cells));
}

/** Writes one rectangle of values at (row, column), as writeCells would write its cells. */
export function writeRectangle(
  sheet: Sheet,
  row: number,
  column: number,
  values: readonly CellValue[][],
): void {
  if (!values.length || !values[0]?.length) return;
  writeBlocks(sheet, [{ row, column, values }]);
}

function blocksOf(cells: readonly CellWrite[]): Block[] {
  // Cells in column then row order; of two writes to one cell the later wins.
  const order = cells.map((_, i) => i);
  order.sort((i, j) => cells[i]!.column - cells[j]!.column || cells[i]!.row - cells[j]!.row || i - j);
  // Runs of adjacent rows, per column, keyed by their rows; then runs with the same rows in
  // adjacent columns joined.
  const runs = new Map<string, { column: number; values: CellValue[] }[]>();
  let run: { column: number; top: number; values: CellValue[] } | null = null;
  const close = () => {
    if (!run) return;
    const key = `${run.top}:${run.top + run.values.length - 1}`;
    const list = runs.get(key);
    const entry = { column: run.column, values: run.values };
    if (list) list.push(entry);
    else runs.set(key, [entry]);
  };
  for (const i of order) {
    const { row, column, value }: CellWrite = cells[i]!;
    if (run && run.column === column) {
      const bottom: number = run.top + run.values.length - 1;
      if (row === bottom) {
        run.values[run.values.length - 1] = value;
        continue;
      }
      if (row === bottom + 1) {
        run.values.push(value);
        continue;
      }
    }
    close();
    run = { column, top: row, values: [value] };
  }
  close();
  const blocks: Block[] = [];
  for (const [key, list] of runs) {
    const top = Number(key.slice(0, key.indexOf(':')));
    for (let start = 0; start < list.length;) {
      let end = start + 1;
      while (end < list.length && list[end]!.column === list[end - 1]!.column + 1) end++;
      const group = list.slice(start, end);
      const height = group[0]!.values.length;
      const values: CellValue[][] = [];
      for (let r = 0; r < height; r++) values.push(group.map((g) => g.values[r]!));
      blocks.push({ row: top, column: group[0]!.column, values });
      start = end;
    }
  }
  return blocks;
}

function a1(row: number, column: number, rows = 1, columns = 1): string {
  const start = `${columnLetter(column)}${row}`;
  return rows === 1 && columns === 1
    ? start
    : `${start}:${columnLetter(column + columns - 1)}${row + rows - 1}`;
}

const isText = (v: CellValue): boolean => typeof v === 'string' && v !== '';

/** A1 ranges covering exactly the cells of `blocks` that receive text: runs down each column. */
function textRanges(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const { row, column, values } of blocks)
    for (let c = 0; c < values[0]!.length; c++)
      for (let r = 0; r < values.length; r++) {
        if (!isText(values[r]![c]!)) continue;
        const top = r;
        while (r + 1 < values.length && isText(values[r + 1]![c]!)) r++;
        out.push(a1(row + top, column + c, r - top + 1, 1));
      }
  return out;
}

/** A key equal for values Sheets stores the same way. */
function valueKey(v: CellValue): string {
  if (isDate(v)) return `d${v.getTime()}`;
  return `${typeof v}:${String(v)}`;
}

/** The one value every cell of the block holds, as a list of one, or none when they differ. */
function onlyValue(b: Block): [CellValue] | [] {
  const first = b.values[0]![0]!;
  const key = valueKey(first);
  for (const row of b.values) for (const v of row) if (valueKey(v) !== key) return [];
  return [first];
}

function writeBlocks(sheet: Sheet, blocks: readonly Block[]): void {
  if (!blocks.length) return;
  const groups = new Map<string, { value: CellValue; areas: Area[] }>();
  const mixed: Block[] = [];
  const join = (value: CellValue, area: Area) => {
    const key = valueKey(value);
    const group = groups.get(key);
    if (group) group.areas.push(area);
    else groups.set(key, { value, areas: [area] });
  };
  for (const b of blocks) {
    const only = onlyValue(b);
    const area = { row: b.row, column: b.column, rows: b.values.length, columns: b.values[0]!.length };
    if (only.length) join(only[0], area);
    else mixed.push(b);
  }
  const written: Block[] = [];
  for (const b of mixed) {
    if (b.values.every((r) => r.every((v) => groups.has(valueKey(v)))))
      b.values.forEach((r, i) =>
        r.forEach((v, j) => join(v, { row: b.row + i, column: b.column + j, rows: 1, columns: 1 })),
      );
    else written.push(b);
  }
  // A block all of text, or a value that is text, is formatted on the range it is written through;
  // the text cells of blocks that also hold numbers or dates are formatted first, in one call.
  const allText = (b: Block) => b.values.every((r) => r.every(isText));
  const partly = textRanges(written.filter((b) => !allText(b)));
  if (partly.length) sheet.getRangeList(partly).setNumberFormat('@');
  for (const b of written) {
    const range = sheet.getRange(b.row, b.column, b.values.length, b.values[0]!.length);
    // Not copied: setValues sends the values, it keeps no hold on the arrays.
    (allText(b) ? range.setNumberFormat('@') : range).setValues(b.values as CellValue[][]);
  }
  for (const { value, areas } of groups.values()) {
    const [only] = areas;
    const target =
      areas.length === 1 && only
        ? sheet.getRange(only.row, only.column, only.rows, only.columns)
        : sheet.getRangeList(areas.map((a) => a1(a.row, a.column, a.rows, a.columns)));
    if (isText(value)) target.setNumberFormat('@');
    target.setValue(value);
  }
}
