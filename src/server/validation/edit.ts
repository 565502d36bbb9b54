import type { SheetKey } from '../../core/sheets';
import { sheetKeyOf } from '../../core/table/labels';
import { checkWorkbook, CHECKED_SHEETS, sheetsNeededFor } from '../../core/validate';
import { BusyError, withDocumentLock } from '../adapters/lock';
import type { Workbook } from '../adapters/workbook';
import type { EditHandler } from '../edit';
import { storeFixes } from './fixes';
import { wantedMarks, writeMarks } from './marks';
import { readForValidation } from './read';

/**
 * Checks the rows an edit touched, as the person types: one read of the edited sheet (and of the
 * sheets its rules look up), then one write of values tidied and one of marks for the touched
 * block — a 500-row paste costs the same calls as one cell. Editing the header re-checks the whole
 * sheet, since columns may have moved. Clearing a row clears its marks.
 */
export const validateEdit: EditHandler = (e, workbook) => {
  const sheet = e.range.getSheet();
  const key = sheetKeyOf(sheet.getName());
  if (!key || !CHECKED_SHEETS.includes(key)) return;
  try {
    // A person is waiting on the cell: do not queue behind a long run; "Check all" will catch up.
    withDocumentLock(() => checkEditedRows(workbook, key, e.range), 3_000);
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
  }
};

function checkEditedRows(workbook: Workbook, key: SheetKey, range: GoogleAppsScript.Spreadsheet.Range): void {
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
}

function touchesDeclaredColumn(
  index: Readonly<Record<string, number>>,
  range: GoogleAppsScript.Spreadsheet.Range,
) {
  const from = range.getColumn() - 1;
  const to = range.getLastColumn() - 1;
  return Object.values(index).some((c) => c >= from && c <= to);
}
