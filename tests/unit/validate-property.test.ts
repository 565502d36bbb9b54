import fc from 'fast-check';
import { CHECKED_SHEETS, validateWorkbook } from '../../src/core/validate';
import { sheetDecl, type SheetKey } from '../../src/core/sheets';
import { readCell } from '../../src/core/table/cells';
import { workbook, TZ } from './validate-support';

const hostile = fc.oneof(
  fc.constant(''),
  fc.constant(' '),
  fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#ERROR!', '=SUM(A1:A3)', "'=1+1"),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"; DROP TABLE',
    '\u0000\u202e',
  ),
  fc.constantFrom(
    '😀🏫',
    '２０２６年３月５日',
    '3/5',
    '二〇二六年三月五日',
    '１，２３４．５元',
    '√',
    '×',
    '是',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 10_000, maxLength: 10_000 }).map((s) => s || 'x'.repeat(10_000)),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: false }),
);

const sheetKey = fc.constantFrom(...CHECKED_SHEETS);

/** Whether a row breaks a per-column rule, judged directly from readCell and the declaration. */
function invalid(key: SheetKey, row: Record<string, unknown>): boolean {
  return sheetDecl(key).columns.some((col) => {
    const read = readCell(col, row[col.key], TZ);
    if (!read.ok) return true;
    if (read.value === null) return col.required === true && col.owner !== 'houqin';
    const v = read.value;
    if (typeof v === 'number')
      return (
        (col.min !== undefined && v < col.min) ||
        (col.above !== undefined && v <= col.above) ||
        (col.max !== undefined && v > col.max)
      );
    return typeof v === 'string' && col.maxLength !== undefined && [...v].length > col.maxLength;
  });
}

describe('validation on hostile input', () => {
  it('never throws, and reports every row that breaks a column rule, blank rows in between', () => {
    fc.assert(
      fc.property(sheetKey, fc.array(hostile, { minLength: 20, maxLength: 20 }), (key, cells) => {
        const columns = sheetDecl(key).columns;
        // Rows: a random row, a blank row (merged-looking), then another random row.
        const row1 = Object.fromEntries(columns.map((c, i) => [c.key, cells[i % cells.length]]));
        const row3 = Object.fromEntries(columns.map((c, i) => [c.key, cells[(i + 7) % cells.length]]));
        const input = workbook({ [key]: [row1, {}, row3] });
        const problems = validateWorkbook(input);
        const reported = new Set(problems.filter((p) => p.sheet === key).map((p) => p.row));
        if (invalid(key, row1) && !isBlank(row1)) expect(reported.has(2)).toBe(true);
        if (invalid(key, row3) && !isBlank(row3)) expect(reported.has(4)).toBe(true);
        expect(reported.has(3)).toBe(false);
        for (const p of problems) {
          expect(typeof p.message['zh-CN']).toBe('string');
          expect(typeof p.message.en).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when every sheet is filled with hostile values at once', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 30, maxLength: 30 }), (cells) => {
        const sheets: Partial<Record<SheetKey, Record<string, unknown>[]>> = {};
        for (const key of CHECKED_SHEETS)
          sheets[key] = [0, 1, 2].map((r) =>
            Object.fromEntries(
              sheetDecl(key).columns.map((c, i) => [c.key, cells[(i * 3 + r) % cells.length]]),
            ),
          );
        expect(() => validateWorkbook(workbook(sheets))).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});

function isBlank(row: Record<string, unknown>): boolean {
  return Object.values(row).every((v) => v === '' || v === null || v === undefined);
}
