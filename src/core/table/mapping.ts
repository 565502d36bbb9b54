import { CARRIED_LANGS } from '../i18n';
import type { ColumnDecl, SheetDecl } from '../sheets';
import { columnHeader, labelKey } from './labels';

/** What a cell holds, as Apps Script's getValues returns it ('' for empty). */
export type CellValue = string | number | boolean | Date;

/**
 * Where each declared column sits in a user's sheet. Columns are found by header text in either
 * language (or an alias), so the office may reorder them and add its own, which Houqin never touches.
 */
export interface TableLayout {
  readonly decl: SheetDecl;
  /** 0-based position of each declared column that was found. */
  readonly index: Readonly<Record<string, number>>;
  readonly missing: readonly ColumnDecl[];
  /** Headers Houqin does not know: the office's own columns. */
  readonly unknown: readonly { index: number; header: string }[];
  /** Header cells read, i.e. the width of the table as the sheet has it. */
  readonly width: number;
}

export function mapHeaders(decl: SheetDecl, headerRow: readonly unknown[]): TableLayout {
  const wanted = new Map<string, ColumnDecl>();
  for (const col of decl.columns) {
    for (const lang of CARRIED_LANGS)
      wanted.set(labelKey(columnHeader(lang, decl.key as never, col.key)), col);
    for (const alias of col.aliases ?? []) wanted.set(labelKey(alias), col);
    wanted.set(labelKey(col.key), col);
  }
  const index: Record<string, number> = {};
  const unknown: { index: number; header: string }[] = [];
  headerRow.forEach((cell, i) => {
    const header = String(cell ?? '').trim();
    if (header === '') return;
    const col = wanted.get(labelKey(header));
    // The first column wins: a second "备注" is the office's own.
    if (col && index[col.key] === undefined) index[col.key] = i;
    else unknown.push({ index: i, header });
  });
  return {
    decl,
    index,
    missing: decl.columns.filter((c) => index[c.key] === undefined),
    unknown,
    width: headerRow.length,
  };
}

export interface SheetRow {
  /** 1-based row number in the sheet. */
  readonly row: number;
  /** Declared columns by key; a missing column reads ''. */
  readonly cells: Readonly<Record<string, CellValue>>;
}

export function isBlankRow(raw: readonly unknown[]): boolean {
  // An indexed loop, not every() or for…of: asked of each row of every sheet read.
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (v !== '' && v !== null && v !== undefined) return false;
  }
  return true;
}

/**
 * The records below the header. Blank rows are skipped but keep their place, so every reported
 * row number is the one the user sees.
 */
export function readRows(
  layout: TableLayout,
  values: readonly (readonly unknown[])[],
  firstRow = 2,
): SheetRow[] {
  const out: SheetRow[] = [];
  const entries = Object.entries(layout.index);
  values.forEach((raw, i) => {
    if (isBlankRow(raw)) return;
    const cells: Record<string, CellValue> = {};
    for (const col of layout.decl.columns) cells[col.key] = '';
    for (const [key, at] of entries) cells[key] = (raw[at] ?? '') as CellValue;
    out.push({ row: firstRow + i, cells });
  });
  return out;
}

/**
 * A row to write: the existing cells (including the office's own columns) with `patch` applied to
 * the declared columns it names. Never drops a cell it did not mean to change.
 */
export function patchRow(
  layout: TableLayout,
  existing: readonly unknown[] | undefined,
  patch: Readonly<Record<string, CellValue>>,
): CellValue[] {
  const width = Math.max(layout.width, existing?.length ?? 0);
  const row: CellValue[] = [];
  for (let i = 0; i < width; i++) row.push((existing?.[i] ?? '') as CellValue);
  for (const [key, value] of Object.entries(patch)) {
    const at = layout.index[key];
    if (at !== undefined) row[at] = value;
  }
  return row;
}
