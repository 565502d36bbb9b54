// The template and the demo workbook survive emulator → .xlsx → emulator → .xlsx → emulator:
// same sheets, values and types (dates stay dates in the spreadsheet's zone, amounts numbers,
// ids text), formats, drop-downs, notes and frozen header.
import { SHEETS } from '../../src/core/sheets';
import ExcelJS from 'exceljs';
import { createEmulator, type Emulator } from '../../emulator';
import { buildDemo } from '../../playground/demo';
import { templateXlsx } from '../../playground/template';
import { fromXlsx, toXlsx } from '../../playground/xlsx';
import { isDate } from '../../src/core/time';
import { loadBundle } from '../support/bundle';

type Snapshot = Record<string, unknown>;

/** Everything the converter promises to keep, as plain data that `toEqual` compares exactly. */
function snapshot(emu: Emulator): Snapshot {
  const out: Snapshot = {};
  for (const sheet of emu.spreadsheet.getSheets()) {
    const range = sheet.getDataRange();
    const body = sheet.getRange(2, 1, sheet.getMaxRows() - 1, sheet.getLastColumn() || 1);
    out[sheet.getName()] = {
      values: range
        .getValues()
        .map((row) => row.map((v: unknown) => (isDate(v) ? { date: v.toISOString() } : { [typeof v]: v }))),
      formats: body.getNumberFormats(),
      validations: body
        .getDataValidations()
        .map((row) =>
          row.map((rule) =>
            rule
              ? [rule.getCriteriaType(), rule.getCriteriaValues(), rule.getAllowInvalid(), rule.getHelpText()]
              : null,
          ),
        ),
      notes: range.getNotes(),
      backgrounds: range.getBackgrounds(),
      weights: range.getFontWeights(),
      frozen: sheet.getFrozenRows(),
      widths: Array.from({ length: sheet.getLastColumn() }, (_, c) => sheet.getColumnWidth(c + 1)),
    };
  }
  return out;
}

/** Paths where two snapshots differ (at most 10): a readable failure instead of a diff of megabytes. */
function differences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 10 || JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`, out);
  } else out.push(`${path}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  return out;
}

async function reload(bytes: Buffer): Promise<Emulator> {
  const emu = createEmulator();
  await fromXlsx(emu, bytes);
  return emu;
}

describe('.xlsx round trip', () => {
  it('template → .xlsx → emulator → .xlsx → emulator keeps values, types and layout', async () => {
    const original = createEmulator();
    const bundle = loadBundle(original);
    bundle.open('FULL');
    bundle.call('menuSetUpWorkbook');
    const { bytes, notes } = await templateXlsx();
    expect(notes.skippedValidations).toEqual([]);
    const first = await reload(bytes);
    const second = await reload((await toXlsx(first.spreadsheet)).bytes);
    expect(Object.keys(snapshot(first))).toHaveLength(SHEETS.length);
    expect(differences(snapshot(original), snapshot(first))).toEqual([]);
    expect(differences(snapshot(first), snapshot(second))).toEqual([]);
  });

  it('the demo workbook keeps dates as dates, amounts as numbers and ids with leading zeros as text', async () => {
    const demo = loadBundle(createEmulator());
    buildDemo(demo);
    const back = await reload((await toXlsx(demo.emu.spreadsheet)).bytes);
    const again = await reload((await toXlsx(back.spreadsheet)).bytes);
    expect(differences(snapshot(demo.emu), snapshot(back))).toEqual([]);
    expect(differences(snapshot(back), snapshot(again))).toEqual([]);

    const fees = back.spreadsheet.getSheetByName('收费记录')!.getRange('A2:G2').getValues()[0]!;
    expect(fees[0]).toBe('002609001');
    expect(isDate(fees[1])).toBe(true);
    expect((fees[1] as Date).toISOString()).toBe('2026-08-31T16:00:00.000Z'); // 2026-09-01 in Shanghai
    expect(fees[6]).toBe(45);
  });

  it('writes real .xlsx types: numbers, text, dates as wall-clock dates, a frozen header and drop-downs', async () => {
    const { bytes } = await templateXlsx();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const year = book.getWorksheet('校历')!;
    expect(year.getCell('C2').value).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(year.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(year.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const assets = book.getWorksheet('固定资产')!;
    expect(assets.getCell('A2').numFmt).toBe('@');
    expect(assets.getCell('H2').numFmt).toBe('#,##0.00');
    const model = (
      assets as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(model.C2).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(model.C1000?.formulae?.[0]).toContain('教学设备');
  });

  it('text that looks like a number or a date stays text when the cell is not formatted as text', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('办公室自己的表');
    ws.getCell('A1').value = '00123';
    ws.getCell('B1').value = '2026-03-01';
    ws.getCell('C1').value = 'TRUE';
    ws.getCell('D1').value = 12.5;
    ws.getCell('E1').value = true;
    const emu = await reload(Buffer.from(await book.xlsx.writeBuffer()));
    expect(emu.spreadsheet.getSheetByName('办公室自己的表')!.getRange('A1:E1').getValues()).toEqual([
      ['00123', '2026-03-01', 'TRUE', 12.5, true],
    ]);
  });

  it('refuses bytes that are not an .xlsx', async () => {
    await expect(reload(Buffer.from('not a zip'))).rejects.toThrow();
  });
});
