import { setup } from './helpers';

describe('range lists', () => {
  test('format many ranges in one counted call', () => {
    const { emu, ss } = setup();
    const sh = ss.insertSheet('T');
    emu.calls.reset();
    sh.getRangeList(['A2:A', 'C2:D']).setNumberFormat('@').setFontWeight('bold');
    expect(sh.getRange('A500').getNumberFormat()).toBe('@');
    expect(sh.getRange('D2').getNumberFormat()).toBe('@');
    expect(sh.getRange('B2').getNumberFormat()).not.toBe('@');
    expect(sh.getRange('C9').getFontWeight()).toBe('bold');
    expect(emu.calls.count('RangeList.setNumberFormat')).toBe(1);
    expect(emu.calls.count('Range.setNumberFormat')).toBe(0);
    expect(emu.calls.count('Sheet.getRange')).toBe(4); // the four reads above, not the list's own
  });

  test('clear notes and validations of every listed range', () => {
    const { ss } = setup();
    const sh = ss.insertSheet('T');
    sh.getRange('A1:B2').setNotes([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    sh.getRangeList(['A1', 'B2']).clearNote();
    expect(sh.getRange('A1:B2').getNotes()).toEqual([
      ['', 'b'],
      ['c', ''],
    ]);
  });
});
