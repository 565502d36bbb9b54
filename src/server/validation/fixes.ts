import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import type { Typed } from '../../core/table/cells';
import type { CellValue, TableLayout } from '../../core/table/mapping';
import { instantOf } from '../../core/time';
import type { Fix } from '../../core/validate';
import { shown } from '../../core/validate/context';
import { quote } from '../../core/validate/problem';
import { columnDecl } from '../../core/sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The note on a tidied cell: what it held and what Houqin stored. */
export function normalisedNote(fix: Fix, lang: Lang, timeZone: string): string {
  return fill(messages(lang).validation.normalised, { from: quote(fix.from), to: shown(fix.to, timeZone) });
}

/** The value to store: a date column gets a Date at midnight in the spreadsheet's zone, not text. */
function cellValue(fix: Fix, timeZone: string): CellValue {
  const type = columnDecl(fix.sheet, fix.column)?.type;
  const to: Typed = fix.to;
  return type === 'date' && typeof to === 'string' ? instantOf(to, timeZone) : to;
}

/**
 * Stores tidied values in their proper type. Only the fixed cells are written — grouped into
 * rectangles (a pasted block is one write) — so no neighbouring cell, formula or user column is
 * ever rewritten. After the first pass a sheet has nothing left to tidy.
 */
export function storeFixes(sheet: Sheet, layout: TableLayout, fixes: readonly Fix[], timeZone: string): void {
  // column index → row → value
  const byColumn = new Map<number, Map<number, CellValue>>();
  for (const f of fixes) {
    const c = layout.index[f.column];
    if (c === undefined) continue;
    if (!byColumn.has(c)) byColumn.set(c, new Map());
    byColumn.get(c)!.set(f.row, cellValue(f, timeZone));
  }
  // Runs of consecutive rows per column, then adjacent columns with the same run merged.
  const runs: { column: number; first: number; values: CellValue[] }[] = [];
  for (const [column, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    const sorted = [...rows.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue;
      const first = sorted[start]!;
      runs.push({ column, first, values: sorted.slice(start, i).map((r) => rows.get(r)!) });
      start = i;
    }
  }
  const blocks: { column: number; first: number; columns: CellValue[][] }[] = [];
  for (const run of runs) {
    const prev = blocks.find(
      (b) =>
        b.column + b.columns.length === run.column &&
        b.first === run.first &&
        b.columns[0]!.length === run.values.length,
    );
    if (prev) prev.columns.push(run.values);
    else blocks.push({ column: run.column, first: run.first, columns: [run.values] });
  }
  for (const b of blocks) {
    const values = b.columns[0]!.map((_, r) => b.columns.map((col) => col[r]!));
    sheet.getRange(b.first, b.column + 1, values.length, b.columns.length).setValues(values);
  }
}
