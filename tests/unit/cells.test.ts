import type { ColumnDecl } from '../../src/core/sheets';
import { readCell } from '../../src/core/table/cells';

const TZ = 'Asia/Shanghai';
const col = (type: ColumnDecl['type'], extra: Partial<ColumnDecl> = {}): ColumnDecl => ({
  key: 'x',
  type,
  ...extra,
});

describe('reading cells as their column type', () => {
  it('reads the dates Chinese offices type, and flags the ambiguous ones', () => {
    for (const text of ['2026.3.5', '2026/3/5', '2026-03-05', '2026年3月5日', '２０２６－０３－０５'])
      expect(readCell(col('date'), text, TZ)).toEqual({
        ok: true,
        value: '2026-03-05',
        normalised: '2026-03-05',
      });
    expect(readCell(col('date'), '3/5', TZ)).toEqual({ ok: false, error: 'ambiguousDate' });
    expect(readCell(col('date'), '二〇二六年三月五日', TZ)).toEqual({ ok: false, error: 'ambiguousDate' });
    expect(readCell(col('date'), '2026-02-30', TZ)).toEqual({ ok: false, error: 'notDate' });
    expect(readCell(col('date'), 46086, TZ)).toMatchObject({ ok: true, value: '2026-03-05' });
  });

  it('reads a date cell as the day it shows in the spreadsheet zone', () => {
    expect(readCell(col('date'), new Date('2026-03-04T16:00:00Z'), TZ)).toEqual({
      ok: true,
      value: '2026-03-05',
    });
  });

  it('reads a typed date-time as the instant in the school zone', () => {
    const read = readCell(col('datetime'), '2026/3/5 14:30', TZ);
    expect(read.ok && (read.value as Date).toISOString()).toBe('2026-03-05T06:30:00.000Z');
  });

  it('reads amounts with currency signs, separators and full-width digits', () => {
    for (const text of ['¥1,234.50', '1234.5元', '１，２３４．５', '￥1234.5'])
      expect(readCell(col('amount'), text, TZ)).toMatchObject({ ok: true, value: 1234.5 });
    expect(readCell(col('amount'), '十元', TZ)).toEqual({ ok: false, error: 'notNumber' });
    expect(readCell(col('integer'), 2.5, TZ)).toEqual({ ok: false, error: 'notInteger' });
  });

  it('reads yes and no as 是/否/√/×', () => {
    expect(readCell(col('boolean'), '是', TZ)).toEqual({ ok: true, value: true, normalised: true });
    expect(readCell(col('boolean'), '×', TZ)).toEqual({ ok: true, value: false, normalised: false });
    expect(readCell(col('boolean'), true, TZ)).toEqual({ ok: true, value: true });
    expect(readCell(col('boolean'), '也许', TZ)).toEqual({ ok: false, error: 'notBoolean' });
  });

  it('reads drop-down values in either language and error values as errors', () => {
    expect(readCell(col('enum', { enum: 'meal' }), 'Lunch', TZ)).toEqual({ ok: true, value: 'lunch' });
    expect(readCell(col('enum', { enum: 'meal' }), '夜宵', TZ)).toEqual({ ok: false, error: 'notInList' });
    expect(readCell(col('text'), '#N/A', TZ)).toEqual({ ok: false, error: 'formulaError' });
    expect(readCell(col('text'), '', TZ)).toEqual({ ok: true, value: null });
  });
});
