import { createEmulator, type Emulator } from '../../emulator';
import { defaultCalendarRows } from '../../src/core/setup/defaults';
import type { CellValue } from '../../src/core/table/mapping';
import { addDays, instantOf } from '../../src/core/time';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, syntheticRows } from '../support/workbook';

const TZ = 'Asia/Shanghai';
const GENERATE = '生成本月任务';
const OTHER = '生成其他月份任务…';
const FREQUENCIES = [
  '每周五',
  '每天',
  '每2周一',
  '每月15日',
  '每月首个上学日',
  '每月最后上学日',
  '每学期初',
  '每年9月10日',
];
const ROLES = ['保安', '水电工', '食堂管理员', '总务主任', '保管员'];

function schedules(n: number): Record<string, CellValue>[] {
  return Array.from({ length: n }, (_, i) => ({
    scheduleId: `S${String(i + 1).padStart(2, '0')}`,
    item: ['消防器材', '电路漏电', '楼梯通道', '宿舍门窗', '食堂卫生'][i % 5]!,
    location: ['教学楼', '行政楼', '宿舍', '食堂', '操场'][i % 5]!,
    frequency: FREQUENCIES[i % FREQUENCIES.length]!,
    role: ROLES[i % ROLES.length]!,
    active: true,
  }));
}

function openRepairs(n: number): Record<string, CellValue>[] {
  return syntheticRows('repairs', n * 3).filter((r) => r.status === '已报修');
}

/** A set-up workbook with a full school year, 30 schedules, `repairs` open repairs and 40 calendar rows. */
function realistic(repairs = 20, assets = 60): Bundle {
  const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ });
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  const calendar = defaultCalendarRows('zh-CN');
  for (let i = calendar.length; i < 40; i++)
    calendar.push({ when: '每月', day: 1 + (i % 28), title: `自定义事项${i}`, role: '保管员', active: true });
  fillSheet(emu, 'calendar', calendar);
  fillSheet(emu, 'roster', syntheticRows('roster', 8));
  fillSheet(emu, 'inspectionSchedules', schedules(30));
  fillSheet(emu, 'repairs', openRepairs(repairs));
  fillSheet(emu, 'assets', syntheticRows('assets', assets));
  return bundle;
}

const tasksSheet = (emu: Emulator) => emu.spreadsheet.getSheetByName('任务')!;
const values = (emu: Emulator, name = '任务') =>
  emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
const lastAlert = (emu: Emulator) => emu.ui.alerts.at(-1)!.prompt;
const col = (emu: Emulator, header: string) => values(emu)[0]!.indexOf(header);

describe('Generate this month’s tasks', () => {
  it('writes every source’s tasks once, with ids, keys, people and a per-person summary', () => {
    const { emu, clickMenu } = realistic();
    clickMenu(GENERATE);
    const rows = values(emu).slice(1);
    const sources = new Set(rows.map((r) => r[col(emu, '来源')]));
    expect([...sources].sort()).toEqual(['学期事务', '安全检查', '维修', '行事历'].sort());
    expect(rows.filter((r) => r[col(emu, '来源')] === '维修')).toHaveLength(20);
    const keys = rows.map((r) => r[col(emu, '任务键')]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows[0]![col(emu, '任务编号')]).toBe('T202609-0001');
    expect(rows.every((r) => r[col(emu, '月份')] === '2026-09' && r[col(emu, '状态')] === '待办')).toBe(true);
    // 食堂管理员 is nobody on this roster: the office head (王芳) has it, flagged.
    const canteen = rows.find((r) => r[col(emu, '任务')] === '食堂常规检查')!;
    expect(canteen[col(emu, '负责人')]).toBe('王芳');
    expect(canteen[col(emu, '备注')]).toContain('⚑');
    expect(lastAlert(emu)).toMatch(/2026-09 的任务已生成：新增 \d+ 项/);
    expect(lastAlert(emu)).toContain('王芳：');
    expect(
      tasksSheet(emu)
        .getRange(1, col(emu, '负责人') + 1)
        .getNote(),
    ).toContain('各人待办');
    expect(
      values(emu, '安全检查计划')
        .slice(1)
        .every((r) => r[7] !== ''),
    ).toBe(true);
  });

  it('is idempotent: generating again leaves the sheet identical and says nothing was added', () => {
    const { emu, clickMenu } = realistic();
    clickMenu(GENERATE);
    const before = values(emu);
    const notes = tasksSheet(emu).getDataRange().getNotes();
    emu.calls.reset();
    clickMenu(GENERATE);
    expect(values(emu)).toEqual(before);
    expect(tasksSheet(emu).getDataRange().getNotes()).toEqual(notes);
    expect(lastAlert(emu)).toContain('新增 0 项，更新 0 项，来源已删除 0 项');
  });

  it('changes only the dependent open tasks when a source changes, and keeps done tasks and user notes', () => {
    const bundle = realistic();
    const { emu, clickMenu } = bundle;
    clickMenu(GENERATE);
    const status = col(emu, '状态') + 1;
    const note = col(emu, '备注') + 1;
    const before = values(emu);
    const s01 = before.map((r, i) => ({ r, row: i + 1 })).filter(({ r }) => r[5] === 'S01');
    expect(s01.length).toBeGreaterThan(2);
    // A user closes one S01 task and writes a note on another.
    bundle.edit('任务', `${String.fromCharCode(64 + status)}${s01[0]!.row}`, '已完成');
    tasksSheet(emu).getRange(s01[1]!.row, note).setValue('改到周四下午');
    const afterEdit = values(emu);
    // S01 moves from Fridays to Thursdays.
    emu.spreadsheet.getSheetByName('安全检查计划')!.getRange('D2').setValue('每周四');
    clickMenu(GENERATE);
    const after = values(emu);
    // The done Friday keeps its week; that week's Thursday is new. Every other open S01 task moves.
    expect(after.length).toBe(afterEdit.length + 1);
    expect(after.at(-1)![5]).toBe('S01');
    const changed = afterEdit
      .map((r, i) => i)
      .filter((i) => JSON.stringify(after[i]) !== JSON.stringify(afterEdit[i]));
    expect(changed.length).toBeGreaterThan(0);
    for (const i of changed) expect(after[i]![5]).toBe('S01');
    expect(after[s01[0]!.row - 1]).toEqual(afterEdit[s01[0]!.row - 1]);
    expect(after[s01[1]!.row - 1]![note - 1]).toBe('改到周四下午');
    const due = after[s01[1]!.row - 1]![col(emu, '截止日期')] as Date;
    expect(emu.spreadsheet.getSheetByName('任务')!.getRange(s01[1]!.row, 3).getDisplayValue()).toMatch(
      /^2026-09-/,
    );
    expect(due.getTime()).toBe(instantOf('2026-09-10', TZ).getTime());
  });

  it('marks a removed schedule’s open tasks "source removed" and keeps its done ones', () => {
    const bundle = realistic();
    const { emu, clickMenu } = bundle;
    clickMenu(GENERATE);
    const s01Rows = values(emu)
      .map((r, i) => ({ r, row: i + 1 }))
      .filter(({ r }) => r[5] === 'S01');
    bundle.edit('任务', `H${s01Rows[0]!.row}`, '已完成');
    emu.spreadsheet.getSheetByName('安全检查计划')!.deleteRow(2);
    clickMenu(GENERATE);
    const statuses = values(emu)
      .filter((r) => r[5] === 'S01')
      .map((r) => r[7]);
    expect(statuses[0]).toBe('已完成');
    expect(statuses.slice(1).every((s) => s === '来源已删除')).toBe(true);
    expect(lastAlert(emu)).toContain(`来源已删除 ${statuses.length - 1} 项`);
  });

  it('an edit on the Tasks sheet names no tab: beside the status it costs what checking the row costs', () => {
    const bundle = realistic();
    const { emu, clickMenu } = bundle;
    clickMenu(GENERATE);
    const row = values(emu).findIndex((r) => r[5] === 'S01') + 1;
    const letter = (header: string) => String.fromCharCode(65 + col(emu, header));
    emu.calls.reset();
    bundle.edit('任务', `${letter('备注')}${row}`, '改到周四');
    expect(emu.calls.count('Sheet.getName') + emu.calls.count('Spreadsheet.getSheets')).toBe(0);
    expect(emu.calls.total()).toBeLessThanOrEqual(13);
    emu.calls.reset();
    bundle.edit('任务', `${letter('状态')}${row}`, '已完成');
    expect(emu.calls.count('Sheet.getName') + emu.calls.count('Spreadsheet.getSheets')).toBe(0);
    expect(emu.calls.total()).toBeLessThanOrEqual(39);
    expect(values(emu, '安全检查记录').slice(1)).toHaveLength(1);
  });

  it('a done inspection task records its result and rolls the schedule, once', () => {
    const bundle = realistic();
    const { emu, clickMenu } = bundle;
    clickMenu(GENERATE);
    const row = values(emu).findIndex((r) => r[5] === 'S01') + 1;
    bundle.edit('任务', `H${row}`, '已完成');
    bundle.edit('任务', `H${row}`, '已完成');
    const results = values(emu, '安全检查记录').slice(1);
    expect(results).toHaveLength(1);
    expect(results[0]!.slice(1, 5)).toEqual(['S01', '教学楼', '杨磊', '合格']);
    expect(results[0]![9]).toBe(values(emu)[row - 1]![0]);
    const schedule = emu.spreadsheet.getSheetByName('安全检查计划')!;
    expect(schedule.getRange('G2').getDisplayValue()).toBe('2026-09-01');
    expect(schedule.getRange('H2').getDisplayValue()).toBe('2026-09-04');
    expect(tasksSheet(emu).getRange(row, 9).getDisplayValue()).toBe('2026-09-01');
  });

  it('reads each source sheet once and writes Tasks a fixed number of times, whatever the size', () => {
    const measure = (repairs: number, assets: number) => {
      const { emu, clickMenu } = realistic(repairs, assets);
      clickMenu(GENERATE); // first run: appends
      const sheet = tasksSheet(emu);
      sheet.getRange(2, col(emu, '截止日期') + 1).setValue(instantOf('2026-09-30', TZ));
      emu.calls.reset();
      clickMenu(GENERATE); // second run: one repaired row
      return {
        reads: emu.calls.count('Range.getValues'),
        writes: emu.calls.count('Range.setValues'),
        total: emu.calls.total(),
      };
    };
    const small = measure(20, 60);
    const large = measure(400, 3000);
    expect(large).toEqual(small);
    expect(small.writes).toBeLessThanOrEqual(2);
  });

  it('first generation at two sizes: one read per sheet and one append to Tasks', () => {
    const count = (repairs: number) => {
      const { emu, clickMenu } = realistic(repairs);
      emu.calls.reset();
      clickMenu(GENERATE);
      return emu.calls.snapshot();
    };
    const small = count(20);
    const large = count(500);
    expect(large['Range.getValues']).toBe(small['Range.getValues']);
    expect(large['Range.setValues']).toBe(small['Range.setValues']);
    // Tasks append (task id … status, then the key: the office's done date, result and note of the
    // new rows are not written) + schedules' next due dates.
    expect(large['Range.setValues']).toBe(3);
  });

  it('says so and writes nothing while another run holds the lock', () => {
    const { emu, clickMenu } = realistic();
    emu.lock.holdByOther(true);
    clickMenu(GENERATE);
    expect(lastAlert(emu)).toContain('另一项操作正在进行');
    expect(values(emu)).toHaveLength(1);
  });

  it('runs from the monthly trigger with no UI and no active user, in the school’s zone', () => {
    const bundle = realistic();
    const { emu } = bundle;
    // 1 October 06:00 in Shanghai is still 30 September in UTC and Los Angeles.
    emu.clock.set('2026-10-01T06:00:00+08:00');
    emu.setUiAvailable(false);
    emu.setActiveUser('');
    bundle.call('onMonthlyTrigger', [{}]);
    const months = new Set(
      values(emu)
        .slice(1)
        .map((r) => r[1]),
    );
    expect([...months]).toEqual(['2026-10']);
  });

  it('asks for another month and explains a month it cannot read', () => {
    const { emu, clickMenu } = realistic();
    emu.ui.answerPrompts({ button: 'OK', text: '2026年12月' }, { button: 'OK', text: '十二月' });
    clickMenu(OTHER);
    expect(
      new Set(
        values(emu)
          .slice(1)
          .map((r) => r[1]),
      ),
    ).toEqual(new Set(['2026-12']));
    const rows = values(emu).length;
    clickMenu(OTHER);
    expect(lastAlert(emu)).toContain('「十二月」不是月份');
    expect(values(emu)).toHaveLength(rows);
  });

  it('reports schedules whose frequency it cannot read, with the grammar', () => {
    const { emu, clickMenu } = realistic();
    emu.spreadsheet.getSheetByName('安全检查计划')!.getRange('D3').setValue('有空就查');
    clickMenu(GENERATE);
    expect(lastAlert(emu)).toContain('「安全检查计划」第3行：无法识别频次「有空就查」');
    expect(lastAlert(emu)).toContain('每2周一');
  });
});

describe('my tasks in the sidebar', () => {
  it('lists the active user’s open tasks as JSON and completes one like the status cell', () => {
    const bundle = realistic();
    const { emu, clickMenu } = bundle;
    clickMenu(GENERATE);
    emu.setActiveUser('staff3@school.example'); // 刘洋, the electrician
    const mine = bundle.run('apiMyTasks') as {
      person: string;
      tasks: { taskId: string; dueDate: string; source: string }[];
    };
    expect(mine.person).toBe('刘洋');
    expect(mine.tasks.length).toBeGreaterThan(0);
    expect(mine.tasks[0]!.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const inspection = mine.tasks.find((t) => t.source === 'inspection')!;
    expect(bundle.run('apiCompleteTask', inspection.taskId, 'hazard', '=漏电', '2026-09-10', '刘洋')).toEqual(
      {
        ok: true,
        message: '',
      },
    );
    const results = values(emu, '安全检查记录').slice(1);
    expect(results[0]![4]).toBe('发现隐患');
    expect(results[0]![5]).toBe('=漏电');
    const again = bundle.run('apiMyTasks') as { tasks: { taskId: string }[] };
    expect(again.tasks.map((t) => t.taskId)).not.toContain(inspection.taskId);
    expect(bundle.run('apiCompleteTask', 'T000000-9999')).toEqual({
      ok: false,
      message: '找不到任务 T000000-9999。',
    });
  });
});

it('days stay in the school zone when repairs are reported late in the evening', () => {
  const { emu, clickMenu } = realistic(0);
  fillSheet(emu, 'repairs', [
    {
      repairId: 'BX-1',
      reportedAt: instantOf(addDays('2026-09-01', 0), TZ, 23, 30),
      reporter: '王芳',
      location: '食堂',
      description: '水龙头漏水',
      status: '已报修',
    },
  ]);
  clickMenu(GENERATE);
  const row = values(emu).findIndex((r) => r[5] === 'BX-1') + 1;
  expect(tasksSheet(emu).getRange(row, 3).getDisplayValue()).toBe('2026-09-02');
});
