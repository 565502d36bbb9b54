import { createEmulator, type Emulator } from '../../emulator';
import { columnWidth, ruleKey, widthStrokes } from '../../src/core/setup';
import { NUMBER_FORMAT, SHEETS, type ColumnDecl, type SheetKey } from '../../src/core/sheets';
import { columnHeader, enumLabels, sheetName } from '../../src/core/table/labels';
import { loadBundle } from '../support/bundle';
import { fillSheet, syntheticRows } from '../support/workbook';

const SETUP = '初始化工作簿';
const HEADER_BACKGROUND = '#e8f0fe';
/** What Sheets reports for a cell nobody formatted. */
const UNFORMATTED = '0.###############';

/** The sheets whose default rows a new workbook gets (Settings, school year, calendar, schedules). */
const SHEETS_WITH_ROWS = 4;

/**
 * The service calls setup may make (README, Benchmark), from the declarations: a fixed part (the
 * lock, Settings, the blank sheet a new spreadsheet starts with, the report), two calls per
 * drop-down, checkbox or date rule, and per sheet it creates ten calls (the sheet; one grid of
 * number formats and one of rules; the header's range, text and style; the range for the rules and
 * formats; a warning-only protection; the frozen row) plus its column-width strokes.
 */
function callCeiling(created: readonly SheetKey[]): number {
  const decls = SHEETS.filter((s) => created.includes(s.key));
  const rules = new Set(decls.flatMap((s) => s.columns.map((c) => ruleKey(c))).filter(Boolean)).size;
  const strokes = decls.reduce(
    (n, s) =>
      n +
      widthStrokes(
        s.columns.map((decl, i) => ({ decl, column: i + 1 })),
        100,
      ).length,
    0,
  );
  return 30 + 3 + 2 * rules + 10 * decls.length + SHEETS_WITH_ROWS + strokes;
}

/** A second setup on a set-up workbook: the fixed part, and per sheet its name and one read of its header row. */
const RERUN_CEILING = 12 + 3 * SHEETS.length;

const letter = (column: number) => String.fromCharCode(64 + column);

/** The rule a column's declaration asks for, as [criteria, first criteria value, allows invalid]. */
function expectedRule(decl: ColumnDecl): unknown[] | null {
  if (decl.type === 'enum') return ['VALUE_IN_LIST', enumLabels('zh-CN', decl.enum!), true];
  if (decl.type === 'boolean') return ['CHECKBOX', undefined, true];
  if (decl.type === 'date' || decl.type === 'datetime') return ['DATE_IS_VALID_DATE', undefined, true];
  return null;
}

/** Every layer of the office's cells: what setup must never change. */
function cellsOf(range: GoogleAppsScript.Spreadsheet.Range) {
  return {
    values: range.getValues(),
    formulas: range.getFormulas(),
    notes: range.getNotes(),
    formats: range.getNumberFormats(),
    backgrounds: range.getBackgrounds(),
    weights: range.getFontWeights(),
    rules: range
      .getDataValidations()
      .map((r) => r.map((v) => v && [String(v.getCriteriaType()), v.getCriteriaValues()])),
  };
}

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

  it('lays out every sheet in a bounded number of calls, as many at 5,000 rows as at 100', () => {
    const created = SHEETS.map((s) => s.key).filter((k) => k !== 'assets');
    const totals = [100, 5000].map((rows) => {
      const emu = createEmulator();
      fillSheet(emu, 'assets', syntheticRows('assets', rows));
      const bundle = loadBundle(emu);
      emu.calls.reset();
      bundle.call('menuSetUpWorkbook');
      expect(emu.calls.count('Spreadsheet.insertSheet')).toBe(created.length);
      expect(emu.calls.count('Range.getValues')).toBeLessThanOrEqual(SHEETS.length);
      expect(emu.calls.count('Range.setValues')).toBeLessThanOrEqual(SHEETS.length);
      // Formats, rules, the header protection and the frozen row: one call each per sheet, whatever its columns.
      expect(emu.calls.count('Range.setNumberFormats')).toBe(created.length);
      expect(emu.calls.count('Range.setDataValidations')).toBeLessThanOrEqual(created.length);
      expect(emu.calls.count('Range.protect')).toBe(created.length);
      expect(emu.calls.count('Sheet.setFrozenRows')).toBe(created.length);
      // The first header is styled, every other one copies its format in one call.
      expect(emu.calls.count('Range.setFontWeight')).toBe(1);
      expect(emu.calls.count('Range.copyFormatToRange')).toBe(created.length - 1);
      // Each drop-down, checkbox and date rule is built once for the whole workbook.
      expect(emu.calls.count('SpreadsheetApp.newDataValidation')).toBe(1);
      expect(emu.calls.count('LockService.getDocumentLock')).toBe(1);
      expect(emu.calls.count('Lock.releaseLock')).toBe(1);
      expect(emu.spreadsheet.getSheetByName('固定资产')!.getLastRow()).toBe(rows + 1);
      return emu.calls.total();
    });
    expect(totals[0]).toBeLessThanOrEqual(callCeiling(created));
    expect(totals[1]).toBe(totals[0]);
  });

  it('sets up a new spreadsheet within the ceiling its declarations give', () => {
    const emu = createEmulator();
    const bundle = loadBundle(emu);
    emu.calls.reset();
    bundle.call('menuSetUpWorkbook');
    expect(emu.calls.total()).toBeLessThanOrEqual(callCeiling(SHEETS.map((s) => s.key)));
  });

  it('gives every sheet the header, formats, drop-downs, widths, frozen row and protection its declaration names', () => {
    const { emu } = setUp();
    const app = SpreadsheetAppOf(emu);
    for (const decl of SHEETS) {
      const sheet = emu.spreadsheet.getSheetByName(sheetName('zh-CN', decl.key))!;
      const count = decl.columns.length;
      const header = sheet.getRange(1, 1, 1, count);
      const each = <T>(value: T) => decl.columns.map(() => value);
      expect(header.getValues()[0]).toEqual(decl.columns.map((c) => columnHeader('zh-CN', decl.key, c.key)));
      expect(header.getFontWeights()[0]).toEqual(each('bold'));
      expect(header.getBackgrounds()[0]).toEqual(each(HEADER_BACKGROUND));
      expect(header.getNumberFormats()[0]).toEqual(each('@'));
      expect(header.getDataValidations()[0]).toEqual(each(null));
      // Only the declared header cells are styled.
      expect(sheet.getRange(1, count + 1).getFontWeight()).toBe('normal');
      expect(sheet.getRange(1, count + 1).getBackground()).toBe('#ffffff');
      expect(sheet.getFrozenRows()).toBe(1);
      const protections = sheet.getProtections(app.ProtectionType.RANGE);
      expect(protections.map((p) => [p.getRange().getA1Notation(), p.isWarningOnly()])).toEqual([
        [`A1:${letter(count)}1`, true],
      ]);
      decl.columns.forEach((c, i) => {
        for (const row of [2, sheet.getMaxRows()]) {
          const cell = sheet.getRange(row, i + 1);
          expect([decl.key, c.key, cell.getNumberFormat()]).toEqual([
            decl.key,
            c.key,
            NUMBER_FORMAT[c.type] ?? UNFORMATTED,
          ]);
          const rule = cell.getDataValidation();
          expect(
            rule && [String(rule.getCriteriaType()), rule.getCriteriaValues()[0], rule.getAllowInvalid()],
          ).toEqual(expectedRule(c));
        }
        expect([decl.key, c.key, sheet.getColumnWidth(i + 1)]).toEqual([decl.key, c.key, columnWidth(c)]);
      });
    }
  });

  it('changes none of the office’s cells on a filled workbook, within the ceiling', () => {
    const emu = createEmulator();
    const assets = fillSheet(emu, 'assets', syntheticRows('assets', 60));
    assets.getRange('B3').setNote('办公室的批注');
    assets.getRange('C4').setBackground('#fce8b2').setFontWeight('bold');
    assets.getRange('Q1:Q3').setValues([['我的列'], ['=1+1'], ['00123']]);
    assets.getRange('Q2:Q5').setNumberFormat('0.0%');
    const roster = emu.spreadsheet.insertSheet('人员名册');
    roster.getRange(1, 1, 3, 4).setValues([
      ['我的编号', '姓名', '岗位', '邮箱'],
      ['007', '王芳', '会计', 'wang@school.cn'],
      ['008', '李强', '保安', ''],
    ]);
    const before = [assets, roster].map((sheet) => cellsOf(sheet.getDataRange()));
    const bundle = loadBundle(emu);
    emu.calls.reset();
    bundle.call('menuSetUpWorkbook');
    const created = SHEETS.map((s) => s.key).filter((k) => k !== 'assets' && k !== 'roster');
    // Reading the two sheets' headers, and the columns added to the roster.
    expect(emu.calls.total()).toBeLessThanOrEqual(callCeiling(created) + 2 * 3 + 25);
    const after = [assets, roster].map((sheet, i) =>
      cellsOf(sheet.getRange(1, 1, before[i]!.values.length, before[i]!.values[0]!.length)),
    );
    expect(after).toEqual(before);
    expect(roster.getRange(1, 5).getValue()).toBe('电话');
  });

  it('costs a handful of calls per sheet on a second run, and writes nothing', () => {
    const { emu } = setUp();
    const before = snapshot(emu);
    const bundle = loadBundle(emu);
    emu.calls.reset();
    bundle.call('menuSetUpWorkbook');
    expect(emu.calls.total()).toBeLessThanOrEqual(RERUN_CEILING);
    expect(
      Object.keys(emu.calls.snapshot()).filter((name) => /\.(set|insert|delete|protect)/.test(name)),
    ).toEqual([]);
    expect(snapshot(emu)).toEqual(before);
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

  it('replaces its own header protection, an earlier version’s too, and keeps the office’s', () => {
    const emu = createEmulator();
    const app = SpreadsheetAppOf(emu);
    const roster = emu.spreadsheet.insertSheet('人员名册');
    roster.getRange(1, 1, 2, 3).setValues([
      ['姓名', '岗位', '邮箱'],
      ['王芳', '会计', 'wang@school.cn'],
    ]);
    // What an earlier setup made, and two of the office's own.
    roster
      .getRange('A1:C1')
      .protect()
      .setDescription('后勤助手表头（修改会使该列无法识别）')
      .setWarningOnly(true);
    roster.getRange('A1:B1').protect().setDescription('只有主任可改').setWarningOnly(true);
    roster.getRange('A2:C2').protect();
    setUp(emu);
    const protections = roster.getProtections(app.ProtectionType.RANGE);
    const last = letter(roster.getLastColumn());
    expect(
      protections.map((p) => [p.getRange().getA1Notation(), p.getDescription(), p.isWarningOnly()]),
    ).toEqual([
      ['A1:B1', '只有主任可改', true],
      ['A2:C2', '', false],
      [`A1:${last}1`, '', true],
    ]);
  });

  it('replaces its header protection when a later version adds a column', () => {
    const { emu, clickMenu } = setUp();
    const roster = emu.spreadsheet.getSheetByName('人员名册')!;
    const count = roster.getLastColumn();
    // As if the last column were new in this version: the workbook was set up without its header.
    roster.getRange(1, count).clearContent();
    clickMenu(SETUP);
    const protections = roster.getProtections(SpreadsheetAppOf(emu).ProtectionType.RANGE);
    expect(protections.map((p) => [p.getRange().getA1Notation(), p.isWarningOnly()])).toEqual([
      [`A1:${letter(count)}1`, true],
    ]);
    expect(roster.getRange(1, count).getFontWeight()).toBe('bold');
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
