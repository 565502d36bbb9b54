import { isEmail } from '../settings/parse';
import type { ColumnDecl } from '../sheets';
import { dayOf, instantOf, isDate, isValidDay, makeDay, timeOf, type Day } from '../time';
import { enumValueOf } from './labels';

/** A cell read as its column's type. Dates are calendar days; datetimes stay instants. */
export type Typed = string | number | boolean | Date;

/**
 * Why a cell could not be read. The validation layer turns these codes into messages; readers that
 * only need good data (tasks, alerts) treat a bad cell as absent.
 */
export type CellError =
  | 'notDate'
  | 'ambiguousDate'
  | 'notNumber'
  | 'notInteger'
  | 'notBoolean'
  | 'notInList'
  | 'notEmail'
  | 'notPhone'
  | 'formulaError';

export type CellRead =
  | { readonly ok: true; readonly value: Typed | null; readonly normalised?: Typed }
  | { readonly ok: false; readonly error: CellError };

const READ_EMPTY: CellRead = { ok: true, value: null };
const SHEETS_EPOCH_UTC = Date.UTC(1899, 11, 30);
const ERROR_VALUES = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!)$/;

/** Full-width digits, letters and punctuation (１２３，４５６．５) folded to ASCII. */
export function foldWidth(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u3000/g, ' ')
    .trim();
}

/** '¥1,234.50', '1234.5元', '１，２３４．５' → 1234.5; anything else undefined. */
export function parseNumber(text: string): number | undefined {
  const t = foldWidth(text)
    .replace(/^[¥￥]|元$/g, '')
    .replace(/^(-?)[¥￥]/, '$1')
    .trim();
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^-?\d+(\.\d+)?$/.test(t) || /^-?\.\d+$/.test(t)) return Number(t);
  return undefined;
}

/**
 * Dates the way Chinese offices type them: 2026.3.5, 2026/3/5, 2026-03-05, 2026年3月5日, with an
 * optional time. A year is required: '3/5' could be March 5 or May 3, so it is flagged, not guessed.
 */
export function parseDayText(
  text: string,
): { day: Day; hour: number; minute: number } | 'ambiguous' | undefined {
  const t = foldWidth(text);
  const m =
    /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：](\d{2})(?::\d{2})?)?$/.exec(
      t,
    );
  if (m) {
    const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map((x) =>
      x === undefined ? undefined : Number(x),
    );
    if (!isValidDay(y!, mo!, d!)) return undefined;
    const hour = h ?? 0;
    const minute = mi ?? 0;
    if (hour > 23 || minute > 59) return undefined;
    return { day: makeDay(y!, mo!, d!), hour, minute };
  }
  if (/^\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?$/.test(t) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(t))
    return 'ambiguous';
  if (/[〇零一二三四五六七八九十]{2,}年/.test(t)) return 'ambiguous';
  return undefined;
}

/** A Sheets date serial (days since 1899-12-30, as the cell's local wall time) as a day. */
export function serialToDay(serial: number): Day {
  const d = new Date(SHEETS_EPOCH_UTC + Math.floor(serial) * 86_400_000);
  return makeDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function parseBoolean(raw: Typed): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  const t = foldWidth(String(raw)).toLowerCase();
  if (['是', '√', '✓', '✔', 'y', 'yes', 'true', '1', '有', '对'].includes(t)) return true;
  if (['否', '×', '✗', '✘', 'x', 'n', 'no', 'false', '0', '无', '不'].includes(t)) return false;
  return undefined;
}

/**
 * Reads one cell as its declared column type. `normalised` is set when the cell held a certain but
 * untidy form of a value (full-width digits, '2026.3.5', '是') that Houqin may store in place.
 * Never throws, whatever the cell holds.
 */
export function readCell(col: ColumnDecl, raw: unknown, timeZone: string): CellRead {
  if (raw === '' || raw === null || raw === undefined) return READ_EMPTY;
  if (typeof raw === 'string') {
    // trim() takes the ideographic and every other space NFKC would fold to one: no fold needed.
    const trimmed = raw.trim();
    if (trimmed === '') return READ_EMPTY;
    if (trimmed.charCodeAt(0) === 35 && ERROR_VALUES.test(trimmed))
      return { ok: false, error: 'formulaError' };
  }
  const value = raw as Typed;
  switch (col.type) {
    case 'date':
    case 'datetime': {
      if (isDate(value)) return { ok: true, value: col.type === 'date' ? dayOf(value, timeZone) : value };
      if (typeof value === 'number') {
        // A serial typed into a plain-text cell, or pasted from another program.
        if (!Number.isFinite(value) || value < 1 || value > 2_958_465) return { ok: false, error: 'notDate' };
        const day = serialToDay(value);
        const minutes = Math.round((value - Math.floor(value)) * 1440);
        const typed =
          col.type === 'date' ? day : instantOf(day, timeZone, Math.floor(minutes / 60), minutes % 60);
        return { ok: true, value: typed, normalised: typed };
      }
      if (typeof value !== 'string') return { ok: false, error: 'notDate' };
      const parsed = parseDayText(value);
      if (parsed === 'ambiguous') return { ok: false, error: 'ambiguousDate' };
      if (!parsed) return { ok: false, error: 'notDate' };
      const typed =
        col.type === 'date' ? parsed.day : instantOf(parsed.day, timeZone, parsed.hour, parsed.minute);
      return { ok: true, value: typed, normalised: typed };
    }
    case 'amount':
    case 'number':
    case 'integer': {
      const n =
        typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : undefined;
      if (n === undefined || !Number.isFinite(n)) return { ok: false, error: 'notNumber' };
      if (col.type === 'integer' && !Number.isInteger(n)) return { ok: false, error: 'notInteger' };
      return typeof value === 'number' ? { ok: true, value: n } : { ok: true, value: n, normalised: n };
    }
    case 'boolean': {
      const b = parseBoolean(value);
      if (b === undefined) return { ok: false, error: 'notBoolean' };
      return typeof value === 'boolean' ? { ok: true, value: b } : { ok: true, value: b, normalised: b };
    }
    case 'enum': {
      const key = col.enum ? enumValueOf(col.enum, value) : undefined;
      return key === undefined ? { ok: false, error: 'notInList' } : { ok: true, value: key };
    }
    case 'email': {
      const t = foldWidth(String(value));
      if (!isEmail(t)) return { ok: false, error: 'notEmail' };
      return t === value ? { ok: true, value: t } : { ok: true, value: t, normalised: t };
    }
    case 'phone': {
      const t = foldWidth(String(value)).replace(/[\s-]/g, '');
      if (!/^\+?\d{5,15}$/.test(t)) return { ok: false, error: 'notPhone' };
      return { ok: true, value: t };
    }
    default: {
      if (typeof value === 'string') return { ok: true, value: value.trim() };
      if (isDate(value)) return { ok: true, value: dayOf(value, timeZone) };
      return { ok: true, value: String(value) };
    }
  }
}

/** Past this many distinct values a column's reads are no longer remembered. */
const READS_KEPT = 4_096;

type CellReader = (cell: unknown) => CellRead;

/**
 * readCell for one column in one zone. Where values repeat (dates, amounts, drop-downs, yes/no)
 * each distinct value is read once: a date column holds the same few days in every sheet, and
 * reading a Date means asking its day in the school's zone. Text (names, ids, notes) is read as it
 * comes. One class for every column: a loop over the columns of every sheet calls one method, not
 * a function made per column (each new one met would send the loop's optimised code back to be
 * compiled again).
 */
export class ColumnReader {
  declare readonly col: ColumnDecl;
  declare readonly timeZone: string;
  /** Whether distinct values are remembered (not for text, ids, e-mails and phones). */
  declare readonly remembers: boolean;
  declare readonly date: boolean;
  declare readonly byValue: Map<unknown, CellRead>;
  /** A date column's Dates by their instant; a datetime keeps each Date it read as it is. */
  declare readonly byInstant: Map<number, CellRead>;

  constructor(col: ColumnDecl, timeZone: string) {
    this.col = col;
    this.timeZone = timeZone;
    this.remembers = !['text', 'id', 'email', 'phone'].includes(col.type);
    this.date = col.type === 'date';
    this.byValue = new Map();
    this.byInstant = new Map();
  }

  read(cell: unknown): CellRead {
    if (!this.remembers) return readCell(this.col, cell, this.timeZone);
    if (typeof cell === 'object' && cell !== null) {
      if (!this.date || !isDate(cell)) return readCell(this.col, cell, this.timeZone);
      const instant = timeOf(cell);
      const known = this.byInstant.get(instant);
      if (known !== undefined) return known;
      const read = readCell(this.col, cell, this.timeZone);
      if (this.byInstant.size < READS_KEPT) this.byInstant.set(instant, read);
      return read;
    }
    const known = this.byValue.get(cell);
    if (known !== undefined) return known;
    const read = readCell(this.col, cell, this.timeZone);
    if (this.byValue.size < READS_KEPT) this.byValue.set(cell, read);
    return read;
  }
}

// Per declared column, its reader in the last zone asked.
const readers = new WeakMap<ColumnDecl, { reader: ColumnReader; read: CellReader }>();

/** The column's reader in `timeZone`, kept: reading row after row asks each value once per run. */
export function columnReader(col: ColumnDecl, timeZone: string): ColumnReader {
  return readerOf(col, timeZone).reader;
}

/** readCell for one column in one zone, as a function (see ColumnReader). */
export function cellReader(col: ColumnDecl, timeZone: string): CellReader {
  return readerOf(col, timeZone).read;
}

function readerOf(col: ColumnDecl, timeZone: string): { reader: ColumnReader; read: CellReader } {
  const known = readers.get(col);
  if (known?.reader.timeZone === timeZone) return known;
  const reader = new ColumnReader(col, timeZone);
  const made = { reader, read: (cell: unknown) => reader.read(cell) };
  readers.set(col, made);
  return made;
}

/** Typed values of a row's declared columns; unreadable cells read as null. */
export function typedCells(
  columns: readonly ColumnDecl[],
  cells: Readonly<Record<string, unknown>>,
  timeZone: string,
): Record<string, Typed | null> {
  const out: Record<string, Typed | null> = {};
  for (const col of columns) {
    const read = cellReader(col, timeZone)(cells[col.key]);
    out[col.key] = read.ok ? read.value : null;
  }
  return out;
}
