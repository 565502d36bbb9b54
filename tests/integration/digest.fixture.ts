import { createEmulator, type Emulator } from '../../emulator';
import type { CellValue } from '../../src/core/table/mapping';
import { addDays, instantOf } from '../../src/core/time';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, setSetting, syntheticRows } from '../support/workbook';

export const TZ = 'Asia/Shanghai';
/** The digest runs on Monday 2026-11-23; its last week is 11-16 … 11-22, the first trend week 08-31. */
export const RUN = instantOf('2026-11-23', TZ, 7, 30);
const FIRST_MONDAY = '2026-08-31';
const at = (day: string, h = 0) => instantOf(day, TZ, h);

/**
 * Twelve weeks of an office's work, repeating with the week number k: 2 + k % 4 repairs
 * reported each week (the last week's two left open), four inspection tasks of which 4 − k % 3
 * done, a hazard every other week fixed a week later except the last two, and one payment a week
 * banked a day late. One repair's description is markup, to prove it is shown as text.
 */
function weeks(): Record<
  'repairs' | 'tasks' | 'inspectionResults' | 'feePayments',
  Record<string, CellValue>[]
> {
  const repairs: Record<string, CellValue>[] = [];
  const tasks: Record<string, CellValue>[] = [];
  const results: Record<string, CellValue>[] = [];
  const payments: Record<string, CellValue>[] = [];
  for (let k = 0; k < 12; k++) {
    const monday = addDays(FIRST_MONDAY, 7 * k);
    const last = k === 11;
    for (let i = 0; i < 2 + (k % 4); i++)
      repairs.push({
        repairId: `BX-${k}-${i}`,
        reportedAt: at(addDays(monday, i), 9),
        reporter: '班主任',
        location: ['初一(1)班', '物理实验室', '食堂', '行政楼'][i % 4]!,
        description:
          k === 11 && i === 0
            ? '<script>alert("x")</script> 门锁'
            : ['灯管不亮', '水龙头漏水', '门锁损坏', '投影仪无信号'][i % 4]!,
        assignee: '王芳',
        status: last ? '已报修' : '已完成',
        completedAt: last ? '' : at(addDays(monday, i + 1), 15),
      });
    for (let i = 0; i < 4; i++)
      tasks.push({
        taskId: `XJ-${k}-${i}`,
        dueDate: at(addDays(monday, i)),
        title: ['消防器材检查', '电路漏电检查', '楼梯通道检查', '宿舍门窗检查'][i]!,
        source: '巡检',
        assignee: '李强',
        status: i < 4 - (k % 3) ? '已完成' : '待办',
      });
    if (k % 2 === 0)
      results.push({
        date: at(addDays(monday, 2)),
        location: '体育馆',
        inspector: '李强',
        result: '发现隐患',
        finding: `看台栏杆松动（第 ${k + 1} 周）`,
        fixDeadline: at(addDays(monday, 5)),
        fixedDate: k >= 9 ? '' : at(addDays(monday, 9)),
        responsible: '王芳',
      });
    payments.push({
      receiptNo: `SJ-${k}`,
      date: at(addDays(monday, 1)),
      itemCode: 'F01',
      payer: `学生${k}`,
      amount: 120,
      collector: '张伟',
      depositDate: at(addDays(monday, 2)),
    });
  }
  return { repairs, tasks, inspectionResults: results, feePayments: payments };
}

/**
 * The office workbook above, set up through the bundle. `extra` adds that many synthetic rows
 * (half repairs, half fee payments: the sheets the digest reads most), so the same office can be
 * measured at any size.
 */
export function digestWorkbook(extra = 0, more: (emu: Emulator) => void = () => {}): Bundle {
  const emu = createEmulator({ now: RUN, timeZone: TZ });
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  setSetting(emu, '学校名称', '第一中学');
  setSetting(emu, '总务主任邮箱', 'head@school.example');
  setSetting(emu, '后勤处邮件列表', 'office@school.example, head@school.example');
  fillSheet(emu, 'roster', [
    { name: '王芳', role: '水电工', email: 'wang@school.example' },
    { name: '李强', role: '保管员', email: 'li@school.example' },
    { name: '张伟', role: '会计', email: 'zhang@school.example' },
  ]);
  fillSheet(emu, 'feeItems', [{ code: 'F01', name: '校服费', standard: 120 }]);
  const w = weeks();
  const half = Math.floor(extra / 2);
  fillSheet(emu, 'repairs', [...w.repairs, ...syntheticRows('repairs', half)]);
  fillSheet(emu, 'feePayments', [...w.feePayments, ...syntheticRows('feePayments', extra - half)]);
  fillSheet(emu, 'tasks', w.tasks);
  fillSheet(emu, 'inspectionResults', w.inspectionResults);
  more(emu);
  emu.clock.set(RUN);
  return bundle;
}
