import { parseSettings, type ParsedSettings } from '../../core/settings/parse';
import { sheetDecl, SHEETS, type SheetKey } from '../../core/sheets';
import { sheetKeyOf } from '../../core/table/labels';
import {
  mapHeaders,
  readRows,
  patchRow,
  type CellValue,
  type SheetRow,
  type TableLayout,
} from '../../core/table/mapping';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One template sheet as read: a single getValues of its whole data range. */
export interface Table {
  readonly key: SheetKey;
  readonly sheet: Sheet;
  readonly layout: TableLayout;
  /** Every row as read, header first (index 0 is sheet row 1). */
  readonly values: unknown[][];
  readonly rows: SheetRow[];
}

/**
 * The spreadsheet as Houqin sees it: template sheets found by name in either language, each read
 * at most once per execution.
 */
export class Workbook {
  private sheetsByKey: Map<SheetKey, Sheet> | null = null;
  private others: Sheet[] = [];
  private tables = new Map<SheetKey, Table>();
  private parsedSettings: ParsedSettings | null = null;

  constructor(readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  static active(): Workbook {
    return new Workbook(SpreadsheetApp.getActiveSpreadsheet());
  }

  get timeZone(): string {
    return this.spreadsheet.getSpreadsheetTimeZone();
  }

  /** The template sheet for `key`, or null when the workbook lacks it. */
  sheet(key: SheetKey): Sheet | null {
    return this.index().get(key) ?? null;
  }

  /** Sheets that are not part of the template: the office's own. */
  otherSheets(): Sheet[] {
    this.index();
    return this.others;
  }

  private index(): Map<SheetKey, Sheet> {
    if (!this.sheetsByKey) {
      this.sheetsByKey = new Map();
      this.others = [];
      for (const sheet of this.spreadsheet.getSheets()) {
        const found = sheetKeyOf(sheet.getName());
        if (found && !this.sheetsByKey.has(found)) this.sheetsByKey.set(found, sheet);
        else this.others.push(sheet);
      }
    }
    return this.sheetsByKey;
  }

  /** Forget the sheet index after sheets were inserted. */
  forgetSheets(): void {
    this.sheetsByKey = null;
    this.tables.clear();
  }

  /** Reads a template sheet once (header + rows); null when the sheet is missing. */
  table(key: SheetKey): Table | null {
    const cached = this.tables.get(key);
    if (cached) return cached;
    const sheet = this.sheet(key);
    if (!sheet) return null;
    const values = sheet.getDataRange().getValues() as unknown[][];
    const layout = mapHeaders(sheetDecl(key), values[0] ?? []);
    let rows: SheetRow[] | undefined;
    // Records are built when first asked for: a check reads 50,000 rows and never needs them.
    const table: Table = {
      key,
      sheet,
      layout,
      values,
      get rows() {
        return (rows ??= readRows(layout, values.slice(1)));
      },
    };
    this.tables.set(key, table);
    return table;
  }

  settings(): ParsedSettings {
    if (!this.parsedSettings) {
      const table = this.table('settings');
      this.parsedSettings = parseSettings(table ? table.values : []);
    }
    return this.parsedSettings;
  }

  /** Every template sheet present, in template order. */
  presentKeys(): SheetKey[] {
    return SHEETS.map((s) => s.key).filter((k) => this.sheet(k) !== null);
  }
}

/** Grows a sheet so rows up to `lastRow` and columns up to `lastColumn` exist (new sheets have 1,000 × 26). */
export function ensureSize(sheet: Sheet, lastRow: number, lastColumn: number): void {
  const rows = sheet.getMaxRows();
  if (lastRow > rows) sheet.insertRowsAfter(rows, lastRow - rows);
  const cols = sheet.getMaxColumns();
  if (lastColumn > cols) sheet.insertColumnsAfter(cols, lastColumn - cols);
}

/** Writes a block of values at (row, column), growing the sheet first. One setValues. */
export function writeBlock(sheet: Sheet, row: number, column: number, values: CellValue[][]): void {
  if (!values.length || !values[0]?.length) return;
  const width = Math.max(...values.map((r) => r.length));
  const rect = values.map((r) =>
    r.length === width ? r : [...r, ...Array<CellValue>(width - r.length).fill('')],
  );
  ensureSize(sheet, row + rect.length - 1, column + width - 1);
  sheet.getRange(row, column, rect.length, width).setValues(rect);
}

/** Appends records below the last row of a table, in one write. */
export function appendRecords(table: Table, records: readonly Record<string, CellValue>[]): number {
  if (!records.length) return 0;
  const first = table.values.length + 1;
  writeBlock(
    table.sheet,
    first,
    1,
    records.map((r) => patchRow(table.layout, undefined, r)),
  );
  return first;
}

/**
 * Changes some declared cells of existing rows. Only the columns that change are written, one
 * setValues per run of adjacent columns, so the office's own columns (and formulas there) are
 * never rewritten.
 */
export function updateRecords(
  table: Table,
  changes: readonly { row: number; patch: Readonly<Record<string, CellValue>> }[],
): void {
  if (!changes.length) return;
  const columns = new Set<number>();
  let minRow = Infinity;
  let maxRow = 0;
  for (const { row, patch } of changes) {
    minRow = Math.min(minRow, row);
    maxRow = Math.max(maxRow, row);
    for (const key of Object.keys(patch)) {
      const at = table.layout.index[key];
      if (at !== undefined) columns.add(at);
    }
  }
  const patched = new Map<number, CellValue[]>();
  for (const { row, patch } of changes) {
    const base = patched.get(row) ?? (table.values[row - 1] as CellValue[] | undefined);
    patched.set(row, patchRow(table.layout, base, patch));
  }
  const sorted = [...columns].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  for (const run of runs) {
    const block: CellValue[][] = [];
    for (let row = minRow; row <= maxRow; row++) {
      const source = patched.get(row) ?? (table.values[row - 1] as CellValue[] | undefined) ?? [];
      block.push(run.map((c) => source[c] ?? ''));
    }
    writeBlock(table.sheet, minRow, run[0]! + 1, block);
  }
  for (const [row, values] of patched) table.values[row - 1] = values;
}
