import { DEFAULT_WIDTH, NUMBER_FORMAT, type ColumnDecl } from '../sheets';
import { adjacentRuns } from '../table/a1';

/** A planned column: its declaration and its 1-based position in the sheet. */
export interface PlannedColumn {
  decl: ColumnDecl;
  column: number;
}

/**
 * The format Sheets reports for a cell nobody formatted (newer versions say 'General'). A grid of
 * formats needs one for the checkbox columns, whose TRUE/FALSE no number format changes.
 */
export const UNFORMATTED = '0.###############';
export const AUTOMATIC_FORMATS: readonly string[] = [UNFORMATTED, 'General'];

export function columnFormat(decl: ColumnDecl): string {
  return NUMBER_FORMAT[decl.type] ?? UNFORMATTED;
}

/** Columns that take the same drop-down, checkbox or date rule share a key ('' for none). */
export function ruleKey(decl: ColumnDecl): string {
  if (decl.type === 'enum') return `enum:${decl.enum}`;
  // A datetime cell takes the same date picker as a date cell.
  if (decl.type === 'date' || decl.type === 'datetime') return 'date';
  if (decl.type === 'boolean') return 'boolean';
  return '';
}

export function columnWidth(decl: ColumnDecl): number {
  return decl.width ?? DEFAULT_WIDTH[decl.type];
}

/**
 * One setColumnWidths per run of adjacent columns of one width; columns already at `current` (a
 * new sheet's default width) need no call.
 */
export function widthRuns(
  columns: readonly PlannedColumn[],
  current: number | null,
): { column: number; count: number; width: number }[] {
  return adjacentRuns(
    columns,
    (c) => c.column,
    (c) => String(columnWidth(c.decl)),
  )
    .map((run) => ({ column: run[0]!.column, count: run.length, width: columnWidth(run[0]!.decl) }))
    .filter((r) => r.width !== current);
}
