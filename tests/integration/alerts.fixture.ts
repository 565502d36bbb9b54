import { createEmulator, type Emulator } from '../../emulator';
import { instantOf } from '../../src/core/time';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, setSetting } from '../support/workbook';

export { setSetting };

export const TZ = 'Asia/Shanghai';
export const HEAD = 'head@school.example';
export const at = (day: string, hour = 7, minute = 0) => instantOf(day, TZ, hour, minute);

export function settingValue(emu: Emulator, label: string): unknown {
  const sheet = emu.spreadsheet.getSheetByName('设置')!;
  const rows = sheet.getRange(1, 1, sheet.getLastRow(), 2).getValues();
  return rows.find((r) => r[0] === label)?.[1];
}

/**
 * Three people, each with one late item on 2026-09-10: 王芳 a repair (1 day), 李强 a task (1 day),
 * 张伟 a loan (2 days). A fourth item has nobody responsible.
 */
export function overdueWorkbook(extra: (emu: Emulator) => void = () => {}): Bundle {
  const emu = createEmulator({ now: at('2026-09-10', 6) });
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  setSetting(emu, '总务主任邮箱', HEAD);
  setSetting(emu, '后勤处邮件列表', 'office@school.example, head@school.example');
  fillSheet(emu, 'roster', [
    { name: '王芳', role: '水电工', email: 'wang@school.example' },
    { name: '李强', role: '保管员', email: 'li@school.example' },
    { name: '张伟', role: '会计', email: 'zhang@school.example' },
  ]);
  fillSheet(emu, 'repairs', [
    {
      repairId: 'BX-1',
      reportedAt: at('2026-09-08', 8),
      reporter: '班主任',
      location: '初一(1)班',
      description: '灯管不亮',
      assignee: '王芳',
      status: '已报修',
    },
  ]);
  fillSheet(emu, 'tasks', [
    { taskId: 'T1', dueDate: at('2026-09-09', 0), title: '检查门窗', assignee: '李强', status: '待办' },
  ]);
  fillSheet(emu, 'stockMovements', [
    { date: at('2026-09-01', 0), itemId: 'WZ-1', type: '采购入库', quantity: 10 },
    {
      date: at('2026-09-02', 0),
      itemId: 'WZ-1',
      type: '借用',
      quantity: 2,
      party: '初二(1)班',
      handler: '张伟',
      dueDate: at('2026-09-08', 0),
    },
  ]);
  extra(emu);
  return bundle;
}

/**
 * Runs the installable triggers due between `from` and `to` as Apps Script would (no UI, no user:
 * the emulator's triggers.runDue); a failed run fails the test.
 */
export function runTriggers(bundle: Bundle, from: Date, to: Date): string[] {
  const runs = bundle.emu.triggers.runDue(from, to, (name, event) => bundle.call(name, [event]));
  const failed = runs.find((r) => r.status === 'Failed');
  if (failed) throw failed.error;
  return runs.map((r) => r.handlerFunction);
}

export interface LogRow {
  time: Date;
  recipient: string;
  itemKey: string;
  row: number;
  status: string;
  escalated: boolean;
}

export function alertLog(emu: Emulator): LogRow[] {
  const sheet = emu.spreadsheet.getSheetByName('提醒记录')!;
  const values = sheet.getDataRange().getValues();
  return values.slice(1).map((r) => ({
    time: r[0] as Date,
    recipient: String(r[1]),
    itemKey: String(r[3]),
    row: Number(r[5]),
    status: String(r[6]),
    escalated: r[7] === true,
  }));
}

/** (recipient → sheet rows linked) of each e-mail, read from the links in its plain-text body. */
export function linkedRows(body: string): number[] {
  return [...body.matchAll(/#gid=\d+&range=A(\d+)/g)].map((m) => Number(m[1]));
}
