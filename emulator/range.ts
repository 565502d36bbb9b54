/** A Range: reading and writing values, formulas, notes, formats, validation and checkboxes of a block. */
import { columnToLetters, shiftFormula } from './a1';
import { rgbToHex, toHexColor } from './colors';
import { Base, countCalls, Ctx, notImplemented, scriptError } from './context';
import { DEFAULT_NUMBER_FORMAT, displayValue, typeInput } from './format';
import { FORMAT_LAYERS, LayerName } from './layers';
import { copyFormatTo, copyRange } from './paste';
import { ProtectionImpl } from './protection';
import type { SheetImpl } from './sheet';
import { removeDuplicateRows, sortRows, SortSpec } from './sort';
import { DataValidationBuilderImpl, DataValidationImpl } from './validation';

export const WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;

type Shape = unknown[][];

const WHITE = '#ffffff';
const BLACK = '#000000';
/** A cell value a setter leaves as it was (a colour Sheets does not know). */
const IGNORED = Symbol('ignored');

function signatureError(method: string, arg: unknown): Error {
  const t = Array.isArray(arg) ? `${typeof arg[0] === 'object' ? 'Object' : typeof arg[0]}[]` : typeof arg;
  return scriptError(
    `The parameters (${t}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
  );
}

/** Which ends of a range its A1 notation left open: 'B:D' opens both row ends, '3:5' both column ends. */
export interface OpenEnds {
  startRow: boolean;
  endRow: boolean;
  startCol: boolean;
  endCol: boolean;
}

/** Stored form of a colour: lowercase hex, undefined for the default, IGNORED for a colour Sheets ignores. */
function storedColor(c: unknown, dflt: string): string | undefined | typeof IGNORED {
  if (c === null || c === undefined || c === '') return undefined;
  const hex = toHexColor(c);
  if (hex === undefined) return IGNORED;
  return hex === dflt ? undefined : hex;
}

/** Alignment names as Sheets reads them back: null resets, 'normal' reads 'general-left'. */
function storedHAlign(a: unknown): string | undefined {
  if (a === null || a === undefined) return undefined;
  const s = String(a).toLowerCase();
  if (s === 'general') return undefined;
  return s === 'normal' ? 'general-left' : s;
}

function storedNumberFormat(f: unknown): string | undefined {
  if (f === null || f === undefined || f === '') return undefined;
  const s = String(f);
  return s === DEFAULT_NUMBER_FORMAT || /^general$/i.test(s) ? undefined : s;
}

export class RangeImpl extends Base {
  _open: OpenEnds | undefined;
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetImpl,
    readonly _row: number,
    readonly _col: number,
    readonly _nr: number,
    readonly _nc: number,
  ) {
    super(ctx);
  }
  _checkShape(data: unknown, method: string): Shape {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) throw signatureError(method, data);
    if (data.length !== this._nr) {
      throw scriptError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._nr}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this._nc) {
        throw scriptError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._nc}.`,
        );
      }
    }
    return data as Shape;
  }
  _grid<T>(layer: LayerName, dflt: T): T[][] {
    const grid = this._sheet._layers[layer];
    const out: T[][] = new Array<T[]>(this._nr);
    for (let i = 0; i < this._nr; i++) {
      const row = grid[this._row - 1 + i];
      const o = new Array<T>(this._nc);
      for (let j = 0; j < this._nc; j++) {
        const v = row?.[this._col - 1 + j];
        o[j] = v === undefined ? dflt : (v as T);
      }
      out[i] = o;
    }
    return out;
  }
  _setGrid(layer: LayerName, data: unknown[][]): void {
    for (let i = 0; i < this._nr; i++) {
      const row = data[i] as unknown[];
      for (let j = 0; j < this._nc; j++) {
        const v = row[j];
        if (v === IGNORED) continue;
        this._sheet._set(layer, this._row - 1 + i, this._col - 1 + j, v === null || v === '' ? undefined : v);
      }
    }
  }
  _fill(layer: LayerName, v: unknown): void {
    const val = v === null || v === '' ? undefined : v;
    if (val === IGNORED) return;
    for (let i = 0; i < this._nr; i++) {
      for (let j = 0; j < this._nc; j++) this._sheet._set(layer, this._row - 1 + i, this._col - 1 + j, val);
    }
  }
  _displayGrid(): string[][] {
    const vals = this._grid<unknown>('values', undefined);
    const fmts = this._grid<string | undefined>('formats', undefined);
    return vals.map((row, i) => row.map((v, j) => displayValue(v, fmts[i]?.[j])));
  }
  _values(): unknown[][] {
    const sheet = this._sheet;
    const vgrid = sheet._layers.values;
    const fgrid = sheet._layers.formats;
    const out: unknown[][] = new Array<unknown[]>(this._nr);
    const c0 = this._col - 1;
    for (let i = 0; i < this._nr; i++) {
      const r = this._row - 1 + i;
      const row = vgrid[r];
      const frow = fgrid[r];
      const o = new Array<unknown>(this._nc);
      if (!row) o.fill('');
      else if (!frow) {
        for (let j = 0; j < this._nc; j++) {
          const v = row[c0 + j];
          o[j] = v === undefined ? '' : v;
        }
      } else {
        for (let j = 0; j < this._nc; j++) o[j] = sheet._readValue(row[c0 + j], frow[c0 + j]);
      }
      out[i] = o;
    }
    return out;
  }

  getValues(): unknown[][] {
    return this._values();
  }
  getValue(): unknown {
    const r = this._row - 1;
    const c = this._col - 1;
    return this._sheet._readValue(this._sheet._get('values', r, c), this._sheet._get('formats', r, c));
  }
  setValues(values: unknown[][]): this {
    const data = this._checkShape(values, 'setValues');
    this._sheet._write(this._row - 1, this._col - 1, data);
    return this;
  }
  setValue(value: unknown): this {
    const data: unknown[][] = [];
    for (let i = 0; i < this._nr; i++) data.push(new Array<unknown>(this._nc).fill(value));
    this._sheet._write(this._row - 1, this._col - 1, data);
    return this;
  }
  getDisplayValues(): string[][] {
    return this._displayGrid();
  }
  getDisplayValue(): string {
    const r = this._row - 1;
    const c = this._col - 1;
    return displayValue(
      this._sheet._get('values', r, c),
      this._sheet._get('formats', r, c) as string | undefined,
    );
  }
  getFormulas(): string[][] {
    return this._grid<string>('formulas', '');
  }
  getFormula(): string {
    return (this._sheet._get('formulas', this._row - 1, this._col - 1) as string | undefined) ?? '';
  }
  setFormula(f: string): this {
    const at = (i: number, j: number): string =>
      f === '' || f === null ? '' : shiftFormula(String(f), i, j);
    return this._writeFormulas(
      Array.from({ length: this._nr }, (_, i) => Array.from({ length: this._nc }, (_, j) => at(i, j))),
    );
  }
  setFormulas(fs: string[][]): this {
    return this._writeFormulas(this._checkShape(fs, 'setFormulas') as string[][]);
  }
  _writeFormulas(fs: string[][]): this {
    const data = fs.map((row) =>
      row.map((f) => (f === '' || f === null ? '' : String(f).startsWith('=') ? f : '=' + f)),
    );
    // formulas bypass the '@' text format
    for (let i = 0; i < this._nr; i++) {
      for (let j = 0; j < this._nc; j++) {
        const f = (data[i] as string[])[j] as string;
        const r = this._row - 1 + i;
        const c = this._col - 1 + j;
        if (f === '') {
          this._sheet._set('values', r, c, undefined);
          this._sheet._set('formulas', r, c, undefined);
        } else {
          const t = typeInput(f);
          this._sheet._set('values', r, c, t.value);
          this._sheet._set('formulas', r, c, f);
        }
      }
    }
    return this;
  }
  getNumberFormat(): string {
    return (
      (this._sheet._get('formats', this._row - 1, this._col - 1) as string | undefined) ??
      DEFAULT_NUMBER_FORMAT
    );
  }
  getNumberFormats(): string[][] {
    return this._grid<string>('formats', DEFAULT_NUMBER_FORMAT);
  }
  setNumberFormat(fmt: string): this {
    this._fill('formats', storedNumberFormat(fmt));
    return this;
  }
  setNumberFormats(fmts: string[][]): this {
    this._setGrid(
      'formats',
      this._checkShape(fmts, 'setNumberFormats').map((r) => r.map(storedNumberFormat)),
    );
    return this;
  }
  getDataValidation(): DataValidationImpl | null {
    return (
      (this._sheet._get('validations', this._row - 1, this._col - 1) as DataValidationImpl | undefined) ??
      null
    );
  }
  getDataValidations(): (DataValidationImpl | null)[][] {
    return this._grid<DataValidationImpl | null>('validations', null);
  }
  setDataValidation(rule: DataValidationImpl | null): this {
    this._fill('validations', rule ?? undefined);
    return this;
  }
  setDataValidations(rules: (DataValidationImpl | null)[][]): this {
    this._setGrid('validations', this._checkShape(rules, 'setDataValidations'));
    return this;
  }
  clearDataValidations(): this {
    this._fill('validations', undefined);
    return this;
  }
  getNote(): string {
    return (this._sheet._get('notes', this._row - 1, this._col - 1) as string | undefined) ?? '';
  }
  getNotes(): string[][] {
    return this._grid<string>('notes', '');
  }
  setNote(note: string | null): this {
    this._fill('notes', note === null ? undefined : String(note));
    return this;
  }
  setNotes(notes: (string | null)[][]): this {
    // setNotes writes a number as Java prints a double ('25.0'), unlike setNote ('25'): gas-fakes
    // notes/oddities.md "sheets notes" (live observation), issuetracker 429373214.
    const text = (n: unknown): string =>
      n === null || n === undefined
        ? ''
        : typeof n === 'number' && Number.isInteger(n)
          ? n + '.0'
          : String(n);
    const d = this._checkShape(notes, 'setNotes').map((r) => r.map(text));
    this._setGrid('notes', d);
    return this;
  }
  clearNote(): this {
    this._fill('notes', undefined);
    return this;
  }
  getBackground(): string {
    return (this._sheet._get('backgrounds', this._row - 1, this._col - 1) as string | undefined) ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._grid<string>('backgrounds', '#ffffff');
  }
  setBackground(color: string | null): this {
    this._fill('backgrounds', storedColor(color, WHITE));
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    const d = this._checkShape(colors, 'setBackgrounds').map((r) => r.map((c) => storedColor(c, WHITE)));
    this._setGrid('backgrounds', d);
    return this;
  }
  setBackgroundRGB(r: number, g: number, b: number): this {
    return this.setBackground(rgbToHex(r, g, b));
  }
  getFontWeight(): string {
    return (this._sheet._get('fontWeights', this._row - 1, this._col - 1) as string | undefined) ?? 'normal';
  }
  getFontWeights(): string[][] {
    return this._grid<string>('fontWeights', 'normal');
  }
  setFontWeight(w: string | null): this {
    this._fill('fontWeights', w === 'normal' || w === null ? undefined : w);
    return this;
  }
  setFontWeights(ws: (string | null)[][]): this {
    this._setGrid(
      'fontWeights',
      this._checkShape(ws, 'setFontWeights').map((r) => r.map((w) => (w === 'normal' ? undefined : w))),
    );
    return this;
  }
  getFontColor(): string {
    return (this._sheet._get('fontColors', this._row - 1, this._col - 1) as string | undefined) ?? '#000000';
  }
  getFontColors(): string[][] {
    return this._grid<string>('fontColors', '#000000');
  }
  setFontColor(c: string | null): this {
    this._fill('fontColors', storedColor(c, BLACK));
    return this;
  }
  setFontColors(cs: (string | null)[][]): this {
    const d = this._checkShape(cs, 'setFontColors').map((r) => r.map((c) => storedColor(c, BLACK)));
    this._setGrid('fontColors', d);
    return this;
  }
  getFontStyle(): string {
    return (this._sheet._get('fontStyles', this._row - 1, this._col - 1) as string | undefined) ?? 'normal';
  }
  getFontStyles(): string[][] {
    return this._grid<string>('fontStyles', 'normal');
  }
  setFontStyle(s: string | null): this {
    this._fill('fontStyles', s === 'normal' ? undefined : s);
    return this;
  }
  setFontStyles(ss: (string | null)[][]): this {
    this._setGrid(
      'fontStyles',
      this._checkShape(ss, 'setFontStyles').map((r) => r.map((x) => (x === 'normal' ? undefined : x))),
    );
    return this;
  }
  getFontSize(): number {
    return (this._sheet._get('fontSizes', this._row - 1, this._col - 1) as number | undefined) ?? 10;
  }
  getFontSizes(): number[][] {
    return this._grid<number>('fontSizes', 10);
  }
  setFontSize(n: number): this {
    this._fill('fontSizes', n === 10 ? undefined : n);
    return this;
  }
  getWrap(): boolean {
    return (this._sheet._get('wraps', this._row - 1, this._col - 1) as boolean | undefined) ?? false;
  }
  setWrap(w: boolean): this {
    this._fill('wraps', w ? true : undefined);
    return this;
  }
  setWraps(ws: boolean[][]): this {
    this._setGrid(
      'wraps',
      this._checkShape(ws, 'setWraps').map((r) => r.map((w) => (w ? true : undefined))),
    );
    return this;
  }
  setWrapStrategy(s: string): this {
    this._fill('wraps', String(s) === 'WRAP' ? true : undefined);
    return this;
  }
  getHorizontalAlignment(): string {
    return (this._sheet._get('hAligns', this._row - 1, this._col - 1) as string | undefined) ?? 'general';
  }
  getHorizontalAlignments(): string[][] {
    return this._grid<string>('hAligns', 'general');
  }
  setHorizontalAlignment(a: string | null): this {
    this._fill('hAligns', storedHAlign(a));
    return this;
  }
  setHorizontalAlignments(as: (string | null)[][]): this {
    this._setGrid(
      'hAligns',
      this._checkShape(as, 'setHorizontalAlignments').map((r) => r.map(storedHAlign)),
    );
    return this;
  }
  getVerticalAlignment(): string {
    return (this._sheet._get('vAligns', this._row - 1, this._col - 1) as string | undefined) ?? 'bottom';
  }
  getVerticalAlignments(): string[][] {
    return this._grid<string>('vAligns', 'bottom');
  }
  setVerticalAlignment(a: string | null): this {
    this._fill('vAligns', a === null || a === 'bottom' ? undefined : a);
    return this;
  }
  setVerticalAlignments(as: (string | null)[][]): this {
    this._setGrid(
      'vAligns',
      this._checkShape(as, 'setVerticalAlignments').map((r) =>
        r.map((a) => (a === 'bottom' ? undefined : a)),
      ),
    );
    return this;
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    const s = this._sheet;
    const box = [this._row - 1, this._col - 1, this._nr, this._nc] as const;
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    if (!any || o.contentsOnly) s._clearLayers(['values', 'formulas'], ...box);
    if (!any || o.formatOnly) s._clearLayers(FORMAT_LAYERS, ...box);
    if (o.commentsOnly) s._clearLayers(['notes'], ...box);
    if (o.validationsOnly) s._clearLayers(['validations'], ...box);
    return this;
  }
  clearContent(): this {
    this._sheet._clearLayers(['values', 'formulas'], this._row - 1, this._col - 1, this._nr, this._nc);
    return this;
  }
  clearFormat(): this {
    this._sheet._clearLayers(FORMAT_LAYERS, this._row - 1, this._col - 1, this._nr, this._nc);
    return this;
  }
  getA1Notation(): string {
    const o = this._open ?? { startRow: false, endRow: false, startCol: false, endCol: false };
    const ref = (col: number, row: number, colOpen: boolean, rowOpen: boolean): string =>
      (colOpen ? '' : columnToLetters(col)) + (rowOpen ? '' : String(row));
    const a = ref(this._col, this._row, o.startCol, o.startRow);
    if (this._nr === 1 && this._nc === 1 && !this._open) return a;
    return `${a}:${ref(this._col + this._nc - 1, this._row + this._nr - 1, o.endCol, o.endRow)}`;
  }
  isStartRowBounded(): boolean {
    return !this._open?.startRow;
  }
  isEndRowBounded(): boolean {
    return !this._open?.endRow;
  }
  isStartColumnBounded(): boolean {
    return !this._open?.startCol;
  }
  isEndColumnBounded(): boolean {
    return !this._open?.endCol;
  }
  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getLastRow(): number {
    return this._row + this._nr - 1;
  }
  getLastColumn(): number {
    return this._col + this._nc - 1;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumColumns(): number {
    return this._nc;
  }
  getHeight(): number {
    return this._nr;
  }
  getWidth(): number {
    return this._nc;
  }
  getSheet(): SheetImpl {
    return this._sheet;
  }
  getGridId(): number {
    return this._sheet._gid;
  }
  getCell(row: number, col: number): RangeImpl {
    if (row < 1 || col < 1 || row > this._nr || col > this._nc) {
      throw scriptError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this._sheet._range(this._row + row - 1, this._col + col - 1, 1, 1);
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number): RangeImpl {
    return this._sheet._range(
      this._row + rowOffset,
      this._col + colOffset,
      numRows ?? this._nr,
      numCols ?? this._nc,
    );
  }
  protect(): ProtectionImpl {
    const p = new ProtectionImpl(this._ctx, this._sheet, 'RANGE', this);
    this._sheet._protections.push(p);
    return p;
  }
  activate(): this {
    this._sheet._ss._activeSheet = this._sheet;
    this._sheet._ss._activeRange = this;
    return this;
  }
  isBlank(): boolean {
    const grid = this._sheet._layers.values;
    for (let i = 0; i < this._nr; i++) {
      const row = grid[this._row - 1 + i];
      if (!row) continue;
      for (let j = 0; j < this._nc; j++) {
        const v = row[this._col - 1 + j];
        if (v !== undefined && v !== '') return false;
      }
    }
    return true;
  }
  insertCheckboxes(checked?: unknown, unchecked?: unknown): this {
    const b = new DataValidationBuilderImpl(this._ctx).requireCheckbox(checked, unchecked).build();
    this._fill('validations', b);
    return this;
  }
  /** Each checkbox cell (0-based sheet coordinates) with its rule; other cells are left out. */
  _checkboxes(): { r: number; c: number; rule: DataValidationImpl }[] {
    const out: { r: number; c: number; rule: DataValidationImpl }[] = [];
    for (let i = 0; i < this._nr; i++) {
      for (let j = 0; j < this._nc; j++) {
        const r = this._row - 1 + i;
        const c = this._col - 1 + j;
        const rule = this._sheet._get('validations', r, c) as DataValidationImpl | undefined;
        if (rule?._type === 'CHECKBOX') out.push({ r, c, rule });
      }
    }
    return out;
  }
  // Range#check, #uncheck, #isChecked, #removeCheckboxes: only cells with a checkbox rule take part.
  check(): this {
    for (const { r, c, rule } of this._checkboxes()) this._sheet._write(r, c, [[rule._checkedValue()]]);
    return this;
  }
  uncheck(): this {
    for (const { r, c, rule } of this._checkboxes()) this._sheet._write(r, c, [[rule._uncheckedValue()]]);
    return this;
  }
  /** true if every cell is a checked checkbox, false if every cell an unchecked one, else null. */
  isChecked(): boolean | null {
    const boxes = this._checkboxes();
    if (boxes.length !== this._nr * this._nc) return null;
    const states = new Set(boxes.map(({ r, c, rule }) => rule._isChecked(this._sheet._get('values', r, c))));
    return states.size === 1 ? [...states][0] === true : null;
  }
  removeCheckboxes(): this {
    for (const { r, c, rule } of this._checkboxes()) {
      const v = this._sheet._get('values', r, c);
      if (rule._isChecked(v) !== undefined) this._sheet._set('values', r, c, undefined);
      this._sheet._set('validations', r, c, undefined);
    }
    return this;
  }
  copyTo(destination: unknown, typeOrOptions?: unknown, transposed?: unknown): void {
    if (!(destination instanceof RangeImpl)) throw signatureError('copyTo', destination);
    if (transposed !== undefined && typeof transposed !== 'boolean') {
      throw scriptError(
        `The parameters (SpreadsheetApp.Range,SpreadsheetApp.CopyPasteType,${typeof transposed}) don't match the method signature for SpreadsheetApp.Range.copyTo.`,
      );
    }
    copyRange(this, destination, typeOrOptions, transposed === true);
  }
  /** See copyFormatTo (./paste) for Google's description and its source. */
  copyFormatToRange(target: unknown, column: number, columnEnd: number, row: number, rowEnd: number): void {
    const sheet =
      typeof target === 'number'
        ? this._sheet._ss._sheets.find((s) => s.getSheetId() === target)
        : target && typeof target === 'object' && '_ss' in target
          ? (target as SheetImpl)
          : undefined;
    const numbers = [column, columnEnd, row, rowEnd].every((n) => typeof n === 'number');
    if (!sheet || !numbers)
      throw scriptError(
        `The parameters (${typeof target},${[column, columnEnd, row, rowEnd].map((n) => typeof n).join(',')}) don't match the method signature for SpreadsheetApp.Range.copyFormatToRange.`,
      );
    copyFormatTo(this, sheet, column, columnEnd, row, rowEnd);
  }
  sort(spec: SortSpec | SortSpec[]): this {
    sortRows(this, spec);
    return this;
  }
  removeDuplicates(columnsToCompare?: number[]): RangeImpl {
    return removeDuplicateRows(this, columnsToCompare);
  }
}
// Borders, merges, fonts' family and line are not modelled: better a loud error than a silent no-op.
notImplemented(RangeImpl, 'Range', [
  'setBorder',
  'merge',
  'mergeAcross',
  'mergeVertically',
  'breakApart',
  'setFontFamily',
  'setFontFamilies',
  'setFontLine',
  'setFontLines',
  'copyValuesToRange',
  'setFormulaR1C1',
  'setFormulasR1C1',
  'getFormulaR1C1',
  'getFormulasR1C1',
  'randomize',
  'trimWhitespace',
  'createFilter',
  'getFilter',
  'getMergedRanges',
  'getRichTextValue',
  'getRichTextValues',
  'setRichTextValue',
  'setRichTextValues',
  'setTextRotation',
  'setTextDirection',
  'setVerticalText',
  'setShowHyperlink',
  'autoFill',
  'shiftRowGroupDepth',
  'shiftColumnGroupDepth',
  'splitTextToColumns',
  'moveTo',
  'deleteCells',
  'insertCells',
  'getNextDataCell',
  'getDataRegion',
]);

countCalls(RangeImpl, 'Range');
