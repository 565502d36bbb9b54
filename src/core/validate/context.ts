import type { Settings } from '../settings/schema';
import type { SheetKey } from '../sheets';
import type { Typed } from '../table/cells';
import { labelKey } from '../table/labels';
import { isDate, localParts, type Day } from '../time';
import type { RowView, SheetView } from './columns';
import { header, makeProblem, quote, sheetTitle, type Problem } from './problem';

/** What a cross-row rule sees: typed rows of every sheet that was read, settings and today. */
export interface RuleContext {
  readonly settings: Settings;
  readonly today: Day;
  readonly timeZone: string;
  view(key: SheetKey): SheetView | undefined;
}

/** A rule written by hand beside the declarations: the domain's checks across rows and sheets. */
export interface Rule {
  /** The sheet whose rows it reports on. */
  readonly sheet: SheetKey;
  /** Other sheets it looks up (read too when a single row of `sheet` is checked on edit). */
  readonly needs: readonly SheetKey[];
  /**
   * What checking a few edited rows needs of other sheets: the columns looked up, read only when
   * some edited row could use them (`when`). Whole sheets are read by Check all sheets instead.
   */
  readonly lookups?: readonly Lookup[];
  /**
   * Columns of the rule's own sheet it reads across rows (the stock balance): on an edit, the rows
   * sharing `key` with an edited row are read in these columns.
   */
  readonly across?: { readonly key: string; readonly columns: readonly string[] };
  check(ctx: RuleContext): Problem[];
}

export interface Lookup {
  readonly sheet: SheetKey;
  readonly columns: readonly string[];
  /** Whether an edited row (typed) looks it up. */
  when(values: RowView['values']): boolean;
}

/** A lookup wanted by rows naming something in `column`. */
export const lookupBy = (column: string, sheet: SheetKey, columns: readonly string[]): Lookup => ({
  sheet,
  columns,
  when: (values) => nameKey(values[column]) !== null,
});

export function text(value: Typed | null | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function num(value: Typed | null | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

export function day(value: Typed | null | undefined): Day | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export function instant(value: Typed | null | undefined): Date | null {
  return isDate(value) ? value : null;
}

/** Names (people, suppliers) compare as a person reads them. */
export function nameKey(value: Typed | null | undefined): string | null {
  const t = text(value);
  return t === null ? null : labelKey(t);
}

/** A value as a message shows it: days as 2026-03-05, instants as 2026-03-05 08:30 in the school's zone. */
export function shown(value: Typed | null | undefined, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) {
    const p = localParts(value, timeZone);
    return `${p.day} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  }
  return String(value);
}

/** The set of keys a column of another sheet holds, or null when that sheet or column is absent. */
export function keysOf(view: SheetView | undefined, column: string): Set<string> | null {
  if (!view || view.layout.index[column] === undefined) return null;
  const out = new Set<string>();
  for (const r of view.rows) {
    const k = nameKey(r.values[column]);
    if (k !== null) out.add(k);
  }
  return out;
}

/**
 * A row naming, in `column`, a key another sheet lacks: a custodian not on the Roster, an item not
 * among the Stock items. None when the key is there or empty, or when there is nothing to look in.
 */
export function missingReference(
  sheet: SheetKey,
  { row, values }: RowView,
  column: string,
  keys: { has(key: string): boolean } | null,
  target: SheetKey,
): Problem[] {
  const key = nameKey(values[column]);
  if (!keys || key === null || keys.has(key)) return [];
  return [
    makeProblem(sheet, row, column, 'notInSheet', {
      column: header(sheet, column),
      value: quote(values[column]),
      sheet: sheetTitle(target),
    }),
  ];
}

/** Whether the sheet has every one of `columns`: a rule on a missing column stays silent. */
export function has(view: SheetView, ...columns: string[]): boolean {
  return columns.every((c) => view.layout.index[c] !== undefined);
}

export type { RowView };
