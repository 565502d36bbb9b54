/** A Sheet: its grid of layers, size, the typed write of values (with strict validation), rows and columns. */
import { A1, columnToLetters, parseA1 } from './a1';
import type { ConditionalFormatRuleImpl } from './conditional';
import { Base, countCalls, Ctx, notImplemented, scriptError } from './context';
import { isDateFormat, typeInput, Typed } from './format';
import { FORMAT_LAYERS, Grid, INHERITED, LAYERS, LayerName } from './layers';
import { ProtectionImpl } from './protection';
import { RangeImpl } from './range';
import { RangeListImpl } from './range-list';
import { sortRows } from './sort';
import type { SpreadsheetImpl } from './spreadsheet';
import { instantToSerial, isDateLike, serialToInstant } from './tz';
import type { DataValidationImpl } from './validation';

export class SheetImpl extends Base {
  _maxRows = 1000;
  _maxCols = 26;
  _frozenRows = 0;
  _frozenCols = 0;
  _tabColor: string | null = null;
  _hidden = false;
  _deleted = false;
  _colWidths = new Map<number, number>();
  _rowHeights = new Map<number, number>();
  _protections: ProtectionImpl[] = [];
  _cfRules: ConditionalFormatRuleImpl[] = [];
  _layers: Record<LayerName, Grid<unknown>>;
  constructor(
    ctx: Ctx,
    readonly _ss: SpreadsheetImpl,
    public _name: string,
    readonly _gid: number,
  ) {
    super(ctx);
    this._layers = Object.fromEntries(LAYERS.map((l) => [l, []])) as unknown as Record<
      LayerName,
      Grid<unknown>
    >;
  }

  // ---- internal helpers (0-based) ----
  _get(layer: LayerName, r: number, c: number): unknown {
    return this._layers[layer][r]?.[c];
  }
  _set(layer: LayerName, r: number, c: number, v: unknown): void {
    const grid = this._layers[layer];
    let row = grid[r];
    if (!row) {
      if (v === undefined) return;
      row = [];
      grid[r] = row;
    }
    row[c] = v;
  }
  _range(row: number, col: number, numRows: number, numCols: number): RangeImpl {
    if (this._deleted) throw scriptError('Sheet not found');
    for (const [x, what] of [
      [row, 'row'],
      [col, 'column'],
    ] as const) {
      if (typeof x !== 'number' || Number.isNaN(x)) {
        throw scriptError(
          `The parameters (${typeof x}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
        );
      }
      if (x < 1) throw scriptError(`The starting ${what} of the range is too small.`);
    }
    if (numRows < 1) throw scriptError('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw scriptError('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols) {
      throw scriptError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new RangeImpl(
      this._ctx,
      this,
      Math.floor(row),
      Math.floor(col),
      Math.floor(numRows),
      Math.floor(numCols),
    );
  }
  _rangeFromA1(p: A1): RangeImpl {
    const r1 = p.r1 ?? 1;
    const c1 = p.c1 ?? 1;
    const r2 = p.r2 ?? this._maxRows;
    const c2 = p.c2 ?? this._maxCols;
    const top = Math.min(r1, r2);
    const left = Math.min(c1, c2);
    const range = this._range(top, left, Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
    // Whole columns ('B:D') and whole rows ('3:5') keep their open ends (getA1Notation, isStartRowBounded, …):
    // gas-fakes test/testsheetsdeveloper.js "A1 Notation Range Parsing" and "Range Bounded Methods".
    // A range open at one end only ('A2:C') reads as bounded ('A2:C1000'): no source says otherwise.
    const wholeCols = p.r1 === undefined && p.r2 === undefined;
    const wholeRows = p.c1 === undefined && p.c2 === undefined;
    if (wholeCols || wholeRows) {
      range._open = { startRow: wholeCols, endRow: wholeCols, startCol: wholeRows, endCol: wholeRows };
    }
    return range;
  }
  _lastRow(): number {
    const vals = this._layers.values;
    for (let r = Math.min(vals.length, this._maxRows) - 1; r >= 0; r--) {
      const row = vals[r];
      if (row && row.some((v) => v !== undefined && v !== '')) return r + 1;
    }
    return 0;
  }
  _lastCol(): number {
    let last = 0;
    for (const row of this._layers.values) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        const v = row[c];
        if (v !== undefined && v !== '') {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }
  _insertRows(at0: number, n: number, inheritFrom0: number | undefined): void {
    for (const l of LAYERS) {
      const grid = this._layers[l];
      if (grid.length <= at0) continue;
      const blanks: (unknown[] | undefined)[] = new Array<unknown[] | undefined>(n).fill(undefined);
      grid.splice(at0, 0, ...blanks);
    }
    if (inheritFrom0 !== undefined) {
      for (const l of INHERITED) {
        const src = this._layers[l][inheritFrom0];
        if (!src) continue;
        for (let i = 0; i < n; i++) this._layers[l][at0 + i] = [...src];
      }
    }
    this._maxRows += n;
  }
  _insertCols(at0: number, n: number, inheritFrom0: number | undefined): void {
    for (const l of LAYERS) {
      for (const row of this._layers[l]) {
        if (!row || row.length <= at0) continue;
        const blanks = new Array<unknown>(n).fill(undefined);
        if (inheritFrom0 !== undefined && INHERITED.includes(l)) blanks.fill(row[inheritFrom0]);
        row.splice(at0, 0, ...blanks);
      }
    }
    const widths = new Map<number, number>();
    for (const [c, w] of this._colWidths) widths.set(c > at0 ? c + n : c, w);
    this._colWidths = widths;
    this._maxCols += n;
  }
  _clearLayers(layers: readonly LayerName[], r0: number, c0: number, nr: number, nc: number): void {
    for (const l of layers) {
      const grid = this._layers[l];
      for (let r = r0; r < r0 + nr && r < grid.length; r++) {
        const row = grid[r];
        if (!row) continue;
        if (c0 === 0 && nc >= row.length) grid[r] = undefined;
        else for (let c = c0; c < c0 + nc && c < row.length; c++) row[c] = undefined;
      }
    }
  }
  _cellForWrite(v: unknown, fmt: string | undefined): Typed {
    if (v === null || v === undefined) return { value: '' };
    if (typeof v === 'string') return fmt === '@' ? { value: v } : typeInput(v);
    if (typeof v === 'number') return { value: Number.isFinite(v) ? v : '#NUM!' };
    if (typeof v === 'boolean') return { value: v };
    if (isDateLike(v)) {
      const t = v.getTime();
      if (Number.isNaN(t)) return { value: '' };
      const serial = instantToSerial(t, this._ctx.spreadsheetTimeZone);
      return { value: serial, format: Number.isInteger(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
    }
    return { value: String(v) };
  }
  /** Writes a 2D block at 0-based (r0, c0): types the input, enforces strict validation, then commits. */
  _write(r0: number, c0: number, data: unknown[][]): void {
    const typed: Typed[][] = [];
    for (let i = 0; i < data.length; i++) {
      const src = data[i] as unknown[];
      const fmtRow = this._layers.formats[r0 + i];
      const valRow = this._layers.validations[r0 + i];
      const out: Typed[] = new Array<Typed>(src.length);
      for (let j = 0; j < src.length; j++) {
        const fmt = fmtRow?.[c0 + j] as string | undefined;
        const t = this._cellForWrite(src[j], fmt);
        const rule = valRow?.[c0 + j] as DataValidationImpl | undefined;
        if (rule && !rule._allowInvalid && t.formula === undefined) {
          const isDate = isDateFormat(t.format ?? fmt);
          if (!rule._accepts(t.value, isDate)) {
            const cell = columnToLetters(c0 + j + 1) + (r0 + i + 1);
            throw scriptError(
              `The data you entered in cell ${cell} violates the data validation rules set on this cell.`,
            );
          }
        }
        out[j] = t;
      }
      typed.push(out);
    }
    const L = this._layers;
    for (let i = 0; i < typed.length; i++) {
      const row = typed[i] as Typed[];
      const r = r0 + i;
      let vrow = L.values[r];
      if (!vrow) {
        vrow = [];
        L.values[r] = vrow;
      }
      const frow = L.formulas[r];
      for (let j = 0; j < row.length; j++) {
        const t = row[j] as Typed;
        const c = c0 + j;
        vrow[c] = t.value === '' ? undefined : t.value;
        if (t.formula !== undefined) this._set('formulas', r, c, t.formula);
        else if (frow && frow[c] !== undefined) frow[c] = undefined;
        if (t.format !== undefined) {
          const cur = L.formats[r]?.[c] as string | undefined;
          if (cur === undefined || (!isDateFormat(cur) && /[yd]/.test(t.format) && /^general$/i.test(cur))) {
            this._set('formats', r, c, t.format);
          }
        }
      }
    }
  }
  _readValue(v: unknown, fmt: unknown): unknown {
    if (v === undefined) return '';
    if (typeof v === 'number' && fmt !== undefined && isDateFormat(fmt as string)) {
      return new this._ctx.ClockDate(serialToInstant(v, this._ctx.spreadsheetTimeZone));
    }
    return v;
  }

  // ---- public API ----
  getName(): string {
    return this._name;
  }
  setName(name: string): this {
    this._ss._checkNewName(String(name), this);
    this._name = String(name);
    return this;
  }
  getSheetName(): string {
    return this._name;
  }
  getSheetId(): number {
    return this._gid;
  }
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }
  getParent(): SpreadsheetImpl {
    return this._ss;
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastCol();
  }
  getRange(a: unknown, col?: number, numRows?: number, numCols?: number): RangeImpl {
    if (typeof a === 'string') {
      const p = parseA1(a);
      if (p.sheetName !== undefined) return this._ss._sheetOrThrow(p.sheetName)._rangeFromA1(p);
      return this._rangeFromA1(p);
    }
    return this._range(a as number, col as number, numRows ?? 1, numCols ?? 1);
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number): unknown[][] {
    const nr = numRows === -1 ? this._lastRow() - row + 1 : numRows;
    const nc = numCols === -1 ? this._lastCol() - col + 1 : numCols;
    return this._range(row, col, nr, nc)._values();
  }
  getRangeList(a1Notations: string[]): RangeListImpl {
    return new RangeListImpl(
      this._ctx,
      a1Notations.map((a1) => this.getRange(a1)),
    );
  }
  getDataRange(): RangeImpl {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastCol()));
  }
  appendRow(values: unknown[]): this {
    if (!Array.isArray(values)) {
      throw scriptError(
        `The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    }
    const r = this._lastRow() + 1;
    if (r > this._maxRows) this._insertRows(this._maxRows, r - this._maxRows, this._maxRows - 1);
    if (values.length > this._maxCols)
      this._insertCols(this._maxCols, values.length - this._maxCols, undefined);
    if (values.length > 0) this._write(r - 1, 0, [values]);
    return this;
  }
  insertRowsAfter(after: number, howMany: number): this {
    if (after < 1 || after > this._maxRows) throw scriptError('Those rows are out of bounds.');
    if (howMany < 1) throw scriptError('The number of rows to insert must be at least 1.');
    this._insertRows(after, howMany, after - 1);
    return this;
  }
  insertRowAfter(after: number): this {
    return this._insertRowsAfterNoCount(after, 1);
  }
  _insertRowsAfterNoCount(after: number, n: number): this {
    if (after < 1 || after > this._maxRows) throw scriptError('Those rows are out of bounds.');
    this._insertRows(after, n, after - 1);
    return this;
  }
  insertRowsBefore(before: number, howMany: number): this {
    if (before < 1 || before > this._maxRows) throw scriptError('Those rows are out of bounds.');
    if (howMany < 1) throw scriptError('The number of rows to insert must be at least 1.');
    this._insertRows(before - 1, howMany, undefined);
    // Inserted rows take the formatting of the row they were inserted above.
    for (const l of INHERITED) {
      const src = this._layers[l][before - 1 + howMany];
      if (!src) continue;
      for (let i = 0; i < howMany; i++) this._layers[l][before - 1 + i] = [...src];
    }
    return this;
  }
  insertRowBefore(before: number): this {
    if (before < 1 || before > this._maxRows) throw scriptError('Those rows are out of bounds.');
    this._insertRows(before - 1, 1, undefined);
    for (const l of INHERITED) {
      const src = this._layers[l][before];
      if (src) this._layers[l][before - 1] = [...src];
    }
    return this;
  }
  insertRows(before: number, howMany?: number): void {
    this._insertRows(before - 1, howMany ?? 1, undefined);
  }
  insertColumnsAfter(after: number, howMany: number): this {
    if (after < 1 || after > this._maxCols) throw scriptError('Those columns are out of bounds.');
    this._insertCols(after, howMany, after - 1);
    return this;
  }
  insertColumnAfter(after: number): this {
    if (after < 1 || after > this._maxCols) throw scriptError('Those columns are out of bounds.');
    this._insertCols(after, 1, after - 1);
    return this;
  }
  insertColumnsBefore(before: number, howMany: number): this {
    if (before < 1 || before > this._maxCols) throw scriptError('Those columns are out of bounds.');
    this._insertCols(before - 1, howMany, undefined);
    return this;
  }
  insertColumnBefore(before: number): this {
    if (before < 1 || before > this._maxCols) throw scriptError('Those columns are out of bounds.');
    this._insertCols(before - 1, 1, undefined);
    return this;
  }
  insertColumns(before: number, howMany?: number): void {
    this._insertCols(before - 1, howMany ?? 1, undefined);
  }
  _deleteRows(pos: number, n: number): void {
    if (pos < 1 || n < 1 || pos + n - 1 > this._maxRows) throw scriptError('Those rows are out of bounds.');
    if (this._maxRows - n <= this._frozenRows) {
      throw scriptError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    for (const l of LAYERS) this._layers[l].splice(pos - 1, n);
    this._maxRows -= n;
  }
  deleteRow(pos: number): this {
    this._deleteRows(pos, 1);
    return this;
  }
  deleteRows(pos: number, howMany: number): void {
    this._deleteRows(pos, howMany);
  }
  _deleteCols(pos: number, n: number): void {
    if (pos < 1 || n < 1 || pos + n - 1 > this._maxCols)
      throw scriptError('Those columns are out of bounds.');
    if (n >= this._maxCols) throw scriptError('Sorry, it is not possible to delete all non-frozen columns.');
    for (const l of LAYERS) for (const row of this._layers[l]) if (row) row.splice(pos - 1, n);
    const widths = new Map<number, number>();
    for (const [c, w] of this._colWidths) {
      if (c < pos) widths.set(c, w);
      else if (c >= pos + n) widths.set(c - n, w);
    }
    this._colWidths = widths;
    this._maxCols -= n;
  }
  deleteColumn(pos: number): this {
    this._deleteCols(pos, 1);
    return this;
  }
  deleteColumns(pos: number, howMany: number): void {
    this._deleteCols(pos, howMany);
  }
  /** Sorts the rows below the frozen ones by one column (https://developers.google.com/apps-script/reference/spreadsheet/sheet#sortcolumnposition,-ascending). */
  sort(columnPosition: number, ascending?: boolean): this {
    const last = this._lastRow();
    const cols = Math.max(this._lastCol(), columnPosition);
    if (last > this._frozenRows) {
      const r = this._range(this._frozenRows + 1, 1, last - this._frozenRows, cols);
      sortRows(r, { column: columnPosition, ascending: ascending !== false });
    }
    return this;
  }
  setFrozenRows(n: number): void {
    this._frozenRows = n;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(n: number): void {
    this._frozenCols = n;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  setColumnWidth(col: number, width: number): this {
    this._colWidths.set(col, width);
    return this;
  }
  setColumnWidths(start: number, n: number, width: number): this {
    for (let c = start; c < start + n; c++) this._colWidths.set(c, width);
    return this;
  }
  getColumnWidth(col: number): number {
    return this._colWidths.get(col) ?? 100;
  }
  setRowHeight(row: number, h: number): this {
    this._rowHeights.set(row, h);
    return this;
  }
  setRowHeights(start: number, n: number, h: number): this {
    for (let r = start; r < start + n; r++) this._rowHeights.set(r, h);
    return this;
  }
  getRowHeight(row: number): number {
    return this._rowHeights.get(row) ?? 21;
  }
  protect(): ProtectionImpl {
    const existing = this._protections.find((p) => p._type === 'SHEET');
    if (existing) return existing;
    const p = new ProtectionImpl(
      this._ctx,
      this,
      'SHEET',
      new RangeImpl(this._ctx, this, 1, 1, this._maxRows, this._maxCols),
    );
    this._protections.push(p);
    return p;
  }
  getProtections(type: string): ProtectionImpl[] {
    return this._protections.filter((p) => p._type === String(type));
  }
  setConditionalFormatRules(rules: ConditionalFormatRuleImpl[]): void {
    this._cfRules = [...rules];
  }
  getConditionalFormatRules(): ConditionalFormatRuleImpl[] {
    return [...this._cfRules];
  }
  clearConditionalFormatRules(): void {
    this._cfRules = [];
  }
  setTabColor(color: string | null): this {
    this._tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this._tabColor;
  }
  activate(): this {
    this._ss._activeSheet = this;
    this._ss._activeRange = undefined;
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    const all = [this._maxRows, this._maxCols] as const;
    if (!options?.formatOnly) this._clearLayers(['values', 'formulas'], 0, 0, ...all);
    if (!options?.contentsOnly) this._clearLayers(FORMAT_LAYERS, 0, 0, ...all);
    return this;
  }
  clearContents(): this {
    this._clearLayers(['values', 'formulas'], 0, 0, this._maxRows, this._maxCols);
    return this;
  }
  clearFormats(): this {
    this._clearLayers(FORMAT_LAYERS, 0, 0, this._maxRows, this._maxCols);
    return this;
  }
  clearNotes(): this {
    this._clearLayers(['notes'], 0, 0, this._maxRows, this._maxCols);
    return this;
  }
  hideSheet(): this {
    if (this._ss._sheets.filter((s) => !s._hidden).length <= 1 && !this._hidden) {
      throw scriptError("You can't hide all the sheets in a document.");
    }
    this._hidden = true;
    return this;
  }
  showSheet(): this {
    this._hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  getType(): string {
    return 'GRID';
  }
  setActiveRange(range: RangeImpl): RangeImpl {
    this._ss._activeSheet = this;
    this._ss._activeRange = range;
    return range;
  }
  getActiveRange(): RangeImpl | null {
    return this._ss._activeRange?._sheet === this ? this._ss._activeRange : null;
  }
}

// Layout the emulator does not model (text widths, hidden rows and columns, merges, filters, groups).
notImplemented(SheetImpl, 'Sheet', [
  'autoResizeColumn',
  'autoResizeColumns',
  'autoResizeRows',
  'hideColumns',
  'hideColumn',
  'showColumns',
  'hideRows',
  'hideRow',
  'showRows',
  'isColumnHiddenByUser',
  'isRowHiddenByUser',
  'getFilter',
  'getCharts',
  'insertChart',
  'newChart',
  'copyTo',
  'getNamedRanges',
  'moveColumns',
  'moveRows',
  'getBandings',
  'getRowGroup',
  'getColumnGroup',
]);
countCalls(SheetImpl, 'Sheet');
