/**
 * Range.sort / Sheet.sort and Range.removeDuplicates: reorder the rows of a block, every layer moving with
 * its row. Order (gas-fakes test/testsheets.js "Sheet.sort()" and test/testsheetsvalues.js "sorting and
 * randomizing", run on live Apps Script): numbers (and dates) before text before booleans; empty cells
 * last in either direction; text ignores case.
 */
import { scriptError } from './context';
import { LAYERS } from './layers';
import type { RangeImpl } from './range';

export type SortSpec = number | { column: number; ascending?: boolean };

function rank(v: unknown): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  return 2; // boolean
}

function compare(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

const empty = (v: unknown): boolean => v === undefined || v === '';

/** Moves the rows of `range` so that its i-th row is the old row order[i] (all layers, within its columns). */
function permuteRows(range: RangeImpl, order: number[]): void {
  const sheet = range._sheet;
  for (const l of LAYERS) {
    const block = range._grid<unknown>(l, undefined);
    order.forEach((from, i) => {
      const row = block[from] as unknown[];
      row.forEach((v, j) => sheet._set(l, range._row - 1 + i, range._col - 1 + j, v));
    });
  }
}

export function sortRows(range: RangeImpl, spec: SortSpec | SortSpec[]): void {
  const specs = (Array.isArray(spec) ? spec : [spec]).map((s) =>
    typeof s === 'number'
      ? { column: s, ascending: true }
      : { column: s.column, ascending: s.ascending !== false },
  );
  for (const s of specs) {
    if (!(s.column >= range._col && s.column < range._col + range._nc)) {
      throw scriptError(`The sort column ${s.column} is outside the range ${range.getA1Notation()}.`);
    }
  }
  const values = range._grid<unknown>('values', undefined);
  const order = values.map((_, i) => i);
  order.sort((x, y) => {
    for (const s of specs) {
      const a = (values[x] as unknown[])[s.column - range._col];
      const b = (values[y] as unknown[])[s.column - range._col];
      if (empty(a) || empty(b)) {
        if (empty(a) !== empty(b)) return empty(a) ? 1 : -1;
        continue;
      }
      const d = compare(a, b);
      if (d !== 0) return s.ascending ? d : -d;
    }
    return x - y;
  });
  permuteRows(range, order);
}

/**
 * Keeps the first of rows equal in the compared columns (equal ignoring case:
 * https://developers.google.com/apps-script/reference/spreadsheet/range#removeduplicates), moves the kept
 * rows up and empties the rows left below. Returns the block of kept rows.
 */
export function removeDuplicateRows(range: RangeImpl, columnsToCompare?: number[]): RangeImpl {
  const cols =
    columnsToCompare ?? range._grid<unknown>('values', undefined)[0]?.map((_, j) => range._col + j) ?? [];
  const values = range._grid<unknown>('values', undefined);
  const seen = new Set<string>();
  const kept: number[] = [];
  const dropped: number[] = [];
  values.forEach((row, i) => {
    const key = JSON.stringify(cols.map((c) => String(row[c - range._col] ?? '').toLowerCase()));
    if (seen.has(key)) dropped.push(i);
    else {
      seen.add(key);
      kept.push(i);
    }
  });
  if (dropped.length === 0) return range;
  permuteRows(range, [...kept, ...dropped]);
  range._sheet._clearLayers(
    ['values', 'formulas'],
    range._row - 1 + kept.length,
    range._col - 1,
    dropped.length,
    range._nc,
  );
  return range._sheet._range(range._row, range._col, kept.length, range._nc);
}
