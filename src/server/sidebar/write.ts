import { columnDecl, NUMBER_FORMAT } from '../../core/sheets';
import type { Changes } from '../../core/sidebar/records';
import { columnLetter } from '../../core/table/a1';
import { isBlankRow, patchRow } from '../../core/table/mapping';
import { ensureSize, updateRecords, writeBlock, type Table, type Workbook } from '../adapters/workbook';

/** Cells of `table` at `rows` × the columns named that hold text: they must be '@' before a write. */
function textCells(table: Table, rows: readonly number[], columns: readonly string[]): string[] {
  const out: string[] = [];
  for (const key of columns) {
    const at = table.layout.index[key];
    const decl = columnDecl(table.key, key);
    if (at === undefined || !decl || NUMBER_FORMAT[decl.type] !== '@') continue;
    for (const row of rows) out.push(`${columnLetter(at + 1)}${row}`);
  }
  return out;
}

/**
 * The row after the last one holding any value. getDataRange already ignores formatting, but a
 * row of blanks at its end (cleared cells) is not data either.
 */
export function firstFreeRow(table: Table): number {
  let last = table.values.length;
  while (last > 1 && isBlankRow(table.values[last - 1] ?? [])) last--;
  return last + 1;
}

/**
 * Writes an action's changes. Text cells (ids, names, descriptions, list labels) are formatted
 * plain text first — one call per sheet — so a value typed as `=HYPERLINK(...)` or `+SUM(...)`
 * stays text rather than becoming a formula, and '00123' keeps its zeros. Then one setValues per
 * appended block and per run of patched columns.
 */
export function writeChanges(workbook: Workbook, changes: Changes): void {
  for (const { sheet, records } of changes.append) {
    const table = workbook.table(sheet);
    if (!table || !records.length) continue;
    const first = firstFreeRow(table);
    const rows = records.map((_, i) => first + i);
    const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const cells = textCells(table, rows, columns);
    const block = records.map((r) => patchRow(table.layout, undefined, r));
    // Rows beyond the sheet's size must exist before they can be formatted.
    ensureSize(table.sheet, first + block.length - 1, Math.max(...block.map((r) => r.length)));
    if (cells.length) table.sheet.getRangeList(cells).setNumberFormat('@');
    writeBlock(table.sheet, first, 1, block);
  }
  for (const { sheet, changes: patches } of changes.update) {
    const table = workbook.table(sheet);
    if (!table || !patches.length) continue;
    const cells = patches.flatMap((p) => textCells(table, [p.row], Object.keys(p.patch)));
    if (cells.length) table.sheet.getRangeList(cells).setNumberFormat('@');
    updateRecords(table, patches);
  }
}
