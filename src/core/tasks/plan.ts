import type { SchoolCalendar } from '../calendar';
import type { Lang } from '../lang';
import type { Settings } from '../settings/schema';
import type { SheetRow } from '../table/mapping';
import type { Day } from '../time';
import { assignerFrom } from './assign';
import type { PlannedTask, SourceProblem } from './model';
import { firstDay, lastDay, type Month } from './month';
import { calendarTasks } from './sources/calendar';
import { expiryTasks, type ExpiryRows } from './sources/expiry';
import { inspectionTasks } from './sources/inspections';
import { repairTasks } from './sources/repairs';
import { termTasks } from './sources/term';

export interface MonthSources extends ExpiryRows {
  readonly calendar: readonly SheetRow[];
  readonly schedules: readonly SheetRow[];
  readonly repairs: readonly SheetRow[];
  /** 值班表 rows, for the holiday duty coverage check (absent in workbooks set up before it). */
  readonly duty?: readonly SheetRow[];
}

export interface MonthPlan {
  /** Unique by key, in a stable order (due date, then source, then title). */
  readonly tasks: readonly PlannedTask[];
  readonly completedRepairs: ReadonlyMap<string, Day | null>;
  readonly problems: readonly SourceProblem[];
}

const SOURCE_ORDER = ['calendar', 'term', 'inspection', 'repair', 'expiry'];

function compare(a: PlannedTask, b: PlannedTask): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  const s = SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source);
  if (s) return s;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Everything the office must do in `month`, from every source, before comparing with the sheet. */
export function planMonth(input: {
  month: Month;
  lang: Lang;
  timeZone: string;
  calendar: SchoolCalendar;
  settings: Settings;
  sources: MonthSources;
}): MonthPlan {
  const { month, lang, timeZone, calendar, settings, sources } = input;
  const ctx = {
    month,
    from: firstDay(month),
    to: lastDay(month),
    lang,
    timeZone,
    calendar,
    settings,
    assign: assignerFrom(sources.roster, timeZone, lang, settings.officeHead),
  };
  const problems: SourceProblem[] = calendar.problems.map((p) => ({ kind: 'schoolYear', row: p.row }));
  if (!calendar.terms.length) problems.push({ kind: 'noTerms' });
  const repairs = repairTasks(sources.repairs, ctx);
  const all = [
    ...calendarTasks(sources.calendar, ctx, problems),
    ...termTasks(sources.assets, ctx, sources.duty),
    ...inspectionTasks(sources.schedules, ctx, problems),
    ...repairs.tasks,
    ...expiryTasks(sources, ctx),
  ];
  // Two rows naming the same duty on the same day are one task.
  const byKey = new Map<string, PlannedTask>();
  for (const task of all) if (!byKey.has(task.key)) byKey.set(task.key, task);
  return { tasks: [...byKey.values()].sort(compare), completedRepairs: repairs.completed, problems };
}
