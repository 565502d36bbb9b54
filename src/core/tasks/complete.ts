import { nextDue, parseFrequency, type SchoolCalendar } from '../calendar';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { ENUMS, inspectionSchedules, type EnumValue } from '../sheets';
import { checkInspection, isIdText, type Checked, type FieldErrors, type FormValues } from '../sidebar/check';
import { TASK_FORM } from '../sidebar/forms';
import type { User } from '../sidebar/user';
import { typedCells } from '../table/cells';
import { day, str } from '../table/record';
import { columnHeader, enumLabel } from '../table/labels';
import type { FormValue } from '../validate/schema';
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
  /** A hazard's fix deadline and the person responsible, as the inspection form records them. */
  fixDeadline?: Day;
  responsible?: string;
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
    location: str(s.location),
    inspector: task.assignee,
    result: enumLabel(lang, 'inspectionResult', result),
    // The column is plain text ('@', set up by setup), so a finding starting with '=' stays text.
    finding: input.finding?.trim() ?? '',
    fixDeadline: input.fixDeadline ? instantOf(input.fixDeadline, timeZone) : '',
    responsible: input.responsible ?? '',
    taskId: task.taskId,
  };
  const previous = day(s.lastDone);
  const lastDone = previous && previous > doneDate ? previous : doneDate;
  const read = parseFrequency(schedule.cells.frequency);
  const due = read.ok && s.active !== false ? nextDue(read.frequency, input.calendar, lastDone, today) : null;
  return { taskPatch, resultRow, schedule: { row: schedule.row, lastDone, nextDue: due } };
}

/** What the sidebar sends to complete a task: its id and, for an inspection, what was found. */
export interface CompletionRequest {
  readonly taskId: string;
  /** The inspection form's outcome fields, checked; null when none were sent. */
  readonly outcome: FormValues | null;
}

export type CompletionCheck =
  | { ok: true; task: ExistingTask; outcome: Pick<Parameters<typeof completeTask>[0], CompletionField> }
  | { ok: false; message: string; errors?: FieldErrors };

type CompletionField = 'result' | 'finding' | 'fixDeadline' | 'responsible';

const text = (value: FormValue | undefined): string | undefined =>
  typeof value === 'string' && value ? value : undefined;

/**
 * Whether `user` may complete the task asked for, and with what: their own task (the office head
 * may complete anyone's), not one already done, and an inspection only with its result — the
 * checks of the inspection form (a hazard's deadline and person) having been made on `outcome`.
 */
export function checkCompletion(
  tasks: readonly ExistingTask[],
  request: CompletionRequest,
  user: User,
  lang: Lang,
): CompletionCheck {
  const m = messages(lang);
  const { taskId, outcome } = request;
  const task = tasks.find((t) => t.taskId === taskId);
  if (!task) return { ok: false, message: fill(m.tasks.notFound, { taskId }) };
  if (task.status === 'done')
    return { ok: false, message: fill(m.sidebar.tasks.alreadyDone, { taskId, day: task.doneDate ?? '' }) };
  if (!user.head && !user.names.has(task.assignee))
    return { ok: false, message: fill(m.sidebar.tasks.notYours, { taskId, assignee: task.assignee }) };
  if (task.source !== 'inspection') return { ok: true, task, outcome: {} };
  const result = ENUMS.inspectionResult.find((r) => r === outcome?.result);
  if (!outcome || !result) {
    const errors = {
      result: fill(m.validation.required, { column: columnHeader(lang, 'inspectionResults', 'result') }),
    };
    return { ok: false, message: fill(m.sidebar.errors.refused, { details: errors.result }), errors };
  }
  return {
    ok: true,
    task,
    outcome: {
      result,
      finding: text(outcome.finding),
      fixDeadline: text(outcome.fixDeadline),
      responsible: text(outcome.responsible),
    },
  };
}

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * Reads apiCompleteTask's arguments (task id, then the inspection form's result, finding, fix
 * deadline and person) with the inspection form's schema; no outcome when none was sent.
 */
export function readCompletion(args: readonly unknown[], today: Day, lang: Lang): Checked<CompletionRequest> {
  const [taskId, result, finding, fixDeadline, responsible] = args;
  if (!isIdText(taskId)) return { ok: false, errors: { '': messages(lang).sidebar.errors.badRequest } };
  const sent = [result, finding, fixDeadline, responsible];
  if (!sent.some(given)) return { ok: true, values: { taskId, outcome: null } };
  const read = checkInspection(TASK_FORM, { result, finding, fixDeadline, responsible }, today, lang);
  return read.ok ? { ok: true, values: { taskId, outcome: read.values } } : read;
}
