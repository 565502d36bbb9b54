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

/** Runs of adjacent rows with the same top and bottom row, in column order. */
interface RunGroup {
  readonly top: number;
  readonly runs: { column: number; values: CellValue[] }[];
}

/** Whether cells are already in column, then row, order (as storeFixes hands them). */
function inColumnOrder(cells: readonly CellWrite[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1]!;
    const b = cells[i]!;
    if (b.column < a.column || (b.column === a.column && b.row < a.row)) return false;
  }
  return true;
}

// A run's key: its top and bottom row as one number (Sheets has far fewer than 2^24 rows).
const RUN_KEY = 16_777_216;

function blocksOf(cells: readonly CellWrite[]): Block[] {
  // Cells in column then row order; of two writes to one cell the later wins. Cells already in
  // that order (thousands of tidied cells, column by column) are taken as they come.
  let order: readonly number[] | null = null;
  if (!inColumnOrder(cells)) {
    const sorted = cells.map((_, i) => i);
    sorted.sort((i, j) => cells[i]!.column - cells[j]!.column || cells[i]!.row - cells[j]!.row || i - j);
    order = sorted;
  }
  // Runs of adjacent rows, per column, grouped by their rows (in the order first met); then runs
  // with the same rows in adjacent columns joined.
  const groups: RunGroup[] = [];
  const byRows = new Map<number, RunGroup>();
  let column = 0;
  let top = 0;
  let values: CellValue[] | null = null;
  const close = (): void => {
    if (!values) return;
    const key = top * RUN_KEY + (top + values.length - 1);
    let group = byRows.get(key);
    if (!group) {
      group = { top, runs: [] };
      byRows.set(key, group);
      groups.push(group);
    }
    group.runs.push({ column, values });
  };
  for (let n = 0; n < cells.length; n++) {
    const cell = cells[order ? order[n]! : n]!;
    const { row, value } = cell;
    if (values && column === cell.column) {
      const bottom = top + values.length - 1;
      if (row === bottom) {
        values[values.length - 1] = value;
        continue;
      }
      if (row === bottom + 1) {
        values.push(value);
        continue;
      }
    }
    close();
    column = cell.column;
    top = row;
    values = [value];
  }
  close();
  const blocks: Block[] = [];
  for (const { top: row, runs } of groups) {
    for (let start = 0; start < runs.length;) {
      let end = start + 1;
      while (end < runs.length && runs[end]!.column === runs[end - 1]!.column + 1) end++;
      const height = runs[start]!.values.length;
      const rows: CellValue[][] = [];
      for (let r = 0; r < height; r++) {
        const line: CellValue[] = [];
        for (let g = start; g < end; g++) line.push(runs[g]!.values[r]!);
        rows.push(line);
      }
      blocks.push({ row, column: runs[start]!.column, values: rows });
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
  for (const { row, column, values } of blocks) {
    // Row by row (the Problems sheet's tens of thousands of rows), each column's runs kept apart,
    // then listed column by column, each column's runs from the top.
    const width = values[0]!.length;
    const runs: string[][] = [];
    const open: number[] = [];
    for (let c = 0; c < width; c++) {
      runs.push([]);
      open.push(-1);
    }
    for (let r = 0; r <= values.length; r++) {
      const line = r < values.length ? values[r]! : null;
      for (let c = 0; c < width; c++) {
        const text = line !== null && isText(line[c]!);
        if (text && open[c]! < 0) open[c] = r;
        else if (!text && open[c]! >= 0) {
          runs[c]!.push(a1(row + open[c]!, column + c, r - open[c]!, 1));
          open[c] = -1;
        }
      }
    }
    for (let c = 0; c < width; c++) for (const range of runs[c]!) out.push(range);
  }
  return out;
}

/** A key equal for values Sheets stores the same way. */
function valueKey(v: CellValue): string {
  if (isDate(v)) return `d${v.getTime()}`;
  return `${typeof v}:${String(v)}`;
}

/** The key of the one value every cell of the block holds, or null when they differ. */
function onlyKey(b: Block): string | null {
  const key = valueKey(b.values[0]![0]!);
  // By index, not for…of: most blocks are one tidied cell, thousands of them.
  for (let r = 0; r < b.values.length; r++) {
    const row = b.values[r]!;
    for (let c = r === 0 ? 1 : 0; c < row.length; c++) if (valueKey(row[c]!) !== key) return null;
  }
  return key;
}

function writeBlocks(sheet: Sheet, blocks: readonly Block[]): void {
  if (!blocks.length) return;
  const groups = new Map<string, { value: CellValue; areas: Area[] }>();
  const mixed: Block[] = [];
  const join = (key: string, value: CellValue, area: Area) => {
    const group = groups.get(key);
    if (group) group.areas.push(area);
    else groups.set(key, { value, areas: [area] });
  };
  for (const b of blocks) {
    const key = onlyKey(b);
    const area = { row: b.row, column: b.column, rows: b.values.length, columns: b.values[0]!.length };
    if (key !== null) join(key, b.values[0]![0]!, area);
    else mixed.push(b);
  }
  const written: Block[] = [];
  for (const b of mixed) {
    if (b.values.every((r) => r.every((v) => groups.has(valueKey(v)))))
      b.values.forEach((r, i) =>
        r.forEach((v, j) =>
          join(valueKey(v), v, { row: b.row + i, column: b.column + j, rows: 1, columns: 1 }),
        ),
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
