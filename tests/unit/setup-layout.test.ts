import { columnWidth, widthStrokes, type PlannedColumn } from '../../src/core/setup';
import { SHEETS, WIDTH_CLASSES, type ColumnDecl } from '../../src/core/sheets';

const text = (width?: number): ColumnDecl => ({ key: 'x', type: 'text', ...(width && { width }) });
const columns = (widths: number[], from = 1): PlannedColumn[] =>
  widths.map((width, i) => ({ decl: text(width), column: from + i }));

/** The widths a sheet ends with when `strokes` are made in order over columns at `start`. */
function painted(count: number, start: number, strokes: ReturnType<typeof widthStrokes>, from = 1): number[] {
  const widths = Array<number>(count).fill(start);
  for (const s of strokes) for (let c = s.column; c < s.column + s.count; c++) widths[c - from] = s.width;
  return widths;
}

describe('column widths', () => {
  it('rounds a declared width to the nearest class, the wider on a tie', () => {
    expect([60, 110, 129, 130, 190, 200, 280, 420].map((w) => columnWidth(text(w)))).toEqual([
      100, 100, 100, 160, 160, 240, 240, 360,
    ]);
    expect(columnWidth({ key: 'd', type: 'date' })).toBe(100);
    expect(columnWidth(text())).toBe(160);
  });

  it('keeps every declared width within 60 px of what the sheet shows', () => {
    for (const sheet of SHEETS)
      for (const c of sheet.columns) {
        expect(WIDTH_CLASSES).toContain(columnWidth(c));
        if (c.width) expect(Math.abs(columnWidth(c) - c.width)).toBeLessThanOrEqual(60);
      }
  });

  it('paints a wide stroke first and the columns inside it after, when that takes fewer calls', () => {
    const wanted = [160, 240, 160, 240, 160];
    const strokes = widthStrokes(columns(wanted), 100);
    expect(strokes).toEqual([
      { column: 1, count: 5, width: 160 },
      { column: 2, count: 1, width: 240 },
      { column: 4, count: 1, width: 240 },
    ]);
    expect(painted(5, 100, strokes)).toEqual(wanted);
  });

  it('sets no column already at the current width, and every column when it is not known', () => {
    expect(widthStrokes(columns([100, 100, 160]), 100)).toEqual([{ column: 3, count: 1, width: 160 }]);
    expect(widthStrokes(columns([100, 100], 5), null)).toEqual([{ column: 5, count: 2, width: 100 }]);
  });

  it('gives every declared sheet its widths in no more calls than one per run', () => {
    for (const sheet of SHEETS) {
      const planned = sheet.columns.map((decl, i) => ({ decl, column: i + 1 }));
      const strokes = widthStrokes(planned, 100);
      expect(painted(planned.length, 100, strokes)).toEqual(planned.map((c) => columnWidth(c.decl)));
      const runs = planned.filter(
        (c, i) =>
          columnWidth(c.decl) !== 100 &&
          (i === 0 || columnWidth(c.decl) !== columnWidth(planned[i - 1]!.decl)),
      ).length;
      expect(strokes.length).toBeLessThanOrEqual(runs);
    }
  });
});
