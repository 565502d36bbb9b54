import type { OverdueInput, OverdueItem } from '../overdue';
import { day, instant, num, str, typedRecords } from '../overdue/read';
import type { Settings } from '../settings/schema';
import { addDays, dayOf } from '../time';
import type { Digest, DigestProblem, FeeGap } from './model';

const HOUR = 3_600_000;
const TOP = 5;

function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

const cents = (yuan: number) => Math.round(yuan * 100);

/**
 * The weekly digest: counts over last week (the seven days before `now`'s day), the items late
 * now (`overdue`, from findOverdue) and the tasks of the coming week. Pure.
 */
export function buildDigest(
  input: OverdueInput,
  now: Date,
  settings: Pick<Settings, 'sampleGrams' | 'sampleHours'>,
  overdue: readonly OverdueItem[],
  problems: readonly DigestProblem[],
): Digest {
  const tz = input.timeZone;
  const today = dayOf(now, tz);
  const from = addDays(today, -7);
  const to = addDays(today, -1);
  const nextTo = addDays(today, 6);
  const inWeek = (d: string | null): d is string => d !== null && d >= from && d <= to;
  const read = (key: keyof OverdueInput['tables']) => typedRecords(input.tables[key], tz);
  const late = (kind: OverdueItem['kind']) => overdue.filter((i) => i.kind === kind);

  let reported = 0;
  const hours: number[] = [];
  for (const { v } of read('repairs')) {
    const at = instant(v.reportedAt);
    const done = instant(v.completedAt);
    if (at && inWeek(dayOf(at, tz))) reported += 1;
    if (done && inWeek(dayOf(done, tz)) && v.status !== 'cancelled')
      hours.push(at ? (done.getTime() - at.getTime()) / HOUR : NaN);
  }

  const tasks = read('tasks');
  const inspectionTasks = tasks.filter((t) => t.v.source === 'inspection' && inWeek(day(t.v.dueDate)));
  const results = read('inspectionResults');

  let collected = 0;
  let deposited = 0;
  const gapBy = new Map<string, FeeGap>();
  for (const { v } of read('feePayments')) {
    const paid = day(v.date);
    const amount = num(v.amount);
    if (!inWeek(paid) || amount === null) continue;
    collected += cents(amount);
    if (day(v.depositDate) === paid) {
      deposited += cents(amount);
      continue;
    }
    const collector = str(v.collector);
    const key = `${paid}\u0000${collector}`;
    const prev = gapBy.get(key);
    gapBy.set(key, { day: paid, collector, amount: ((prev ? cents(prev.amount) : 0) + cents(amount)) / 100 });
  }

  const sampleDays = new Map<string, boolean>();
  for (const { v } of read('canteenSamples')) {
    const d = day(v.date);
    if (!inWeek(d)) continue;
    const sampled = instant(v.sampledAt);
    const discarded = instant(v.discardedAt);
    const weight = num(v.weight);
    const kept =
      sampled !== null &&
      (discarded === null || discarded.getTime() - sampled.getTime() >= settings.sampleHours * HOUR);
    const ok = kept && weight !== null && weight >= settings.sampleGrams;
    sampleDays.set(d, (sampleDays.get(d) ?? true) && ok);
  }
  const badDays = [...sampleDays]
    .filter(([, ok]) => !ok)
    .map(([d]) => d)
    .sort();

  const byPerson = new Map<string, { due: string; title: string }[]>();
  for (const { v } of tasks) {
    const due = day(v.dueDate);
    if (!(v.status === 'todo' || v.status === null) || !due || due < today || due > nextTo) continue;
    const person = str(v.assignee);
    byPerson.set(person, [...(byPerson.get(person) ?? []), { due, title: str(v.title) }]);
  }

  const canteenCerts = late('certificate').filter((i) => i.sheet !== 'assets');
  return {
    from,
    to,
    nextFrom: today,
    nextTo,
    repairs: {
      reported,
      completed: hours.length,
      overdue: late('repair').length,
      medianHours: median(hours.filter((h) => Number.isFinite(h))),
      top: late('repair').slice(0, TOP),
    },
    inspections: {
      due: inspectionTasks.length,
      done: inspectionTasks.filter((t) => t.v.status === 'done').length,
      results: results.filter((r) => inWeek(day(r.v.date))).length,
      late: late('inspection').length,
      hazardsOpen: results.filter((r) => r.v.result === 'hazard' && !day(r.v.fixedDate)).length,
      top: [...late('hazard'), ...late('inspection')].slice(0, TOP),
    },
    stock: {
      low: late('lowStock').length,
      loans: late('loan').length,
      top: [...late('loan'), ...late('lowStock')].slice(0, TOP),
    },
    fees: {
      collected: collected / 100,
      deposited: deposited / 100,
      gap: (collected - deposited) / 100,
      gaps: [...gapBy.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
    },
    canteen: {
      days: sampleDays.size,
      okDays: sampleDays.size - badDays.length,
      badDays,
      certificates: canteenCerts.length,
      top: canteenCerts.slice(0, TOP),
    },
    tasks: [...byPerson]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'zh-CN')))
      .map(([person, list]) => ({
        person,
        tasks: list.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0)),
      })),
    problems: {
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      top: problems.slice(0, TOP).map((p) => p.message),
    },
  };
}
