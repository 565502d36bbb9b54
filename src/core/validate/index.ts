import { parseSettings } from '../settings/parse';
import type { Settings } from '../settings/schema';
import { SHEETS, type SheetKey } from '../sheets';
import type { TableLayout } from '../table/mapping';
import type { Day } from '../time';
import { checkColumns, type Fix, type SheetView } from './columns';
import type { Rule, RuleContext } from './context';
import { makeProblem, quote, type Problem } from './problem';
import { assetRules } from './rules/assets';
import { certificateRules, purchaseRules, sampleRules } from './rules/canteen';
import { paymentRules, spendingRules } from './rules/fees';
import { resultRules, scheduleRules } from './rules/inspections';
import { repairRules } from './rules/repairs';
import { dutyRules } from './rules/duty';
import { rosterRules } from './rules/roster';
import { movementRules } from './rules/stock';
import { settingLabel } from '../settings/parse';

export interface WorkbookInput {
  /** The spreadsheet's time zone (the school's), never the process's. */
  readonly timeZone: string;
  readonly settings: Settings;
  readonly today: Day;
  /** Sheets as read: all rows, header first. A sheet left out is not checked (and its lookups are skipped). */
  readonly tables: Partial<Record<SheetKey, { layout: TableLayout; values: unknown[][] }>>;
}

export interface WorkbookCheck {
  /** In sheet order, then row order. */
  readonly problems: Problem[];
  readonly fixes: Fix[];
  /** Records checked per sheet (blank rows not counted). */
  readonly rows: Partial<Record<SheetKey, number>>;
  /** The problems of each sheet that has some, in row order (`problems` is these, sheet after sheet). */
  readonly bySheet: ReadonlyMap<SheetKey, readonly Problem[]>;
  /** Each sheet's records as the check typed them (every sheet given, reported on or not). */
  readonly views: ReadonlyMap<SheetKey, SheetView>;
}

/** Sheets whose records are checked: the office's data, not Settings (a list) or sheets Houqin rebuilds. */
export const CHECKED_SHEETS: readonly SheetKey[] = SHEETS.filter(
  (s) => !s.generated && s.key !== 'settings',
).map((s) => s.key);

export const RULES: readonly Rule[] = [
  assetRules,
  repairRules,
  scheduleRules,
  resultRules,
  movementRules,
  paymentRules,
  rosterRules,
  sampleRules,
  purchaseRules,
  certificateRules,
  dutyRules,
  spendingRules,
];

/** The sheets to read so that `sheet` can be checked completely (itself and what its rules look up). */
export function sheetsNeededFor(sheet: SheetKey): SheetKey[] {
  const out = new Set<SheetKey>([sheet]);
  for (const rule of RULES) if (rule.sheet === sheet) for (const s of rule.needs) out.add(s);
  return [...out];
}

function settingProblems(values: unknown[][]): Problem[] {
  return parseSettings(values).problems.map((p) =>
    makeProblem(
      'settings',
      p.row,
      'value',
      'badSetting',
      { setting: (lang) => settingLabel(lang, p.key), value: quote(p.value) },
      'warning',
    ),
  );
}

/**
 * Checks the sheets given: per-column rules from the declarations, then the cross-row and
 * cross-sheet rules of the domain. Pure; never throws on cell content; every record is checked.
 * `only` limits the sheets reported on (lookups still use every table given).
 */
export function checkWorkbook(input: WorkbookInput, only?: readonly SheetKey[]): WorkbookCheck {
  const report = new Set<SheetKey>(only ?? CHECKED_SHEETS);
  const views = new Map<SheetKey, SheetView>();
  // Each sheet's problems as they come (its columns' rules, then each domain rule), kept apart:
  // ordered by row per sheet at the end, with no list across sheets to group again.
  const bySheet = new Map<SheetKey, Problem[]>();
  const fixes: Fix[] = [];
  const rows: Partial<Record<SheetKey, number>> = {};
  for (const key of CHECKED_SHEETS) {
    const table = input.tables[key];
    if (!table) continue;
    const checked = checkColumns(table.layout, table.values, input.timeZone);
    views.set(key, checked.view);
    if (!report.has(key)) continue;
    rows[key] = checked.view.rows.length;
    bySheet.set(key, checked.problems);
    // Not push(...): tens of thousands of arguments.
    for (const f of checked.fixes) fixes.push(f);
  }
  const ctx: RuleContext = {
    settings: input.settings,
    today: input.today,
    timeZone: input.timeZone,
    view: (key) => views.get(key),
  };
  for (const rule of RULES) {
    if (!report.has(rule.sheet)) continue;
    const found = rule.check(ctx);
    if (!found.length) continue;
    const list = bySheet.get(rule.sheet);
    if (!list) bySheet.set(rule.sheet, found);
    else for (let i = 0; i < found.length; i++) list.push(found[i]!);
  }
  const settings = input.tables.settings;
  if (settings && (only === undefined || report.has('settings'))) {
    const found = settingProblems(settings.values);
    if (found.length) bySheet.set('settings', found);
  }
  // Sheet order, then row order, each sheet's problems otherwise as they came: a stable sort by
  // row of each sheet's list, which holds a few runs already in row order.
  const problems: Problem[] = [];
  for (const { key } of SHEETS) {
    const list = bySheet.get(key);
    if (!list) continue;
    list.sort(byRow);
    for (let i = 0; i < list.length; i++) problems.push(list[i]!);
  }
  return { problems, fixes, rows, bySheet, views };
}

const byRow = (a: Problem, b: Problem): number => a.row - b.row;

/** Every problem in the workbook, in sheet then row order. */
export function validateWorkbook(input: WorkbookInput): Problem[] {
  return checkWorkbook(input).problems;
}

export type { Problem, Bilingual, ProblemCode } from './problem';
export { messageIn } from './problem';
export type { Fix, SheetView } from './columns';

// What the shell imports of this concern, through this index (eslint houqin/layer-imports).
export * from './check-all';
export * from './dialog';
export * from './edit';
export * from './fixes';
export * from './marks';
export * from './report';
