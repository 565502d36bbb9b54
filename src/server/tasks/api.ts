import { fill, messages } from '../../core/i18n';
import { roster } from '../../core/sheets';
import { typedCells } from '../../core/table/cells';
import { enumLabel } from '../../core/table/labels';
import { readTasks, type TaskSource } from '../../core/tasks';
import type { EnumValue } from '../../core/sheets';
import { withDocumentLock } from '../adapters/lock';
import { errorText } from '../adapters/ui';
import { Workbook } from '../adapters/workbook';
import { markDone } from './complete';
import { schoolToday, tasksTable } from './generate';

/** A task as the sidebar shows it: JSON only, days as 'yyyy-MM-dd'. */
export interface MyTask {
  taskId: string;
  month: string;
  dueDate: string;
  title: string;
  source: TaskSource | null;
  sourceLabel: string;
  overdue: boolean;
  note: string;
}

/** The roster names whose e-mail is the active user's. */
function namesOf(workbook: Workbook, email: string): Set<string> {
  const names = new Set<string>([email]);
  for (const { cells } of workbook.table('roster')?.rows ?? []) {
    const t = typedCells(roster.columns, cells, workbook.timeZone);
    if (typeof t.email === 'string' && t.email.toLowerCase() === email && typeof t.name === 'string')
      names.add(t.name);
  }
  return names;
}

/** The active user's open tasks, earliest due first; empty when the user is unknown. Read-only. */
export function myTasks(): { person: string; tasks: MyTask[] } {
  const email = Session.getActiveUser().getEmail().trim().toLowerCase();
  if (!email) return { person: '', tasks: [] };
  const workbook = Workbook.active();
  const lang = workbook.settings().settings.language;
  const today = schoolToday(workbook);
  const names = namesOf(workbook, email);
  const tasks = readTasks(tasksTable(workbook).rows, workbook.timeZone)
    .filter((t) => t.status === 'todo' && names.has(t.assignee))
    .sort((a, b) => ((a.dueDate ?? '9999') < (b.dueDate ?? '9999') ? -1 : 1))
    .map((t) => ({
      taskId: t.taskId,
      month: t.month,
      dueDate: t.dueDate ?? '',
      title: t.title,
      source: t.source,
      sourceLabel: t.source ? enumLabel(lang, 'taskSource', t.source) : '',
      overdue: t.dueDate !== null && t.dueDate < today,
      note: t.note,
    }));
  return { person: [...names].find((n) => n !== email) ?? email, tasks };
}

/** Marks one task done from the sidebar: the same effect as setting its status cell to done. */
export function completeMyTask(
  taskId: string,
  result?: EnumValue<'inspectionResult'>,
  finding?: string,
): { ok: boolean; message: string } {
  const workbook = Workbook.active();
  const lang = workbook.settings().settings.language;
  try {
    return withDocumentLock(() => {
      const task = readTasks(tasksTable(workbook).rows, workbook.timeZone).find((t) => t.taskId === taskId);
      if (!task) return { ok: false, message: fill(messages(lang).tasks.notFound, { taskId }) };
      const valid = result === 'pass' || result === 'hazard' ? result : undefined;
      markDone(
        workbook,
        [{ task, result: valid, finding: typeof finding === 'string' ? finding : undefined }],
        schoolToday(workbook),
      );
      return { ok: true, message: '' };
    });
  } catch (error) {
    return { ok: false, message: errorText(lang, error) };
  }
}
