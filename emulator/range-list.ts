/** Sheet.getRangeList's RangeList: one call applying a Range setter to many ranges. */
import { Base, countCalls, Ctx, notImplemented } from './context';
import type { RangeImpl } from './range';

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
  /** true if every range reads checked, false if every range unchecked, else null (as Range#isChecked). */
  isChecked(): boolean | null {
    const states = new Set(this._ranges.map((r) => r.isChecked()));
    return states.size === 1 ? ([...states][0] ?? null) : null;
  }
}

/**
 * RangeList's setters and clearers (https://developers.google.com/apps-script/reference/spreadsheet/range-list):
 * each applies the Range method of that name to every range and returns the list. One RangeList call is one
 * service call, however many ranges it holds.
 */
const RANGE_LIST_SETTERS = [
  'activate',
  'breakApart',
  'check',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'clearNote',
  'insertCheckboxes',
  'removeCheckboxes',
  'setBackground',
  'setBackgroundRGB',
  'setBorder',
  'setFontColor',
  'setFontFamily',
  'setFontLine',
  'setFontSize',
  'setFontStyle',
  'setFontWeight',
  'setFormula',
  'setHorizontalAlignment',
  'setNote',
  'setNumberFormat',
  'setValue',
  'setVerticalAlignment',
  'setWrap',
  'setWrapStrategy',
  'uncheck',
] as const;
for (const name of RANGE_LIST_SETTERS) {
  Object.defineProperty(RangeListImpl.prototype, name, {
    value: function (this: RangeListImpl, ...args: unknown[]): RangeListImpl {
      for (const r of this._ranges) {
        const method = (r as unknown as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
        method.apply(r, args);
      }
      return this;
    },
    writable: true,
    configurable: true,
  });
}
notImplemented(RangeListImpl, 'RangeList', [
  'setFormulaR1C1',
  'setShowHyperlink',
  'setTextDirection',
  'setTextRotation',
  'setVerticalText',
  'trimWhitespace',
]);

countCalls(RangeListImpl, 'RangeList');
