import { nextDue, parseFrequency, schoolCalendarFrom } from '../calendar';
import { stockBalances } from '../domain/stock';
import { messages } from '../i18n';
import type { Lang } from '../lang';
import { movementsOf } from '../overdue/expiry';
import { typedRecords, type SourceTable } from '../table/record';
import type { SheetKey } from '../sheets';
import type { Day } from '../time';
import { ACTION_CHECKS, type Checked } from './check';
import type { ActionKey } from './forms';
import * as records from './records';
import type { ActionContext, Outcome } from './records';

/** The sheets an action reads, as the shell read them (one getValues each); a missing sheet is absent. */
export type Tables<R extends SheetKey = SheetKey> = { readonly [K in R]?: SourceTable };

/** An action's checked input, ready to run on the sheets it reads. */
export type Plan = (ctx: ActionContext, tables: Tables) => Outcome;

/**
 * A quick action as the shell sees it: the sheets to read (those it writes among them) and the
 * check of what the page sent, which gives either the field errors or the plan to run.
 */
export interface QuickAction {
  readonly reads: readonly SheetKey[];
  check(input: unknown, today: Day, lang: Lang): Checked<Plan>;
}

/** One action, typed by its own input and the sheets it reads. */
interface ActionDef<I, R extends SheetKey> {
  readonly reads: readonly R[];
  check(input: unknown, today: Day, lang: Lang): Checked<I>;
  plan(input: I, ctx: ActionContext, tables: Tables<R>): Outcome;
}

/** Every sheet an outcome writes must be there: on a workbook not set up, nothing is written. */
function settled(outcome: Outcome, tables: Tables, lang: Lang): Outcome {
  if (!outcome.ok) return outcome;
  const written = [...outcome.append, ...outcome.update].map((part) => part.sheet);
  return written.every((sheet) => tables[sheet])
    ? outcome
    : { ok: false, errors: { '': messages(lang).errors.notSetUp } };
}

function define<I, R extends SheetKey>(def: ActionDef<I, R>): QuickAction {
  return {
    reads: def.reads,
    check(input, today, lang) {
      const read = def.check(input, today, lang);
      if (!read.ok) return read;
      return {
        ok: true,
        values: (ctx, tables) => settled(def.plan(read.values, ctx, tables), tables, ctx.lang),
      };
    },
  };
}

const rows = (table: SourceTable | undefined, ctx: ActionContext) => typedRecords(table, ctx.timeZone);

/**
 * The quick actions: for each, the sheets it reads, the schema its input passes (the page runs the
 * same check), and the records it produces from what it read.
 */
export const QUICK_ACTIONS: Record<ActionKey, QuickAction> = {
  reportRepair: define({
    reads: ['repairs', 'assets'],
    check: ACTION_CHECKS.reportRepair,
    plan: (v, ctx, t) => records.reportRepair(v, ctx, rows(t.repairs, ctx), rows(t.assets, ctx)),
  }),
  completeRepair: define({
    reads: ['repairs'],
    check: ACTION_CHECKS.completeRepair,
    plan: (v, ctx, t) => records.completeRepair(v, ctx, rows(t.repairs, ctx)),
  }),
  recordInspection: define({
    reads: ['inspectionSchedules', 'inspectionResults', 'schoolYear'],
    check: ACTION_CHECKS.recordInspection,
    plan: (v, ctx, t) => {
      const calendar = schoolCalendarFrom(t.schoolYear?.rows ?? [], ctx.timeZone);
      return records.recordInspection(v, ctx, rows(t.inspectionSchedules, ctx), (schedule, doneOn) => {
        const freq = parseFrequency(schedule.v.frequency);
        return freq.ok ? nextDue(freq.frequency, calendar, doneOn, doneOn) : null;
      });
    },
  }),
  stockMove: define({
    reads: ['stockItems', 'stockMovements'],
    check: ACTION_CHECKS.stockMove,
    plan: (v, ctx, t) => {
      const movements = rows(t.stockMovements, ctx);
      const balances = stockBalances(movementsOf(movements));
      return records.stockMove(v, ctx, rows(t.stockItems, ctx), movements, (id) => balances.get(id) ?? 0);
    },
  }),
  takeFee: define({
    reads: ['feeItems', 'feePayments'],
    check: ACTION_CHECKS.takeFee,
    plan: ({ values, deposited }, ctx, t) =>
      records.takeFee(values, deposited, ctx, rows(t.feeItems, ctx), rows(t.feePayments, ctx)),
  }),
  canteenDaily: define({
    reads: ['canteenSamples', 'canteenDisinfection'],
    check: ACTION_CHECKS.canteenDaily,
    plan: (c, ctx) => records.canteenDaily(c.meal, c.samples, c.disinfection, ctx),
  }),
  recordDrill: define({
    reads: ['drills'],
    check: ACTION_CHECKS.recordDrill,
    plan: (v, ctx) => records.recordDrill(v, ctx),
  }),
};
