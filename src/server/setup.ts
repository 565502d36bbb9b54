import { fill, messages } from '../core/i18n';
import { LANGS, type Lang } from '../core/lang';
import { planSetup, type ExistingSheet, type SheetPlan } from '../core/setup/plan';
import { DEFAULT_WIDTH, NUMBER_FORMAT, type ColumnDecl, type SheetKey } from '../core/sheets';
import { enumLabels } from '../core/table/labels';
import { cacheLanguage } from './adapters/properties';
import { writeBlock, type Workbook } from './adapters/workbook';
import { adjacentRuns, columnBodyA1 } from '../core/table/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupReport {
  lang: Lang;
  createdSheets: string[];
  addedColumns: { sheet: string; columns: string[] }[];
  addedSettings: string[];
  unknownColumns: { sheet: string; columns: string[] }[];
}

const HEADER_BACKGROUND = '#e8f0fe';
const DEFAULT_SHEET_NAME = /^(Sheet|工作表)\s*\d+$/;

function existingSheets(workbook: Workbook): Partial<Record<SheetKey, ExistingSheet>> {
  const found: Partial<Record<SheetKey, ExistingSheet>> = {};
  for (const key of workbook.presentKeys()) {
    const sheet = workbook.sheet(key)!;
    if (key === 'settings') {
      // The one sheet whose rows setup needs: it may add missing settings below them.
      const table = workbook.table('settings')!;
      found[key] = {
        name: sheet.getName(),
        header: table.values[0] ?? [],
        rows: table.values,
        lastRow: table.values.length,
      };
    } else {
      const lastColumn = sheet.getLastColumn();
      const header = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0]! : [];
      found[key] = { name: sheet.getName(), header, lastRow: sheet.getLastRow() };
    }
  }
  return found;
}

/** Identical columns share one rule, so a key per distinct rule ('' for none). */
function ruleKey(decl: ColumnDecl): string {
  if (decl.type === 'enum') return `enum:${decl.enum}`;
  if (decl.type === 'boolean' || decl.type === 'date' || decl.type === 'datetime') return decl.type;
  return '';
}

function buildRule(decl: ColumnDecl, lang: Lang): GoogleAppsScript.Spreadsheet.DataValidation {
  // Rules warn rather than reject: Houqin's own check explains a bad value in the user's language,
  // and a rejecting rule would also reject Houqin's writes of the other language's labels.
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  if (decl.type === 'enum' && decl.enum)
    return builder.requireValueInList(enumLabels(lang, decl.enum), true).build();
  if (decl.type === 'boolean') return builder.requireCheckbox().build();
  return builder.requireDate().setHelpText(messages(lang).setup.dateHelp).build();
}

/**
 * Formats, drop-downs and widths for the planned columns. Calls grow with the number of distinct
 * formats and runs of alike columns, never with rows.
 */
function layOutColumns(sheet: Sheet, plan: SheetPlan, lang: Lang): void {
  const lastRow = sheet.getMaxRows();
  if (lastRow >= 2) {
    const byFormat = new Map<string, string[]>();
    for (const { decl, column } of plan.columns) {
      const format = NUMBER_FORMAT[decl.type];
      if (format) byFormat.set(format, [...(byFormat.get(format) ?? []), columnBodyA1(column, lastRow)]);
    }
    for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
    const withRules = plan.columns.filter((c) => ruleKey(c.decl) !== '');
    for (const run of adjacentRuns(
      withRules,
      (c) => c.column,
      (c) => ruleKey(c.decl),
    ))
      sheet
        .getRange(2, run[0]!.column, lastRow - 1, run.length)
        .setDataValidation(buildRule(run[0]!.decl, lang));
  }
  const width = (c: SheetPlan['columns'][number]) => c.decl.width ?? DEFAULT_WIDTH[c.decl.type];
  for (const run of adjacentRuns(
    plan.columns,
    (c) => c.column,
    (c) => String(width(c)),
  ))
    sheet.setColumnWidths(run[0]!.column, run.length, width(run[0]!));
}

const PROTECTION_LABELS = new Set(LANGS.map((l) => messages(l).setup.headerProtection));

/**
 * Bold, frozen header with a warning-only protection: renaming a header would hide the column from
 * Houqin, so Sheets asks before anyone edits it. An older, narrower protection of ours is replaced.
 */
function styleHeader(sheet: Sheet, width: number, isNew: boolean, lang: Lang): void {
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  if (!isNew)
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE))
      if (PROTECTION_LABELS.has(p.getDescription())) p.remove();
  header.protect().setDescription(messages(lang).setup.headerProtection).setWarningOnly(true);
}

function applyPlan(workbook: Workbook, plan: SheetPlan, lang: Lang, position: number): void {
  const sheet = plan.create
    ? workbook.spreadsheet.insertSheet(plan.name, position)
    : workbook.sheet(plan.key)!;
  if (plan.write) writeBlock(sheet, plan.write.row, plan.write.column, plan.write.values);
  if (!plan.columns.length) return;
  layOutColumns(sheet, plan, lang);
  styleHeader(sheet, plan.columns[plan.columns.length - 1]!.column, plan.create, lang);
}

/** Google's untouched "Sheet1" of a new spreadsheet: removing it loses nothing. */
function removeBlankDefaultSheet(workbook: Workbook, others: GoogleAppsScript.Spreadsheet.Sheet[]): void {
  for (const sheet of others)
    if (DEFAULT_SHEET_NAME.test(sheet.getName()) && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0)
      workbook.spreadsheet.deleteSheet(sheet);
}

/**
 * "Set up workbook": creates what is missing and nothing else. Existing sheets keep every cell;
 * at most one read and one write per sheet.
 */
export function setUpWorkbook(workbook: Workbook): SetupReport {
  const lang = workbook.settings().settings.language;
  const plans = planSetup(existingSheets(workbook), lang, workbook.timeZone);
  const others = workbook.otherSheets();
  let position = 0;
  for (const plan of plans) {
    // Template sheets keep template order, ahead of the office's own sheets.
    applyPlan(workbook, plan, lang, position);
    position += 1;
  }
  if (plans.some((p) => p.create)) removeBlankDefaultSheet(workbook, others);
  workbook.forgetSheets();
  cacheLanguage(lang);
  return {
    lang,
    createdSheets: plans.filter((p) => p.create).map((p) => p.name),
    addedColumns: plans
      .filter((p) => p.addedColumns.length)
      .map((p) => ({ sheet: p.name, columns: p.addedColumns })),
    addedSettings: plans.flatMap((p) => p.addedSettings),
    unknownColumns: plans
      .filter((p) => p.unknownColumns.length)
      .map((p) => ({ sheet: p.name, columns: p.unknownColumns })),
  };
}

export function describeSetup(report: SetupReport): string {
  const m = messages(report.lang).setup;
  const lines: string[] = [];
  if (report.createdSheets.length)
    lines.push(fill(m.createdSheets, { names: report.createdSheets.join('、') }));
  for (const a of report.addedColumns)
    lines.push(fill(m.addedColumns, { sheet: a.sheet, names: a.columns.join('、') }));
  if (report.addedSettings.length)
    lines.push(fill(m.addedSettings, { names: report.addedSettings.join('、') }));
  if (!lines.length) lines.push(m.nothingToDo);
  for (const u of report.unknownColumns)
    lines.push(fill(m.unknownColumns, { sheet: u.sheet, names: u.columns.join('、') }));
  return [m.done, ...lines].join('\n');
}
