import type { Lang } from '../../core/lang';
import type { SheetKey } from '../../core/sheets';
import { adjacentRuns } from '../../core/table/a1';
import { sheetKeyOf } from '../../core/table/labels';
import { checkWorkbook, CHECKED_SHEETS, sheetsNeededFor, type Problem } from '../../core/validate';
import { twinRows } from '../../core/validate/twins';
import { wantedMarks } from '../../core/validate/marks';
import { BusyError, withDocumentLock } from '../adapters/lock';
import type { Table, Workbook } from '../adapters/workbook';
import type { EditHandler } from '../edit';
import { storeFixes } from './fixes';
import { writeMarks } from './marks';
import { readForValidation } from './read';

/**
 * At most this many runs of other rows get their duplicate marks redone on an edit (4 calls each);
 * beyond that, Check all sheets catches up.
 */
const MAX_TWIN_RUNS = 5;

/**
 * Checks the rows an edit touched, as the person types: one read of the edited sheet (and of the
 * sheets its rules look up), then one write of values tidied and one of marks for the touched
 * block — a 500-row paste costs the same calls as one cell. Editing the header re-checks the whole
 * sheet, since columns may have moved. Clearing a row clears its marks. An edit to a unique column
 * also redoes the marks of the rows holding the same value, or the value the cell held before.
 */
export const validateEdit: EditHandler = (e, workbook) => {
  const sheet = e.range.getSheet();
  const key = sheetKeyOf(sheet.getName());
  if (!key || !CHECKED_SHEETS.includes(key)) return;
  try {
    // A person is waiting on the cell: do not queue behind a long run; "Check all" will catch up.
    withDocumentLock(() => checkEditedRows(workbook, key, e.range, e.oldValue), 3_000);
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
  }
};

function checkEditedRows(
  workbook: Workbook,
  key: SheetKey,
  range: GoogleAppsScript.Spreadsheet.Range,
  oldValue: unknown,
): void {
  const { input, tables } = readForValidation(workbook, sheetsNeededFor(key));
  const table = tables.get(key);
  if (!table) return;
  const headerEdited = range.getRow() === 1;
  const first = Math.max(2, range.getRow());
  const last = headerEdited ? Math.max(table.values.length, range.getLastRow()) : range.getLastRow();
  if (last < first) return;
  if (!headerEdited && !touchesDeclaredColumn(table.layout.index, range)) return;
  const inRows = <T extends { row: number }>(items: readonly T[]) =>
    items.filter((i) => i.row >= first && i.row <= last);
  const check = checkWorkbook(input, [key]);
  const fixes = inRows(check.fixes);
  const lang = input.settings.language;
  if (fixes.length) storeFixes(table, fixes, input.timeZone);
  const wanted = wantedMarks(table.layout, inRows(check.problems), fixes, lang, input.timeZone);
  // The block spans the header's width and the edit's: a renamed header leaves its old marks to clear.
  writeMarks(table.sheet, first, last, Math.max(table.layout.width, range.getLastColumn()), wanted, lang);
  if (!headerEdited)
    remarkTwins(table, check.problems, { first, last, range, oldValue }, input.timeZone, lang);
}

function remarkTwins(
  table: Table,
  problems: readonly Problem[],
  edit: { first: number; last: number; range: GoogleAppsScript.Spreadsheet.Range; oldValue: unknown },
  timeZone: string,
  lang: Lang,
): void {
  const block = {
    first: edit.first,
    last: edit.last,
    fromColumn: edit.range.getColumn() - 1,
    toColumn: edit.range.getLastColumn() - 1,
  };
  const twins = twinRows(table.layout, table.values, block, edit.oldValue, timeZone);
  const runs = adjacentRuns(
    twins,
    (row) => row,
    () => '',
  ).slice(0, MAX_TWIN_RUNS);
  for (const run of runs) {
    const top = run[0]!;
    const bottom = run[run.length - 1]!;
    const inRun = problems.filter((p) => p.row >= top && p.row <= bottom);
    writeMarks(
      table.sheet,
      top,
      bottom,
      table.layout.width,
      wantedMarks(table.layout, inRun, [], lang, timeZone),
      lang,
    );
  }
}

function touchesDeclaredColumn(
  index: Readonly<Record<string, number>>,
  range: GoogleAppsScript.Spreadsheet.Range,
) {
  const from = range.getColumn() - 1;
  const to = range.getLastColumn() - 1;
  return Object.values(index).some((c) => c >= from && c <= to);
}
