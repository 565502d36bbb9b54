import type { Settings } from '../settings/schema';
import type { EnumKey, SheetKey } from '../sheets';
import type { Typed } from '../table/cells';
import { labelKey } from '../table/labels';
import { text, type TypedRecord } from '../table/record';
import { isDate, localParts, type Day } from '../time';
import type { SheetView } from './columns';
import {
  header,
  label,
  makeProblem,
  quote,
  shareTexts,
  sheetTitle,
  whenValue,
  type Param,
  type Problem,
  type ProblemCode,
} from './problem';

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

/** What a row rule has at hand beside the record it checks. */
export interface RowScope<L> {
  readonly ctx: RuleContext;
  readonly view: SheetView;
  /** What the rule looked up once, before the rows (other sheets' keys, settings). */
  readonly found: L;
  /** Whether the sheet has every one of `columns`: a check on a missing column stays silent. */
  has(...columns: string[]): boolean;
  /** The header of one of the sheet's columns, as a message parameter. */
  col(column: string): Param;
  /** A problem on the record's row. */
  problem(
    record: TypedRecord,
    column: string,
    code: ProblemCode,
    params: Readonly<Record<string, Param>>,
    severity?: 'error' | 'warning',
  ): Problem;
  /**
   * `column` left empty while the record's `whenColumn` holds the value (of drop-down `list`) that
   * requires it. The caller has checked that value.
   */
  requiredWhen(
    record: TypedRecord,
    column: string,
    whenColumn: string,
    list: EnumKey,
    severity?: 'error' | 'warning',
  ): Problem[];
  /** The record names, in `column`, a key another sheet lacks (see `missingReference`). */
  reference(
    record: TypedRecord,
    column: string,
    keys: { has(key: string): boolean } | null,
    target: SheetKey,
  ): Problem[];
}

export interface Lookup {
  readonly sheet: SheetKey;
  readonly columns: readonly string[];
  /** Whether an edited row (typed) looks it up. */
  when(values: TypedRecord['v']): boolean;
}

/** A lookup wanted by rows naming something in `column`. */
export const lookupBy = (column: string, sheet: SheetKey, columns: readonly string[]): Lookup => ({
  sheet,
  columns,
  when: (values) => nameKey(values[column]) !== null,
});

/** How a rule on the records of one sheet is declared: only its domain checks, no set-up. */
export interface RowRuleSpec<L> {
  /** The sheet whose rows it reports on. */
  readonly sheet: SheetKey;
  /** Other sheets it looks up. */
  readonly needs?: readonly SheetKey[];
  /** Columns without which the rule says nothing. */
  readonly requires?: readonly string[];
  /** Looked up once before the rows; null keeps the rule silent (nothing to check against). */
  readonly prepare?: (ctx: RuleContext) => L | null;
  /** What an edit of a few rows reads of other sheets for this rule (see Rule.lookups). */
  readonly lookups?: readonly Lookup[];
  /** Columns of its own sheet the rule reads across rows (see Rule.across). */
  readonly across?: Rule['across'];
  /** The problems of one record. */
  readonly row?: (record: TypedRecord, at: RowScope<L>) => readonly Problem[];
  /** Problems across the records (running balances), after the rows. */
  readonly rows?: (records: readonly TypedRecord[], at: RowScope<L>) => readonly Problem[];
}

/**
 * A rule over the records of one sheet: views the sheet, stays silent when it was not read or lacks
 * the columns the rule requires, looks up what the rule prepares, then checks each record.
 */
export function rowRule<L = null>(spec: RowRuleSpec<L>): Rule {
  const { sheet } = spec;
  return {
    sheet,
    needs: spec.needs ?? [],
    ...(spec.lookups ? { lookups: spec.lookups } : {}),
    ...(spec.across ? { across: spec.across } : {}),
    check(ctx) {
      const view = ctx.view(sheet);
      if (!view || !has(view, ...(spec.requires ?? []))) return [];
      const prepared = spec.prepare ? spec.prepare(ctx) : null;
      if (spec.prepare && prepared === null) return [];
      const references: SharedReferences = new Map();
      const at: RowScope<L> = {
        ctx,
        view,
        found: prepared as L,
        has: (...columns) => has(view, ...columns),
        col: (column) => header(sheet, column),
        problem: (record, column, code, params, severity) =>
          makeProblem(sheet, record.row, column, code, params, severity),
        requiredWhen: (record, column, whenColumn, list, severity) =>
          has(view, column) && record.v[column] === null
            ? [
                makeProblem(
                  sheet,
                  record.row,
                  column,
                  'requiredWhen',
                  {
                    column: header(sheet, column),
                    when: whenValue(sheet, whenColumn, label(list, String(record.v[whenColumn]))),
                  },
                  severity,
                ),
              ]
            : [],
        reference: (record, column, keys, target) =>
          missingReference(sheet, record, column, keys, target, references),
      };
      const out: Problem[] = [];
      // Not push(...) (a spread per row), and by index, not for…of: no iterator per row.
      const row = spec.row;
      const records = view.rows;
      if (row)
        for (let i = 0; i < records.length; i++) {
          const found = row(records[i]!, at);
          for (let j = 0; j < found.length; j++) out.push(found[j]!);
        }
      if (spec.rows) for (const p of spec.rows(view.rows, at)) out.push(p);
      return out;
    },
  };
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
    const k = nameKey(r.v[column]);
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
  { row, v }: TypedRecord,
  column: string,
  keys: { has(key: string): boolean } | null,
  target: SheetKey,
  shared?: SharedReferences,
): Problem[] {
  const key = nameKey(v[column]);
  if (!keys || key === null || keys.has(key)) return [];
  const value = v[column];
  let params = shared?.get(column)?.get(target)?.get(value);
  if (params === undefined) {
    params = { column: header(sheet, column), value: quote(value), sheet: sheetTitle(target) };
    if (shared) keepReference(shared, column, target, value, params);
  }
  return [makeProblem(sheet, row, column, 'notInSheet', params)];
}

/**
 * The parameters of the missing references a rule has met, by column, sheet looked in and value:
 * the same unknown custodian or item on thousands of rows makes one text per language, which its
 * problems share (see shareTexts).
 */
export type SharedReferences = Map<string, Map<SheetKey, Map<unknown, Readonly<Record<string, Param>>>>>;

/** Past this many distinct values per column and sheet, references are no longer shared. */
const REFERENCES_KEPT = 4_096;

function keepReference(
  shared: SharedReferences,
  column: string,
  target: SheetKey,
  value: unknown,
  params: Readonly<Record<string, Param>>,
): void {
  let byTarget = shared.get(column);
  if (!byTarget) shared.set(column, (byTarget = new Map()));
  let byValue = byTarget.get(target);
  if (!byValue) byTarget.set(target, (byValue = new Map()));
  if (byValue.size < REFERENCES_KEPT) byValue.set(value, shareTexts('notInSheet', params));
}

/** Whether the sheet has every one of `columns`: a rule on a missing column stays silent. */
export function has(view: SheetView, ...columns: string[]): boolean {
  // A loop, not every(): rules ask it of each row (through `at.has` and `requiredWhen`).
  const index = view.layout.index;
  for (let i = 0; i < columns.length; i++) if (index[columns[i]!] === undefined) return false;
  return true;
}
