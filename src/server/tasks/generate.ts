import { schoolCalendarFrom } from '../../core/calendar';
import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import type { SheetKey } from '../../core/sheets';
import {
  describeLoad,
  describeProblems,
  mergeTasks,
  monthId,
  newTaskCells,
  openByPerson,
  patchCells,
  planMonth,
  readTasks,
  scheduleDueDates,
  type MergeResult,
  type Month,
  type PersonLoad,
  type SourceProblem,
} from '../../core/tasks';
import { dayOf, instantOf, type Day } from '../../core/time';
import { appendRecords, updateRecords, type Table, type Workbook } from '../adapters/workbook';

/** The Tasks sheet is missing, or lacks the columns that make generation idempotent. */
export class TasksNotSetUpError extends Error {
  constructor() {
    super('tasks sheet not set up');
    this.name = 'TasksNotSetUpError';
  }
}

export interface GenerateReport {
  readonly lang: Lang;
  readonly month: Month;
  readonly counts: MergeResult['counts'];
  readonly loads: readonly PersonLoad[];
  readonly problems: readonly SourceProblem[];
}

/** Today in the school's zone, whatever zone the script runs in. */
export function schoolToday(workbook: Workbook): Day {
  return dayOf(new Date(), workbook.timeZone);
}

export function tasksTable(workbook: Workbook): Table {
  const table = workbook.table('tasks');
  const needed = ['key', 'status', 'assignee', 'dueDate'];
  if (!table || needed.some((c) => table.layout.index[c] === undefined)) throw new TasksNotSetUpError();
  return table;
}

/**
 * Generates a month's tasks: reads each source sheet once, plans and merges in the core, then
 * writes the Tasks sheet (one append, updates only to the columns that change) and the
 * schedules' next due dates. Call it under the document lock.
 */
export function generateMonth(workbook: Workbook, month: Month, today: Day): GenerateReport {
  const table = tasksTable(workbook);
  const { settings } = workbook.settings();
  const lang = settings.language;
  const tz = workbook.timeZone;
  const rows = (key: SheetKey) => workbook.table(key)?.rows ?? [];
  const calendar = schoolCalendarFrom(rows('schoolYear'), tz);
  const plan = planMonth({
    month,
    lang,
    timeZone: tz,
    calendar,
    settings,
    sources: {
      calendar: rows('calendar'),
      schedules: rows('inspectionSchedules'),
      repairs: rows('repairs'),
      roster: rows('roster'),
      assets: rows('assets'),
      suppliers: rows('supplierCertificates'),
      movements: rows('stockMovements'),
      ...(workbook.table('duty') && { duty: rows('duty') }),
    },
  });
  const merge = mergeTasks(month, plan, readTasks(table.rows, tz));
  updateRecords(
    table,
    merge.updates.map((u) => ({ row: u.row, patch: patchCells(u.patch, lang, tz) })),
  );
  appendRecords(
    table,
    merge.added.map((t) => newTaskCells(t, monthId(month), lang, tz)),
  );

  const schedules = workbook.table('inspectionSchedules');
  if (schedules)
    updateRecords(
      schedules,
      scheduleDueDates(schedules.rows, calendar, today, tz).map((d) => ({
        row: d.row,
        patch: { nextDue: d.nextDue ? instantOf(d.nextDue, tz) : '' },
      })),
    );

  const loads = openByPerson(merge.after, today);
  // The per-person view sits on the assignee header as a note, so the header stays on row 1.
  const header = table.sheet.getRange(1, table.layout.index.assignee! + 1);
  header.setNote(`${fill(messages(lang).tasks.summaryNote, { date: today })}\n${describeLoad(lang, loads)}`);
  return { lang, month, counts: merge.counts, loads, problems: plan.problems };
}

/** One line: what generation added, updated and removed (also what the monthly job records in Settings). */
export function generationSummary(report: GenerateReport): string {
  return fill(messages(report.lang).tasks.summary, { month: monthId(report.month), ...report.counts });
}

export function describeGeneration(report: GenerateReport): string {
  const m = messages(report.lang).tasks;
  return [
    generationSummary(report),
    `${m.perPerson}\n${describeLoad(report.lang, report.loads)}`,
    describeProblems(report.lang, report.problems),
  ]
    .filter(Boolean)
    .join('\n\n');
}
