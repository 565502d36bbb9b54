/** Conditional format rules: stored and read back, never applied to cells. */
import { Base, countCalls, Ctx } from './context';
import type { RangeImpl } from './range';

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

countCalls(ConditionalFormatRuleImpl, 'ConditionalFormatRule');
countCalls(ConditionalFormatRuleBuilderImpl, 'ConditionalFormatRuleBuilder');
countCalls(BooleanConditionImpl, 'BooleanCondition');
