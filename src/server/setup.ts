import { fill, messages } from '../core/i18n';
import { LANGS, type Lang } from '../core/lang';
import {
  planSetup,
  type ExistingSheet,
  type SheetPlan,
  AUTOMATIC_FORMATS,
  columnFormat,
  ruleKey,
  widthStrokes,
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

/**
 * The header row of every template sheet present: row 1 in one read (trailing blanks dropped), the
 * Settings sheet whole (setup may add missing settings below its rows).
 */
function existingSheets(workbook: Workbook): Partial<Record<SheetKey, ExistingSheet>> {
  const found: Partial<Record<SheetKey, ExistingSheet>> = {};
  for (const key of workbook.presentKeys()) {
    const sheet = workbook.sheet(key)!;
    const name = workbook.nameOf(sheet);
    if (key === 'settings') {
      const table = workbook.table('settings')!;
      found[key] = { name, header: table.values[0] ?? [], rows: table.values };
    } else {
      const row = sheet.getRange('1:1').getValues()[0] ?? [];
      let width = row.length;
      while (width > 0 && (row[width - 1] === '' || row[width - 1] === null)) width -= 1;
      found[key] = { name, header: row.slice(0, width) };
    }
  }
  return found;
}

/**
 * Plans setup. Columns it adds go right of the last column in use, which the office may have
 * filled below a blank header cell: only a sheet that gets columns is asked for it.
 */
function planWorkbook(workbook: Workbook, lang: Lang): SheetPlan[] {
  const found = existingSheets(workbook);
  const plans = planSetup(found, lang, workbook.timeZone);
  let widened = false;
  for (const plan of plans) {
    const existing = found[plan.key];
    if (plan.create || !plan.columns.length || !existing || existing.rows) continue;
    const lastColumn = workbook.sheet(plan.key)!.getLastColumn();
    if (lastColumn > existing.header.length) {
      const blanks = Array<string>(lastColumn - existing.header.length).fill('');
      found[plan.key] = { ...existing, header: [...existing.header, ...blanks] };
      widened = true;
    }
  }
  return widened ? planSetup(found, lang, workbook.timeZone) : plans;
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

/** What the sheets laid out in one run share: the rules, the new sheets' size, the styled header cell. */
interface Run {
  readonly rules: ReadonlyMap<string, Rule>;
  newSheetSize(sheet: Sheet): NewSheetSize;
  /** A header cell of a sheet created in this run, once styled: later headers copy its format. */
  headerCell: Range | null;
}

/** The planned columns' number formats and rules, one row of each, in column order. */
function columnLayout(plan: SheetPlan, rules: ReadonlyMap<string, Rule>) {
  return {
    formats: plan.columns.map((c) => columnFormat(c.decl)),
    rules: plan.columns.map((c) => rules.get(ruleKey(c.decl)) ?? null),
  };
}

const PROTECTION_LABELS = new Set(LANGS.map((l) => messages(l).setup.headerProtection));

/**
 * Warning-only: renaming a header would hide the column from Houqin, so Sheets asks before anyone
 * edits it. A description would show only in the list of protected ranges, so none is set: the
 * protection is recognised as Houqin's by its place (row 1 from column A), or by the description
 * earlier versions gave it.
 */
function protectHeader(header: Range): void {
  header.protect().setWarningOnly(true);
}

/** Houqin's own header protection: an office's protection, with a description of its own or not warning-only, stays. */
function isHeaderProtection(p: GoogleAppsScript.Spreadsheet.Protection): boolean {
  const description = p.getDescription();
  if (PROTECTION_LABELS.has(description)) return true;
  if (description !== '' || !p.isWarningOnly()) return false;
  const range = p.getRange();
  return range.getRow() === 1 && range.getColumn() === 1 && range.getNumRows() === 1;
}

/**
 * A sheet Houqin creates, in a fixed number of calls whatever its columns: one grid each of number
 * formats (row 1 plain text, so a header such as '2026' stays text) and rules (none in row 1) over
 * the whole sheet, set before any value is written so '8' or '00123' stays text; the header and
 * any default rows in one write; the header style stamped from the first styled header; a
 * warning-only protection of the header; the frozen row; a few width strokes.
 */
function createSheet(workbook: Workbook, plan: SheetPlan, position: number, run: Run): void {
  const sheet = workbook.spreadsheet.insertSheet(plan.name, position);
  const size = run.newSheetSize(sheet);
  const count = plan.columns.length;
  const layout = columnLayout(plan, run.rules);
  const write = plan.write!;
  const rows = Math.max(size.rows, write.values.length);
  if (rows > size.rows || count > size.columns) ensureSize(sheet, rows, count);
  const whole = sheet.getRange(1, 1, rows, count);
  whole.setNumberFormats(
    Array.from({ length: rows }, (_, i) => (i === 0 ? layout.formats.map(() => '@') : layout.formats)),
  );
  if (layout.rules.some((r) => r !== null))
    whole.setDataValidations(
      Array.from({ length: rows }, (_, i) => (i === 0 ? layout.rules.map(() => null) : layout.rules)),
    );
  const header = sheet.getRange(1, 1, 1, count);
  (write.values.length === 1 ? header : sheet.getRange(1, 1, write.values.length, count)).setValues(
    write.values,
  );
  if (run.headerCell) run.headerCell.copyFormatToRange(sheet, 1, count, 1, 1);
  else {
    header.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
    run.headerCell = header.getCell(1, 1);
  }
  protectHeader(header);
  sheet.setFrozenRows(1);
  for (const stroke of widthStrokes(plan.columns, size.width))
    sheet.setColumnWidths(stroke.column, stroke.count, stroke.width);
}

/**
 * A sheet the office already has: only the columns added at the right get formats, rules, a
 * header cell styled (bold and coloured, nothing else of the office's row changes) and widths; the
 * header protection grows to cover them. Missing settings go below the last row.
 */
function completeSheet(workbook: Workbook, plan: SheetPlan, run: Run): void {
  const sheet = workbook.sheet(plan.key)!;
  if (plan.renamedFrom) sheet.setName(plan.name);
  const write = plan.write;
  if (write && !plan.columns.length) {
    ensureSize(sheet, write.row + write.values.length - 1, write.column + write.values[0]!.length - 1);
    sheet
      .getRange(write.row, write.column, write.values.length, write.values[0]!.length)
      .setValues(write.values);
  }
  if (!plan.columns.length) return;
  const first = plan.columns[0]!.column;
  const count = plan.columns.length;
  ensureSize(sheet, 1, first + count - 1);
  const maxRows = sheet.getMaxRows();
  const layout = columnLayout(plan, run.rules);
  if (maxRows > 1) {
    const body = sheet.getRange(2, first, maxRows - 1, count);
    body.setNumberFormats(Array.from({ length: maxRows - 1 }, () => layout.formats));
    if (layout.rules.some((r) => r !== null))
      body.setDataValidations(Array.from({ length: maxRows - 1 }, () => layout.rules));
  }
  const added = sheet.getRange(1, first, 1, count);
  added.setValues(write!.values);
  added.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE))
    if (isHeaderProtection(p)) p.remove();
  protectHeader(first === 1 ? added : sheet.getRange(1, 1, 1, first + count - 1));
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  for (const stroke of widthStrokes(plan.columns, null))
    sheet.setColumnWidths(stroke.column, stroke.count, stroke.width);
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
    const name = workbook.nameOf(sheet);
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
  const plans = planWorkbook(workbook, lang);
  const others = workbook.otherSheets();
  let size: NewSheetSize | null = null;
  const run: Run = {
    rules: buildRules(plans, lang),
    newSheetSize: (sheet) =>
      (size ??= { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns(), width: sheet.getColumnWidth(1) }),
    headerCell: null,
  };
  // Template sheets keep template order, ahead of the office's own sheets.
  plans.forEach((plan, position) => {
    if (plan.create) createSheet(workbook, plan, position, run);
    else completeSheet(workbook, plan, run);
  });
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
