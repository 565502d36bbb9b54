/** 1 → A, 27 → AA: column letters for A1 notation and row links. */
const LETTERS: string[] = [];

export function columnLetter(column: number): string {
  return (LETTERS[column] ??= lettersOf(column));
}

function lettersOf(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A whole column below the header, e.g. 'C2:C1000'. */
export function columnBodyA1(column: number, lastRow: number): string {
  const letter = columnLetter(column);
  return `${letter}2:${letter}${lastRow}`;
}

/**
 * Groups items into runs at adjacent positions (1-based columns, or rows) that share a key; with no
 * key, runs of adjacent positions. In position order.
 */
export function adjacentRuns<T>(
  items: readonly T[],
  column: (t: T) => number,
  key: (t: T) => string = () => '',
): T[][] {
  const sorted = [...items].sort((a, b) => column(a) - column(b));
  const runs: T[][] = [];
  for (const item of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev !== undefined && column(prev) === column(item) - 1 && key(prev) === key(item))
      last.push(item);
    else runs.push([item]);
  }
  return runs;
}
