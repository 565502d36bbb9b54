import { planSetup } from '../../src/core/setup/plan';
import { parseCalendarWhen, parseFrequency } from '../../src/core/calendar';
import { SHEETS } from '../../src/core/sheets';
import { columnHeader, sheetKeyOf } from '../../src/core/table/labels';

describe('setup plan', () => {
  it('creates every template sheet on an empty workbook, with the default calendar and settings', () => {
    const plans = planSetup({}, 'zh-CN', 'Asia/Shanghai');
    expect(plans.map((p) => p.key)).toEqual(SHEETS.map((s) => s.key));
    expect(plans.every((p) => p.create)).toBe(true);
    const calendar = plans.find((p) => p.key === 'calendar')!;
    expect(calendar.write!.values[0]).toEqual([
      '时间',
      '日期/周次',
      '工作内容',
      '负责岗位',
      '启用',
      '备注',
      '固定日期',
    ]);
    expect(calendar.write!.values.length).toBeGreaterThan(25);
    expect(calendar.write!.values.some((r) => r[0] === '学期初')).toBe(true);
    const settings = plans.find((p) => p.key === 'settings')!;
    expect(settings.write!.values[1]).toEqual(['界面语言', '简体中文', expect.any(String)]);
  });

  it('names sheets and headers in English when the office chose English', () => {
    const plans = planSetup({}, 'en', 'Asia/Shanghai');
    expect(plans.find((p) => p.key === 'repairs')!.name).toBe('Repairs');
    expect(plans.find((p) => p.key === 'repairs')!.write!.values[0]![0]).toBe('Repair no.');
  });

  it('adds only missing columns, to the right of the office’s own, and writes no existing cell', () => {
    const plans = planSetup(
      { roster: { name: '人员名册', header: ['姓名', '我的备注', '岗位', '邮箱'] } },
      'zh-CN',
      'Asia/Shanghai',
    );
    const roster = plans.find((p) => p.key === 'roster')!;
    expect(roster.create).toBe(false);
    expect(roster.write!.row).toBe(1);
    expect(roster.write!.column).toBe(5);
    expect(roster.write!.values).toEqual([
      ['电话', '健康证到期日', '在岗', '卫生包干区', '备注', '离校日期'],
    ]);
    expect(roster.unknownColumns).toEqual(['我的备注']);
  });

  it('appends missing settings below the last row and leaves present ones alone', () => {
    const plans = planSetup(
      {
        settings: {
          name: '设置',
          header: ['设置项', '值', '说明'],
          rows: [
            ['设置项', '值', '说明'],
            ['界面语言', 'English', ''],
          ],
        },
      },
      'en',
      'Asia/Shanghai',
    );
    const settings = plans.find((p) => p.key === 'settings')!;
    expect(settings.write!.row).toBe(3);
    expect(settings.write!.values.map((r) => r[0])).not.toContain('Language');
    expect(settings.addedSettings).toContain('School name');
  });

  it('starts a new workbook with the inspections the plans name, by role, each frequency readable', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const plans = planSetup({}, lang, 'Asia/Shanghai');
      const schedules = plans.find((p) => p.key === 'inspectionSchedules')!.write!.values;
      const [header, ...rows] = schedules;
      const col = (name: string) => header!.indexOf(columnHeader(lang, 'inspectionSchedules', name));
      expect(rows).toHaveLength(9);
      for (const row of rows) {
        expect(parseFrequency(row[col('frequency')]).ok).toBe(true);
        expect(row[col('person')]).toBe('');
        expect(row[col('role')]).not.toBe('');
      }
      const calendar = plans.find((p) => p.key === 'calendar')!.write!.values.slice(1);
      for (const row of calendar) expect(parseCalendarWhen(row[0])).toBeDefined();
    }
    const zh = planSetup({}, 'zh-CN', 'Asia/Shanghai');
    const freq = zh.find((p) => p.key === 'inspectionSchedules')!.write!.values.map((r) => r[3]);
    expect(freq).toEqual(expect.arrayContaining(['每周五', '每周一', '每天', '每季度', '每月15日']));
    const drills = zh.find((p) => p.key === 'drills')!.write!.values;
    expect(drills).toEqual([['日期', '类别', '内容', '组织人', '参加人数', '备注']]);
  });

  it('adds the routines to a new workbook only: a missing sheet of an existing one comes back empty', () => {
    const plans = planSetup(
      { roster: { name: '人员名册', header: ['姓名', '岗位'] } },
      'zh-CN',
      'Asia/Shanghai',
    );
    for (const key of ['inspectionSchedules', 'calendar', 'schoolYear'])
      expect(plans.find((p) => p.key === key)!.write!.values).toHaveLength(1);
    // The language is chosen in Settings before the first setup: that workbook is still new.
    const withSettings = planSetup(
      { settings: { name: '设置', header: ['设置项', '值', '说明'], rows: [['设置项', '值', '说明']] } },
      'zh-CN',
      'Asia/Shanghai',
    );
    expect(withSettings.find((p) => p.key === 'inspectionSchedules')!.write!.values).toHaveLength(10);
  });

  it('finds a sheet under its former name, reads its former headers, and renames it (saying so)', () => {
    const plans = planSetup(
      {
        inspectionResults: {
          name: '巡检记录',
          header: [
            '检查日期',
            '计划编号',
            '地点',
            '检查人',
            '结果',
            '问题描述',
            '整改期限',
            '整改责任人',
            '整改完成日期',
            '任务编号',
          ],
        },
        canteenPurchases: {
          name: '食堂采购',
          header: ['日期', '供应商', '品名', '金额(元)', '票据号', '验收人'],
        },
      },
      'zh-CN',
      'Asia/Shanghai',
    );
    const results = plans.find((p) => p.key === 'inspectionResults')!;
    expect([results.renamedFrom, results.name, results.write]).toEqual(['巡检记录', '安全检查记录', null]);
    const purchases = plans.find((p) => p.key === 'canteenPurchases')!;
    expect([purchases.renamedFrom, purchases.name]).toEqual(['食堂采购', '食品进货查验（索证索票）登记']);
    // An English name in a Chinese workbook is the office's choice: left alone.
    const english = planSetup(
      { repairs: { name: 'Repairs', header: ['Repair no.'] } },
      'zh-CN',
      'Asia/Shanghai',
    );
    expect(english.find((p) => p.key === 'repairs')!.renamedFrom).toBeUndefined();
    expect(sheetKeyOf('巡检计划')).toBe('inspectionSchedules');
  });

  it('plans nothing for a complete workbook', () => {
    const first = planSetup({}, 'zh-CN', 'Asia/Shanghai');
    const existing = Object.fromEntries(
      first.map((p) => [p.key, { name: p.name, header: p.write!.values[0]!, rows: p.write!.values }]),
    );
    const again = planSetup(existing, 'zh-CN', 'Asia/Shanghai');
    expect(again.filter((p) => p.create || p.write)).toEqual([]);
  });
});
