import { sheetDecl, type SheetKey } from '../sheets';
import { isDate, type Day } from '../time';
import { typedCells, type Typed } from './cells';
import { mapHeaders, readRows, type SheetRow, type TableLayout } from './mapping';

/**
 * A sheet as read: `Workbook.table(key)` fits as is; pure callers build one with `tableOf`.
 * Only `layout` and `rows` are used.
 */
export interface SourceTable {
  readonly layout: TableLayout;
  readonly rows: readonly SheetRow[];
}

/**
 * One record of a sheet, its declared cells typed: the one way every part of Houqin (validation,
 * alerts, tasks, the sidebar, the digest) sees a row. Unreadable cells are null: validation reports
 * them, the rest skip them.
 */
export interface TypedRecord {
  /** 1-based row number in the sheet. */
  readonly row: number;
  readonly v: Readonly<Record<string, Typed | null>>;
}

/** The records of a table, typed; a missing table has none. */
export function typedRecords(table: SourceTable | undefined, timeZone: string): TypedRecord[] {
  if (!table) return [];
  const columns = table.layout.decl.columns;
  return table.rows.map((r) => ({ row: r.row, v: typedCells(columns, r.cells, timeZone) }));
}

/** A table from raw values (header first), as the Workbook adapter would read it. */
export function tableOf(key: SheetKey, values: readonly (readonly unknown[])[]): SourceTable {
  const layout = mapHeaders(sheetDecl(key), values[0] ?? []);
  return { layout, rows: readRows(layout, values.slice(1)) };
}

/** A typed value as text; empty for an empty cell. */
export function str(value: Typed | null | undefined): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

/** Text that is there, or null: for rules that ask whether a cell was filled in. */
export function text(value: Typed | null | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A date column's calendar day, or null. */
export function day(value: Typed | null | undefined): Day | null {
  return typeof value === 'string' && isDayShape(value) ? value : null;
}

/** /^\d{4}-\d{2}-\d{2}$/ without a regular expression: rules ask it of several cells per row. */
function isDayShape(text: string): boolean {
  if (text.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

/** A datetime column's instant, or null. */
export function instant(value: Typed | null | undefined): Date | null {
  return isDate(value) ? value : null;
}

export function num(value: Typed | null | undefined): number | null {
  return typeof value === 'number' ? value : null;
}
