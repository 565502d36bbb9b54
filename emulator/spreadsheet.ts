/** SpreadsheetApp's document model: Spreadsheet, Sheet, Range, data validation, protections, rules. */
import { Base, countCalls, Ctx, scriptError } from './context';
import { DEFAULT_NUMBER_FORMAT, displayValue, isDateFormat, typeInput, Typed } from './format';
import { instantToSerial, isDateLike, serialToInstant } from './tz';

export type Cell = string | number | boolean;
type Grid<T> = (T[] | undefined)[];

const LAYERS = [
  'values',
  'formulas',
  'formats',
  'notes',
  'backgrounds',
  'fontWeights',
  'fontColors',
  'fontStyles',
  'fontSizes',
  'validations',
  'wraps',
  'hAligns',
  'vAligns',
] as const;
type LayerName = (typeof LAYERS)[number];
/** Layers a newly inserted row/column copies from its neighbour (formatting, not content). */
const INHERITED: LayerName[] = [
  'formats',
  'backgrounds',
  'fontWeights',
  'fontColors',
  'fontStyles',
  'fontSizes',
  'validations',
  'wraps',
  'hAligns',
  'vAligns',
];
const FORMAT_LAYERS: LayerName[] = INHERITED.filter((l) => l !== 'validations');

export const DataValidationCriteria = {
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
} as const;

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export const WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;
export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_AFTER: 'DATE_AFTER',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
} as const;

// ---------------------------------------------------------------------------------------------------------
// A1 notation

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

interface A1 {
  sheetName?: string;
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

function rangeNotFound(): Error {
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

// ---------------------------------------------------------------------------------------------------------
// Data validation

export type CriteriaType = keyof typeof DataValidationCriteria;

export class DataValidationImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _type: CriteriaType,
    readonly _values: unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string | null,
  ) {
    super(ctx);
  }
  getCriteriaType(): string {
    return this._type;
  }
  getCriteriaValues(): unknown[] {
    return [...this._values];
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getHelpText(): string | null {
    return this._helpText;
  }
  copy(): DataValidationBuilderImpl {
    const b = new DataValidationBuilderImpl(this._ctx);
    b._type = this._type;
    b._values = [...this._values];
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return b;
  }
  /** Whether a stored cell value satisfies the rule ('' always does). */
  _accepts(v: Cell, isDate: boolean): boolean {
    if (v === '') return true;
    const vals = this._values;
    const num = (i: number): number => {
      const x = vals[i];
      return isDateLike(x) ? instantToSerial(x.getTime(), this._ctx.spreadsheetTimeZone) : Number(x);
    };
    const text = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
    switch (this._type) {
      case 'VALUE_IN_LIST':
        return ((vals[0] as unknown[]) ?? []).some((x) => String(x) === text);
      case 'VALUE_IN_RANGE': {
        const r = vals[0] as RangeImpl | undefined;
        if (!r) return true;
        return r._displayGrid().some((row) => row.includes(text));
      }
      case 'CHECKBOX':
        if (vals.length === 0) return typeof v === 'boolean';
        return vals.some((x) => x === v || String(x) === text);
      case 'NUMBER_BETWEEN':
        return typeof v === 'number' && v >= num(0) && v <= num(1);
      case 'NUMBER_NOT_BETWEEN':
        return typeof v === 'number' && (v < num(0) || v > num(1));
      case 'NUMBER_EQUAL_TO':
        return typeof v === 'number' && v === num(0);
      case 'NUMBER_NOT_EQUAL_TO':
        return typeof v === 'number' && v !== num(0);
      case 'NUMBER_GREATER_THAN':
        return typeof v === 'number' && v > num(0);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v >= num(0);
      case 'NUMBER_LESS_THAN':
        return typeof v === 'number' && v < num(0);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return typeof v === 'number' && v <= num(0);
      case 'DATE_IS_VALID_DATE':
        return typeof v === 'number' && isDate;
      case 'DATE_AFTER':
        return typeof v === 'number' && isDate && Math.floor(v) > Math.floor(num(0));
      case 'DATE_BEFORE':
        return typeof v === 'number' && isDate && Math.floor(v) < Math.floor(num(0));
      case 'DATE_ON_OR_AFTER':
        return typeof v === 'number' && isDate && Math.floor(v) >= Math.floor(num(0));
      case 'DATE_ON_OR_BEFORE':
        return typeof v === 'number' && isDate && Math.floor(v) <= Math.floor(num(0));
      case 'DATE_EQUAL_TO':
        return typeof v === 'number' && isDate && Math.floor(v) === Math.floor(num(0));
      case 'DATE_BETWEEN':
        return typeof v === 'number' && isDate && v >= Math.floor(num(0)) && Math.floor(v) <= num(1);
      case 'TEXT_IS_VALID_EMAIL':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
      case 'TEXT_IS_VALID_URL':
        return /^https?:\/\/\S+$/.test(text);
      case 'TEXT_CONTAINS':
        return text.includes(String(vals[0]));
      case 'TEXT_DOES_NOT_CONTAIN':
        return !text.includes(String(vals[0]));
      case 'TEXT_EQUAL_TO':
        return text === String(vals[0]);
      default:
        return true; // CUSTOM_FORMULA and others cannot be evaluated by the emulator
    }
  }
}

export class DataValidationBuilderImpl extends Base {
  _type: CriteriaType | undefined;
  _values: unknown[] = [];
  _allowInvalid = true;
  _helpText: string | null = null;
  private _set(type: CriteriaType, values: unknown[]): this {
    this._type = type;
    this._values = values;
    return this;
  }
  build(): DataValidationImpl {
    if (!this._type)
      throw scriptError('You must specify a criteria type before building a data validation rule.');
    return new DataValidationImpl(this._ctx, this._type, this._values, this._allowInvalid, this._helpText);
  }
  copy(): DataValidationBuilderImpl {
    const b = new DataValidationBuilderImpl(this._ctx);
    Object.assign(b, { _type: this._type, _values: [...this._values] });
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return b;
  }
  getCriteriaType(): string | undefined {
    return this._type;
  }
  getCriteriaValues(): unknown[] {
    return [...this._values];
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getHelpText(): string | null {
    return this._helpText;
  }
  setAllowInvalid(allow: boolean): this {
    this._allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): this {
    this._helpText = String(text);
    return this;
  }
  withCriteria(type: CriteriaType, values: unknown[]): this {
    return this._set(type, [...values]);
  }
  requireValueInList(values: unknown[], showDropdown?: boolean): this {
    if (!Array.isArray(values)) throw scriptError('Invalid argument: values');
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }
  requireValueInRange(range: RangeImpl, showDropdown?: boolean): this {
    return this._set('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const v = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this._set('CHECKBOX', v);
  }
  requireNumberBetween(a: number, b: number): this {
    return this._set('NUMBER_BETWEEN', [a, b]);
  }
  requireNumberNotBetween(a: number, b: number): this {
    return this._set('NUMBER_NOT_BETWEEN', [a, b]);
  }
  requireNumberEqualTo(a: number): this {
    return this._set('NUMBER_EQUAL_TO', [a]);
  }
  requireNumberNotEqualTo(a: number): this {
    return this._set('NUMBER_NOT_EQUAL_TO', [a]);
  }
  requireNumberGreaterThan(a: number): this {
    return this._set('NUMBER_GREATER_THAN', [a]);
  }
  requireNumberGreaterThanOrEqualTo(a: number): this {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [a]);
  }
  requireNumberLessThan(a: number): this {
    return this._set('NUMBER_LESS_THAN', [a]);
  }
  requireNumberLessThanOrEqualTo(a: number): this {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [a]);
  }
  requireDate(): this {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: Date): this {
    return this._set('DATE_AFTER', [d]);
  }
  requireDateBefore(d: Date): this {
    return this._set('DATE_BEFORE', [d]);
  }
  requireDateOnOrAfter(d: Date): this {
    return this._set('DATE_ON_OR_AFTER', [d]);
  }
  requireDateOnOrBefore(d: Date): this {
    return this._set('DATE_ON_OR_BEFORE', [d]);
  }
  requireDateEqualTo(d: Date): this {
    return this._set('DATE_EQUAL_TO', [d]);
  }
  requireDateBetween(a: Date, b: Date): this {
    return this._set('DATE_BETWEEN', [a, b]);
  }
  requireDateNotBetween(a: Date, b: Date): this {
    return this._set('DATE_NOT_BETWEEN', [a, b]);
  }
  requireTextIsEmail(): this {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireTextContains(t: string): this {
    return this._set('TEXT_CONTAINS', [t]);
  }
  requireTextDoesNotContain(t: string): this {
    return this._set('TEXT_DOES_NOT_CONTAIN', [t]);
  }
  requireTextEqualTo(t: string): this {
    return this._set('TEXT_EQUAL_TO', [t]);
  }
  requireFormulaSatisfied(f: string): this {
    return this._set('CUSTOM_FORMULA', [f]);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Conditional format rules

interface CfState {
  ranges: RangeImpl[];
  type?: string;
  values: unknown[];
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export class BooleanConditionImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _s: CfState,
  ) {
    super(ctx);
  }
  getCriteriaType(): string | undefined {
    return this._s.type;
  }
  getCriteriaValues(): unknown[] {
    return [...this._s.values];
  }
  getBackground(): string | null {
    return this._s.background ?? null;
  }
  getFontColor(): string | null {
    return this._s.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this._s.bold ?? null;
  }
  getItalic(): boolean | null {
    return this._s.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this._s.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this._s.underline ?? null;
  }
}

export class ConditionalFormatRuleImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _s: CfState,
  ) {
    super(ctx);
  }
  getRanges(): RangeImpl[] {
    return [...this._s.ranges];
  }
  getBooleanCondition(): BooleanConditionImpl | null {
    return this._s.type ? new BooleanConditionImpl(this._ctx, this._s) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): ConditionalFormatRuleBuilderImpl {
    const b = new ConditionalFormatRuleBuilderImpl(this._ctx);
    b._s = { ...this._s, ranges: [...this._s.ranges], values: [...this._s.values] };
    return b;
  }
}

export class ConditionalFormatRuleBuilderImpl extends Base {
  _s: CfState = { ranges: [], values: [] };
  private _when(type: string, values: unknown[]): this {
    this._s.type = type;
    this._s.values = values;
    return this;
  }
  build(): ConditionalFormatRuleImpl {
    return new ConditionalFormatRuleImpl(this._ctx, { ...this._s, ranges: [...this._s.ranges] });
  }
  copy(): ConditionalFormatRuleBuilderImpl {
    const b = new ConditionalFormatRuleBuilderImpl(this._ctx);
    b._s = { ...this._s, ranges: [...this._s.ranges], values: [...this._s.values] };
    return b;
  }
  getRanges(): RangeImpl[] {
    return [...this._s.ranges];
  }
  getBooleanCondition(): BooleanConditionImpl | null {
    return this._s.type ? new BooleanConditionImpl(this._ctx, this._s) : null;
  }
  setRanges(ranges: RangeImpl[]): this {
    this._s.ranges = [...ranges];
    return this;
  }
  setBackground(c: string | null): this {
    this._s.background = c;
    return this;
  }
  setFontColor(c: string | null): this {
    this._s.fontColor = c;
    return this;
  }
  setBold(b: boolean | null): this {
    this._s.bold = b;
    return this;
  }
  setItalic(b: boolean | null): this {
    this._s.italic = b;
    return this;
  }
  setStrikethrough(b: boolean | null): this {
    this._s.strikethrough = b;
    return this;
  }
  setUnderline(b: boolean | null): this {
    this._s.underline = b;
    return this;
  }
  whenFormulaSatisfied(f: string): this {
    return this._when('CUSTOM_FORMULA', [f]);
  }
  whenTextEqualTo(t: string): this {
    return this._when('TEXT_EQUAL_TO', [t]);
  }
  whenTextContains(t: string): this {
    return this._when('TEXT_CONTAINS', [t]);
  }
  whenTextDoesNotContain(t: string): this {
    return this._when('TEXT_DOES_NOT_CONTAIN', [t]);
  }
  whenTextStartsWith(t: string): this {
    return this._when('TEXT_STARTS_WITH', [t]);
  }
  whenTextEndsWith(t: string): this {
    return this._when('TEXT_ENDS_WITH', [t]);
  }
  whenCellEmpty(): this {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenNumberGreaterThan(n: number): this {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this._when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberEqualTo(n: number): this {
    return this._when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberBetween(a: number, b: number): this {
    return this._when('NUMBER_BETWEEN', [a, b]);
  }
  whenDateBefore(d: unknown): this {
    return this._when('DATE_BEFORE', [d]);
  }
  whenDateAfter(d: unknown): this {
    return this._when('DATE_AFTER', [d]);
  }
  whenDateEqualTo(d: unknown): this {
    return this._when('DATE_EQUAL_TO', [d]);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Protection

export class ProtectionImpl extends Base {
  _description = '';
  _warningOnly = false;
  _editors: string[] = [];
  _unprotected: RangeImpl[] = [];
  _domainEdit = false;
  constructor(
    ctx: Ctx,
    readonly _sheet: SheetImpl,
    readonly _type: 'RANGE' | 'SHEET',
    readonly _range: RangeImpl,
  ) {
    super(ctx);
    this._editors = [ctx.effectiveUser].filter(Boolean);
  }
  getProtectionType(): string {
    return this._type;
  }
  getRange(): RangeImpl {
    return this._range;
  }
  getDescription(): string {
    return this._description;
  }
  setDescription(d: string): this {
    this._description = String(d);
    return this;
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  setWarningOnly(w: boolean): this {
    this._warningOnly = Boolean(w);
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    return this._editors.map((e) => ({ getEmail: () => e }));
  }
  addEditor(e: string | { getEmail(): string }): this {
    const email = typeof e === 'string' ? e : e.getEmail();
    if (!this._editors.includes(email)) this._editors.push(email);
    return this;
  }
  addEditors(es: string[]): this {
    for (const e of es) this.addEditor(e);
    return this;
  }
  removeEditor(e: string | { getEmail(): string }): this {
    const email = typeof e === 'string' ? e : e.getEmail();
    this._editors = this._editors.filter((x) => x !== email);
    return this;
  }
  removeEditors(es: (string | { getEmail(): string })[]): this {
    for (const e of es) this.removeEditor(e);
    return this;
  }
  canEdit(): boolean {
    return this._warningOnly || this._editors.includes(this._ctx.effectiveUser);
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  setDomainEdit(b: boolean): this {
    this._domainEdit = Boolean(b);
    return this;
  }
  getUnprotectedRanges(): RangeImpl[] {
    return [...this._unprotected];
  }
  setUnprotectedRanges(rs: RangeImpl[]): this {
    this._unprotected = [...rs];
    return this;
  }
  remove(): void {
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Spreadsheet

export class SpreadsheetImpl extends Base {
  _sheets: SheetImpl[] = [];
  _activeSheet: SheetImpl | undefined;
  _activeRange: RangeImpl | undefined;
  _nextGid = 1_000_000_001;
  constructor(
    ctx: Ctx,
    readonly _id: string,
    public _name: string,
  ) {
    super(ctx);
  }
  _defaultSheetName(): string {
    const base = this._ctx.locale.startsWith('zh') ? '工作表' : 'Sheet';
    let i = 1;
    while (this._findSheet(base + i)) i++;
    return base + i;
  }
  _findSheet(name: string): SheetImpl | undefined {
    const lower = String(name).toLowerCase();
    return this._sheets.find((s) => s._name.toLowerCase() === lower);
  }
  _checkNewName(name: string, except?: SheetImpl): void {
    const found = this._findSheet(name);
    if (found && found !== except) {
      throw scriptError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  _addSheet(name: string | undefined, index?: number): SheetImpl {
    const n = name === undefined ? this._defaultSheetName() : String(name);
    this._checkNewName(n);
    const gid = this._sheets.length === 0 ? 0 : this._nextGid++;
    const sheet = new SheetImpl(this._ctx, this, n, gid);
    if (index === undefined || index >= this._sheets.length) this._sheets.push(sheet);
    else this._sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }
  _sheetOrThrow(name: string): SheetImpl {
    const s = this._findSheet(name);
    if (!s) throw rangeNotFound();
    return s;
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  rename(name: string): void {
    this._name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSheets(): SheetImpl[] {
    return [...this._sheets];
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): SheetImpl | null {
    return this._findSheet(name) ?? null;
  }
  getSheetById(id: number): SheetImpl | null {
    return this._sheets.find((s) => s._gid === Number(id)) ?? null;
  }
  insertSheet(a?: unknown, b?: unknown): SheetImpl {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    const sheet = this._addSheet(name, index);
    this._activeSheet = sheet;
    this._activeRange = undefined;
    return sheet;
  }
  deleteSheet(sheet: SheetImpl): void {
    const i = this._sheets.indexOf(sheet);
    if (i < 0) throw scriptError('Sheet not found');
    if (this._sheets.length === 1) {
      throw scriptError("You can't remove all the sheets in a document.");
    }
    this._sheets.splice(i, 1);
    sheet._deleted = true;
    if (this._activeSheet === sheet) this._activeSheet = this._sheets[0];
  }
  getSpreadsheetTimeZone(): string {
    return this._ctx.spreadsheetTimeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this._ctx.spreadsheetTimeZone = String(tz);
  }
  getSpreadsheetLocale(): string {
    return this._ctx.locale;
  }
  setSpreadsheetLocale(l: string): void {
    this._ctx.locale = String(l);
  }
  getActiveSheet(): SheetImpl {
    if (!this._activeSheet || this._activeSheet._deleted) this._activeSheet = this._sheets[0];
    return this._activeSheet as SheetImpl;
  }
  setActiveSheet(sheet: SheetImpl): SheetImpl {
    this._activeSheet = sheet;
    this._activeRange = undefined;
    return sheet;
  }
  getActiveRange(): RangeImpl {
    const sheet = this.getActiveSheet();
    if (this._activeRange && this._activeRange._sheet === sheet) return this._activeRange;
    return new RangeImpl(this._ctx, sheet, 1, 1, 1, 1);
  }
  setActiveRange(range: RangeImpl): RangeImpl {
    this._activeSheet = range._sheet;
    this._activeRange = range;
    return range;
  }
  getActiveCell(): RangeImpl {
    const r = this.getActiveRange();
    return new RangeImpl(this._ctx, r._sheet, r._row, r._col, 1, 1);
  }
  getCurrentCell(): RangeImpl {
    return this.getActiveCell();
  }
  getRange(a1: string): RangeImpl {
    const p = parseA1(a1);
    const sheet = p.sheetName !== undefined ? this._sheetOrThrow(p.sheetName) : this.getActiveSheet();
    return sheet._rangeFromA1(p);
  }
  getRangeByName(_name: string): null {
    return null;
  }
  toast(msg: unknown, title?: unknown, timeout?: number): void {
    const t: { msg: string; title?: string; timeout?: number } = { msg: String(msg) };
    if (title !== undefined) t.title = String(title);
    if (timeout !== undefined) t.timeout = timeout;
    this._ctx.toasts.push(t);
  }
  getOwner(): { getEmail(): string } {
    const e = this._ctx.effectiveUser;
    return { getEmail: () => e };
  }
  getEditors(): { getEmail(): string }[] {
    return [this.getOwner()];
  }
  addEditor(_e: unknown): this {
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Sheet

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
    return this._range(top, left, Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
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
  autoResizeColumns(_start: number, _n: number): this {
    return this;
  }
  autoResizeColumn(_c: number): this {
    return this;
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
  hideColumns(_c: number, _n?: number): void {}
  showColumns(_c: number, _n?: number): void {}
  hideRows(_r: number, _n?: number): void {}
  showRows(_r: number, _n?: number): void {}
}

// ---------------------------------------------------------------------------------------------------------
// Range

type Shape = unknown[][];

function signatureError(method: string, arg: unknown): Error {
  const t = Array.isArray(arg) ? `${typeof arg[0] === 'object' ? 'Object' : typeof arg[0]}[]` : typeof arg;
  return scriptError(
    `The parameters (${t}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
  );
}

export class RangeImpl extends Base {
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
        this._sheet._set(layer, this._row - 1 + i, this._col - 1 + j, v === null || v === '' ? undefined : v);
      }
    }
  }
  _fill(layer: LayerName, v: unknown): void {
    const val = v === null || v === '' ? undefined : v;
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
    return this._writeFormulas(new Array(this._nr).fill(null).map(() => new Array<string>(this._nc).fill(f)));
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
    this._fill('formats', fmt === DEFAULT_NUMBER_FORMAT ? undefined : fmt);
    return this;
  }
  setNumberFormats(fmts: string[][]): this {
    this._setGrid('formats', this._checkShape(fmts, 'setNumberFormats'));
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
    const d = this._checkShape(notes, 'setNotes').map((r) =>
      r.map((n) => (n === null || n === undefined ? '' : String(n))),
    );
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
    this._fill('backgrounds', color === null || /^#?fff(fff)?$|^white$/i.test(color) ? undefined : color);
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    const d = this._checkShape(colors, 'setBackgrounds').map((r) =>
      r.map((c) => (c === null || /^#?fff(fff)?$|^white$/i.test(String(c)) ? undefined : c)),
    );
    this._setGrid('backgrounds', d);
    return this;
  }
  setBackgroundRGB(r: number, g: number, b: number): this {
    const hex = '#' + [r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('');
    this._fill('backgrounds', hex === '#ffffff' ? undefined : hex);
    return this;
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
    this._fill('fontColors', c === null ? undefined : c);
    return this;
  }
  setFontColors(cs: (string | null)[][]): this {
    this._setGrid('fontColors', this._checkShape(cs, 'setFontColors'));
    return this;
  }
  getFontStyle(): string {
    return (this._sheet._get('fontStyles', this._row - 1, this._col - 1) as string | undefined) ?? 'normal';
  }
  setFontStyle(s: string | null): this {
    this._fill('fontStyles', s === 'normal' ? undefined : s);
    return this;
  }
  getFontSize(): number {
    return (this._sheet._get('fontSizes', this._row - 1, this._col - 1) as number | undefined) ?? 10;
  }
  setFontSize(n: number): this {
    this._fill('fontSizes', n);
    return this;
  }
  setFontFamily(_f: string): this {
    return this;
  }
  setFontLine(_l: string): this {
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
  setHorizontalAlignment(a: string | null): this {
    this._fill('hAligns', a ?? undefined);
    return this;
  }
  setHorizontalAlignments(as: (string | null)[][]): this {
    this._setGrid('hAligns', this._checkShape(as, 'setHorizontalAlignments'));
    return this;
  }
  getVerticalAlignment(): string {
    return (this._sheet._get('vAligns', this._row - 1, this._col - 1) as string | undefined) ?? 'bottom';
  }
  setVerticalAlignment(a: string | null): this {
    this._fill('vAligns', a ?? undefined);
    return this;
  }
  setBorder(..._args: unknown[]): this {
    return this;
  }
  merge(): this {
    return this;
  }
  breakApart(): this {
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
    const a = columnToLetters(this._col) + this._row;
    if (this._nr === 1 && this._nc === 1) return a;
    return `${a}:${columnToLetters(this._col + this._nc - 1)}${this._row + this._nr - 1}`;
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
}

/** Sheet.getRangeList: one call that formats many ranges at once. */
export class RangeListImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _ranges: RangeImpl[],
  ) {
    super(ctx);
  }
  getRanges(): RangeImpl[] {
    return [...this._ranges];
  }
  // Each delegates to Range: one RangeList call is one service call, however many ranges it holds.
  setNumberFormat(fmt: string): this {
    for (const r of this._ranges) r.setNumberFormat(fmt);
    return this;
  }
  setFontWeight(w: string | null): this {
    for (const r of this._ranges) r.setFontWeight(w);
    return this;
  }
  setBackground(color: string | null): this {
    for (const r of this._ranges) r.setBackground(color);
    return this;
  }
  clearNote(): this {
    for (const r of this._ranges) r.clearNote();
    return this;
  }
  clearDataValidations(): this {
    for (const r of this._ranges) r.clearDataValidations();
    return this;
  }
  clearContent(): this {
    for (const r of this._ranges) r.clearContent();
    return this;
  }
}

for (const [ctor, name] of [
  [SpreadsheetImpl, 'Spreadsheet'],
  [RangeListImpl, 'RangeList'],
  [SheetImpl, 'Sheet'],
  [RangeImpl, 'Range'],
  [DataValidationImpl, 'DataValidation'],
  [DataValidationBuilderImpl, 'DataValidationBuilder'],
  [ConditionalFormatRuleImpl, 'ConditionalFormatRule'],
  [ConditionalFormatRuleBuilderImpl, 'ConditionalFormatRuleBuilder'],
  [BooleanConditionImpl, 'BooleanCondition'],
  [ProtectionImpl, 'Protection'],
] as const) {
  countCalls(ctor, name);
}
