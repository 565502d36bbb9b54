import type { Changes } from '../../core/sidebar';
import { appendRecords, updateRecords, type Workbook } from '../adapters/workbook';

/**
 * Writes an action's changes: rows appended after the last one holding data, and the patched
 * cells of existing rows. Both go through writeCells, which formats every cell receiving text as
 * plain text first, so a value typed as `=HYPERLINK(...)` or `+SUM(...)` stays text rather than
 * becoming a formula, and '00123' keeps its zeros.
 */
export function writeChanges(workbook: Workbook, changes: Changes): void {
  for (const { sheet, records } of changes.append) {
    const table = workbook.table(sheet);
    if (table && records.length) appendRecords(table, records);
  }
  for (const { sheet, changes: patches } of changes.update) {
    const table = workbook.table(sheet);
    if (table && patches.length) updateRecords(table, patches);
  }
}
