/** Data validation: the rule builder, built rules, and which stored values a rule accepts. */
import { Base, countCalls, Ctx, scriptError } from './context';
import type { Cell } from './layers';
import type { RangeImpl } from './range';
import { instantToSerial, isDateLike } from './tz';

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
  // A checkbox rule's states: requireCheckbox() is TRUE/FALSE, requireCheckbox(a) is a/'' and
  // requireCheckbox(a, b) is a/b (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requirecheckbox).
  _checkedValue(): unknown {
    return this._values.length === 0 ? true : this._values[0];
  }
  _uncheckedValue(): unknown {
    return this._values.length === 0 ? false : this._values.length === 1 ? '' : this._values[1];
  }
  /** true / false for a stored value in the checked / unchecked state, undefined for any other value. */
  _isChecked(v: unknown): boolean | undefined {
    const same = (x: unknown): boolean => x === v || (v !== undefined && String(x) === String(v));
    const unchecked = this._uncheckedValue();
    if (same(this._checkedValue())) return true;
    // an empty checkbox cell shows an unchecked box
    if (v === undefined || v === '' || same(unchecked)) return false;
    return undefined;
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
  getCriteriaType(): string | null {
    return this._type ?? null;
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

countCalls(DataValidationImpl, 'DataValidation');
countCalls(DataValidationBuilderImpl, 'DataValidationBuilder');
