import { checkAll, type CheckAllInput } from '../../src/core/validate/check-all';
import { MARK_BACKGROUND } from '../../src/core/validate/marks';
import { workbook } from './validate-support';

const ASSET = { assetId: 'ZC-1', name: '投影仪', category: '电教/信息设备', location: '101' };
const asset = (extra: Record<string, unknown> = {}) => ({
  ...ASSET,
  custodian: '王芳',
  status: '在用',
  ...extra,
});

/** The workbook as the shell reads it: values, and the records' backgrounds and notes (white, none). */
function read(rows: Record<string, unknown>[]): CheckAllInput {
  const input = workbook({ assets: rows });
  const width = input.tables.assets!.layout.width;
  const blank = <T>(v: T) => rows.map(() => Array.from({ length: width }, () => v));
  return {
    workbook: input,
    sheets: {
      assets: { name: '资产', gid: 7, cells: { first: 2, backgrounds: blank('#ffffff'), notes: blank('') } },
    },
    settings: null,
    url: 'https://docs.google.com/spreadsheets/d/x',
  };
}

describe('Check all sheets as one calculation', () => {
  it('returns the values to tidy, the marks, the Problems rows and the report together', () => {
    const input = read([asset({ purchaseDate: '2026.3.5' }), asset({ assetId: 'ZC-2', name: '' })]);
    const changes = checkAll(input);

    expect(changes.fixes.assets?.map((f) => [f.row, f.column, f.to])).toEqual([
      [2, 'purchaseDate', '2026-03-05'],
    ]);
    const marks = changes.marks.assets!;
    const nameColumn = input.workbook.tables.assets!.layout.index.name! + 1;
    // The rectangle that changes spans the tidied cell's note and the empty name's mark.
    const mark = { row: 3 - marks.row, column: nameColumn - marks.column };
    expect(marks.backgrounds[mark.row]![mark.column]).toBe(MARK_BACKGROUND);
    expect(marks.notes[mark.row]![mark.column]).toContain('必填');
    expect(changes.problems.name).toBe('问题清单');
    expect(changes.problems.rows).toEqual([['资产', 3, '资产名称', '错误', expect.stringContaining('必填')]]);
    expect(changes.report).toMatchObject({ rows: 2, errors: 1, warnings: 0, normalised: 1 });
    expect(changes.report.problems[0]!.link).toBe(`#gid=7&range=${changes.report.problems[0]!.range}`);
  });

  it('asks for no marks on cells already marked as wanted', () => {
    const input = read([asset({ assetId: 'ZC-2', name: '' })]);
    const first = checkAll(input).marks.assets!;
    const cells = input.sheets.assets!.cells!;
    const backgrounds = cells.backgrounds.map((r) => [...r]);
    const notes = cells.notes.map((r) => [...r]);
    first.backgrounds.forEach((r, i) =>
      r.forEach((bg, j) => {
        backgrounds[first.row - 2 + i]![first.column - 1 + j] = bg;
        notes[first.row - 2 + i]![first.column - 1 + j] = first.notes[i]![j]!;
      }),
    );
    const again = checkAll({
      ...input,
      sheets: { assets: { ...input.sheets.assets!, cells: { first: 2, backgrounds, notes } } },
    });
    expect(again.marks).toEqual({});
  });
});
