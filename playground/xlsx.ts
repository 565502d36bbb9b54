/**
 * The one converter between an emulated spreadsheet and an .xlsx file (exceljs), used by the
 * template script, `npm start --workbook` and the round-trip test. It goes through the Apps Script
 * API of the emulator, so what it reads and writes is what the add-on would see in Google Sheets.
 *
 * What travels: sheets in order, cell values with their types (dates as dates, numbers, booleans,
 * text — text is never re-typed by Sheets' input parsing), formulas, number formats, drop-downs
 * (lists, check boxes as a TRUE/FALSE list, "any valid date" with its help text), notes,
 * backgrounds, bold, column widths and frozen rows/columns. Header protections do not: .xlsx has
 * no warning-only range protection; "Set up workbook" puts them back.
 */
import ExcelJS from 'exceljs';
import type { Emulator } from '../emulator';
import { DEFAULT_NUMBER_FORMAT } from '../emulator/format';
import { instantToWall, wallToInstant } from '../emulator/tz';
import { isDate } from '../src/core/time';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/** Pixels per Excel character width unit (Calibri 11, the unit .xlsx column widths are in). */
const PX_PER_CHAR = 7;
const WHITE = '#ffffff';
/** Excel has no "is a valid date" rule: "a date after 1900-01-01" is the usual way to say it. */
const ANY_DATE_FLOOR = new Date(Date.UTC(1900, 0, 1));
const CHECKBOX_LIST = ['TRUE', 'FALSE'];

/** Exceljs keeps a sheet's drop-downs here, one entry per cell address; its typings omit it. */
interface SheetValidations {
  dataValidations: {
    add(address: string, validation: ExcelJS.DataValidation): void;
    model: Record<string, ExcelJS.DataValidation | undefined>;
  };
}

/**
 * Exceljs dates are wall-clock times written as UTC; the emulator's are instants in the
 * spreadsheet's zone. Converting through the wall clock keeps 2026-09-01 00:00 a day, whatever
 * the zone of this process.
 */
function toWallDate(instant: Date, timeZone: string): Date {
  return new Date(instantToWall(instant.getTime(), timeZone));
}

function fromWallDate(wall: Date, timeZone: string): Date {
  return new Date(wallToInstant(wall.getTime(), timeZone));
}

function excelValidation(rule: Rule): ExcelJS.DataValidation | null {
  const type = String(rule.getCriteriaType());
  const values = rule.getCriteriaValues();
  const lenient = rule.getAllowInvalid();
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: lenient ? 'warning' : 'stop',
    ...(rule.getHelpText() ? { showInputMessage: true, prompt: rule.getHelpText() as string } : {}),
  } as const;
  const list = (items: readonly unknown[]): ExcelJS.DataValidation => ({
    ...common,
    type: 'list',
    formulae: [`"${items.map((v) => String(v).replace(/"/g, '""')).join(',')}"`],
  });
  if (type === 'VALUE_IN_LIST') return list((values[0] as unknown[]) ?? []);
  if (type === 'CHECKBOX') return list(CHECKBOX_LIST);
  if (type === 'DATE_IS_VALID_DATE')
    return { ...common, type: 'date', operator: 'greaterThan', formulae: [ANY_DATE_FLOOR] };
  return null;
}

function listItems(formula: unknown): string[] | null {
  const text = String(formula ?? '');
  if (!/^".*"$/s.test(text)) return null; // a range reference, not a literal list
  return text
    .slice(1, -1)
    .replace(/""/g, '"')
    .split(',')
    .map((s) => s.trim());
}

function emulatorRule(emu: Emulator, v: ExcelJS.DataValidation): Rule | null {
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  let builder = app.newDataValidation();
  if (v.type === 'list') {
    const items = listItems(v.formulae?.[0]);
    if (!items) return null;
    builder =
      items.length === 2 && items.every((s, i) => s.toUpperCase() === CHECKBOX_LIST[i])
        ? builder.requireCheckbox()
        : builder.requireValueInList(items, true);
  } else if (v.type === 'date' && v.operator === 'greaterThan') {
    const floor = v.formulae?.[0];
    if (!isDate(floor) || floor.getTime() > ANY_DATE_FLOOR.getTime()) return null;
    builder = builder.requireDate();
  } else return null;
  builder.setAllowInvalid(!(v.showErrorMessage && (v.errorStyle ?? 'stop') === 'stop'));
  if (v.prompt) builder.setHelpText(v.prompt);
  return builder.build();
}

/** What could not be carried over, said once per sheet and kind so the user can check it. */
export interface ConversionNotes {
  skippedValidations: { sheet: string; count: number }[];
}

function ruleKey(rule: Rule): string {
  return JSON.stringify([
    rule.getCriteriaType(),
    rule.getCriteriaValues(),
    rule.getAllowInvalid(),
    rule.getHelpText(),
  ]);
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Drop-downs go out as column runs (C2:C1000), not one per cell: smaller files, faster opening. */
function exportValidations(ws: ExcelJS.Worksheet, rules: (Rule | null)[][]): number {
  let skipped = 0;
  const columns = rules[0]?.length ?? 0;
  for (let c = 0; c < columns; c++) {
    let r = 0;
    while (r < rules.length) {
      const rule = rules[r]![c];
      if (!rule) {
        r += 1;
        continue;
      }
      const key = ruleKey(rule);
      let end = r + 1;
      while (end < rules.length && rules[end]![c] && ruleKey(rules[end]![c]!) === key) end += 1;
      const v = excelValidation(rule);
      if (v)
        (ws as unknown as SheetValidations).dataValidations.add(
          `${letters(c + 1)}${r + 1}:${letters(c + 1)}${end}`,
          v,
        );
      else skipped += end - r;
      r = end;
    }
  }
  return skipped;
}

function exportSheet(sheet: Sheet, ws: ExcelJS.Worksheet, timeZone: string): number {
  const rows = sheet.getMaxRows();
  const cols = sheet.getMaxColumns();
  const range = sheet.getRange(1, 1, rows, cols);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const backgrounds = range.getBackgrounds();
  const weights = range.getFontWeights();
  const notes = range.getNotes();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value: unknown = values[r]![c];
      const formula = formulas[r]![c]!;
      const format = formats[r]![c]!;
      const background = backgrounds[r]![c]!.toLowerCase();
      const bold = weights[r]![c] === 'bold';
      const note = notes[r]![c]!;
      const styled = format !== DEFAULT_NUMBER_FORMAT || background !== WHITE || bold;
      if (value === '' && !formula && !styled && !note) continue;
      const cell = ws.getCell(r + 1, c + 1);
      const plain = isDate(value) ? toWallDate(value, timeZone) : (value as string | number | boolean);
      if (formula) cell.value = { formula: formula.replace(/^=/, ''), result: plain } as ExcelJS.CellValue;
      else if (value !== '') cell.value = plain;
      if (format !== DEFAULT_NUMBER_FORMAT) cell.numFmt = format;
      if (background !== WHITE)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${background.slice(1)}` } };
      if (bold) cell.font = { bold: true };
      if (note) cell.note = note;
    }
  }
  for (let c = 1; c <= cols; c++) ws.getColumn(c).width = sheet.getColumnWidth(c) / PX_PER_CHAR;
  const frozenRows = sheet.getFrozenRows();
  const frozenCols = sheet.getFrozenColumns();
  if (frozenRows || frozenCols) ws.views = [{ state: 'frozen', xSplit: frozenCols, ySplit: frozenRows }];
  return exportValidations(ws, range.getDataValidations());
}

/** The whole emulated spreadsheet as .xlsx bytes. */
export async function toXlsx(spreadsheet: Spreadsheet): Promise<{ bytes: Buffer; notes: ConversionNotes }> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Houqin';
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const notes: ConversionNotes = { skippedValidations: [] };
  for (const sheet of spreadsheet.getSheets()) {
    const skipped = exportSheet(sheet, book.addWorksheet(sheet.getName()), timeZone);
    if (skipped) notes.skippedValidations.push({ sheet: sheet.getName(), count: skipped });
  }
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), notes };
}

function plainText(value: ExcelJS.CellValue): string {
  if (value && typeof value === 'object' && 'richText' in value)
    return value.richText.map((t) => t.text).join('');
  if (value && typeof value === 'object' && 'text' in value) return String(value.text);
  if (value && typeof value === 'object' && 'error' in value) return String(value.error);
  return String(value ?? '');
}

/**
 * A cell value as the Apps Script API should receive it. Strings in cells not formatted as text
 * get Sheets' apostrophe prefix, so '00123' or '2026-03-01' typed as text in Excel stay text.
 */
function sheetsInput(value: ExcelJS.CellValue, format: string, timeZone: string): unknown {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return fromWallDate(value, timeZone);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && 'formula' in value) return `=${value.formula}`;
  if (typeof value === 'object' && 'sharedFormula' in value)
    return sheetsInput(value.result ?? '', format, timeZone);
  const text = plainText(value);
  return format === '@' || text === '' ? text : `'${text}`;
}

function noteText(note: string | ExcelJS.Comment): string {
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}

function argbToHex(color: Partial<ExcelJS.Color> | undefined): string | null {
  const argb = color?.argb;
  return argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toLowerCase()}` : null;
}

function importSheet(emu: Emulator, ws: ExcelJS.Worksheet, sheet: Sheet, timeZone: string): number {
  const rows = Math.max(sheet.getMaxRows(), ws.rowCount);
  const cols = Math.max(sheet.getMaxColumns(), ws.columnCount);
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (cols > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  const grid = <T>(fill: T): T[][] => Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
  const formats = grid(DEFAULT_NUMBER_FORMAT);
  const values = grid<unknown>('');
  const backgrounds = grid<string | null>(null);
  const weights = grid<string | null>(null);
  const notes = grid<string | null>(null);
  const rules = grid<Rule | null>(null);
  const built = new Map<string, Rule | null>();
  let skipped = 0;
  // includeEmpty: a row of formatted, empty cells (the template's body) is still a row to import.
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const format = cell.numFmt && !/^general$/i.test(cell.numFmt) ? cell.numFmt : DEFAULT_NUMBER_FORMAT;
      formats[r - 1]![c - 1] = format;
      values[r - 1]![c - 1] = sheetsInput(cell.value, format, timeZone);
      const fill =
        cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor : undefined;
      backgrounds[r - 1]![c - 1] = argbToHex(fill);
      if (cell.font?.bold) weights[r - 1]![c - 1] = 'bold';
      if (cell.note) notes[r - 1]![c - 1] = noteText(cell.note);
    });
  });
  // Exceljs expands each validation range to one entry per cell; rules are shared per distinct kind.
  const { model } = (ws as unknown as SheetValidations).dataValidations;
  for (const [address, v] of Object.entries(model)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m || !v) continue;
    const r = Number(m[2]);
    const c = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    if (r > rows || c > cols) continue;
    const key = JSON.stringify(v);
    if (!built.has(key)) built.set(key, emulatorRule(emu, v));
    const rule = built.get(key)!;
    if (rule) rules[r - 1]![c - 1] = rule;
    else skipped += 1;
  }
  const range = sheet.getRange(1, 1, rows, cols);
  // Formats first: a text format is what keeps a value from being re-typed when it is written.
  range.setNumberFormats(formats);
  range.setValues(values);
  range.setBackgrounds(backgrounds);
  range.setFontWeights(weights as (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]);
  range.setNotes(notes);
  range.setDataValidations(rules);
  (ws.columns ?? []).forEach((column, i) => {
    if (column.width) sheet.setColumnWidth(i + 1, Math.round(column.width * PX_PER_CHAR));
  });
  const view = (ws.views ?? []).find((v) => v.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
  if (view?.ySplit) sheet.setFrozenRows(view.ySplit);
  if (view?.xSplit) sheet.setFrozenColumns(view.xSplit);
  return skipped;
}

/**
 * The most cells the playground opens, all sheets together: opening and saving a million cells
 * takes about 2.4 GB and half a minute each (Google Sheets' own limit is 10 million).
 */
export const MAX_CELLS = 1_000_000;
/** A sheet is never smaller than a new one: opening a file makes each sheet at least this size. */
const NEW_SHEET = { rows: 1000, cols: 26 };

export class WorkbookTooLarge extends Error {
  constructor(readonly size: { sheet: string; rows: number; cols: number; max: number }) {
    super(`${size.sheet} reaches row ${size.rows}, column ${size.cols}: more than ${size.max} cells in all`);
  }
}

/**
 * Refuses a workbook the emulator could not hold, before any emulated sheet is made from it.
 * exceljs keeps only the cells a file has, however far they reach; the emulator makes each sheet
 * as large as the rows × columns its last cells reach, so one cell at XFD1048576 is refused here.
 */
function checkSize(book: ExcelJS.Workbook): void {
  let cells = 0;
  for (const ws of book.worksheets) {
    const rows = ws.rowCount;
    const cols = ws.columnCount;
    cells += Math.max(rows, NEW_SHEET.rows) * Math.max(cols, NEW_SHEET.cols);
    if (cells > MAX_CELLS) throw new WorkbookTooLarge({ sheet: ws.name, rows, cols, max: MAX_CELLS });
  }
}

/**
 * Replaces every sheet of the emulated spreadsheet with those of the .xlsx, in its order. Throws
 * WorkbookTooLarge when it would not fit in memory, and exceljs's error when the bytes are not a
 * readable .xlsx.
 */
export async function fromXlsx(emu: Emulator, bytes: Buffer): Promise<ConversionNotes> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  checkSize(book);
  const ss = emu.spreadsheet;
  const timeZone = ss.getSpreadsheetTimeZone();
  const old = ss.getSheets();
  const notes: ConversionNotes = { skippedValidations: [] };
  if (!book.worksheets.length) throw new Error('the file has no worksheets');
  book.worksheets.forEach((ws, i) => {
    const clash = old.find((s) => s.getName() === ws.name);
    if (clash) clash.setName(`${ws.name} (old)`);
    const skipped = importSheet(emu, ws, ss.insertSheet(ws.name, i), timeZone);
    if (skipped) notes.skippedValidations.push({ sheet: ws.name, count: skipped });
  });
  for (const sheet of old) ss.deleteSheet(sheet);
  ss.setActiveSheet(ss.getSheets()[0]!);
  return notes;
}
