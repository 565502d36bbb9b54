import { mapHeaders, readRows } from '../table/mapping';
import { typedCells, type Typed } from '../table/cells';
import { sheetDecl, type SheetKey } from '../sheets';
import { isDate, type Day } from '../time';
import type { SourceTable } from './types';

/** A record's declared cells typed; unreadable cells are null (validation reports them, alerts skip them). */
export interface TypedRecord {
  readonly row: number;
  readonly v: Readonly<Record<string, Typed | null>>;
}

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

export function str(value: Typed | null | undefined): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

export function day(value: Typed | null | undefined): Day | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export function instant(value: Typed | null | undefined): Date | null {
  return isDate(value) ? value : null;
}

export function num(value: Typed | null | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

/** A short stable hash for keys of records that have no id of their own (hazards, loans). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
