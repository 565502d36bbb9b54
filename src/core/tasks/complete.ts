import { nextDue, parseFrequency, type SchoolCalendar } from '../calendar';
import type { Lang } from '../lang';
import { inspectionSchedules, type EnumValue } from '../sheets';
import { typedCells } from '../table/cells';
import { enumLabel } from '../table/labels';
import type { CellValue, SheetRow } from '../table/mapping';
import { instantOf, type Day } from '../time';
import type { ExistingTask, TaskPatch } from './model';

type Result = EnumValue<'inspectionResult'>;

export interface Completion {
  readonly taskPatch: TaskPatch;
  /** A row for 巡检记录, when an inspection task is done and not yet recorded. */
  readonly resultRow?: Record<string, CellValue>;
  /** The schedule's rolled dates. */
  readonly schedule?: { row: number; lastDone: Day; nextDue: Day | null };
}

/**
 * Marking a task done. An inspection task also records its result (pass unless told otherwise)
 * and moves its schedule's last-done and next due dates. Recording twice is prevented by the
 * caller passing `recorded` when a result row for this task exists.
 */
export function completeTask(input: {
  task: ExistingTask;
  today: Day;
  result?: Result;
  finding?: string;
  schedule?: SheetRow;
  recorded: boolean;
  calendar: SchoolCalendar;
  lang: Lang;
  timeZone: string;
}): Completion {
  const { task, today, schedule, lang, timeZone } = input;
  const doneDate = task.doneDate ?? today;
  const result: Result = input.result ?? task.result ?? 'pass';
  const taskPatch: TaskPatch = {};
  if (task.status !== 'done') taskPatch.status = 'done';
  if (!task.doneDate) taskPatch.doneDate = doneDate;
  if (task.source !== 'inspection') return { taskPatch };
  if (task.result !== result) taskPatch.result = result;
  if (!schedule || input.recorded) return { taskPatch };
  const s = typedCells(inspectionSchedules.columns, schedule.cells, timeZone);
  const resultRow: Record<string, CellValue> = {
    date: instantOf(doneDate, timeZone),
    scheduleId: task.ref,
    location: typeof s.location === 'string' ? s.location : '',
    inspector: task.assignee,
    result: enumLabel(lang, 'inspectionResult', result),
    // The column is plain text ('@', set up by setup), so a finding starting with '=' stays text.
    finding: input.finding?.trim() ?? '',
    taskId: task.taskId,
  };
  const previous = typeof s.lastDone === 'string' ? s.lastDone : null;
  const lastDone = previous && previous > doneDate ? previous : doneDate;
  const read = parseFrequency(schedule.cells.frequency);
  const due = read.ok && s.active !== false ? nextDue(read.frequency, input.calendar, lastDone, today) : null;
  return { taskPatch, resultRow, schedule: { row: schedule.row, lastDone, nextDue: due } };
}
