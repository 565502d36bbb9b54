import type { Lang } from '../../core/lang';
import { sheetDecl, type SheetKey } from '../../core/sheets';
import { adjacentRuns, mapHeaders, type TableLayout } from '../../core/table';
import { dayOf } from '../../core/time';
import {
  checkWorkbook,
  CHECKED_SHEETS,
  sheetsNeededFor,
  checkEdit,
  planEdit,
  type CellMark,
  type EditCheck,
  type LookupReads,
  type ReadColumns,
  wantedMarks,
} from '../../core/validate';
import { BusyError, withDocumentLock } from '../adapters/lock';
import type { Table, Workbook } from '../adapters/workbook';
import type { Bounds, Edit, EditHandler } from '../edit';
import { storeFixes } from './fixes';
import { remarkBlock, writeMarks } from './marks';
import { readForValidation } from './read';
import { sheetValues } from '../adapters/values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * At most this many runs of other rows get their duplicate marks redone on an edit (2 to 5 calls each);
 * beyond that, Check all sheets catches up.
 */
const MAX_TWIN_RUNS = 5;

/**
 * Checks the rows an edit touched, as the person types. It reads the edited rows, the header, the
 * columns its rules compare across rows (the id column for duplicates, a stock item's movements)
 * and, in the sheets the edited rows look up, only the columns looked up (the Roster's names for a
 * custodian) — never a whole data sheet — then writes values tidied and marks for the edited block
 * once each: a 500-row paste costs the calls of one cell, at any sheet size. An edit to a unique
 * column also redoes the duplicate marks of the rows holding the same value, or the value the cell
 * held before. Editing the header re-checks the whole sheet, since columns may have moved.
 *
 * The document lock is taken only to write values (tidied cells, or a header edit's re-check), not
 * for marks. Marks are a function of the rows read in this same execution, written at once; the
 * lock would only order them after another run's marks, and with the lock busy the edit used to
 * give up and leave that run's marks anyway. A value written, though, must come from what was read
 * under the lock: a one-cell edit that tidies reads its row again inside it (and is checked again
 * if the row changed); a block is read under the lock from the start.
 */
export const validateEdit: EditHandler = (e, workbook, edit) => {
  if (!CHECKED_SHEETS.includes(edit.key)) return;
  const bounds = edit.bounds();
  const block = bounds.lastRow > bounds.row || bounds.lastColumn > bounds.column;
  try {
    // A person is waiting on the cell: do not queue behind a long run; "Check all" will catch up.
    if (bounds.row === 1) withDocumentLock(() => checkHeaderEdit(workbook, edit.key, bounds), 3_000);
    // A pasted or filled block most often brings values to tidy: locking before reading it costs
    // less than reading it twice.
    else if (block) withDocumentLock(() => checkEditedRows(workbook, edit, bounds, e.oldValue, true), 3_000);
    else checkEditedRows(workbook, edit, bounds, e.oldValue);
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
  }
};

/** Some columns of a sheet, whole (row 1 down), in one read spanning the first to the last. */
function readColumns(sheet: Sheet, layout: TableLayout, keys: readonly string[]): ReadColumns {
  const at = keys.map((k) => layout.index[k]).filter((c): c is number => c !== undefined);
  if (!at.length) return {};
  const left = Math.min(...at);
  const right = Math.max(...at);
  // -1 rows: down to the sheet's last row with content.
  const block = sheetValues(sheet, 1, left + 1, -1, right - left + 1);
  const out: Record<string, unknown[]> = {};
  for (const k of keys) {
    const c = layout.index[k];
    if (c !== undefined) out[k] = block.map((r) => r[c - left]);
  }
  return out;
}

/**
 * Columns of a looked-up sheet with its header, in one read where the template's order allows it:
 * when the first column wanted is the sheet's first (the Roster's names, a stock item's id), the
 * sheet's columns from the first to the last one wanted, header row included — fewer cells than the
 * header and the columns read apart. Otherwise, or when the header shows a wanted column elsewhere
 * (moved by the office), the header and then the columns are read, as before.
 */
function readLookup(sheet: Sheet, key: SheetKey, columns: readonly string[]): LookupReads[SheetKey] {
  const decl = sheetDecl(key);
  const at = columns.map((c) => decl.columns.findIndex((d) => d.key === c));
  if (at.length && Math.min(...at) === 0) {
    const block = sheetValues(sheet, 1, 1, -1, Math.max(...at) + 1);
    const header = block[0] ?? [];
    const layout = mapHeaders(decl, header);
    // The first header of a name wins (mapHeaders): one found in these columns is the sheet's.
    if (columns.every((c) => layout.index[c] !== undefined)) {
      const out: Record<string, unknown[]> = {};
      for (const c of columns) out[c] = block.map((r) => r[layout.index[c]!]);
      return { header, columns: out };
    }
  }
  const header = sheetValues(sheet, 1, 1, 1, -1)[0] ?? [];
  return { header, columns: readColumns(sheet, mapHeaders(decl, header), columns) };
}

/**
 * Checks the edited rows and writes what the check finds. `locked`: called under the document
 * lock; `again`: the rows changed before the lock was taken, so the header is read again too.
 */
function checkEditedRows(
  workbook: Workbook,
  edit: Edit,
  bounds: Bounds,
  oldValue: unknown,
  locked = false,
  again = false,
): void {
  const { sheet, key } = edit;
  const header = again ? (sheetValues(sheet, 1, 1, 1, -1)[0] ?? []) : edit.header();
  const layout = mapHeaders(sheetDecl(key), header);
  if (!touchesDeclaredColumn(layout.index, bounds)) return;
  const first = bounds.row;
  const last = bounds.lastRow;
  const width = Math.max(1, header.length);
  const readRows = () => sheetValues(sheet, first, 1, last - first + 1, width);
  const rows = readRows();
  const timeZone = workbook.timeZone;
  const plan = planEdit(key, header, first, rows, timeZone);
  const lookups: LookupReads = {};
  for (const lookup of plan.lookups) {
    const other = workbook.sheet(lookup.sheet);
    if (other) lookups[lookup.sheet] = readLookup(other, lookup.sheet, lookup.columns);
  }
  // Settings are read when a rule asks for them or a note is written (for its language).
  const readSettings = () => workbook.settings().settings;
  const result = checkEdit({
    timeZone,
    get settings() {
      return readSettings();
    },
    today: dayOf(new Date(), timeZone),
    sheet: key,
    header,
    first,
    rows,
    fromColumn: bounds.column - 1,
    toColumn: bounds.lastColumn - 1,
    oldValue,
    own: readColumns(sheet, layout, plan.own),
    lookups,
  });
  const lang = () => readSettings().language;
  if (result.fixes.length && !locked) {
    // Values are written: from rows read under the lock. Unchanged rows keep the check made.
    withDocumentLock(() => {
      if (sameValues(readRows(), rows))
        writeEdit(edit, layout, header, first, bounds, rows, result, lang, timeZone);
      else checkEditedRows(workbook, edit, bounds, oldValue, true, true);
    }, 3_000);
    return;
  }
  writeEdit(edit, layout, header, first, bounds, rows, result, lang, timeZone);
}

/** Two reads of the same cells hold the same values. */
function sameValues(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  const same = (x: unknown, y: unknown) =>
    x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  return (
    a.length === b.length &&
    a.every((row, r) => row.length === b[r]!.length && row.every((v, c) => same(v, b[r]![c])))
  );
}

/** Writes what an edit's check found: tidied values, then the edited block's marks and its twins'. */
function writeEdit(
  edit: Edit,
  layout: TableLayout,
  header: readonly unknown[],
  first: number,
  bounds: Bounds,
  rows: unknown[][],
  check: EditCheck,
  lang: () => Lang,
  timeZone: string,
): void {
  const { sheet, key } = edit;
  if (check.fixes.length) {
    // The edited rows in their sheet rows; nothing else was read.
    const values: unknown[][] = [[...header]];
    rows.forEach((r, i) => (values[first - 1 + i] = r));
    const table: Table = { key, sheet, layout, values, rows: [] };
    storeFixes(table, check.fixes, timeZone);
  }
  const wanted = () =>
    check.problems.length || check.fixes.length
      ? wantedMarks(layout, check.problems, check.fixes, lang(), timeZone)
      : new Map<number, CellMark>();
  // The block spans the header's width and the edit's: an old mark beyond the header is cleared too.
  remarkBlock(sheet, first, bounds.lastRow, Math.max(layout.width, bounds.lastColumn), wanted, lang);
  remarkTwins(sheet, layout, check, timeZone, lang);
}

/** Redoes the marks of the id cells that were, or became, twins of an edited cell. */
function remarkTwins(
  sheet: Sheet,
  layout: TableLayout,
  check: EditCheck,
  timeZone: string,
  lang: () => Lang,
): void {
  const runs = adjacentRuns(
    check.twins,
    (t) => t.row,
    (t) => t.column,
  ).slice(0, MAX_TWIN_RUNS);
  for (const run of runs) {
    const column = layout.index[run[0]!.column]!;
    const problems = run.flatMap((t) => t.problems);
    const top = run[0]!.row;
    const bottom = run[run.length - 1]!.row;
    const wanted = () =>
      problems.length ? wantedMarks(layout, problems, [], lang(), timeZone) : new Map<number, CellMark>();
    remarkBlock(sheet, top, bottom, 1, wanted, lang, column);
  }
}

/** A header edit may have moved columns: the whole sheet is read and its rows re-marked. */
function checkHeaderEdit(workbook: Workbook, key: SheetKey, bounds: Bounds): void {
  const { input, tables } = readForValidation(workbook, sheetsNeededFor(key));
  const table = tables.get(key);
  if (!table) return;
  const last = Math.max(table.values.length, bounds.lastRow);
  if (last < 2) return;
  const check = checkWorkbook(input, [key]);
  const lang = input.settings.language;
  const fixes = check.fixes;
  if (fixes.length) storeFixes(table, fixes, input.timeZone);
  const problems = check.problems.filter((p) => p.row >= 2);
  const wanted = wantedMarks(table.layout, problems, fixes, lang, input.timeZone);
  // The block spans the header's width and the edit's: a renamed header leaves its old marks to clear.
  writeMarks(table.sheet, 2, last, Math.max(table.layout.width, bounds.lastColumn), wanted, lang);
}

function touchesDeclaredColumn(index: Readonly<Record<string, number>>, bounds: Bounds) {
  return Object.values(index).some((c) => c >= bounds.column - 1 && c <= bounds.lastColumn - 1);
}
