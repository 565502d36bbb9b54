/** A1 notation: column letters and the parsing of 'B2', 'A1:C3', 'A:C', '2:5', "'My sheet'!A1". */
import { scriptError } from './context';

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToColumn(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface A1 {
  sheetName?: string;
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

export function rangeNotFound(): Error {
  return scriptError('Range not found');
}

export function parseA1(input: string): A1 {
  let text = String(input).trim();
  const out: A1 = {};
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    let name = text.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
      name = name.slice(1, -1).replace(/''/g, "'");
    out.sheetName = name;
    text = text.slice(bang + 1);
  }
  const parts = text.replace(/\$/g, '').split(':');
  if (parts.length > 2 || parts[0] === '') throw rangeNotFound();
  const refs = parts.map((p) => {
    const m = /^([A-Za-z]{0,3})(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[2] === '')) throw rangeNotFound();
    return { c: m[1] ? lettersToColumn(m[1]) : undefined, r: m[2] ? Number(m[2]) : undefined };
  });
  const a = refs[0] as { c?: number; r?: number };
  const b = refs[1] ?? a;
  if (a.r === 0 || b.r === 0) throw rangeNotFound();
  if (refs.length === 1 && (a.r === undefined || a.c === undefined)) throw rangeNotFound();
  out.r1 = a.r;
  out.c1 = a.c;
  out.r2 = b.r;
  out.c2 = b.c;
  // 'A:A' / '1:1' must be consistent forms
  if ((a.r === undefined) !== (b.r === undefined) && a.r === undefined) throw rangeNotFound();
  if ((a.c === undefined) !== (b.c === undefined) && a.c === undefined) throw rangeNotFound();
  return out;
}

const REF_OR_TEXT = /("(?:[^"]|"")*")|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g;

/**
 * A formula with its relative references moved by (dRows, dCols), as filling a range with one formula or
 * pasting it does ('=A1' set on B52:C53 reads '=A1','=B1' / '=A2','=B2': gas-fakes test/testsheets.js
 * "setting and repeating cell formats"). '$' parts and text in quotes stay; a reference moved off the grid
 * becomes #REF!.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return formula.replace(
    REF_OR_TEXT,
    (m, text: string | undefined, colAbs: string, col: string, rowAbs: string, row: string, at: number) => {
      if (text !== undefined || /[\w.]/.test(formula[at - 1] ?? '')) return m;
      const c = colAbs ? lettersToColumn(col) : lettersToColumn(col) + dCols;
      const r = rowAbs ? Number(row) : Number(row) + dRows;
      if (c < 1 || r < 1) return '#REF!';
      return colAbs + columnToLetters(c) + rowAbs + r;
    },
  );
}
