import type { EnumKey } from './enums';

/**
 * How a column's cells are typed, formatted, validated and offered in forms.
 * - id, phone: text that looks like a number ('00123', '13800138000'); formatted '@' so Sheets
 *   keeps leading zeros.
 * - date: a calendar day; datetime: a day and a time, both in the spreadsheet's time zone.
 * - amount: yuan with two decimals; integer / number: counts and measures.
 */
export type ColumnType =
  | 'text'
  | 'id'
  | 'date'
  | 'datetime'
  | 'amount'
  | 'integer'
  | 'number'
  | 'email'
  | 'phone'
  | 'enum'
  | 'boolean';

export interface ColumnDecl<K extends string = string> {
  readonly key: K;
  readonly type: ColumnType;
  /** For type 'enum': which list of ENUMS the cell takes. */
  readonly enum?: EnumKey;
  readonly required?: boolean;
  /** No two rows may share a value (asset id, receipt number, task id). */
  readonly unique?: boolean;
  readonly min?: number;
  /** Strictly greater than this (quantity > 0). */
  readonly above?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** 'houqin' columns are written by Houqin (task status keys, computed deadlines); users own the rest. */
  readonly owner?: 'user' | 'houqin';
  /** Column width in pixels, rounded to one of WIDTH_CLASSES when setup sets it. */
  readonly width?: number;
  /** Other header texts accepted for this column when reading a user's sheet. */
  readonly aliases?: readonly string[];
}

export interface SheetDecl<S extends string = string, C extends string = string> {
  readonly key: S;
  readonly columns: readonly ColumnDecl<C>[];
  /** Sheets Houqin rebuilds itself (Problems, Alert log) rather than the office typing into. */
  readonly generated?: boolean;
}

/**
 * The widths setup gives columns, in pixels: Sheets' own default (ids, dates, amounts, drop-downs,
 * checkboxes), names and places, notes and titles, long help text. A declared width is rounded to
 * the nearest class (the wider on a tie), so a sheet's columns fall in a few runs of one width and
 * setup sets them in a few calls.
 */
export const WIDTH_CLASSES: readonly number[] = [100, 160, 240, 360];

export const DEFAULT_WIDTH: Record<ColumnType, number> = {
  text: 160,
  id: 110,
  date: 100,
  datetime: 140,
  amount: 100,
  integer: 80,
  number: 90,
  email: 190,
  phone: 120,
  enum: 110,
  boolean: 70,
};

/**
 * Number formats by type. '@' is plain text: Sheets must not re-type ids and phone numbers.
 * Booleans are check boxes, which need the automatic format (null: leave it alone).
 */
export const NUMBER_FORMAT: Record<ColumnType, string | null> = {
  text: '@',
  id: '@',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  amount: '#,##0.00',
  integer: '0',
  number: '0.##',
  email: '@',
  phone: '@',
  enum: '@',
  boolean: null,
};
