/**
 * The playground's .xlsx files. Opening (`fromXlsx`, `openXlsx`) reads the file with our own reader
 * (xlsx/read.ts) into the emulated spreadsheet through the Apps Script API, so the add-on sees what
 * Google Sheets would show; saving (`saveXlsx`) patches what Houqin changed into the ORIGINAL
 * file (xlsx/save-book.ts) and leaves every other part as it was. `toXlsx` writes a brand-new
 * workbook with exceljs (the template, `npm run template`): sheets in order, values with their
 * types, formulas, number formats, drop-downs, notes, backgrounds, bold, widths and frozen rows.
 * Header protections travel in neither: .xlsx has no warning-only range protection; "Set up
 * workbook" puts them back.
 */
import ExcelJS from 'exceljs';
import type { Emulator } from '../emulator';
import { loadBook, PX_PER_CHAR, type ConversionNotes, type LoadedBook } from './xlsx/load';
import { readXlsx, type XlsxBook } from './xlsx/read';
import { saveBook, type Lack } from './xlsx/save-book';
import { UnreadableWorkbook, writeZip } from './xlsx/zip';
import { DEFAULT_NUMBER_FORMAT } from '../emulator/format';
import { instantToWall } from '../emulator/tz';
import { isDate } from '../src/core/time';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

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

export { UnreadableWorkbook, type ConversionNotes, type Lack, type LoadedBook };

/**
 * Reads the file, refusing it (WorkbookTooLarge) as soon as its sheets reach more cells than the
 * emulator could hold: the emulator makes each sheet as large as the rows × columns its last
 * cells reach, so one cell at XFD1048576 is refused while the file is read. Unreadable files
 * (not a zip, encrypted, a zip bomb, damaged) throw UnreadableWorkbook saying why.
 */
function readChecked(bytes: Uint8Array): XlsxBook {
  let before = 0;
  let current = '';
  let currentCells = 0;
  return readXlsx(bytes, (sheet, rows, cols) => {
    if (sheet !== current) {
      before += currentCells;
      current = sheet;
    }
    currentCells = Math.max(rows, NEW_SHEET.rows) * Math.max(cols, NEW_SHEET.cols);
    if (before + currentCells > MAX_CELLS) throw new WorkbookTooLarge({ sheet, rows, cols, max: MAX_CELLS });
  });
}

/**
 * Replaces every sheet of the emulated spreadsheet with those of the .xlsx, in its order, and
 * returns what saving needs to patch Houqin's changes into the same file.
 */
export function openXlsx(emu: Emulator, bytes: Uint8Array): { notes: ConversionNotes; loaded: LoadedBook } {
  const { loaded, notes } = loadBook(emu, readChecked(bytes));
  return { notes, loaded };
}

/** Like openXlsx, for callers that only read (tests, importing a ledger into the emulator). */
export async function fromXlsx(emu: Emulator, bytes: Buffer | Uint8Array): Promise<ConversionNotes> {
  return Promise.resolve(openXlsx(emu, bytes).notes);
}

/** A sheet of an .xlsx as the values a person sees: text, numbers, booleans, dates for date cells. */
export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** Row by row from A1, as long as the last row and column with a value; '' for an empty cell. */
  values: unknown[][];
  /** Merged ranges ('A1:D1'), whose value is in their first cell. */
  merges: string[];
}

/**
 * Every sheet of an .xlsx file as a grid of values, without an emulator: formulas give their cached
 * result, dates (cells in a date format) are Date objects at midnight UTC of their day.
 */
export function readXlsxGrids(bytes: Buffer | Uint8Array): SheetGrid[] {
  const book = readChecked(bytes);
  return book.sheets.map((sheet) => {
    const values: unknown[][] = [];
    let width = 0;
    for (const row of sheet.rows)
      for (const cell of row.cells) {
        if (cell.type === 'blank' || cell.value === '') continue;
        const format = book.styles.formats[cell.style] ?? 'General';
        let value: unknown = cell.value;
        if (cell.type === 'n' && /[yd]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) {
          const serial = (cell.value as number) + (book.date1904 ? 1462 : 0);
          value = new Date(Math.round((serial - 25_569) * 86_400_000));
        }
        (values[cell.row - 1] ??= [])[cell.col - 1] = value;
        width = Math.max(width, cell.col);
      }
    const grid = Array.from({ length: values.length }, (_, r) =>
      Array.from({ length: width }, (_, c) => values[r]?.[c] ?? ''),
    );
    return { name: sheet.name, hidden: sheet.state !== 'visible', values: grid, merges: sheet.merges };
  });
}

/** The opened file with Houqin's changes patched in, and what Houqin changed that it cannot hold. */
export function saveXlsx(loaded: LoadedBook, spreadsheet: Spreadsheet): { bytes: Uint8Array; lacks: Lack[] } {
  const { entries, lacks } = saveBook(loaded, spreadsheet);
  return { bytes: writeZip(entries), lacks };
}
