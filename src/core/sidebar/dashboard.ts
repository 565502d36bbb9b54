import { dutyOn, dutySpans, type DutyKind } from '../duty';
import { weeklyHistory, type WeekFigures } from '../figures';
import { trendWeeks } from '../figures/trends';
import type { OverdueInput, OverdueItem } from '../overdue';
import { newRequests } from '../requests/status';
import type { Settings } from '../settings/schema';
import { day, str, type TypedRecord } from '../table/record';
import type { SheetKey } from '../sheets';
import { addDays, weekday, type Day } from '../time';

/** The counts on the sidebar's dashboard, in the order shown. */
export const DASHBOARD_KEYS = [
  'newRequests',
  'overdueRepairs',
  'inspectionsDue',
  'openHazards',
  'lowStock',
  'overdueLoans',
  'tasks',
  'feesNotDeposited',
  'problems',
  'dutyToday',
] as const;
export type DashboardKey = (typeof DASHBOARD_KEYS)[number];

/** One line of the list behind a count; `row` lets the page select it in the sheet. */
export interface DashboardLine {
  readonly sheet: SheetKey;
  readonly row: number;
  readonly title: string;
  readonly detail: string;
}

export interface DashboardCount {
  readonly key: DashboardKey;
  readonly count: number;
  /** For tasks: this month's total, shown as done / total (`count` is then the done ones). */
  readonly total?: number;
  /** Whether the count needs attention (tasks: never; the others when above zero). */
  readonly alert: boolean;
  readonly lines: readonly DashboardLine[];
}

/** Lines sent per count: enough to act on, small enough for one google.script.run answer. */
export const MAX_LINES = 30;

export interface DashboardInput {
  readonly today: Day;
  /** `findOverdue` for today. */
  readonly overdue: readonly OverdueItem[];
  readonly schedules: readonly TypedRecord[];
  readonly results: readonly TypedRecord[];
  readonly tasks: readonly TypedRecord[];
  readonly payments: readonly TypedRecord[];
  /** Problems found by the workbook check, as lines (sheet, row, message). */
  readonly problems: readonly DashboardLine[];
  /** The repairs sheet, for the reports nobody has started on yet (the request page's among them). */
  readonly repairs?: readonly TypedRecord[];
  /** The 值班表 rows, for who is on duty today (none in a workbook set up before it). */
  readonly duty?: readonly TypedRecord[];
  /** The duty kinds' labels in the Settings language. */
  readonly dutyLabel?: (kind: DutyKind) => string;
}

/** The last day (Sunday) of the week `day` is in; school weeks start on Monday. */
export function weekEnd(today: Day): Day {
  return addDays(today, (7 - weekday(today)) % 7);
}

function fromOverdue(items: readonly OverdueItem[], kind: OverdueItem['kind']): DashboardLine[] {
  return items
    .filter((i) => i.kind === kind)
    .map((i) => ({
      sheet: i.sheet,
      row: i.row,
      title: i.title,
      detail: [i.detail, i.due].filter(Boolean).join(' · '),
    }));
}

/** A count of `lines`, or with `tally` a done/total figure whose lines are what is left to do. */
function count(
  key: DashboardKey,
  lines: readonly DashboardLine[],
  tally?: { done: number; total: number },
): DashboardCount {
  return {
    key,
    count: tally ? tally.done : lines.length,
    ...(tally && { total: tally.total }),
    alert: !tally && lines.length > 0,
    lines: lines.slice(0, MAX_LINES),
  };
}

/**
 * The dashboard from records already read. Lateness comes from `findOverdue`; the rest are
 * plain filters: schedules falling due by Sunday (late ones included, they are still to do),
 * hazards not yet fixed, this month's tasks (done / total, listing the open ones), and payments not deposited on the day they were taken.
 */
export function buildDashboard(input: DashboardInput): DashboardCount[] {
  const { today, overdue } = input;
  const sunday = weekEnd(today);
  const due = input.schedules
    .filter(({ v }) => v.active !== false && (day(v.nextDue) ?? '9999') <= sunday)
    .map(({ row, v }) => ({
      sheet: 'inspectionSchedules' as const,
      row,
      title: [str(v.scheduleId), str(v.item)].filter(Boolean).join(' '),
      detail: [str(v.location), day(v.nextDue)].filter(Boolean).join(' · '),
    }));
  const hazards = input.results
    .filter(({ v }) => v.result === 'hazard' && !day(v.fixedDate))
    .map(({ row, v }) => ({
      sheet: 'inspectionResults' as const,
      row,
      title: str(v.finding) || str(v.location),
      detail: [str(v.location), day(v.fixDeadline)].filter(Boolean).join(' · '),
    }));
  const month = today.slice(0, 7);
  const monthTasks = input.tasks.filter(
    ({ v }) =>
      v.status !== 'source_removed' && (str(v.month) || (day(v.dueDate) ?? '')).slice(0, 7) === month,
  );
  const finished = (status: unknown) => status === 'done' || status === 'skipped';
  const open = monthTasks
    .filter(({ v }) => !finished(v.status))
    .map(({ row, v }) => ({
      sheet: 'tasks' as const,
      row,
      title: str(v.title),
      detail: [str(v.assignee), day(v.dueDate)].filter(Boolean).join(' · '),
    }));
  const undeposited = input.payments
    .filter(({ v }) => {
      const taken = day(v.date);
      const deposited = day(v.depositDate);
      // Today's takings may still go to the bank today.
      return taken !== null && (deposited ? deposited !== taken : taken < today);
    })
    .map(({ row, v }) => ({
      sheet: 'feePayments' as const,
      row,
      title: [str(v.receiptNo), str(v.payer)].filter(Boolean).join(' '),
      detail: [day(v.date), str(v.amount)].filter(Boolean).join(' · '),
    }));
  return [
    count('newRequests', newRequests(input.repairs ?? [])),
    count('overdueRepairs', fromOverdue(overdue, 'repair')),
    count('inspectionsDue', due),
    count('openHazards', hazards),
    count('lowStock', fromOverdue(overdue, 'lowStock')),
    count('overdueLoans', fromOverdue(overdue, 'loan')),
    count('tasks', open, { done: monthTasks.length - open.length, total: monthTasks.length }),
    count('feesNotDeposited', undeposited),
    count('problems', input.problems),
    // Who is on duty today: information, never an alert.
    { ...count('dutyToday', todaysDuty(input)), alert: false },
  ];
}

function todaysDuty(input: DashboardInput): DashboardLine[] {
  const label = input.dutyLabel ?? ((k: DutyKind) => k);
  return dutyOn(dutySpans(input.duty ?? []), input.today).map((s) => ({
    sheet: 'duty' as const,
    row: s.row,
    title: s.person,
    detail: [label(s.kind), s.phone, s.note].filter(Boolean).join(' · '),
  }));
}

/**
 * The dashboard's trend weeks: the same weekly figures the digest draws (one computation in
 * src/core/figures), from the first week with any record. JSON-safe for google.script.run.
 */
export function dashboardTrends(
  input: OverdueInput,
  now: Date,
  settings: Pick<Settings, 'repairHours' | 'contractorHours'>,
): WeekFigures[] {
  return trendWeeks(weeklyHistory(input, now, settings));
}
