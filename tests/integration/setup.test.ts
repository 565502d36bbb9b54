import { createEmulator, type Emulator } from '../../emulator';
import { SHEETS } from '../../src/core/sheets';
import { sheetName } from '../../src/core/table/labels';
import { loadBundle } from '../support/bundle';
import { fillSheet, syntheticRows } from '../support/workbook';

const SETUP = '初始化工作簿';

function setUp(emu: Emulator = createEmulator()) {
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu(SETUP);
  return bundle;
}

function snapshot(emu: Emulator) {
  return emu.spreadsheet.getSheets().map((s) => ({
    name: s.getName(),
    values: s.getDataRange().getValues(),
    notes: s.getDataRange().getNotes(),
  }));
}

describe('Set up workbook', () => {
  it('creates every template sheet with a frozen header, formats, drop-downs and the default calendar', () => {
    const { emu } = setUp();
    const names = emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(SHEETS.map((s) => sheetName('zh-CN', s.key)));

    const assets = emu.spreadsheet.getSheetByName('固定资产')!;
    expect(assets.getFrozenRows()).toBe(1);
    expect(assets.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['资产编号', '资产名称', '类别']);
    expect(assets.getRange('A2').getNumberFormat()).toBe('@');
    expect(assets.getRange('G2').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(assets.getRange('H2').getNumberFormat()).toBe('#,##0.00');
    const status = assets.getRange('J2').getDataValidation()!;
    expect(status.getCriteriaValues()[0]).toEqual(['在用', '维修中', '借出', '已报废']);
    const protections = assets.getProtections(SpreadsheetAppOf(emu).ProtectionType.RANGE);
    expect(protections).toHaveLength(1);
    expect(protections[0]!.isWarningOnly()).toBe(true);

    const calendar = emu.spreadsheet.getSheetByName('行事历')!.getDataRange().getValues();
    expect(calendar.length).toBeGreaterThan(25);
    expect(calendar.map((r) => r[2])).toContain('签订安全责任书');

    const year = emu.spreadsheet.getSheetByName('校历')!.getRange('C2').getValue();
    expect(Object.prototype.toString.call(year)).toBe('[object Date]');
    expect(emu.spreadsheet.getSheetByName('校历')!.getRange('C2').getDisplayValue()).toBe('2026-09-01');
    expect(emu.ui.alerts.at(-1)!.prompt).toContain('工作簿已就绪');
  });

  it('is safe to run again: nothing changes and it says so', () => {
    const { emu, clickMenu } = setUp();
    const before = snapshot(emu);
    clickMenu(SETUP);
    expect(snapshot(emu)).toEqual(before);
    expect(emu.ui.alerts.at(-1)!.prompt).toContain('没有改动');
  });

  it('keeps the office’s data and own columns, adds a missing column at the right and reports unknown ones', () => {
    const emu = createEmulator();
    const roster = emu.spreadsheet.insertSheet('人员名册');
    roster.getRange(1, 1, 3, 4).setValues([
      ['我的编号', '姓名', '岗位', '邮箱'],
      ['007', '王芳', '会计', 'wang@school.cn'],
      ['008', '李强', '保安', ''],
    ]);
    roster.getRange('B2').setNote('老员工');
    const bundle = setUp(emu);
    const values = roster.getDataRange().getValues();
    expect(values[0]!.slice(0, 4)).toEqual(['我的编号', '姓名', '岗位', '邮箱']);
    expect(values[0]!.slice(4)).toEqual(['电话', '健康证到期日', '在岗', '卫生包干区', '备注']);
    expect(values[1]!.slice(0, 4)).toEqual([7, '王芳', '会计', 'wang@school.cn']);
    expect(roster.getRange('B2').getNote()).toBe('老员工');
    const report = bundle.emu.ui.alerts.at(-1)!.prompt;
    expect(report).toContain('「人员名册」新增列：电话');
    expect(report).toContain('我的编号');
    expect(emu.spreadsheet.getSheets().filter((s) => s.getName() === '人员名册')).toHaveLength(1);
  });

  it('uses one read and at most one write per sheet, and as many calls at 5,000 rows as at 100', () => {
    const totals = [100, 5000].map((rows) => {
      const emu = createEmulator();
      fillSheet(emu, 'assets', syntheticRows('assets', rows));
      const bundle = loadBundle(emu);
      emu.calls.reset();
      bundle.call('menuSetUpWorkbook');
      expect(emu.calls.count('Range.getValues')).toBeLessThanOrEqual(SHEETS.length);
      expect(emu.calls.count('Range.setValues')).toBeLessThanOrEqual(SHEETS.length);
      expect(emu.calls.count('LockService.getDocumentLock')).toBe(1);
      expect(emu.calls.count('Lock.releaseLock')).toBe(1);
      expect(emu.spreadsheet.getSheetByName('固定资产')!.getLastRow()).toBe(rows + 1);
      return emu.calls.total();
    });
    expect(totals[1]).toBe(totals[0]);
  });

  it('says another operation is running instead of interleaving with it', () => {
    const emu = createEmulator();
    const bundle = loadBundle(emu);
    emu.lock.holdByOther(true);
    bundle.call('menuSetUpWorkbook');
    expect(emu.ui.alerts.at(-1)!.prompt).toContain('另一项操作正在进行');
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('固定资产');
  });

  it('creates an English workbook when Settings say English', () => {
    const emu = createEmulator();
    const settings = emu.spreadsheet.insertSheet('Settings');
    settings.getRange(1, 1, 2, 2).setValues([
      ['Setting', 'Value'],
      ['Language', 'English'],
    ]);
    setUp(emu);
    const names = emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toContain('Repairs');
    expect(names).toContain('Work calendar');
    expect(emu.spreadsheet.getSheetByName('Work calendar')!.getRange('A1').getValue()).toBe('When');
  });
});

function SpreadsheetAppOf(emu: Emulator) {
  return emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}
