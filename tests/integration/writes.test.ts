import { createEmulator, type Emulator } from '../../emulator';
import { defaultCalendarRows } from '../../src/core/setup/defaults';
import { isDate } from '../../src/core/time';
import { alertLog, at, overdueWorkbook } from './alerts.fixture';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, syntheticRows } from '../support/workbook';

/**
 * What Houqin writes, cell by cell: only the cells it means to change, and user text as text.
 * A cell typed with a leading apostrophe is text in a cell that is not formatted as text: written
 * again by a script, Sheets would parse it as if typed without the apostrophe.
 */

const ASSETS = '固定资产';

interface Held {
  value: unknown;
  type: string;
  formula: string;
}

function held(sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string): Held {
  const range = sheet.getRange(a1);
  const value = range.getValue();
  return { value, type: isDate(value) ? 'date' : typeof value, formula: range.getFormula() };
}

/** Types `text` with a leading apostrophe: text, whatever the cell's format. */
function typeText(sheet: GoogleAppsScript.Spreadsheet.Sheet, a1: string, text: string): void {
  sheet.getRange(a1).setValue(`'${text}`);
}

function setUp(emu: Emulator = createEmulator()): Bundle {
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  fillSheet(emu, 'roster', syntheticRows('roster', 8));
  fillSheet(emu, 'assets', syntheticRows('assets', 12));
  return bundle;
}

describe('Check all sheets tidies only the cells it tidies', () => {
  it('leaves text between tidied cells as the office typed it, never a number, date, boolean or formula', () => {
    const bundle = setUp();
    const s = bundle.emu.spreadsheet.getSheetByName(ASSETS)!;
    // Purchase date (G) and amount (H) are tidied on rows 2 and 9; rows 3–8 hold text Houqin cannot tidy.
    s.getRange('G2').setValue('２０２６年９月１日');
    s.getRange('H9').setValue('１，２００元');
    const between = ['G3', 'H3', 'G4', 'H4', 'G5', 'H5', 'G6', 'H6', 'G7', 'H7', 'G8', 'H8'];
    const texts = ['00123', '1e3', 'TRUE', '2026-03-01', '=HYPERLINK("x","y")', '=A2*100'];
    between.forEach((a1, i) => typeText(s, a1, texts[i % texts.length]!));
    const before = between.map((a1) => held(s, a1));
    expect(before.every((h) => h.type === 'string' && h.formula === '')).toBe(true);

    bundle.call('menuCheckAllSheets');

    expect(isDate(s.getRange('G2').getValue())).toBe(true);
    expect(s.getRange('H9').getValue()).toBe(1200);
    expect(between.map((a1) => held(s, a1))).toEqual(before);
  });
});

describe('an edit tidies only the cells it tidies', () => {
  it('keeps pasted text between two tidied cells as text', () => {
    const bundle = setUp();
    const s = bundle.emu.spreadsheet.getSheetByName(ASSETS)!;
    // A paste of G2:H7: a date and an amount to tidy at both ends, text in between that Houqin
    // cannot tidy (a date column's '2026-03-01' or an amount's '00123' would be tidied, rightly).
    bundle.edit(ASSETS, 'G2:H7', [
      ['２０２６年９月１日', "'1e3"],
      ["'00123", "'2026-03-01"],
      ["'TRUE", "'=A2*100"],
      ['\'=HYPERLINK("x","y")', "'1e3"],
      ["'1e3", "'TRUE"],
      ["'TRUE", '１，２００元'],
    ]);
    expect(isDate(s.getRange('G2').getValue())).toBe(true);
    expect(s.getRange('H7').getValue()).toBe(1200);
    expect(
      s
        .getRange('G3:G7')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['00123', 'TRUE', '=HYPERLINK("x","y")', '1e3', 'TRUE']);
    expect(
      s
        .getRange('H2:H6')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['1e3', '2026-03-01', '=A2*100', '1e3', 'TRUE']);
    expect(
      s
        .getRange('G3:H7')
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });
});

describe('updating rows touches only the patched cells', () => {
  it('settles two pending alerts without rewriting the office’s formula and text in a row between', () => {
    const bundle = overdueWorkbook();
    const { emu } = bundle;
    emu.mail.setQuota(1);
    bundle.clickMenu('立即发送逾期提醒');
    expect(alertLog(emu).map((r) => r.status)).toEqual(['已发送', '待发送', '待发送']);
    // An older entry lands between the two pending ones, with the office's link in its note.
    const log = emu.spreadsheet.getSheetByName('提醒记录')!;
    log.insertRowsAfter(3, 1);
    log
      .getRange('A4:E4')
      .setValues([[at('2026-09-01'), 'old@school.example', '报修', 'repairs:BX-0', '维修记录']]);
    typeText(log, 'F4', '00123');
    log.getRange('G4').setValue('已发送');
    typeText(log, 'H4', 'TRUE');
    log.getRange('I4').setFormula('=HYPERLINK("mailto:old@school.example","回电")');
    const before = ['A4', 'F4', 'G4', 'H4', 'I4'].map((a1) => held(log, a1));

    emu.clock.set(at('2026-09-11', 7));
    emu.mail.setQuota(100);
    bundle.clickMenu('立即发送逾期提醒');

    expect(log.getRange('G3').getValue()).toBe('已发送');
    expect(log.getRange('G5').getValue()).toBe('已发送');
    expect(['A4', 'F4', 'G4', 'H4', 'I4'].map((a1) => held(log, a1))).toEqual(before);
    expect(log.getRange('I4').getFormula()).toBe('=HYPERLINK("mailto:old@school.example","回电")');
  });
});

describe('user text goes into cells formatted as text first', () => {
  it('a calendar title that looks like a formula, a number or a date becomes a task title as typed', () => {
    const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: 'Asia/Shanghai' });
    const bundle = loadBundle(emu);
    bundle.open();
    bundle.clickMenu('初始化工作簿');
    fillSheet(emu, 'roster', syntheticRows('roster', 8));
    const titles = ['=A2*100', '00123', '2026-03-01', 'TRUE', '1e3'];
    fillSheet(emu, 'calendar', [
      ...defaultCalendarRows('zh-CN').slice(0, 1),
      ...titles.map((title, i) => ({ when: '每月', day: 10 + i, title, role: '保管员', active: true })),
    ]);
    // The office re-formatted the Tasks sheet's columns as numbers (or made the sheet by hand).
    const tasks = emu.spreadsheet.getSheetByName('任务')!;
    tasks.getRange(2, 1, tasks.getMaxRows() - 1, tasks.getMaxColumns()).setNumberFormat('0.###############');

    bundle.clickMenu('生成本月任务');

    const values = tasks.getDataRange().getValues();
    const title = values[0]!.indexOf('任务');
    const written = values.slice(1).map((r) => r[title]);
    for (const t of titles) expect(written).toContain(t);
    expect(
      tasks
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });
});

describe('what writing only the changed cells costs', () => {
  it('scattered tidied cells cost one write per value they hold, the same at 100 and at 3,000 rows', () => {
    const measure = (n: number) => {
      const emu = createEmulator();
      const bundle = setUp(emu);
      const rows = syntheticRows('assets', n);
      // Every seventh amount typed the Chinese way, two amounts in all; the cells between stay as typed.
      for (let i = 0; i < n; i += 7) rows[i]!.value = i % 2 ? '１５元' : '１，２００元';
      fillSheet(emu, 'assets', rows);
      const s = emu.spreadsheet.getSheetByName(ASSETS)!;
      typeText(s, 'H3', '1e3');
      emu.calls.reset();
      bundle.call('menuCheckAllSheets');
      expect(s.getRange('H2').getValue()).toBe(1200);
      expect(s.getRange('H9').getValue()).toBe(15);
      expect(held(s, 'H3')).toEqual({ value: '1e3', type: 'string', formula: '' });
      return emu.calls.snapshot();
    };
    const small = measure(100);
    expect(measure(3_000)).toEqual(small);
    expect(small['RangeList.setValue']).toBe(2);
  });
});
