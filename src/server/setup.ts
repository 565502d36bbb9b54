import { fill, messages } from '../core/i18n';
import { LANGS, type Lang } from '../core/lang';
import {
  planSetup,
  type ExistingSheet,
  type SheetPlan,
  AUTOMATIC_FORMATS,
  columnFormat,
  ruleKey,
  widthRuns,
} from '../core/setup';
import type { ColumnDecl, SheetKey } from '../core/sheets';
import { enumLabels } from '../core/table';
import { cacheLanguage } from './adapters/properties';
import { ensureSize, type Workbook } from './adapters/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface SetupReport {
  lang: Lang;
  createdSheets: string[];
  /** Blank default sheets ("Sheet1") removed because a template sheet now leads the workbook. */
  removedSheets: string[];
  addedColumns: { sheet: string; columns: string[] }[];
  addedSettings: string[];
  unknownColumns: { sheet: string; columns: string[] }[];
  /** Sheets under Houqin's names whose first row is not Houqin's header: left as they are. */
  foreignSheets?: string[];
  /** Sheets found under a former name and renamed to today's. */
  renamedSheets: { from: string; to: string }[];
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
      };
    } else {
      const lastColumn = sheet.getLastColumn();
      const header = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0]! : [];
      found[key] = { name: sheet.getName(), header };
    }
  }
  return found;
}

type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/**
 * Every drop-down, checkbox and date rule the plans need, each built once and shared by every
 * sheet. One builder serves them all: each require… replaces its criteria and build() takes a copy.
 * Rules warn rather than reject: Houqin's own check explains a bad value in the user's language,
 * and a rejecting rule would also reject Houqin's writes of the other language's labels.
 */
function buildRules(plans: readonly SheetPlan[], lang: Lang): Map<string, Rule> {
  const decls = new Map<string, ColumnDecl>();
  for (const { decl } of plans.flatMap((p) => p.columns)) {
    const key = ruleKey(decl);
    if (key && !decls.has(key)) decls.set(key, decl);
  }
  const rules = new Map<string, Rule>();
  if (!decls.size) return rules;
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  // The date rule last: its help text stays on the builder.
  const keys = [...decls.keys()].sort((a, b) => Number(a === 'date') - Number(b === 'date'));
  for (const key of keys) {
    const decl = decls.get(key)!;
    if (decl.type === 'enum' && decl.enum) builder.requireValueInList(enumLabels(lang, decl.enum), true);
    else if (decl.type === 'boolean') builder.requireCheckbox();
    else builder.requireDate().setHelpText(messages(lang).setup.dateHelp);
    rules.set(key, builder.build());
  }
  return rules;
}

/** What every sheet inserted in this run starts with: Sheets gives them all the same size. */
interface NewSheetSize {
  rows: number;
  columns: number;
  width: number;
}

/**
 * Number formats and rules of the planned columns, each one grid over the rows below the header
 * (the planned columns are adjacent: a new sheet's, or those added at the right). Set before any
 * value is written, so text such as '8' or '00123' stays text.
 */
function layOutBody(sheet: Sheet, plan: SheetPlan, rules: ReadonlyMap<string, Rule>, maxRows: number): void {
  if (maxRows < 2) return;
  const first = plan.columns[0]!.column;
  const body = sheet.getRange(2, first, maxRows - 1, plan.columns.length);
  const formats = plan.columns.map((c) => columnFormat(c.decl));
  body.setNumberFormats(Array.from({ length: maxRows - 1 }, () => formats));
  const row = plan.columns.map((c) => rules.get(ruleKey(c.decl)) ?? null);
  if (row.some((r) => r !== null)) body.setDataValidations(Array.from({ length: maxRows - 1 }, () => row));
}

/** Writes the plan's values in one call; a new sheet's size is known, so it is not asked again. */
function writeValues(sheet: Sheet, write: NonNullable<SheetPlan['write']>, size: NewSheetSize | null) {
  const { row, column, values } = write;
  const width = values[0]!.length;
  if (!size || row + values.length - 1 > size.rows || column + width - 1 > size.columns)
    ensureSize(sheet, row + values.length - 1, column + width - 1);
  const range = sheet.getRange(row, column, values.length, width);
  range.setValues(values);
  return range;
}

const PROTECTION_LABELS = new Set(LANGS.map((l) => messages(l).setup.headerProtection));

/**
 * A warning-only protection over the whole header: renaming a header would hide the column from
 * Houqin, so Sheets asks before anyone edits it. An older, narrower protection of ours is replaced.
 */
function protectHeader(sheet: Sheet, header: Range, isNew: boolean, lang: Lang): void {
  if (!isNew)
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE))
      if (PROTECTION_LABELS.has(p.getDescription())) p.remove();
  header.protect().setDescription(messages(lang).setup.headerProtection).setWarningOnly(true);
}

function applyPlan(
  workbook: Workbook,
  plan: SheetPlan,
  lang: Lang,
  position: number,
  rules: ReadonlyMap<string, Rule>,
  newSheetSize: (sheet: Sheet) => NewSheetSize,
): void {
  const sheet = plan.create
    ? workbook.spreadsheet.insertSheet(plan.name, position)
    : workbook.sheet(plan.key)!;
  if (plan.renamedFrom) sheet.setName(plan.name);
  const size = plan.create ? newSheetSize(sheet) : null;
  if (plan.columns.length) layOutBody(sheet, plan, rules, size?.rows ?? sheet.getMaxRows());
  const written = plan.write ? writeValues(sheet, plan.write, size) : null;
  if (!plan.columns.length) return;
  const first = plan.columns[0]!.column;
  const last = plan.columns[plan.columns.length - 1]!.column;
  // Only the header cells Houqin adds are styled: the office's own header cells keep their look.
  const onlyHeader = plan.write?.row === 1 && plan.write.values.length === 1;
  const added = onlyHeader && written ? written : sheet.getRange(1, first, 1, last - first + 1);
  added.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  protectHeader(sheet, first === 1 ? added : sheet.getRange(1, 1, 1, last), plan.create, lang);
  if (plan.create || sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  for (const run of widthRuns(plan.columns, size?.width ?? null))
    sheet.setColumnWidths(run.column, run.count, run.width);
}

/** Sheets reports an unformatted, uncoloured cell so. */
const BLANK_BACKGROUND = '#ffffff';

/**
 * Google's untouched "Sheet1" of a new spreadsheet: no value or formula, note, rule, number
 * format or colour anywhere. A sheet the office only formatted or annotated is kept.
 */
function isUntouched(sheet: Sheet): boolean {
  if (sheet.getLastRow() > 0) return false;
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  const every = <T>(grid: T[][], blank: (cell: T) => boolean) => grid.every((r) => r.every(blank));
  return (
    every(all.getNotes(), (n) => n === '') &&
    every(all.getDataValidations(), (v) => v === null) &&
    every(all.getNumberFormats(), (f) => AUTOMATIC_FORMATS.includes(f)) &&
    every(all.getBackgrounds(), (b) => b === BLANK_BACKGROUND)
  );
}

/** Removes the blank default sheets among `others` and returns their names. */
function removeBlankDefaultSheets(workbook: Workbook, others: readonly Sheet[]): string[] {
  const removed: string[] = [];
  for (const sheet of others) {
    const name = sheet.getName();
    if (DEFAULT_SHEET_NAME.test(name) && isUntouched(sheet)) {
      workbook.spreadsheet.deleteSheet(sheet);
      removed.push(name);
    }
  }
  return removed;
}

/**
 * "Set up workbook": creates what is missing and nothing else. Existing sheets keep every cell;
 * at most one read and one write per sheet.
 */
export function setUpWorkbook(workbook: Workbook): SetupReport {
  const lang = workbook.settings().settings.language;
  const plans = planSetup(existingSheets(workbook), lang, workbook.timeZone);
  const others = workbook.otherSheets();
  const rules = buildRules(plans, lang);
  let size: NewSheetSize | null = null;
  const newSheetSize = (sheet: Sheet): NewSheetSize =>
    (size ??= { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns(), width: sheet.getColumnWidth(1) });
  let position = 0;
  for (const plan of plans) {
    // Template sheets keep template order, ahead of the office's own sheets.
    applyPlan(workbook, plan, lang, position, rules, newSheetSize);
    position += 1;
  }
  const removedSheets = plans.some((p) => p.create) ? removeBlankDefaultSheets(workbook, others) : [];
  workbook.forgetSheets();
  cacheLanguage(lang);
  return {
    lang,
    createdSheets: plans.filter((p) => p.create).map((p) => p.name),
    removedSheets,
    addedColumns: plans
      .filter((p) => p.addedColumns.length)
      .map((p) => ({ sheet: p.name, columns: p.addedColumns })),
    addedSettings: plans.flatMap((p) => p.addedSettings),
    unknownColumns: plans
      .filter((p) => p.unknownColumns.length)
      .map((p) => ({ sheet: p.name, columns: p.unknownColumns })),
    ...(plans.some((p) => p.foreign) && { foreignSheets: plans.filter((p) => p.foreign).map((p) => p.name) }),
    renamedSheets: plans.flatMap((p) => (p.renamedFrom ? [{ from: p.renamedFrom, to: p.name }] : [])),
  };
}

export function describeSetup(report: SetupReport): string {
  const m = messages(report.lang).setup;
  const lines: string[] = [];
  if (report.createdSheets.length)
    lines.push(fill(m.createdSheets, { names: report.createdSheets.join('、') }));
  if (report.removedSheets.length)
    lines.push(fill(m.removedSheets, { names: report.removedSheets.join('、') }));
  for (const a of report.addedColumns)
    lines.push(fill(m.addedColumns, { sheet: a.sheet, names: a.columns.join('、') }));
  if (report.addedSettings.length)
    lines.push(fill(m.addedSettings, { names: report.addedSettings.join('、') }));
  for (const r of report.renamedSheets) lines.push(fill(messages(report.lang).routines.renamedSheet, r));
  if (!lines.length) lines.push(m.nothingToDo);
  for (const u of report.unknownColumns)
    lines.push(fill(m.unknownColumns, { sheet: u.sheet, names: u.columns.join('、') }));
  for (const sheet of report.foreignSheets ?? [])
    lines.push(fill(messages(report.lang).importing.setupForeign, { sheet }));
  return [m.done, ...lines].join('\n');
}
