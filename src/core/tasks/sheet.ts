import type { Lang } from '../lang';
import { tasks } from '../sheets';
import { typedCells } from '../table/cells';
import { enumLabel } from '../table/labels';
import type { CellValue, SheetRow } from '../table/mapping';
import { day, str } from '../table/record';
import { instantOf } from '../time';
import type { ExistingTask, PlannedTask, TaskPatch, TaskSource, TaskStatus } from './model';

/** The Tasks sheet's rows as tasks. Unreadable cells read as empty; an empty status is todo. */
export function readTasks(rows: readonly SheetRow[], timeZone: string): ExistingTask[] {
  return rows.map(({ row, cells }) => {
    const t = typedCells(tasks.columns, cells, timeZone);
    return {
      row,
      taskId: str(t.taskId),
      // A month cell Sheets turned into a date reads as its day: the month is its first seven characters.
      month: str(t.month).slice(0, 7),
      dueDate: day(t.dueDate),
      title: str(t.title),
      source: (t.source as TaskSource | null) ?? null,
      ref: str(t.ref),
      assignee: str(t.assignee),
      status: (t.status as TaskStatus | null) ?? 'todo',
      doneDate: day(t.doneDate),
      result: (t.result as ExistingTask['result']) ?? null,
      note: str(t.note),
      key: str(t.key),
    };
  });
}

/** Cells to write for a patch: enum labels in the office's language, days as the zone's midnight. */
export function patchCells(patch: TaskPatch, lang: Lang, timeZone: string): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  for (const [key, value] of Object.entries(patch) as [keyof TaskPatch, string][]) {
    if (key === 'dueDate' || key === 'doneDate') cells[key] = instantOf(value, timeZone);
    else if (key === 'status') cells[key] = enumLabel(lang, 'taskStatus', value as TaskStatus);
    else if (key === 'result') cells[key] = enumLabel(lang, 'inspectionResult', value as 'pass');
    else cells[key] = value;
  }
  return cells;
}

/** A new row of the Tasks sheet. */
export function newTaskCells(
  task: PlannedTask & { taskId: string },
  month: string,
  lang: Lang,
  timeZone: string,
): Record<string, CellValue> {
  return {
    taskId: task.taskId,
    month,
    dueDate: instantOf(task.dueDate, timeZone),
    title: task.title,
    source: enumLabel(lang, 'taskSource', task.source),
    ref: task.ref,
    assignee: task.assignee,
    status: enumLabel(lang, 'taskStatus', 'todo'),
    note: task.flag,
    key: task.key,
  };
}
