import { createEmulator } from '../../emulator';
import { instantOf } from '../../src/core/time';
import { loadBundle } from '../support/bundle';
import { fillSheet, setSetting } from '../support/workbook';

const TZ = 'Asia/Shanghai';
const at = (day: string) => instantOf(day, TZ, 9);

function repair(id: string, day: string, location: string, more: Record<string, unknown> = {}) {
  return {
    repairId: id,
    reportedAt: at(day),
    reporter: '班主任',
    location,
    description: '桌椅损坏',
    status: '已完成',
    completedAt: at(day),
    ...more,
  };
}

describe('班级财产损坏统计 through the bundle', () => {
  it('counts last month and the term per class, by people and by wear, with compensation, and marks the heavy ones', () => {
    const emu = createEmulator({ now: '2026-12-01T08:00:00+08:00', timeZone: TZ });
    const bundle = loadBundle(emu);
    bundle.open();
    bundle.call('menuSetUpWorkbook');
    setSetting(emu, '班级损坏提醒(次/月)', 3);
    fillSheet(emu, 'repairs', [
      repair('BX-1', '2026-11-03', '初一(1)班', {
        cause: '人为损坏',
        responsible: '学生甲',
        compensation: 50,
      }),
      repair('BX-2', '2026-11-10', '初一(1)班', {
        cause: '人为损坏',
        responsible: '学生乙',
        compensation: 30,
      }),
      repair('BX-3', '2026-11-17', '初一(1)班', { cause: '自然损耗' }),
      // Turned down: not damage.
      repair('BX-4', '2026-11-18', '初一(1)班', { status: '已取消' }),
      repair('BX-5', '2026-11-24', '初二(3)班', { cause: '自然损耗' }),
      // October: this term, not last month; a waived compensation counts nothing.
      repair('BX-6', '2026-10-15', '音乐教室', {
        cause: '人为损坏',
        responsible: '学生丙',
        compensation: 100,
      }),
      repair('BX-7', '2026-10-16', '初二(3)班', {
        cause: '人为损坏',
        responsible: '学生丁',
        compensation: 20,
        waived: true,
      }),
    ]);
    bundle.clickMenu('打印班级财产损坏统计（上月、本学期）');
    const html = emu.ui.dialogs.at(-1)!.html;
    const row = (...cells: string[]) =>
      `<td>${cells[0]}</td>${cells
        .slice(1, 5)
        .map((c) => `<td class="r">${c}</td>`)
        .join('')}<td class="c">${cells[5]}</td>`;
    const [month, term] = html.split('二、');
    expect(month).toContain('2026年11月');
    expect(month).toContain(row('初一(1)班', '3', '2', '1', '80.00', '需关注'));
    expect(month).toContain(row('初二(3)班', '1', '0', '1', '0.00', ''));
    expect(month).not.toContain('音乐教室');
    expect(term).toContain(row('初一(1)班', '3', '2', '1', '80.00', ''));
    expect(term).toContain(row('初二(3)班', '2', '1', '1', '0.00', ''));
    expect(term).toContain(row('音乐教室', '1', '1', '0', '100.00', ''));
    expect(emu.mail.outbox).toHaveLength(0);
  });
});
