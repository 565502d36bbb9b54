import { tableOf } from '../../src/core/table/record';
import { sheetDecl, type SheetKey } from '../../src/core/sheets';
import { instantOf } from '../../src/core/time';

export const TZ = 'Asia/Shanghai';
export const at = (day: string, h = 0, m = 0) => instantOf(day, TZ, h, m);

export function table(key: SheetKey, rows: Record<string, unknown>[]) {
  const cols = sheetDecl(key).columns.map((c) => c.key as string);
  return tableOf(key, [cols, ...rows.map((r) => cols.map((c) => r[c] ?? ''))]);
}

/**
 * Three weeks of records, counted by hand in figures.test.ts. Weeks are 08-17 (one repair), 08-24
 * (nothing at all), 08-31 and 09-07; the digest runs Monday 2026-09-14 07:30.
 */
export const WEEKS_INPUT = {
  timeZone: TZ,
  tables: {
    repairs: table('repairs', [
      { repairId: 'G', reportedAt: at('2026-08-17', 9), status: 'done', completedAt: at('2026-08-18', 9) },
      { repairId: 'A', reportedAt: at('2026-09-01', 8), status: 'done', completedAt: at('2026-09-03', 10) },
      { repairId: 'B', reportedAt: at('2026-09-05', 9), status: 'reported' },
      { repairId: 'C', reportedAt: at('2026-09-08', 8), status: 'done', completedAt: at('2026-09-10', 8) },
      { repairId: 'D', reportedAt: at('2026-09-12', 20), status: 'reported' },
      { repairId: 'E', reportedAt: at('2026-09-02', 8), status: 'cancelled' },
      { repairId: 'F', reportedAt: at('2026-09-03', 10), status: 'done', completedAt: at('2026-09-08', 12) },
    ]),
    inspectionResults: table('inspectionResults', [
      {
        date: at('2026-09-02'),
        location: 'Stairs',
        result: 'hazard',
        finding: 'loose rail',
        fixDeadline: at('2026-09-04'),
        fixedDate: at('2026-09-09'),
      },
      {
        date: at('2026-09-10'),
        location: 'Gym',
        result: 'hazard',
        finding: 'wet floor',
        fixDeadline: at('2026-09-20'),
      },
      {
        date: at('2026-09-11'),
        location: 'Lab',
        result: 'hazard',
        finding: 'gas smell',
        fixDeadline: at('2026-09-13'),
      },
      { date: at('2026-09-09'), location: 'Hall', result: 'pass' },
    ]),
    tasks: table('tasks', [
      { taskId: 'T1', dueDate: at('2026-09-02'), title: 'fire check', source: 'inspection', status: 'done' },
      { taskId: 'T2', dueDate: at('2026-09-03'), title: 'wiring', source: 'inspection', status: 'todo' },
      { taskId: 'T3', dueDate: at('2026-09-04'), title: 'boiler', source: 'calendar', status: 'done' },
      { taskId: 'T4', dueDate: at('2026-09-05'), title: 'lawn', source: 'calendar', status: 'skipped' },
      { taskId: 'T5', dueDate: at('2026-09-09'), title: 'fire check', source: 'inspection', status: 'done' },
      { taskId: 'T6', dueDate: at('2026-09-10'), title: 'gutters', source: 'calendar', status: 'todo' },
      {
        taskId: 'T7',
        dueDate: at('2026-09-11'),
        title: 'gone',
        source: 'calendar',
        status: 'source_removed',
      },
    ]),
    feePayments: table('feePayments', [
      {
        receiptNo: 'S1',
        date: at('2026-09-01'),
        amount: 100,
        collector: '王芳',
        depositDate: at('2026-09-01'),
      },
      {
        receiptNo: 'S2',
        date: at('2026-09-02'),
        amount: 50,
        collector: '王芳',
        depositDate: at('2026-09-03'),
      },
      { receiptNo: 'S3', date: at('2026-09-03'), amount: 20.5, collector: '李强' },
      {
        receiptNo: 'S4',
        date: at('2026-09-08'),
        amount: 30,
        collector: '王芳',
        depositDate: at('2026-09-08'),
      },
      { receiptNo: 'S5', date: at('2026-09-09'), amount: 10.1, collector: '王芳' },
    ]),
    stockItems: table('stockItems', [
      { itemId: 'WZ-1', name: 'chalk', minStock: 5 },
      { itemId: 'WZ-2', name: 'bulbs', minStock: 2 },
    ]),
    stockMovements: table('stockMovements', [
      { date: at('2026-09-01'), itemId: 'WZ-1', type: 'purchase_in', quantity: 10 },
      { date: at('2026-09-01'), itemId: 'WZ-2', type: 'purchase_in', quantity: 1 },
      { date: at('2026-09-09'), itemId: 'WZ-1', type: 'issue', quantity: 7 },
      { date: at('2026-09-10'), itemId: 'WZ-2', type: 'purchase_in', quantity: 5 },
      { date: at('2026-09-12'), itemId: 'WZ-2', type: 'issue', quantity: 5 },
    ]),
  },
};

export const MONDAY = at('2026-09-14', 7, 30);
