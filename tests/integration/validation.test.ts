import { createEmulator, type Emulator } from '../../emulator';
import { sheetDecl } from '../../src/core/sheets';
import { columnLetter } from '../../src/core/table/a1';
import { MARK_BACKGROUND } from '../../src/core/validate/marks';
import type { CheckReport } from '../../src/core/validate/report';
import { dayOf, isDate } from '../../src/core/time';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, syntheticRows } from '../support/workbook';
import { messyWorkbook } from '../../bench/messy';

const TZ = 'Asia/Shanghai';
const ASSETS = '固定资产';

function setUp(emu: Emulator = createEmulator()): Bundle {
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  fillSheet(emu, 'roster', syntheticRows('roster', 8));
  fillSheet(emu, 'assets', syntheticRows('assets', 3));
  return bundle;
}

const sheet = (emu: Emulator, name: string) => emu.spreadsheet.getSheetByName(name)!;
const cell = (emu: Emulator, name: string, a1: string) => sheet(emu, name).getRange(a1);

describe('validation on edit', () => {
  it('marks a bad cell with a light red background and a note, and clears both when fixed', () => {
    const { emu, edit } = setUp();
    edit(ASSETS, 'H2', -5);
    expect(cell(emu, ASSETS, 'H2').getBackground()).toBe(MARK_BACKGROUND);
    expect(cell(emu, ASSETS, 'H2').getNote()).toBe('【后勤助手】⚠ 「原值（元）」不能小于 0，现为 -5');
    expect(cell(emu, ASSETS, 'H2').getValue()).toBe(-5);

    edit(ASSETS, 'H2', '１，２００元');
    expect(cell(emu, ASSETS, 'H2').getBackground()).toBe('#ffffff');
    expect(cell(emu, ASSETS, 'H2').getValue()).toBe(1200);
    expect(cell(emu, ASSETS, 'H2').getNote()).toBe('【后勤助手】✎ 已将「１，２００元」规范为 1200');
  });

  it('stores a date typed the Chinese way as a Date at midnight in the spreadsheet zone', () => {
    const { emu, edit } = setUp();
    edit(ASSETS, 'G3', '2026年3月5日');
    const value = cell(emu, ASSETS, 'G3').getValue();
    expect(isDate(value)).toBe(true);
    expect(dayOf(value as Date, TZ)).toBe('2026-03-05');
    expect(cell(emu, ASSETS, 'G3').getBackground()).toBe('#ffffff');
    edit(ASSETS, 'G4', '3/5');
    expect(cell(emu, ASSETS, 'G4').getValue()).toBe('3/5');
    expect(cell(emu, ASSETS, 'G4').getNote()).toContain('看不出年月日');
  });

  it("keeps the person's own note and colour, and gives the colour back when the value is fixed", () => {
    const { emu, edit } = setUp();
    cell(emu, ASSETS, 'I2').setBackground('#ffff00').setNote('盘点时再核对');
    edit(ASSETS, 'I2', 0);
    expect(cell(emu, ASSETS, 'I2').getBackground()).toBe(MARK_BACKGROUND);
    expect(cell(emu, ASSETS, 'I2').getNote()).toMatch(
      /^【后勤助手】⚠ 「数量」不能小于 1.*\n———\n盘点时再核对$/s,
    );
    edit(ASSETS, 'I2', 2);
    expect(cell(emu, ASSETS, 'I2').getBackground()).toBe('#ffff00');
    expect(cell(emu, ASSETS, 'I2').getNote()).toBe('盘点时再核对');
  });

  it('checks a pasted block of 500 rows with the same calls as a single cell', () => {
    const emu = createEmulator();
    const { edit } = setUp(emu);
    const row = (i: number) => [
      `P-${i}`,
      '课桌',
      '家具',
      '',
      '初一(1)班',
      '王芳',
      '2026.9.1',
      i % 2 ? '' : 'abc',
      1,
      '在用',
      '',
      '',
      '',
    ];
    emu.calls.reset();
    edit(ASSETS, 'A10:M10', [row(0)]);
    const single = emu.calls.snapshot();
    emu.calls.reset();
    edit(
      ASSETS,
      'A10:M509',
      Array.from({ length: 500 }, (_, i) => row(i)),
    );
    expect(emu.calls.snapshot()).toEqual(single);
    // The header, the rows, the id column, the Roster's names with its header, Settings: never a whole sheet.
    expect(single['Sheet.getSheetValues']).toBe(5);
    expect(single['Range.getValues'] ?? 0).toBe(0);
    expect(single['Range.setBackgrounds']).toBe(1);
    const s = sheet(emu, ASSETS);
    const h = s
      .getRange('H10:H509')
      .getBackgrounds()
      .map((r) => r[0]);
    expect(h.filter((b) => b === MARK_BACKGROUND)).toHaveLength(250);
    expect(
      s
        .getRange('G10:G509')
        .getValues()
        .every(([v]) => isDate(v)),
    ).toBe(true);
  });

  it('clears the marks of a row whose contents are deleted', () => {
    const { emu, edit } = setUp();
    edit(ASSETS, 'A6:M6', [['', '', '', '', '', '', '', 'abc', '', '', '', '', '']]);
    expect(cell(emu, ASSETS, 'A6').getBackground()).toBe(MARK_BACKGROUND);
    expect(cell(emu, ASSETS, 'H6').getBackground()).toBe(MARK_BACKGROUND);
    edit(ASSETS, 'A6:M6', [Array(13).fill('')]);
    expect(sheet(emu, ASSETS).getRange('A6:M6').getBackgrounds()[0]).toEqual(Array(13).fill('#ffffff'));
    expect(sheet(emu, ASSETS).getRange('A6:M6').getNotes()[0]).toEqual(Array(13).fill(''));
  });

  it('re-checks the sheet when a header is edited: a column renamed away loses its marks', () => {
    const { emu, edit } = setUp();
    edit(ASSETS, 'H2:H3', [['x'], ['y']]);
    expect(cell(emu, ASSETS, 'H3').getBackground()).toBe(MARK_BACKGROUND);
    edit(ASSETS, 'H1', '价格说明');
    expect(sheet(emu, ASSETS).getRange('H2:H3').getBackgrounds()).toEqual([['#ffffff'], ['#ffffff']]);
    expect(sheet(emu, ASSETS).getRange('H2:H3').getValues()).toEqual([['x'], ['y']]);
    // The header an earlier version wrote is still recognised.
    edit(ASSETS, 'H1', '金额(元)');
    expect(cell(emu, ASSETS, 'H3').getBackground()).toBe(MARK_BACKGROUND);
  });

  it('marks the twin of a duplicate id as it is typed, and clears it when the duplicate is fixed', () => {
    const { emu, edit } = setUp();
    const id = String(cell(emu, ASSETS, 'A2').getValue());
    edit(ASSETS, 'A4', id);
    expect(cell(emu, ASSETS, 'A4').getBackground()).toBe(MARK_BACKGROUND);
    expect(cell(emu, ASSETS, 'A2').getBackground()).toBe(MARK_BACKGROUND);
    expect(cell(emu, ASSETS, 'A2').getNote()).toContain('第 4 行');
    edit(ASSETS, 'A4', 'ZC-9999');
    expect(cell(emu, ASSETS, 'A2').getBackground()).toBe('#ffffff');
    expect(cell(emu, ASSETS, 'A2').getNote()).toBe('');
    expect(cell(emu, ASSETS, 'A4').getBackground()).toBe('#ffffff');
  });

  it('redoes a twin’s marks with the same calls at 100 and at 5,000 rows', () => {
    const measure = (rows: number) => {
      const emu = createEmulator();
      const { edit } = setUp(emu);
      fillSheet(emu, 'assets', syntheticRows('assets', rows));
      const id = String(cell(emu, ASSETS, 'A2').getValue());
      emu.calls.reset();
      edit(ASSETS, `A${rows + 1}`, id);
      expect(cell(emu, ASSETS, 'A2').getBackground()).toBe(MARK_BACKGROUND);
      return emu.calls.snapshot();
    };
    expect(measure(5_000)).toEqual(measure(100));
  });

  it('keeps checking as the office types when the Roster is emptied or a header row cleared', () => {
    const { emu, edit } = setUp();
    const custodian = columnLetter(sheetDecl('assets').columns.findIndex((c) => c.key === 'custodian') + 1);
    sheet(emu, '人员名册').clear();
    expect(() => edit(ASSETS, `${custodian}2`, '张老师')).not.toThrow();
    edit(ASSETS, 'H2', -5);
    expect(cell(emu, ASSETS, 'H2').getBackground()).toBe(MARK_BACKGROUND);

    sheet(emu, ASSETS).getRange('1:1').clearContent();
    expect(() => edit(ASSETS, 'A1', '')).not.toThrow();
    expect(() => edit(ASSETS, 'H2', -6)).not.toThrow();
  });

  it('ignores edits in the office’s own columns', () => {
    const { emu, edit } = setUp();
    edit(ASSETS, 'N1', '我的备注');
    emu.calls.reset();
    edit(ASSETS, 'N2', '#N/A');
    expect(emu.calls.count('Range.setBackgrounds')).toBe(0);
    expect(cell(emu, ASSETS, 'N2').getNote()).toBe('');
  });
});

describe('Check all sheets', () => {
  it('lists problems in a dialog with links, rebuilds the Problems sheet and marks cells', () => {
    const { emu, call } = setUp();
    fillSheet(emu, 'repairs', [
      {
        repairId: 'BX-1',
        reportedAt: new Date('2026-03-05T01:00:00Z'),
        reporter: '王芳',
        location: '食堂',
        description: '<script>alert(1)</script>',
        status: '已完成',
        completedAt: new Date('2026-03-01T02:00:00Z'),
      },
    ]);
    call('menuCheckAllSheets');
    const dialog = emu.ui.dialogs[emu.ui.dialogs.length - 1]!;
    expect(dialog.title).toBe('检查结果');
    expect(dialog.html).toContain('「维修完成时间」(2026-03-01 10:00) 早于「报修时间」(2026-03-05 09:00)');
    const gid = sheet(emu, '维修记录').getSheetId();
    expect(dialog.html).toContain(`#gid=${gid}&amp;range=K2`);
    expect(dialog.html).not.toContain('<script>');
    const problems = sheet(emu, '问题清单').getDataRange().getValues();
    expect(problems[1]).toEqual(['维修记录', 2, '维修完成时间', '错误', expect.stringContaining('早于')]);
    expect(cell(emu, '维修记录', 'K2').getBackground()).toBe(MARK_BACKGROUND);

    // Fixed: the second check clears the mark and the Problems sheet.
    sheet(emu, '维修记录').getRange('K2').setValue(new Date('2026-03-06T02:00:00Z'));
    call('menuCheckAllSheets');
    expect(cell(emu, '维修记录', 'K2').getBackground()).toBe('#ffffff');
    expect(sheet(emu, '问题清单').getLastRow()).toBe(1);
  });

  it('tidies scattered cells with one write per column and keeps the formulas between them', () => {
    const emu = createEmulator();
    const bundle = setUp(emu);
    const rows = syntheticRows('assets', 300);
    for (const i of [0, 120, 299]) rows[i]!.value = '１，２００元';
    fillSheet(emu, 'assets', rows);
    cell(emu, ASSETS, 'H60').setFormula('=1+1');
    emu.calls.reset();
    bundle.call('menuCheckAllSheets');
    expect([2, 122, 301].map((r) => cell(emu, ASSETS, `H${r}`).getValue())).toEqual([1200, 1200, 1200]);
    expect(cell(emu, ASSETS, 'H60').getFormula()).toBe('=1+1');
    expect(cell(emu, ASSETS, 'H3').getValue()).toBe(rows[1]!.value);
    // Assets: the tidied column once, then the marks; the Problems sheet once.
    expect(emu.calls.count('Range.setValues')).toBeLessThanOrEqual(2);
  });

  it('answers the sidebar with a JSON-safe report and per-sheet counts', () => {
    const { emu, run } = setUp();
    sheet(emu, ASSETS).getRange('F2').setValue('不在名册的人');
    const report = run('apiCheckAllSheets') as CheckReport;
    expect(report.errors).toBe(1);
    expect(report.problems[0]).toMatchObject({ sheet: 'assets', row: 2, column: 'custodian', range: 'F2' });
    expect(report.sheets.find((s) => s.sheet === 'assets')).toMatchObject({
      rows: 3,
      errors: 1,
      warnings: 0,
    });
  });

  it('follows reordered columns and never touches the office’s own columns', () => {
    const emu = createEmulator();
    const bundle = loadBundle(emu);
    fillSheet(emu, 'roster', syntheticRows('roster', 8));
    const s = emu.spreadsheet.insertSheet(ASSETS);
    s.getRange(1, 1, 3, 6).setValues([
      ['我的列', '状态', '资产名称', '类别', '存放地点', '保管人'],
      ["'=1+1 <b>", '在用', '投影仪', '电教/信息设备', '101', '王芳'],
      ['#N/A', '坏了', '课桌', '家具', '102', '王芳'],
    ]);
    s.getRange('A2').setBackground('#00ff00').setNote('mine');
    bundle.call('menuCheckAllSheets');
    const report = bundle.run('apiCheckAllSheets') as CheckReport;
    const codes = report.problems.map((p) => `${p.sheet}:${p.range}:${p.code}`);
    expect(codes).toContain('assets:B3:notInList');
    expect(codes).toContain('assets:1:1:missingColumn');
    expect(s.getRange('A2:A3').getValues()).toEqual([['=1+1 <b>'], ['#N/A']]);
    expect(s.getRange('A2').getBackground()).toBe('#00ff00');
    expect(s.getRange('A2').getNote()).toBe('mine');
    expect(s.getRange('A3').getNote()).toBe('');
    expect(s.getRange('B3').getBackground()).toBe(MARK_BACKGROUND);
  });

  it('reads each sheet once and writes once per sheet it marks, at 100 and at 10,000 rows', () => {
    const counts = [100, 10_000].map((n) => {
      const emu = createEmulator();
      const bundle = loadBundle(emu);
      fillSheet(emu, 'roster', syntheticRows('roster', 8));
      const rows = syntheticRows('assets', n);
      rows[5] = { ...rows[5]!, value: -1 };
      rows[n - 1] = { ...rows[n - 1]!, custodian: '外人' };
      fillSheet(emu, 'assets', rows);
      fillSheet(emu, 'feePayments', syntheticRows('feePayments', n));
      emu.calls.reset();
      bundle.call('menuCheckAllSheets');
      return emu.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]!['Range.getValues']).toBe(3);
    expect(counts[0]!['Range.setBackgrounds']).toBe(1);
    expect(counts[0]!['Range.setNotes']).toBe(1);
  });

  it('on messy sheets, with a problem in most rows, marks each sheet in one call per kind, the same at 1,500 and 3,000 rows', () => {
    const run = (n: number) => {
      const emu = createEmulator();
      const bundle = loadBundle(emu);
      messyWorkbook(emu, n);
      emu.calls.reset();
      const report = bundle.run('apiCheckAllSheets') as CheckReport;
      return { calls: emu.calls.snapshot(), report, emu };
    };
    // Both list more than the new Problems sheet's 1,000 rows: it grows once in each.
    const small = run(1_500);
    const large = run(3_000);
    expect(large.calls).toEqual(small.calls);
    // Assets, repairs and payments are marked: one setBackgrounds and one setNotes each.
    expect(small.calls['Range.setBackgrounds']).toBe(3);
    expect(small.calls['Range.setNotes']).toBe(3);
    // Every problem is listed, and each one's cell carries it in its note.
    const { emu, report } = large;
    expect(report.errors + report.warnings).toBeGreaterThan(2_000);
    expect(sheet(emu, '问题清单').getLastRow() - 1).toBe(report.errors + report.warnings);
    for (const p of report.problems.filter((q) => q.column !== null)) {
      const cell = sheet(emu, p.sheetName).getRange(p.range);
      expect(cell.getNote()).toContain(p.message);
      expect(cell.getBackground()).toBe(MARK_BACKGROUND);
    }
  });
});
