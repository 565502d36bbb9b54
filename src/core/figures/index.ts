import { repairDeadline } from '../domain/repairs';
import { applyMovement } from '../domain/stock';
import { movementsOf } from '../overdue/expiry';
import { recordsOf } from '../overdue/typed';
import { day, instant, num, str, type TypedRecord } from '../table/record';
import type { OverdueInput } from '../overdue/types';
import type { Settings } from '../settings/schema';
import { addDays, dayOf, instantOf, timeOf, weekday, type Day } from '../time';

/**
 * The office's weekly figures, computed in one place so the digest, the sidebar dashboard and the
 * monthly report never disagree. Flows (reported, fixed, done, due) count what happened in the
 * week; states (overdue, open, low) are taken at the week's end (Monday 00:00 school time).
 */
export interface WeekFigures {
  /** Monday and Sunday of the school week. */
  readonly from: Day;
  readonly to: Day;
  /** False for weeks before the first record anywhere: there is nothing to compare with. */
  readonly hasData: boolean;
  readonly repairsReported: number;
  readonly repairsFixed: number;
  readonly overdueRepairs: number;
  readonly hazardsOpen: number;
  /** Open hazards whose fix deadline had passed. */
  readonly hazardsLate: number;
  /** Inspection tasks due in the week, and how many of them are done. */
  readonly inspectionsPlanned: number;
  readonly inspectionsDone: number;
  readonly lowStock: number;
  /** Payments taken in the week and not deposited the same day: how many, and yuan. */
  readonly feesLate: number;
  readonly feesLateAmount: number;
  /** Tasks due in the week (any source), and how many are done or skipped. */
  readonly tasksDue: number;
  readonly tasksDone: number;
}

/** How many weeks the trends show. */
export const HISTORY_WEEKS = 12;

/** The sheets the figures read, typed once. */
export const FIGURE_SHEETS = [
  'repairs',
  'inspectionResults',
  'tasks',
  'feePayments',
  'stockItems',
  'stockMovements',
] as const;

/** The Monday of the week `d` is in (school weeks start on Monday). */
export function weekStart(d: Day): Day {
  return addDays(d, -((weekday(d) + 6) % 7));
}

type Counter = Exclude<keyof WeekFigures, 'from' | 'to' | 'hasData'>;

const COUNTERS: readonly Counter[] = [
  'repairsReported',
  'repairsFixed',
  'overdueRepairs',
  'hazardsOpen',
  'hazardsLate',
  'inspectionsPlanned',
  'inspectionsDone',
  'lowStock',
  'feesLate',
  'tasksDue',
  'tasksDone',
];

const cents = (yuan: number) => Math.round(yuan * 100);

/**
 * The last `weeks` complete school weeks before the week of `now`, oldest first. Every sheet is
 * walked once: each record adds to the week of its day (flows) or to every week end at which it
 * was in the state (states), so the cost is rows × weeks at most, with no service calls.
 */
export function weeklyHistory(
  input: OverdueInput,
  now: Date,
  settings: Pick<Settings, 'repairHours' | 'contractorHours'>,
  weeks = HISTORY_WEEKS,
): WeekFigures[] {
  const first = addDays(weekStart(dayOf(now, input.timeZone)), -7 * weeks);
  const periods = Array.from({ length: weeks }, (_, k) => {
    const from = addDays(first, 7 * k);
    return { from, to: addDays(from, 6) };
  });
  return periodFigures(input, periods, settings);
}

/** A span of calendar days, both ends included. */
export interface Period {
  readonly from: Day;
  readonly to: Day;
}

/**
 * The same figures for any consecutive periods (the weeks of the digest, the month of the safety
 * report), oldest first and without gaps: flows by the period of their day, states at each period's
 * end (the next day's midnight, school time). One rule for every report that shows these numbers.
 */
export function periodFigures(
  input: OverdueInput,
  periods: readonly Period[],
  settings: Pick<Settings, 'repairHours' | 'contractorHours'>,
): WeekFigures[] {
  const tz = input.timeZone;
  const n = periods.length;
  const read = (key: (typeof FIGURE_SHEETS)[number]) => recordsOf(input, key);
  const first = periods[0]?.from ?? '';
  const last = periods.at(-1)?.to ?? '';
  const starts = periods.map((p) => p.from);
  // The instant each period starts and ends (the next day's midnight), in the school's zone: an
  // instant's calendar day is in a period exactly when the instant lies between the two, so the
  // times of tens of thousands of repairs are placed without asking each one's day.
  const startTimes = periods.map((p) => instantOf(p.from, tz).getTime());
  const ends = periods.map((p) => instantOf(addDays(p.to, 1), tz).getTime());
  const counts = periods.map(
    () => Object.fromEntries([...COUNTERS, 'cents'].map((k) => [k, 0])) as Record<Counter | 'cents', number>,
  );
  let earliest: Day | null = null;
  const seen = (d: Day | null) => {
    if (d && (earliest === null || d < earliest)) earliest = d;
  };
  const periodOf = (d: Day | null): number | null => {
    if (!d || d < first || d > last) return null;
    let k = n - 1;
    while (k > 0 && starts[k]! > d) k--;
    return k;
  };
  const add = (d: Day | null, key: Counter, by = 1) => {
    const k = periodOf(d);
    if (k !== null) counts[k]![key] += by;
  };
  // The earliest instant seen: its day is the earliest of their days (a later instant never falls on an earlier day).
  let earliestTime = Infinity;
  const periodAt = (ms: number): number | null => {
    if (!(ms >= startTimes[0]! && ms < ends[n - 1]!)) return null;
    let k = n - 1;
    while (k > 0 && startTimes[k]! > ms) k--;
    return k;
  };
  const addAt = (at: Date, key: Counter) => {
    const k = periodAt(timeOf(at));
    if (k !== null) counts[k]![key] += 1;
  };
  /** Adds 1 to `key` at every period end strictly between `start` and `stop`: the state held then. */
  const during = (start: number, stop: number, key: Counter) => {
    for (let k = 0; k < n; k++) if (ends[k]! > start && ends[k]! < stop) counts[k]![key] += 1;
  };
  const dayStart = (d: Day) => instantOf(d, tz).getTime();

  for (const { v } of read('repairs')) {
    const reported = instant(v.reportedAt);
    const completed = instant(v.completedAt);
    if (reported) {
      const reportedAt = timeOf(reported);
      if (reportedAt < earliestTime) earliestTime = reportedAt;
      addAt(reported, 'repairsReported');
    }
    if (completed && v.status !== 'cancelled') addAt(completed, 'repairsFixed');
    // A repair marked done with no completion time cannot be placed in time: never counted late.
    if (v.status === 'cancelled' || (v.status === 'done' && !completed)) continue;
    const deadline =
      instant(v.deadline) ?? (reported && repairDeadline(reported, v.contractor === true, settings));
    if (deadline) during(deadline.getTime(), completed ? completed.getTime() : Infinity, 'overdueRepairs');
  }

  for (const { v } of read('inspectionResults')) {
    const found = day(v.date);
    seen(found);
    if (v.result !== 'hazard' || !found) continue;
    const fixed = day(v.fixedDate);
    const stop = fixed ? dayStart(addDays(fixed, 1)) : Infinity;
    // Open from the day it was found until the end of the day it was fixed; late (as findOverdue
    // says) once a day after its deadline has begun.
    during(dayStart(found), stop, 'hazardsOpen');
    const deadline = day(v.fixDeadline);
    if (deadline) during(dayStart(deadline > found ? deadline : found), stop, 'hazardsLate');
  }

  for (const { v } of read('tasks')) {
    const due = day(v.dueDate);
    seen(due);
    if (v.status === 'source_removed') continue;
    add(due, 'tasksDue');
    if (v.status === 'done' || v.status === 'skipped') add(due, 'tasksDone');
    if (v.source === 'inspection') {
      add(due, 'inspectionsPlanned');
      if (v.status === 'done') add(due, 'inspectionsDone');
    }
  }

  for (const { v } of read('feePayments')) {
    const paid = day(v.date);
    seen(paid);
    const amount = num(v.amount);
    if (amount === null || day(v.depositDate) === paid) continue;
    add(paid, 'feesLate');
    const k = periodOf(paid);
    if (k !== null) counts[k]!.cents += cents(amount);
  }

  if (earliestTime !== Infinity) seen(dayOf(new Date(earliestTime), tz));
  const movements = movementsOf(read('stockMovements'));
  for (const m of movements) seen(m.date);
  lowStockAtEnds(read('stockItems'), movements, periods, counts);

  return periods.map(({ from, to }, k) => {
    const { cents: c, ...figures } = counts[k]!;
    return { from, to, hasData: earliest !== null && earliest <= to, ...figures, feesLateAmount: c / 100 };
  });
}

/** Items below their minimum at each period's end: one sweep of the movements in date order. */
function lowStockAtEnds(
  items: readonly TypedRecord[],
  movements: ReturnType<typeof movementsOf>,
  periods: readonly Period[],
  counts: Record<Counter, number>[],
): void {
  const mins = new Map<string, number>();
  for (const { v } of items) {
    const min = num(v.minStock);
    if (min !== null && str(v.itemId)) mins.set(str(v.itemId), min);
  }
  if (!mins.size) return;
  const sorted = [...movements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const balance = new Map<string, number>();
  let i = 0;
  periods.forEach((period, k) => {
    const end = addDays(period.to, 1);
    for (; i < sorted.length && sorted[i]!.date < end; i++) {
      const m = sorted[i]!;
      balance.set(m.itemId, applyMovement(balance.get(m.itemId) ?? 0, m));
    }
    let low = 0;
    for (const [id, min] of mins) if ((balance.get(id) ?? 0) < min) low += 1;
    counts[k]!.lowStock = low;
  });
}

const HOUR_MS = 3_600_000;

/**
 * The canteen's sample days between `from` and `to`: each day with samples and whether every sample
 * that day was kept long enough and weighed enough (Settings.sampleHours, sampleGrams). The digest
 * and the monthly safety report count compliance by this one rule.
 */
export function sampleDays(
  input: OverdueInput,
  from: Day,
  to: Day,
  settings: Pick<Settings, 'sampleHours' | 'sampleGrams'>,
): Map<Day, boolean> {
  const days = new Map<Day, boolean>();
  for (const { v } of recordsOf(input, 'canteenSamples')) {
    const d = day(v.date);
    if (!d || d < from || d > to) continue;
    const sampled = instant(v.sampledAt);
    const discarded = instant(v.discardedAt);
    const weight = num(v.weight);
    const kept =
      sampled !== null &&
      (discarded === null || discarded.getTime() - sampled.getTime() >= settings.sampleHours * HOUR_MS);
    const ok = kept && weight !== null && weight >= settings.sampleGrams;
    days.set(d, (days.get(d) ?? true) && ok);
  }
  return days;
}
