import { columnHeader, sheetName } from '../../core/table/labels';
import { sheetDecl, type SheetKey } from '../../core/sheets';
import { checkWorkbook, CHECKED_SHEETS, type Problem } from '../../core/validate';
import {
  buildReport,
  problemRows,
  reportProblems,
  type CheckReport,
  type ReportedProblem,
  type SheetPlace,
} from '../../core/validate/report';
import type { Lang } from '../../core/lang';
import { withDocumentLock } from '../adapters/lock';
import { writeBlock, type Workbook } from '../adapters/workbook';
import { storeFixes } from './fixes';
import { wantedMarks, writeMarks } from './marks';
import { readForValidation } from './read';

/**
 * "Check all sheets": reads every template sheet once, checks the whole workbook, tidies certain
 * values in place, marks and unmarks cells (one write per sheet that changes), and rebuilds the
 * Problems sheet. Under the document lock; running it twice changes nothing the second time.
 */
export function checkAllSheets(workbook: Workbook): CheckReport {
  return withDocumentLock(() => {
    const { input, tables } = readForValidation(workbook, CHECKED_SHEETS);
    const lang = input.settings.language;
    const check = checkWorkbook(input);
    const places = new Map<SheetKey, SheetPlace>();
    for (const [key, table] of tables)
      places.set(key, { name: table.sheet.getName(), gid: table.sheet.getSheetId(), layout: table.layout });
    const settings = workbook.sheet('settings');
    if (settings && check.problems.some((p) => p.sheet === 'settings'))
      places.set('settings', { name: settings.getName(), gid: settings.getSheetId() });

    const bySheet = groupBySheet(check.problems);
    for (const [key, table] of tables) {
      const fixes = check.fixes.filter((f) => f.sheet === key);
      if (fixes.length) storeFixes(table, fixes, input.timeZone);
      const wanted = wantedMarks(table.layout, bySheet.get(key) ?? [], fixes, lang, input.timeZone);
      writeMarks(table.sheet, 2, table.values.length, table.layout.width, wanted, lang);
    }
    const all = reportProblems(check, places, lang);
    writeProblemsSheet(workbook, lang, all);
    return buildReport(check, all, places, lang, workbook.spreadsheet.getUrl());
  });
}

function groupBySheet(problems: readonly Problem[]): Map<SheetKey, Problem[]> {
  const out = new Map<SheetKey, Problem[]>();
  for (const p of problems) {
    const list = out.get(p.sheet);
    if (list) list.push(p);
    else out.set(p.sheet, [p]);
  }
  return out;
}

/** Clears the old list (one clearContent) and writes the new one (one setValues). Creates the sheet if missing. */
function writeProblemsSheet(workbook: Workbook, lang: Lang, problems: readonly ReportedProblem[]): void {
  let sheet = workbook.sheet('problems');
  if (!sheet) {
    sheet = workbook.spreadsheet.insertSheet(sheetName(lang, 'problems'));
    const header = sheetDecl('problems').columns.map((c) => columnHeader(lang, 'problems', c.key));
    writeBlock(sheet, 1, 1, [header]);
    workbook.forgetSheets();
  }
  const last = sheet.getLastRow();
  const width = sheetDecl('problems').columns.length;
  if (last >= 2) sheet.getRange(2, 1, last - 1, width).clearContent();
  writeBlock(sheet, 2, 1, problemRows({ lang }, problems));
}
