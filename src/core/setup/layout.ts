import { DEFAULT_WIDTH, NUMBER_FORMAT, WIDTH_CLASSES, type ColumnDecl } from '../sheets';
import { adjacentRuns } from '../table/a1';

/** A planned column: its declaration and its 1-based position in the sheet. */
export interface PlannedColumn {
  decl: ColumnDecl;
  column: number;
}

/**
 * The format Sheets reports for a cell nobody formatted (newer versions say 'General'). A grid of
 * formats needs one for the checkbox columns, whose TRUE/FALSE no number format changes.
 */
export const UNFORMATTED = '0.###############';
export const AUTOMATIC_FORMATS: readonly string[] = [UNFORMATTED, 'General'];

export function columnFormat(decl: ColumnDecl): string {
  return NUMBER_FORMAT[decl.type] ?? UNFORMATTED;
}

/** Columns that take the same drop-down, checkbox or date rule share a key ('' for none). */
export function ruleKey(decl: ColumnDecl): string {
  if (decl.type === 'enum') return `enum:${decl.enum}`;
  // A datetime cell takes the same date picker as a date cell.
  if (decl.type === 'date' || decl.type === 'datetime') return 'date';
  if (decl.type === 'boolean') return 'boolean';
  return '';
}

/** The declared width (or the type's default), rounded to the nearest of WIDTH_CLASSES, the wider on a tie. */
export function columnWidth(decl: ColumnDecl): number {
  const wanted = decl.width ?? DEFAULT_WIDTH[decl.type];
  return WIDTH_CLASSES.reduce((best, w) =>
    Math.abs(w - wanted) < Math.abs(best - wanted) ||
    (Math.abs(w - wanted) === Math.abs(best - wanted) && w > best)
      ? w
      : best,
  );
}

/** One setColumnWidths call: `count` columns from `column` get `width`. */
export interface WidthStroke {
  column: number;
  count: number;
  width: number;
}

/**
 * The fewest setColumnWidths calls that give the columns their widths, in the order to make them:
 * a later call paints over an earlier one, so a wide stroke across a sheet followed by the narrower
 * columns inside it can beat one call per run. Columns already at `current` (a new sheet's default
 * width) need no call; null when the current widths are not known.
 */
export function widthStrokes(columns: readonly PlannedColumn[], current: number | null): WidthStroke[] {
  return adjacentRuns(columns, (c) => c.column).flatMap((group) => groupStrokes(group, current));
}

interface Segment {
  column: number;
  count: number;
  width: number;
}

/** Painting one block of adjacent columns: a small interval dynamic programme over its runs. */
function groupStrokes(group: readonly PlannedColumn[], current: number | null): WidthStroke[] {
  const segments: Segment[] = adjacentRuns(
    group,
    (c) => c.column,
    (c) => String(columnWidth(c.decl)),
  ).map((run) => ({ column: run[0]!.column, count: run.length, width: columnWidth(run[0]!.decl) }));
  const memo = new Map<string, WidthStroke[]>();
  // The strokes that make segments i..j right when they all stand at width `under` now.
  const best = (i: number, j: number, under: number | null): WidthStroke[] => {
    if (i > j) return [];
    const key = `${i},${j},${under}`;
    const known = memo.get(key);
    if (known) return known;
    const first = segments[i]!;
    let result: WidthStroke[];
    if (first.width === under) result = best(i + 1, j, under);
    else {
      result = [];
      let cost = Infinity;
      // One stroke of the first segment's width across segments i..k, then what lies inside it and after it.
      for (let k = i; k <= j; k++) {
        const end = segments[k]!;
        const inside = best(i + 1, k, first.width);
        const after = best(k + 1, j, under);
        if (1 + inside.length + after.length < cost) {
          cost = 1 + inside.length + after.length;
          const stroke = {
            column: first.column,
            count: end.column + end.count - first.column,
            width: first.width,
          };
          result = [stroke, ...inside, ...after];
        }
      }
    }
    memo.set(key, result);
    return result;
  };
  return best(0, segments.length - 1, current);
}
