import type { Emulator } from '../emulator';
import type { Bundle } from '../emulator/bundle';
import { defaultCalendarRows, defaultSchoolYearRows } from '../src/core/setup/defaults';
import { fillSheet, syntheticRows, syntheticWorkbook } from '../emulator/fixtures';

/** One operation the benchmark times: prepare a workbook of `rows` rows, then run it once. */
export interface BenchOperation {
  readonly name: string;
  prepare(emu: Emulator, rows: number): void;
  run(bundle: Bundle): void;
}

/**
 * A synthetic workbook with an office head, an office list and an empty Alert log, seen in late
 * November: a third of the synthetic repairs are open and weeks late.
 */
function mailingWorkbook(emu: Emulator, rows: number): void {
  emu.clock.set('2026-11-23T07:30:00+08:00');
  syntheticWorkbook(emu, rows);
  fillSheet(emu, 'settings', [
    { setting: '总务主任邮箱', value: 'head@school.example' },
    { setting: '后勤处邮件列表', value: 'office@school.example' },
  ]);
  fillSheet(emu, 'alertLog', []);
}

/** A synthetic workbook with the sample school year and work calendar, 30 schedules and an empty Tasks sheet. */
function monthWorkbook(emu: Emulator, rows: number): void {
  syntheticWorkbook(emu, rows);
  fillSheet(emu, 'schoolYear', defaultSchoolYearRows('zh-CN', 'Asia/Shanghai'));
  fillSheet(emu, 'calendar', defaultCalendarRows('zh-CN'));
  fillSheet(emu, 'inspectionSchedules', syntheticRows('inspectionSchedules', 30));
  fillSheet(emu, 'tasks', []);
}

export const OPERATIONS: readonly BenchOperation[] = [
  {
    name: 'Set up workbook (existing data)',
    prepare: (emu, rows) => syntheticWorkbook(emu, rows),
    run: (bundle) => bundle.call('menuSetUpWorkbook'),
  },
  {
    name: 'Check all sheets',
    prepare: (emu, rows) => syntheticWorkbook(emu, rows),
    run: (bundle) => bundle.call('menuCheckAllSheets'),
  },
  {
    name: 'Send overdue alerts (daily job)',
    prepare: mailingWorkbook,
    run: (bundle) => bundle.call('menuSendAlertsNow'),
  },
  {
    name: 'Send weekly digest',
    prepare: mailingWorkbook,
    run: (bundle) => bundle.call('menuSendDigestNow'),
  },
  {
    name: 'Generate month',
    prepare: monthWorkbook,
    run: (bundle) => bundle.call('menuGenerateMonth'),
  },
];
