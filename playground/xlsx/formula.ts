/**
 * A shared formula (`<f t="shared" si="0" ref="C2:C9">B2*2</f>` on C2, `<f t="shared" si="0"/>` on
 * C3…) is written once, for its first cell; every other cell's formula is that one with its
 * relative references moved by the cell's distance from the first (ECMA-376 Part 1, 18.3.1.40).
 */
import { colLetters } from './xml';

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * Cell references outside string literals: `$A$1`, `B2`, whole columns `A:C` and rows `3:5`.
 * A name before `(` is a function (LOG10), and a reference touches no letter, digit or `_`.
 */
const TOKEN =
  /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(?<![\w.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])|(?<![\w.$:])(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![\w(:])|(?<![\w.$:])(\$?)(\d+):(\$?)(\d+)(?![\w(:])/g;

/** The formula (without '=') moved by `rows` and `cols`; a reference moved off the sheet reads #REF!. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (!rows && !cols) return formula;
  const col = (abs: string, letters: string): string => {
    if (abs) return abs + letters;
    const n = colNumber(letters) + cols;
    return n < 1 || n > MAX_COL ? '#REF!' : colLetters(n);
  };
  const row = (abs: string, digits: string): string => {
    if (abs) return abs + digits;
    const n = Number(digits) + rows;
    return n < 1 || n > MAX_ROW ? '#REF!' : String(n);
  };
  return formula.replace(TOKEN, (all, str?: string, sheet?: string, ...g: (string | undefined)[]) => {
    if (str || sheet) return all;
    if (g[1] !== undefined) {
      const c = col(g[0]!, g[1]);
      const r = row(g[2]!, g[3]!);
      return c.includes('#') || r.includes('#') ? '#REF!' : `${g[0] ? '$' : ''}${c.replace('$', '')}${r}`;
    }
    if (g[5] !== undefined) return `${col(g[4]!, g[5])}:${col(g[6]!, g[7]!)}`;
    if (g[9] !== undefined) return `${row(g[8]!, g[9])}:${row(g[10]!, g[11]!)}`;
    return all;
  });
}
