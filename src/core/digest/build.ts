import { schoolCalendarFrom, termOf } from '../calendar';
import { damageSummary } from '../domain/damage';
import { dutyGaps, dutySpans, type DutyGap } from '../duty';
import { newRequests } from '../requests/status';
import { sampleDays as samplesIn, weeklyHistory } from '../figures';
import type { OverdueInput, OverdueItem } from '../overdue';
import { recordsOf } from '../overdue/typed';
import { day, instant, num, str } from '../table/record';
import type { Settings } from '../settings/schema';
import { addDays, dayOf, instantOf, timeOf } from '../time';
import type { Attention, Digest, DigestProblem, FeeGap, Top } from './model';
import { zhOrder } from '../order';

const HOUR = 3_600_000;
/** Items listed per section: the mail shows these and links to the rest in the workbook. */
export const TOP = 3;
/** Items under "needs attention": few enough to act on between two lessons. */
export const ATTENTION = 5;
/** How far ahead the digest looks for holidays the duty roster leaves uncovered. */
const DUTY_LOOKAHEAD_DAYS = 14;
/** Tasks of the coming week listed (the rest are counted). */
const TASKS = 8;

function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

const cents = (yuan: number) => Math.round(yuan * 100);
const byDay = (a: { day: string }, b: { day: string }) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);

function top<T>(list: readonly T[], n: number, total = list.length): Top<T> {
  return { top: list.slice(0, n), more: Math.max(0, total - Math.min(n, list.length)) };
}

/**
 * What the head or principal must act on, most urgent first: safety (hazards past deadline,
 * expired certificates, canteen samples), then what has waited longer than the escalation
 * threshold (repairs, inspections), then money not banked. Within a kind, the longest-waiting first.
 */
function attention(
  overdue: readonly OverdueItem[],
  badDays: readonly string[],
  gaps: readonly FeeGap[],
  escalationDays: number,
  dutyGapList: readonly DutyGap[] = [],
  damage: readonly Extract<Attention, { kind: 'damage' }>[] = [],
): Top<Attention> {
  const rank = (a: Attention): number => {
    if (a.kind === 'samples' || a.kind === 'dutyGap') return 2;
    if (a.kind === 'damage') return 6;
    if (a.kind === 'fees') return 5;
    return a.item.kind === 'hazard'
      ? 0
      : a.item.kind === 'certificate'
        ? 1
        : a.item.kind === 'repair'
          ? 3
          : 4;
  };
  const waited = (a: Attention) => (a.kind === 'overdue' ? a.item.daysOverdue : 0);
  const list: Attention[] = [
    ...overdue
      .filter(
        (i) =>
          i.kind === 'hazard' ||
          (i.kind === 'certificate' && i.daysOverdue >= 0) ||
          ((i.kind === 'repair' || i.kind === 'inspection') && i.daysOverdue > escalationDays),
      )
      .map((item) => ({ kind: 'overdue' as const, item })),
    ...badDays.map((d) => ({ kind: 'samples' as const, day: d })),
    ...gaps.map((gap) => ({ kind: 'fees' as const, gap })),
    ...dutyGapList.map((gap) => ({ kind: 'dutyGap' as const, gap })),
    ...damage,
  ];
  list.sort((a, b) => rank(a) - rank(b) || waited(b) - waited(a));
  return top(list, ATTENTION);
}

/**
 * The weekly digest: last week's figures and the weeks before it (from the shared figures), the
 * items late now (`overdue`, from findOverdue), what needs attention, and the tasks of the coming
 * week. Pure.
 */
export function buildDigest(
  input: OverdueInput,
  now: Date,
  settings: Pick<
    Settings,
    'sampleGrams' | 'sampleHours' | 'escalationDays' | 'repairHours' | 'contractorHours'
  > &
    Partial<Pick<Settings, 'damageThreshold'>>,
  overdue: readonly OverdueItem[],
  problems: readonly DigestProblem[],
): Digest {
  const tz = input.timeZone;
  const today = dayOf(now, tz);
  const history = weeklyHistory(input, now, settings);
  const { from, to } = history.at(-1)!;
  const nextTo = addDays(today, 6);
  const inWeek = (d: string | null): d is string => d !== null && d >= from && d <= to;
  const read = (key: keyof OverdueInput['tables']) => recordsOf(input, key);
  // The late items of each kind, in findOverdue's order.
  const lateBy = new Map<OverdueItem['kind'], OverdueItem[]>();
  for (const i of overdue) {
    const list = lateBy.get(i.kind);
    if (list) list.push(i);
    else lateBy.set(i.kind, [i]);
  }
  const late = (kind: OverdueItem['kind']): readonly OverdueItem[] => lateBy.get(kind) ?? [];

  // Repairs completed last week: completed between its first and its last midnight, school time
  // (the same as the completion's day being in the week, without asking each one's day).
  const weekStart = instantOf(from, tz).getTime();
  const weekEnd = instantOf(addDays(to, 1), tz).getTime();
  const hours: number[] = [];
  for (const { v } of read('repairs')) {
    const at = instant(v.reportedAt);
    const done = instant(v.completedAt);
    if (!at || !done || v.status === 'cancelled') continue;
    const doneAt = timeOf(done);
    if (doneAt >= weekStart && doneAt < weekEnd) hours.push((doneAt - timeOf(at)) / HOUR);
  }

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
  const gaps = [...gapBy.values()].sort(byDay);

  const sampleDays = samplesIn(input, from, to, settings);
  const badDays = [...sampleDays]
    .filter(([, ok]) => !ok)
    .map(([d]) => d)
    .sort();

  const coming = read('tasks')
    .map(({ v }) => ({ v, due: day(v.dueDate) }))
    .filter(
      ({ v, due }) => (v.status === 'todo' || v.status === null) && due && due >= today && due <= nextTo,
    )
    .map(({ v, due }) => ({ person: str(v.assignee), due: due!, title: str(v.title) }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const byPerson = new Map<string, { due: string; title: string }[]>();
  for (const t of coming.slice(0, TASKS))
    byPerson.set(t.person, [...(byPerson.get(t.person) ?? []), { due: t.due, title: t.title }]);

  // Holidays starting within two weeks that the duty roster does not cover yet.
  const calendar = schoolCalendarFrom(input.tables.schoolYear?.rows ?? [], tz);
  const uncovered = input.tables.duty
    ? dutyGaps(calendar, dutySpans(read('duty')), today, addDays(today, DUTY_LOOKAHEAD_DAYS))
    : [];

  // Classes and rooms with heavy damage this month (the month last week ended in), with their term so far.
  const repairRows = read('repairs');
  const monthStart = `${to.slice(0, 8)}01`;
  const termStart = termOf(calendar, to)?.start ?? monthStart;
  const termCounts = new Map(
    damageSummary(repairRows, tz, termStart, to).map((l) => [l.location, l.repairs]),
  );
  const heavy = damageSummary(repairRows, tz, monthStart, to)
    .filter((l) => l.repairs >= (settings.damageThreshold ?? 5))
    .map((line) => ({
      kind: 'damage' as const,
      line,
      termRepairs: termCounts.get(line.location) ?? line.repairs,
    }));

  const results = read('inspectionResults');
  const canteenCerts = late('certificate').filter((i) => i.sheet !== 'assets');
  return {
    from,
    to,
    nextFrom: today,
    nextTo,
    history,
    attention: attention(overdue, badDays, gaps, settings.escalationDays, uncovered, heavy),
    repairs: {
      overdue: late('repair').length,
      medianHours: median(hours.filter((h) => Number.isFinite(h))),
      waiting: newRequests(read('repairs')).length,
      ...top(late('repair'), TOP),
    },
    inspections: {
      results: results.filter((r) => inWeek(day(r.v.date))).length,
      late: late('inspection').length,
      ...top([...late('hazard'), ...late('inspection')], TOP),
    },
    stock: { loans: late('loan').length, ...top([...late('lowStock'), ...late('loan')], TOP) },
    fees: { collected: collected / 100, deposited: deposited / 100, ...top(gaps, TOP) },
    canteen: {
      days: sampleDays.size,
      okDays: sampleDays.size - badDays.length,
      badDays,
      certificates: canteenCerts.length,
      ...top(canteenCerts, TOP),
    },
    tasks: {
      total: coming.length,
      top: [...byPerson]
        .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : zhOrder(a, b)))
        .map(([person, tasks]) => ({ person, tasks })),
      more: Math.max(0, coming.length - TASKS),
    },
    problems: {
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      // Only the messages shown are read: a messy workbook has tens of thousands.
      top: problems.slice(0, TOP).map((p) => p.message),
      more: Math.max(0, problems.length - TOP),
    },
  };
}
