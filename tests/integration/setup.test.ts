import { createEmulator, type Emulator } from '../../emulator';
import { SHEETS } from '../../src/core/sheets';
import { sheetName } from '../../src/core/table/labels';
import { loadBundle } from '../support/bundle';
import { fillSheet, syntheticRows } from '../support/workbook';

const SETUP = '初始化工作簿';
/** Service calls of a setup that creates every template sheet (see README, Benchmark). */
const SETUP_CALL_CEILING = 480;

function setUp(emu: Emulator = createEmulator()) {
  const bundle = loadBundle(emu);
  bundle.open();
  // The menu speaks the Settings language: a workbook whose Settings say English shows English.
  const english = bundle.emu.ui.allMenuItems().some((i) => i.path.at(-1) === 'Set up workbook');
  bundle.clickMenu(english ? 'Set up workbook' : SETUP);
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
    expect(values[0]!.slice(4)).toEqual(['电话', '健康证到期日', '在岗', '卫生包干区', '备注', '离校日期']);
    expect(values[1]!.slice(0, 4)).toEqual([7, '王芳', '会计', 'wang@school.cn']);
    expect(roster.getRange('B2').getNote()).toBe('老员工');
    const report = bundle.emu.ui.alerts.at(-1)!.prompt;
    expect(report).toContain('「人员名册」新增列：电话');
    expect(report).toContain('我的编号');
    expect(emu.spreadsheet.getSheets().filter((s) => s.getName() === '人员名册')).toHaveLength(1);
  });

  it('lays out all 23 sheets in a bounded number of calls, as many at 5,000 rows as at 100', () => {
    const totals = [100, 5000].map((rows) => {
      const emu = createEmulator();
      fillSheet(emu, 'assets', syntheticRows('assets', rows));
      const bundle = loadBundle(emu);
      emu.calls.reset();
      bundle.call('menuSetUpWorkbook');
      const created = SHEETS.length - 1;
      expect(emu.calls.count('Spreadsheet.insertSheet')).toBe(created);
      expect(emu.calls.count('Range.getValues')).toBeLessThanOrEqual(SHEETS.length);
      expect(emu.calls.count('Range.setValues')).toBeLessThanOrEqual(SHEETS.length);
      // Formats, rules and the header protection: one call each per sheet, whatever its columns.
      expect(emu.calls.count('Range.setNumberFormats')).toBe(created);
      expect(emu.calls.count('Range.setDataValidations')).toBeLessThanOrEqual(created);
      expect(emu.calls.count('Range.protect')).toBe(created);
      // Each drop-down, checkbox and date rule is built once for the whole workbook.
      expect(emu.calls.count('SpreadsheetApp.newDataValidation')).toBe(1);
      expect(emu.calls.count('LockService.getDocumentLock')).toBe(1);
      expect(emu.calls.count('Lock.releaseLock')).toBe(1);
      expect(emu.spreadsheet.getSheetByName('固定资产')!.getLastRow()).toBe(rows + 1);
      return emu.calls.total();
    });
    expect(totals[0]).toBeLessThanOrEqual(SETUP_CALL_CEILING);
    expect(totals[1]).toBe(totals[0]);
  });

  it('on a second run over a workbook the office has filled, writes nothing at all', () => {
    const { emu, clickMenu } = setUp();
    fillSheet(emu, 'assets', syntheticRows('assets', 50));
    const assets = emu.spreadsheet.getSheetByName('固定资产')!;
    assets.getRange('B3').setNote('办公室的批注');
    // The office's own column, right of the declared ones.
    assets.getRange('Q1').setValue('我的列');
    assets.getRange('Q2:Q5').setNumberFormat('0.0%');
    const before = snapshot(emu);
    emu.calls.reset();
    clickMenu(SETUP);
    const writes = Object.keys(emu.calls.snapshot()).filter((name) =>
      /\.(set|insert|delete|remove|protect|clear|append)/.test(name),
    );
    expect(writes).toEqual([]);
    expect(snapshot(emu)).toEqual(before);
    expect(assets.getRange('Q2').getNumberFormat()).toBe('0.0%');
  });

  it('formats columns before it writes, so the default work calendar keeps its months as text', () => {
    const { emu } = setUp();
    const calendar = emu.spreadsheet.getSheetByName('行事历')!;
    expect(calendar.getRange('A2').getNumberFormat()).toBe('@');
    expect(calendar.getRange('A2').getValue()).toBe('8');
  });

  it('styles only the header cells it adds: the office’s own header keeps its colour', () => {
    const emu = createEmulator();
    const roster = emu.spreadsheet.insertSheet('人员名册');
    roster.getRange(1, 1, 2, 3).setValues([
      ['姓名', '岗位', '邮箱'],
      ['王芳', '会计', 'wang@school.cn'],
    ]);
    roster.getRange('A1:C1').setBackground('#fce8b2');
    setUp(emu);
    expect(roster.getRange('A1:C1').getBackgrounds()[0]).toEqual(['#fce8b2', '#fce8b2', '#fce8b2']);
    expect(roster.getRange('D1').getFontWeight()).toBe('bold');
    const protections = roster.getProtections(SpreadsheetAppOf(emu).ProtectionType.RANGE);
    expect(protections.map((p) => p.getRange().getA1Notation())).toEqual([
      `A1:${String.fromCharCode(64 + roster.getLastColumn())}1`,
    ]);
  });

  describe('the blank sheet a new spreadsheet starts with', () => {
    it('is removed when it holds nothing, and the report says so', () => {
      const emu = createEmulator();
      const blank = emu.spreadsheet.getSheets()[0]!.getName();
      expect(blank).toBe('工作表1');
      setUp(emu);
      expect(emu.spreadsheet.getSheetByName(blank)).toBeNull();
      expect(emu.ui.alerts.at(-1)!.prompt).toContain('删除了空白工作表：工作表1');
    });

    it('is named in the English report too', () => {
      const emu = createEmulator({ locale: 'en_US' });
      const settings = emu.spreadsheet.insertSheet('Settings');
      settings.getRange(1, 1, 2, 2).setValues([
        ['Setting', 'Value'],
        ['Language', 'English'],
      ]);
      setUp(emu);
      expect(emu.spreadsheet.getSheetByName('Sheet1')).toBeNull();
      expect(emu.ui.alerts.at(-1)!.prompt).toContain('Removed the empty sheet Sheet1');
    });

    type Touch = (
      range: GoogleAppsScript.Spreadsheet.Range,
      app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    ) => void;
    it.each<[string, Touch]>([
      ['a note', (r) => r.setNote('下周交')],
      ['a number format', (r) => r.setNumberFormat('0.00%')],
      ['a colour', (r) => r.setBackground('#fce8b2')],
      [
        'a drop-down',
        (r, app) => r.setDataValidation(app.newDataValidation().requireValueInList(['是', '否']).build()),
      ],
    ])('is kept when it holds only %s', (_what, touch) => {
      const emu = createEmulator();
      touch(emu.spreadsheet.getSheets()[0]!.getRange('C7'), SpreadsheetAppOf(emu));
      setUp(emu);
      expect(emu.spreadsheet.getSheetByName('工作表1')).not.toBeNull();
      expect(emu.ui.alerts.at(-1)!.prompt).not.toContain('删除');
    });
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
