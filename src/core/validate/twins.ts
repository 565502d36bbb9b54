import { readCell } from '../table/cells';
import type { TableLayout } from '../table/mapping';
import { uniqueKey } from './columns';

/** The rows and 0-based columns an edit wrote. */
export interface EditedBlock {
  readonly first: number;
  readonly last: number;
  readonly fromColumn: number;
  readonly toColumn: number;
}

/**
 * Rows outside an edited block whose duplicate marks the edit may have changed: those holding, in a
 * unique column the edit touched, a value the block holds now (a new twin to mark) or the value the
 * single edited cell held before, as onEdit reports it (a former twin to clear). Ascending.
 */
export function twinRows(
  layout: TableLayout,
  values: readonly (readonly unknown[])[],
  block: EditedBlock,
  oldValue: unknown,
  timeZone: string,
): number[] {
  const single = block.first === block.last && block.fromColumn === block.toColumn;
  const keyOf = (col: (typeof layout.decl.columns)[number], raw: unknown): string | null => {
    const read = readCell(col, raw, timeZone);
    return read.ok && read.value !== null ? uniqueKey(read.value) : null;
  };
  const out = new Set<number>();
  for (const col of layout.decl.columns) {
    const index = layout.index[col.key];
    if (!col.unique || index === undefined || index < block.fromColumn || index > block.toColumn) continue;
    const keys = new Set<string>();
    for (let row = block.first; row <= block.last; row++) {
      const key = keyOf(col, values[row - 1]?.[index]);
      if (key !== null) keys.add(key);
    }
    if (single && oldValue !== undefined) {
      const key = keyOf(col, oldValue);
      if (key !== null) keys.add(key);
    }
    if (!keys.size) continue;
    for (let i = 1; i < values.length; i++) {
      const row = i + 1;
      if (row >= block.first && row <= block.last) continue;
      const key = keyOf(col, values[i]?.[index]);
      if (key !== null && keys.has(key)) out.add(row);
    }
  }
  return [...out].sort((a, b) => a - b);
}
