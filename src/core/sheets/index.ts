import { alertLog, problems } from './system';
import { assets } from './assets';
import { calendar, schoolYear } from './calendar';
import { canteenDisinfection, canteenPurchases, canteenSamples, supplierCertificates } from './canteen';
import { feeItems, feePayments } from './fees';
import { inspectionResults, inspectionSchedules } from './inspections';
import { repairs } from './repairs';
import { roster } from './roster';
import { settings } from './settings';
import { stockItems, stockMovements } from './stock';
import { stocktake } from './stocktake';
import { tasks } from './tasks';
import type { ColumnDecl, SheetDecl } from './types';

/** Every sheet of the template, in tab order. */
export const SHEETS = [
  settings,
  schoolYear,
  assets,
  repairs,
  inspectionSchedules,
  inspectionResults,
  stockItems,
  stockMovements,
  feeItems,
  feePayments,
  roster,
  canteenSamples,
  canteenDisinfection,
  canteenPurchases,
  supplierCertificates,
  calendar,
  tasks,
  problems,
  alertLog,
  stocktake,
] as const;

type AnySheet = (typeof SHEETS)[number];
export type SheetKey = AnySheet['key'];
export type ColumnKey<S extends SheetKey> = Extract<AnySheet, { key: S }>['columns'][number]['key'];

const BY_KEY = new Map<string, SheetDecl>(SHEETS.map((s) => [s.key, s]));

export function sheetDecl<S extends SheetKey>(key: S): Extract<AnySheet, { key: S }> {
  return BY_KEY.get(key) as Extract<AnySheet, { key: S }>;
}

export function columnDecl(sheet: SheetKey, column: string): ColumnDecl | undefined {
  return BY_KEY.get(sheet)?.columns.find((c) => c.key === column);
}

export {
  alertLog,
  assets,
  calendar,
  canteenDisinfection,
  canteenPurchases,
  canteenSamples,
  feeItems,
  feePayments,
  inspectionResults,
  inspectionSchedules,
  problems,
  repairs,
  roster,
  schoolYear,
  settings,
  stockItems,
  stockMovements,
  stocktake,
  supplierCertificates,
  tasks,
};
export { ENUMS } from './enums';
export type { EnumKey, EnumValue } from './enums';
export type { ColumnDecl, ColumnType, SheetDecl } from './types';
export { NUMBER_FORMAT, DEFAULT_WIDTH } from './types';
