/** Behaviour the shared Apps Script cases do not reach: paste types, sort with frozen rows, loud gaps. */
import { errorOf, setup } from './helpers';

describe('copyTo', () => {
  test('PASTE_VALUES pastes what formulas show, PASTE_NORMAL moves their relative references', () => {
    const { g, ss } = setup();
    const sh = ss.insertSheet('T');
    sh.getRange('A1:B1').setValues([[2, '=1+1']]);
    sh.getRange('C1').setFormula('=A1+$A$1');
    sh.getRange('A1:C1').copyTo(sh.getRange('A3'), g.SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
    expect(sh.getRange('A3:C3').getFormulas()).toEqual([['', '', '']]);
    expect(sh.getRange('B3').getValue()).toBe(2);
    sh.getRange('C1').copyTo(sh.getRange('D2'));
    expect(sh.getRange('D2').getFormula()).toBe('=B2+$A$1');
  });

  test('PASTE_FORMAT leaves the values and copies number formats and colours', () => {
    const { g, ss } = setup();
    const sh = ss.insertSheet('T');
    sh.getRange('A1').setValue(5).setNumberFormat('0.00').setBackground('#F4CCCC');
    sh.getRange('B1').setValue('keep');
    sh.getRange('A1').copyTo(sh.getRange('B1'), g.SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
    expect([sh.getRange('B1').getValue(), sh.getRange('B1').getNumberFormat()]).toEqual(['keep', '0.00']);
    expect(sh.getRange('B1').getBackground()).toBe('#f4cccc');
  });
});

test('Sheet.sort leaves the frozen header row in place', () => {
  const { ss } = setup();
  const sh = ss.insertSheet('T');
  sh.getRange('A1:B4').setValues([
    ['名称', '数量'],
    ['椅子', 3],
    ['桌子', 1],
    ['黑板', 2],
  ]);
  sh.setFrozenRows(1);
  sh.sort(2);
  expect(sh.getRange('A1:A4').getValues().flat()).toEqual(['名称', '桌子', '黑板', '椅子']);
});

test('a RangeList setter is one call, whatever the number of ranges', () => {
  const { emu, ss } = setup();
  const sh = ss.insertSheet('T');
  emu.calls.reset();
  sh.getRangeList(['A1', 'C3:D4']).setValue('x').setNote('n');
  expect(sh.getRange('D4').getValue()).toBe('x');
  expect(sh.getRange('A1').getNote()).toBe('n');
  expect(emu.calls.count('RangeList.setValue')).toBe(1);
  expect(emu.calls.count('Range.setValue')).toBe(0);
});

test('isChecked is null for a range of mixed checkbox states', () => {
  const { ss } = setup();
  const r = ss.insertSheet('T').getRange('A1:A2').insertCheckboxes();
  r.getCell(1, 1).check();
  expect(r.isChecked()).toBeNull();
  r.check();
  expect(r.isChecked()).toBe(true);
});

test('Utilities.parseDate reads day-first dates and explicit offsets', () => {
  const { g } = setup();
  const d = g.Utilities.parseDate('05/03/2026 14:30', 'Asia/Shanghai', 'dd/MM/yyyy HH:mm');
  expect(d.toISOString()).toBe('2026-03-05T06:30:00.000Z');
  const z = g.Utilities.parseDate('2026-03-05T14:30:00+01:00', 'Asia/Shanghai', "yyyy-MM-dd'T'HH:mm:ssXXX");
  expect(z.toISOString()).toBe('2026-03-05T13:30:00.000Z');
  expect(errorOf(() => g.Utilities.parseDate('2026年3月5日', 'Asia/Shanghai', 'yyyy-MM-dd'))).toMatch(
    /Unparseable date/,
  );
});

test('Utilities.computeDigest(MD5) gives the bytes of the known digest', () => {
  const { g } = setup();
  const bytes = g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.MD5, 'abc');
  expect(Buffer.from(bytes.map((b) => b & 0xff)).toString('hex')).toBe('900150983cd24fb0d6963f7d28e17f72');
});

test('a method the emulator does not model fails loudly, naming itself', () => {
  const { ss } = setup();
  const sh = ss.insertSheet('T');
  expect(errorOf(() => sh.hideColumns(1))).toBe('Sheet.hideColumns is not implemented in the emulator');
  expect(errorOf(() => sh.getRange('A1').setBorder(true, true, true, true, null, null))).toBe(
    'Range.setBorder is not implemented in the emulator',
  );
  expect(errorOf(() => sh.getRangeList(['A1']).trimWhitespace())).toBe(
    'RangeList.trimWhitespace is not implemented in the emulator',
  );
});
