import { alertLog, problems } from './system';
import { assets } from './assets';
import { calendar, schoolYear } from './calendar';
import { drills } from './drills';
import { duty } from './duty';
import { canteenDisinfection, canteenPurchases, canteenSamples, supplierCertificates } from './canteen';
import { agencySpending, feeItems, feePayments } from './fees';
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
  agencySpending,
  roster,
  canteenSamples,
  canteenDisinfection,
  canteenPurchases,
  supplierCertificates,
  drills,
  duty,
  calendar,
  tasks,
  problems,
  alertLog,
  stocktake,
] as const;

type AnySheet = (typeof SHEETS)[number];
export type SheetKey = AnySheet['key'];
export type ColumnKey<S extends SheetKey> = Extract<AnySheet, { key: S }>['columns'][number]['key'];

/**
 * Names earlier versions gave a sheet: a workbook set up then is still read, and setup renames the
 * sheet to today's name (saying so). The office's words: 安全检查, not 巡检; 索证索票 for purchases.
 */
export const FORMER_SHEET_NAMES: Partial<Record<SheetKey, readonly string[]>> = {
  inspectionSchedules: ['巡检计划'],
  inspectionResults: ['巡检记录'],
  canteenPurchases: ['食堂采购'],
};

const BY_KEY = new Map<string, SheetDecl>(SHEETS.map((s) => [s.key, s]));

export function sheetDecl<S extends SheetKey>(key: S): Extract<AnySheet, { key: S }> {
  return BY_KEY.get(key) as Extract<AnySheet, { key: S }>;
}

export function columnDecl(sheet: SheetKey, column: string): ColumnDecl | undefined {
  return BY_KEY.get(sheet)?.columns.find((c) => c.key === column);
}

export {
  agencySpending,
  alertLog,
  assets,
  calendar,
  canteenDisinfection,
  canteenPurchases,
  canteenSamples,
  drills,
  duty,
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
export { ENUMS, ENUM_ALIASES } from './enums';
export type { EnumKey, EnumValue } from './enums';
export type { ColumnDecl, ColumnType, SheetDecl } from './types';
export { NUMBER_FORMAT, DEFAULT_WIDTH, WIDTH_CLASSES } from './types';
