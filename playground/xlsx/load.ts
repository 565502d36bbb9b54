/**
 * An .xlsx read by read.ts, put into the emulated spreadsheet through the Apps Script API (so the
 * add-on sees what Google Sheets would show), and the state right after, kept as the baseline
 * that saving compares with to find what Houqin changed.
 */
import type { Emulator } from '../../emulator';
import { DEFAULT_NUMBER_FORMAT } from '../../emulator/format';
import { LAYERS, type LayerName } from '../../emulator/layers';
import type { SheetImpl } from '../../emulator/sheet';
import type { XlsxBook, XlsxSheet, XlsxValidation } from './read';
import { cellRef } from './xml';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/** Pixels per Excel character width unit (Calibri 11, the unit .xlsx column widths are in). */
export const PX_PER_CHAR = 7;
/** Days between 1899-12-30 and 1904-01-01: serials of a 1904-based workbook start there. */
const DAYS_1904 = 1462;
const CHECKBOX_LIST = ['TRUE', 'FALSE'];

/** What could not be carried into the emulator, said once per sheet and kind. */
export interface ConversionNotes {
  skippedValidations: { sheet: string; count: number }[];
}

/** One sheet's state as the emulator holds it, copied. */
export interface SheetState {
  name: string;
  hidden: boolean;
  frozen: { rows: number; cols: number };
  widths: Map<number, number>;
  layers: Record<LayerName, (unknown[] | undefined)[]>;
}

export interface LoadedBook {
  book: XlsxBook;
  /** Each emulated sheet made from the file, with the sheet of the file and its state on opening. */
  origin: Map<SheetImpl, { sheet: XlsxSheet; state: SheetState }>;
}

export function ruleKey(rule: unknown): string {
  if (!rule) return '';
  const r = rule as Rule;
  return JSON.stringify([r.getCriteriaType(), r.getCriteriaValues(), r.getAllowInvalid(), r.getHelpText()]);
}

/** A copy of what the emulated sheet holds; drop-downs as keys, so they compare as text. */
export function sheetState(sheet: SheetImpl): SheetState {
  const layers = {} as Record<LayerName, (unknown[] | undefined)[]>;
  for (const l of LAYERS)
    layers[l] = sheet._layers[l].map((row) =>
      row ? (l === 'validations' ? row.map((v) => (v ? ruleKey(v) : undefined)) : [...row]) : [],
    );
  return {
    name: sheet._name,
    hidden: sheet._hidden,
    frozen: { rows: sheet._frozenRows, cols: sheet._frozenCols },
    widths: new Map(sheet._colWidths),
    layers,
  };
}

function listItems(formula: string): string[] | null {
  if (!/^".*"$/s.test(formula)) return null; // a range reference, not a literal list
  return formula
    .slice(1, -1)
    .replace(/""/g, '"')
    .split(',')
    .map((s) => s.trim());
}

/** Whether the emulator holds this drop-down (a literal list, a check box or "a date"). */
export function isModelled(v: XlsxValidation): boolean {
  const type = v.attrs.type;
  if (type === 'list') return listItems(v.formula1) !== null;
  return type === 'date' && v.attrs.operator === 'greaterThan' && Number(v.formula1) <= 2;
}

function emulatorRule(emu: Emulator, v: XlsxValidation): Rule | null {
  const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  let builder = app.newDataValidation();
  const type = v.attrs.type ?? 'none';
  if (type === 'list') {
    const items = listItems(v.formula1);
    if (!items) return null;
    builder =
      items.length === 2 && items.every((s, i) => s.toUpperCase() === CHECKBOX_LIST[i])
        ? builder.requireCheckbox()
        : builder.requireValueInList(items, true);
  } else if (type === 'date' && v.attrs.operator === 'greaterThan' && Number(v.formula1) <= 2) {
    // Excel has no "is a valid date" rule: "a date after 1900-01-01" is the usual way to say it.
    builder = builder.requireDate();
  } else return null;
  const stops =
    ['1', 'true'].includes(v.attrs.showErrorMessage ?? '0') && (v.attrs.errorStyle ?? 'stop') === 'stop';
  builder.setAllowInvalid(!stops);
  if (v.prompt) builder.setHelpText(v.prompt);
  return builder.build();
}

/** The cells a sqref names ('A1:B3 D5'), clipped to the sheet. */
function* sqrefCells(sqref: string, rows: number, cols: number): Generator<[number, number]> {
  for (const part of sqref.split(/\s+/).filter(Boolean)) {
    const [a, b = a] = part.split(':');
    const from = cellRef(a!);
    const to = cellRef(b!);
    if (!from || !to) continue;
    for (let r = from.row; r <= Math.min(to.row, rows); r++)
      for (let c = from.col; c <= Math.min(to.col, cols); c++) yield [r, c];
  }
}

function fillSheet(emu: Emulator, book: XlsxBook, x: XlsxSheet, sheet: Sheet): number {
  const rows = Math.max(sheet.getMaxRows(), x.maxRow);
  const cols = Math.max(sheet.getMaxColumns(), x.maxCol);
  if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (cols > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  const grid = <T>(fill: T): T[][] => Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
  const formats = grid(DEFAULT_NUMBER_FORMAT);
  const values = grid<unknown>('');
  const backgrounds = grid<string | null>(null);
  const weights = grid<string | null>(null);
  const notes = grid<string | null>(null);
  const formulas: [number, number, string, unknown][] = [];
  const { styles } = book;
  /** An empty cell shows its row's or column's style: a column formatted as text keeps ids as text. */
  const styleEmpty = (r: number, c: number, style: number): void => {
    const code = styles.formats[style] ?? 'General';
    formats[r]![c] = /^general$/i.test(code) ? DEFAULT_NUMBER_FORMAT : code;
    backgrounds[r]![c] = styles.fills[style] ?? null;
    weights[r]![c] = styles.bold[style] ? 'bold' : null;
  };
  for (const span of x.colStyles)
    for (let c = span.min; c <= Math.min(span.max, cols); c++)
      for (let r = 1; r <= rows; r++) styleEmpty(r - 1, c - 1, span.style);
  for (const row of x.rows)
    if (row.style && row.row <= rows)
      for (let c = 1; c <= cols; c++) styleEmpty(row.row - 1, c - 1, row.style);
  for (const row of x.rows)
    for (const cell of row.cells) {
      const r = cell.row - 1;
      const c = cell.col - 1;
      const code = styles.formats[cell.style] ?? 'General';
      const format = /^general$/i.test(code) ? DEFAULT_NUMBER_FORMAT : code;
      formats[r]![c] = format;
      backgrounds[r]![c] = styles.fills[cell.style] ?? null;
      weights[r]![c] = styles.bold[cell.style] ? 'bold' : null;
      let value: unknown = cell.value;
      if (cell.type === 'n' && book.date1904 && /[yd]/i.test(format)) value = (value as number) + DAYS_1904;
      if (cell.formula !== undefined) {
        // Google Sheets would compute it; the emulator cannot, so it shows the result the file keeps.
        formulas.push([r, c, `=${cell.formula}`, cell.type === 'blank' ? undefined : value]);
        continue;
      }
      // Text keeps Sheets' apostrophe, so '00123' or '2026-03-01' typed as text in Excel stay text.
      if (cell.type === 's' || cell.type === 'e')
        values[r]![c] = format === '@' || value === '' ? value : `'${String(value)}`;
      else values[r]![c] = value;
    }
  for (const [ref, text] of x.notes) {
    const at = cellRef(ref);
    if (at && at.row <= rows && at.col <= cols) notes[at.row - 1]![at.col - 1] = text;
  }
  const rules = grid<Rule | null>(null);
  let skipped = 0;
  for (const v of x.validations) {
    const rule = emulatorRule(emu, v);
    for (const [r, c] of sqrefCells(v.sqref, rows, cols)) {
      if (rule) rules[r - 1]![c - 1] = rule;
      else skipped += 1;
    }
  }
  const range = sheet.getRange(1, 1, rows, cols);
  // Formats first: a text format is what keeps a value from being re-typed when it is written.
  range.setNumberFormats(formats);
  range.setValues(values);
  range.setBackgrounds(backgrounds);
  range.setFontWeights(weights as (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]);
  range.setNotes(notes);
  range.setDataValidations(rules);
  const impl = sheet as unknown as SheetImpl;
  for (const [r, c, formula, value] of formulas) {
    impl._set('formulas', r, c, formula);
    impl._set('values', r, c, value);
  }
  for (const [col, chars] of x.widths)
    if (col <= cols) sheet.setColumnWidth(col, Math.round(chars * PX_PER_CHAR));
  if (x.frozen.rows) sheet.setFrozenRows(x.frozen.rows);
  if (x.frozen.cols) sheet.setFrozenColumns(x.frozen.cols);
  return skipped;
}

/** Replaces every sheet of the emulated spreadsheet with those of the file, in its order. */
export function loadBook(emu: Emulator, book: XlsxBook): { loaded: LoadedBook; notes: ConversionNotes } {
  const ss = emu.spreadsheet;
  const old = ss.getSheets();
  const notes: ConversionNotes = { skippedValidations: [] };
  const made: [SheetImpl, XlsxSheet][] = [];
  book.sheets.forEach((x, i) => {
    const clash = old.find((s) => s.getName() === x.name);
    if (clash) clash.setName(`${x.name} (old)`);
    const sheet = ss.insertSheet(x.name, i);
    const skipped = fillSheet(emu, book, x, sheet);
    if (skipped) notes.skippedValidations.push({ sheet: x.name, count: skipped });
    made.push([sheet as unknown as SheetImpl, x]);
  });
  for (const sheet of old) ss.deleteSheet(sheet);
  for (const [sheet, x] of made)
    if (x.state !== 'visible' && made.some(([s]) => s !== sheet && !s._hidden)) sheet.hideSheet();
  const firstVisible = made.find(([s]) => !s._hidden)?.[0] ?? made[0]![0];
  ss.setActiveSheet(firstVisible as unknown as Sheet);
  const origin = new Map(made.map(([sheet, x]) => [sheet, { sheet: x, state: sheetState(sheet) }]));
  return { loaded: { book, origin }, notes };
}
