import { fixedValue, type Fix } from '../../core/validate';
import { writeCells, type CellWrite } from '../adapters/cells';
import type { Table } from '../adapters/workbook';

/**
 * Stores tidied values in their proper type, writing exactly the tidied cells and nothing between
 * them (see writeCells): an untouched cell is never written again from what was read, which would
 * let Sheets re-type it ('1e3' → 1000, text '=A2*100' → a live formula). Reads nothing, and uses
 * only the table's sheet and layout, not its rows. Calls: 2 per run of adjacent tidied cells or per
 * value shared by scattered cells, plus 2 when a tidied value is text. After the first pass a
 * sheet has nothing left to tidy.
 */
export function storeFixes(table: Table, fixes: readonly Fix[], timeZone: string): void {
  // Column by column, each column's cells in the order they came (row order, as a check finds
  // them): writeCells orders its cells by column, then row, which is then one pass over thousands
  // of scattered tidied cells rather than a sort of them.
  const byColumn: CellWrite[][] = [];
  for (const f of fixes) {
    const c = table.layout.index[f.column];
    if (c !== undefined)
      (byColumn[c] ??= []).push({ row: f.row, column: c + 1, value: fixedValue(f, timeZone) });
  }
  const cells: CellWrite[] = [];
  for (const column of byColumn) if (column) for (const cell of column) cells.push(cell);
  writeCells(table.sheet, cells);
}
