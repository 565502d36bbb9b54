import { schoolCalendarFrom } from '../../core/calendar';
import { sheetDecl, type EnumValue } from '../../core/sheets';
import { completeTask, patchCells, readTasks, type ExistingTask } from '../../core/tasks';
import { instantOf, type Day } from '../../core/time';
import { mapHeaders, type CellValue } from '../../core/table';
import { withDocumentLock } from '../adapters/lock';
import { errorText, tell } from '../adapters/ui';
import { appendRecords, updateRecords, type Workbook } from '../adapters/workbook';
import type { EditHandler } from '../edit';
import { schoolToday, tasksTable } from './generate';

export interface DoneMark {
  readonly task: ExistingTask;
  readonly result?: EnumValue<'inspectionResult'>;
  readonly finding?: string;
  readonly fixDeadline?: Day;
  readonly responsible?: string;
}

/**
 * Marks tasks done: the status and done date on the Tasks sheet, and for inspection tasks a row
 * in 巡检记录 (once per task) and the schedule's rolled dates. Everything is computed before the
 * first write; one write per sheet and kind.
 */
export function markDone(workbook: Workbook, marks: readonly DoneMark[], today: Day): void {
  if (!marks.length) return;
  const tz = workbook.timeZone;
  const lang = workbook.settings().settings.language;
  const inspections = marks.some((m) => m.task.source === 'inspection');
  const schedules = inspections ? workbook.table('inspectionSchedules') : null;
  const results = inspections ? workbook.table('inspectionResults') : null;
  const calendar = schoolCalendarFrom(inspections ? (workbook.table('schoolYear')?.rows ?? []) : [], tz);
  const scheduleById = new Map((schedules?.rows ?? []).map((r) => [String(r.cells.scheduleId).trim(), r]));
  const recorded = new Set((results?.rows ?? []).map((r) => String(r.cells.taskId)));

  const taskChanges: { row: number; patch: Record<string, CellValue> }[] = [];
  const resultRows: Record<string, CellValue>[] = [];
  const scheduleChanges = new Map<number, Record<string, CellValue>>();
  for (const mark of marks) {
    const done = completeTask({
      task: mark.task,
      today,
      result: mark.result,
      finding: mark.finding,
      fixDeadline: mark.fixDeadline,
      responsible: mark.responsible,
      schedule: scheduleById.get(mark.task.ref),
      recorded: !results || recorded.has(mark.task.taskId),
      calendar,
      lang,
      timeZone: tz,
    });
    if (Object.keys(done.taskPatch).length)
      taskChanges.push({ row: mark.task.row, patch: patchCells(done.taskPatch, lang, tz) });
    if (done.resultRow) {
      resultRows.push(done.resultRow);
      recorded.add(mark.task.taskId);
    }
    if (done.schedule)
      scheduleChanges.set(done.schedule.row, {
        lastDone: instantOf(done.schedule.lastDone, tz),
        nextDue: done.schedule.nextDue ? instantOf(done.schedule.nextDue, tz) : '',
      });
  }
  // The record first, the task last: if a write fails, the task is still open, and doing it again
  // marks it without a second record (`recorded` finds the first by task id).
  if (results) appendRecords(results, resultRows);
  if (schedules)
    updateRecords(
      schedules,
      [...scheduleChanges].map(([row, patch]) => ({ row, patch })),
    );
  updateRecords(tasksTable(workbook), taskChanges);
}

/**
 * The Tasks sheet's edit handler: a status set to done (by typing or the drop-down, one cell or a
 * pasted block) fills the done date and, for inspections, records the result and rolls the schedule.
 */
export const onTaskEdit: EditHandler = (_e, workbook, edit) => {
  if (edit.key !== 'tasks') return;
  // The header tells whether the status was edited: another column costs no further call.
  const status = mapHeaders(sheetDecl('tasks'), edit.header()).index.status;
  const { row: first, column, lastRow: last, lastColumn } = edit.bounds();
  if (status === undefined || column > status + 1 || lastColumn < status + 1) return;
  try {
    withDocumentLock(() => {
      const marks = readTasks(tasksTable(workbook).rows, workbook.timeZone)
        .filter((t) => t.row >= first && t.row <= last && t.status === 'done')
        .map((task) => ({ task }));
      markDone(workbook, marks, schoolToday(workbook));
    });
  } catch (error) {
    const lang = workbook.settings().settings.language;
    tell(edit.name, errorText(lang, error));
  }
};
