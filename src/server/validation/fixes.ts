import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import type { Typed } from '../../core/table/cells';
import { adjacentRuns } from '../../core/table/a1';
import type { CellValue } from '../../core/table/mapping';
import type { Table } from '../adapters/workbook';
import { instantOf } from '../../core/time';
import type { Fix } from '../../core/validate';
import { shown } from '../../core/validate/context';
import { quote } from '../../core/validate/problem';
import { columnDecl } from '../../core/sheets';

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
 * Stores tidied values in their proper type: one read of formulas and one write per run of
 * adjacent fixed columns, spanning the first to the last fixed row, however scattered the fixes.
 * Cells in the span that were not fixed are written back as read, and a formula as its formula,
 * so nothing the office typed changes. After the first pass a sheet has nothing left to tidy.
 */
export function storeFixes(table: Table, fixes: readonly Fix[], timeZone: string): void {
  const byColumn = new Map<number, Map<number, CellValue>>();
  for (const f of fixes) {
    const c = table.layout.index[f.column];
    if (c === undefined) continue;
    if (!byColumn.has(c)) byColumn.set(c, new Map());
    byColumn.get(c)!.set(f.row, cellValue(f, timeZone));
  }
  const columns = [...byColumn.keys()];
  for (const run of adjacentRuns(
    columns,
    (c) => c,
    () => '',
  )) {
    const rows = run.flatMap((c) => [...byColumn.get(c)!.keys()]);
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const range = table.sheet.getRange(first, run[0]! + 1, last - first + 1, run.length);
    const formulas = range.getFormulas();
    const values = formulas.map((formulaRow, i) =>
      run.map((c, j) => {
        const fixed = byColumn.get(c)!.get(first + i);
        if (fixed !== undefined) return fixed;
        return formulaRow[j] || ((table.values[first + i - 1]?.[c] ?? '') as CellValue);
      }),
    );
    range.setValues(values);
  }
}
