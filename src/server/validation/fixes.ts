import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import type { Typed } from '../../core/table/cells';
import type { CellValue } from '../../core/table/mapping';
import { writeCells, type CellWrite } from '../adapters/cells';
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
 * Stores tidied values in their proper type, writing exactly the tidied cells and nothing between
 * them (see writeCells): an untouched cell is never written again from what was read, which would
 * let Sheets re-type it ('1e3' → 1000, text '=A2*100' → a live formula). Reads nothing, and uses
 * only the table's sheet and layout, not its rows. Calls: 2 per run of adjacent tidied cells or per
 * value shared by scattered cells, plus 2 when a tidied value is text. After the first pass a
 * sheet has nothing left to tidy.
 */
export function storeFixes(table: Table, fixes: readonly Fix[], timeZone: string): void {
  const cells: CellWrite[] = [];
  for (const f of fixes) {
    const c = table.layout.index[f.column];
    if (c !== undefined) cells.push({ row: f.row, column: c + 1, value: cellValue(f, timeZone) });
  }
  writeCells(table.sheet, cells);
}
