import type { OverdueInput } from '../../core/overdue';
import type { SourceTable } from '../../core/table';
import type { SheetKey } from '../../core/sheets';
import type { Workbook } from '../adapters/workbook';

/** The sheets `findOverdue` looks at (the School year is for schedules without a written next due day). */
export const OVERDUE_SHEETS: readonly SheetKey[] = [
  'repairs',
  'inspectionSchedules',
  'inspectionResults',
  'tasks',
  'stockItems',
  'stockMovements',
  'roster',
  'supplierCertificates',
  'assets',
  'schoolYear',
  // Tomorrow's duty is reminded in the daily e-mail; the digest lists holidays nobody covers.
  'duty',
];

/** Reads each sheet once (a missing sheet is left out: it has nothing late). */
export function readTables(workbook: Workbook, keys: readonly SheetKey[]): OverdueInput {
  const tables: Partial<Record<SheetKey, SourceTable>> = {};
  for (const key of keys) {
    const table = workbook.table(key);
    if (table) tables[key] = table;
  }
  return { timeZone: workbook.timeZone, tables };
}

export function overdueInput(workbook: Workbook): OverdueInput {
  return readTables(workbook, OVERDUE_SHEETS);
}
