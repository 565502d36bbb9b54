import { parseSettings, type ParsedSettings } from '../../core/settings';
import { sheetDecl, SHEETS, type SheetKey } from '../../core/sheets';
import {
  sheetKeyOf,
  mapHeaders,
  isBlankRow,
  readRows,
  patchRow,
  type CellValue,
  type SheetRow,
  type TableLayout,
} from '../../core/table';
import { writeCells, writeRectangle, type CellWrite } from './cells';

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

/** How many times appendRecords and updateRecords changed a table's values this run. */
const versions = new WeakMap<Table, number>();
const changed = (table: Table) => versions.set(table, (versions.get(table) ?? 0) + 1);

/**
 * The spreadsheet as Houqin sees it: template sheets found by name in either language, each read
 * at most once per execution.
 */
export class Workbook {
  private sheetsByKey: Map<SheetKey, Sheet> | null = null;
  private others: Sheet[] = [];
  private names = new Map<Sheet, string>();
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

  /** The tab's name as the sheet index read it (no further call). */
  nameOf(sheet: Sheet): string {
    this.index();
    return this.names.get(sheet) ?? sheet.getName();
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
      this.names.clear();
      for (const sheet of this.spreadsheet.getSheets()) {
        const name = sheet.getName();
        this.names.set(sheet, name);
        const found = sheetKeyOf(name);
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
    const values = this.readAll(sheet);
    const layout = mapHeaders(sheetDecl(key), values[0] ?? []);
    let rows: SheetRow[] | undefined;
    let builtAt = -1;
    // Records are built when first asked for: a check reads 50,000 rows and never needs them.
    // They are built again after appendRecords or updateRecords changed the values.
    const table: Table = {
      key,
      sheet,
      layout,
      values,
      get rows() {
        const version = versions.get(table) ?? 0;
        if (!rows || builtAt !== version) {
          rows = readRows(layout, values.slice(1));
          builtAt = version;
        }
        return rows;
      },
    };
    this.tables.set(key, table);
    return table;
  }

  /** A sheet's values from A1 to its last row and column with content. */
  protected readAll(sheet: Sheet): unknown[][] {
    return sheet.getDataRange().getValues() as unknown[][];
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

/**
 * Writes a block of values at (row, column), growing the sheet first: text cells are formatted
 * '@' before the write (see writeCells). Short rows are padded with blanks.
 */
export function writeBlock(sheet: Sheet, row: number, column: number, values: CellValue[][]): void {
  if (!values.length || !values[0]?.length) return;
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const rect = values.map((r) =>
    r.length === width ? r : [...r, ...Array<CellValue>(width - r.length).fill('')],
  );
  ensureSize(sheet, row + rect.length - 1, column + width - 1);
  writeRectangle(sheet, row, column, rect);
}

/**
 * The row after the last one holding any value. getDataRange already ignores formatting, but a
 * row of blanks at its end (cleared cells) is not data either.
 */
export function firstFreeRow(table: Table): number {
  let last = table.values.length;
  while (last > 1 && isBlankRow(table.values[last - 1] ?? [])) last--;
  return last + 1;
}

/**
 * Appends records after the last row that holds data. Only the declared columns the records name
 * are written (a record lacking one gets a blank there), so the office's own columns of those rows
 * are never touched; text is formatted '@' first. One block per run of adjacent columns. The table
 * remembers the new rows, so a second append goes below the first. Returns the first new row.
 */
export function appendRecords(table: Table, records: readonly Record<string, CellValue>[]): number {
  const first = firstFreeRow(table);
  if (!records.length) return first;
  const columns = new Set<string>();
  for (const r of records)
    for (const key of Object.keys(r)) if (table.layout.index[key] !== undefined) columns.add(key);
  const cells: CellWrite[] = [];
  records.forEach((r, i) => {
    for (const key of columns)
      cells.push({ row: first + i, column: table.layout.index[key]! + 1, value: r[key] ?? '' });
  });
  if (!cells.length) return first;
  const lastColumn = Math.max(...[...columns].map((key) => table.layout.index[key]! + 1));
  ensureSize(table.sheet, first + records.length - 1, lastColumn);
  writeCells(table.sheet, cells);
  records.forEach((r, i) => {
    table.values[first + i - 1] = patchRow(table.layout, table.values[first + i - 1], r);
  });
  changed(table);
  return first;
}

/**
 * Changes some declared cells of existing rows: exactly the patched cells are written (see
 * writeCells), never a cell between two patched rows, so an office formula or text there stays as
 * it is. Text is formatted '@' first.
 */
export function updateRecords(
  table: Table,
  changes: readonly { row: number; patch: Readonly<Record<string, CellValue>> }[],
): void {
  const cells: CellWrite[] = [];
  for (const { row, patch } of changes)
    for (const [key, value] of Object.entries(patch)) {
      const at = table.layout.index[key];
      if (at !== undefined) cells.push({ row, column: at + 1, value });
    }
  if (!cells.length) return;
  writeCells(table.sheet, cells);
  for (const { row, patch } of changes)
    table.values[row - 1] = patchRow(table.layout, table.values[row - 1], patch);
  changed(table);
}
