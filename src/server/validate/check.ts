import {
  CHECKED_SHEETS,
  checkAll,
  type CheckAllChanges,
  type SheetRead,
  type CheckReport,
} from '../../core/validate';
import type { SheetKey } from '../../core/sheets';
import { withDocumentLock } from '../adapters/lock';
import { writeBlock, type Workbook } from '../adapters/workbook';
import { storeFixes } from './fixes';
import { readMarks, writePlacedMarks } from './marks';
import { readForValidation } from './read';

/**
 * "Check all sheets", under the document lock: reads every template sheet once (its values, and the
 * backgrounds and notes of its records), makes one core call that returns every change, then writes
 * them: values tidied in place, marks (one write per sheet that changes), the Problems sheet.
 * Running it twice changes nothing the second time.
 */
export function checkAllSheets(workbook: Workbook): CheckReport {
  return withDocumentLock(() => {
    const { input, tables } = readForValidation(workbook, CHECKED_SHEETS);
    const sheets: Partial<Record<SheetKey, SheetRead>> = {};
    for (const [key, table] of tables)
      sheets[key] = {
        name: workbook.nameOf(table.sheet),
        gid: table.sheet.getSheetId(),
        cells: readMarks(table.sheet, 2, table.values.length, table.layout.width),
      };
    const settings = workbook.sheet('settings');
    const changes = checkAll({
      workbook: input,
      sheets,
      settings: settings && { name: workbook.nameOf(settings), gid: settings.getSheetId() },
      url: workbook.spreadsheet.getUrl(),
    });

    for (const [key, table] of tables) {
      const fixes = changes.fixes[key];
      if (fixes) storeFixes(table, fixes, input.timeZone);
      const marks = changes.marks[key];
      if (marks) writePlacedMarks(table.sheet, marks);
    }
    writeProblemsSheet(workbook, changes.problems);
    return changes.report;
  });
}

/** Clears the old list (one clearContent) and writes the new one (one setValues). Creates the sheet if missing. */
function writeProblemsSheet(workbook: Workbook, problems: CheckAllChanges['problems']): void {
  let sheet = workbook.sheet('problems');
  if (!sheet) {
    sheet = workbook.spreadsheet.insertSheet(problems.name);
    writeBlock(sheet, 1, 1, [problems.header]);
    workbook.forgetSheets();
  }
  const last = sheet.getLastRow();
  if (last >= 2) sheet.getRange(2, 1, last - 1, problems.header.length).clearContent();
  writeBlock(sheet, 2, 1, problems.rows);
}
