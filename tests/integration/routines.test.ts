import { createEmulator, type Emulator } from '../../emulator';
import { isSchoolDay, schoolCalendarFrom } from '../../src/core/calendar';
import { defaultSchoolYearRows } from '../../src/core/setup/defaults';
import { dayOf, isDate } from '../../src/core/time';
import { loadBundle } from '../support/bundle';
import { fillSheet } from '../support/workbook';

const TZ = 'Asia/Shanghai';
const YEAR = schoolCalendarFrom(
  defaultSchoolYearRows('zh-CN', TZ).map((cells, i) => ({ row: i + 2, cells })),
  TZ,
);

const rowsOf = (emu: Emulator, name: string) => {
  const [header, ...rows] = emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
};

/** A new workbook, set up from nothing, with September and February generated. */
function newSchoolYear() {
  const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ });
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  bundle.clickMenu('生成本月任务');
  emu.ui.answerPrompts({ button: 'OK', text: '2027-02' });
  bundle.clickMenu('生成其他月份任务…');
  const tasks = rowsOf(emu, '任务').map((r) => ({
    month: String(r['月份']),
    due: isDate(r['截止日期']) ? dayOf(r['截止日期'], TZ) : '',
    title: String(r['任务']),
    source: String(r['来源']),
    ref: String(r['来源记录']),
  }));
  return { emu, tasks };
}

describe('a new workbook starts with the plans’ routines', () => {
  const { emu, tasks } = newSchoolYear();
  const inMonth = (month: string) => tasks.filter((t) => t.month === month);

  it('ships the inspections the plans name, by role, and an empty record of drills and trainings', () => {
    const schedules = rowsOf(emu, '安全检查计划');
    expect(schedules.map((s) => s['频次'])).toEqual([
      '每周五',
      '每月首个上学日',
      '每月15日',
      '每周一',
      '每天',
      '每月最后上学日',
      '每月20日',
      '每季度',
      '每季度',
    ]);
    expect(schedules.every((s) => s['负责人'] === '' && s['负责岗位'] !== '')).toBe(true);
    expect(schedules.find((s) => s['频次'] === '每周一')!['负责岗位']).toBe('宿管员');
    const drills = emu.spreadsheet.getSheetByName('演练培训记录')!.getDataRange().getValues();
    expect(drills).toEqual([['日期', '类别', '内容', '组织人', '参加人数', '备注']]);
  });

  it.each(['2026-09', '2027-02'])(
    '%s: every check and routine falls on a school day, once a day each',
    (month) => {
      const list = inMonth(month).filter((t) => t.source === '安全检查' || t.source === '行事历');
      expect(list.length).toBeGreaterThan(20);
      for (const t of list)
        expect([t.title, t.due, isSchoolDay(YEAR, t.due)]).toEqual([t.title, t.due, true]);
      const keys = list.map((t) => `${t.ref}|${t.due}`);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it('September: each inspection the plans name, the fire drill, the training and the weekly menu', () => {
    const sept = inMonth('2026-09');
    const count = (re: RegExp) => sept.filter((t) => re.test(t.title)).length;
    expect(count(/全校安全检查/)).toBe(4); // Fridays 4, 11, 18, 25
    expect(count(/宿舍门窗、床铺、水龙头检查/)).toBe(4); // Mondays 7, 14, 21, 28
    expect(count(/食堂卫生和食品安全检查/)).toBe(22); // every school day
    for (const once of [
      /电线线路和漏电保护检查/,
      /灭火器压力和消防器材检查/,
      /饮用水设施检查/,
      /学校小卖部检查/,
    ])
      expect(count(once)).toBe(1);
    // The summer quarter's sports and stairway checks are due on the first day of term.
    expect(sept.filter((t) => /体育器材|楼梯/.test(t.title)).map((t) => t.due)).toEqual([
      '2026-09-01',
      '2026-09-01',
    ]);
    expect(count(/消防疏散演练/)).toBe(1);
    expect(count(/食品安全培训/)).toBe(1);
    expect(count(/公布下周食谱/)).toBe(4);
    expect(count(/食品安全事故报告制度/)).toBe(1);
    // Class property registered once per custodian (nobody keeps any yet), never from the calendar too.
    expect(count(/^登记班级财产$/)).toBe(0);
  });

  it('February: term 2 starts on the 22nd; nothing falls in the winter break', () => {
    const feb = inMonth('2027-02');
    expect(feb.every((t) => t.due >= '2027-02-22')).toBe(true);
    const count = (re: RegExp) => feb.filter((t) => re.test(t.title)).length;
    expect(count(/食品安全培训/)).toBe(1);
    expect(count(/灭火器压力和消防器材检查/)).toBe(1);
    expect(count(/全校安全检查/)).toBe(1); // Friday 26
    expect(count(/消防疏散演练/)).toBe(0); // March
  });
});

describe('the office’s own words', () => {
  it('renames a sheet found under its former name, with a note, keeping its rows and former headers', () => {
    const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ });
    const old = emu.spreadsheet.insertSheet('巡检计划');
    old.getRange(1, 1, 2, 8).setValues([
      ['计划编号', '检查项目', '地点/范围', '频次', '负责岗位', '负责人', '上次检查', '下次到期'],
      ['S1', '消防器材', '教学楼', '每周五', '保安', '', '', ''],
    ]);
    const bundle = loadBundle(emu);
    bundle.open();
    bundle.clickMenu('初始化工作簿');
    expect(emu.spreadsheet.getSheetByName('巡检计划')).toBeNull();
    const renamed = emu.spreadsheet.getSheetByName('安全检查计划')!;
    expect(renamed.getRange('A2:D2').getValues()).toEqual([['S1', '消防器材', '教学楼', '每周五']]);
    // The former header 下次到期 is still its next-due column: only 启用 was missing.
    expect(renamed.getRange(1, 1, 1, renamed.getLastColumn()).getValues()[0]).toEqual([
      '计划编号',
      '检查项目',
      '地点/范围',
      '频次',
      '负责岗位',
      '负责人',
      '上次检查',
      '下次到期',
      '启用',
    ]);
    expect(emu.ui.alerts.at(-1)!.prompt).toContain('工作表「巡检计划」已改名为「安全检查计划」');
    // A workbook the office already used gets none of the template's routines.
    expect(rowsOf(emu, '安全检查计划')).toHaveLength(1);
    fillSheet(emu, 'schoolYear', defaultSchoolYearRows('zh-CN', TZ));
    bundle.clickMenu('生成本月任务');
    const next = renamed.getRange('H2').getValue() as unknown;
    expect(isDate(next) && dayOf(next, TZ)).toBe('2026-09-04');
  });
});
