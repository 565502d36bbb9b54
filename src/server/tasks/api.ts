import { openCount } from '../../core/documents';
import { CARRIED_LANGS, messages } from '../../core/i18n';
import { typedRecords, enumLabel } from '../../core/table';
import { userOf, type User } from '../../core/sidebar';
import {
  checkCompletion,
  readCompletion,
  readTasks,
  type CompletionRequest,
  type TaskSource,
} from '../../core/tasks';
import { withDocumentLock } from '../adapters/lock';
import type { Workbook } from '../adapters/workbook';
import { NO_ARGS, type Endpoint } from '../sidebar/serve';
import { markDone } from './complete';
import { tasksTable } from './generate';

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
  /**
   * For a property task, whose handover lists it needs: a term task (期初登记 / 期末清点) its custodian;
   * the work calendar's 登记班级财产 / 对照台账清点班级财产 '' (every room); any other task null.
   */
  handover: string | null;
  /**
   * For a stocktake task (the work calendar's 年终盘点, or any calendar duty naming 盘点 / stocktake):
   * 'start' when no stocktake is under way (the sidebar offers 开始盘点), 'underWay' when one is
   * (打印盘点表 and 审批); any other task null.
   */
  stocktake: 'start' | 'underWay' | null;
}

/** The signed-in person as the Roster knows them. */
function signedIn(workbook: Workbook): User {
  const roster = typedRecords(workbook.table('roster') ?? undefined, workbook.timeZone);
  return userOf(roster, Session.getActiveUser().getEmail());
}

/** google.script.run: the active user's open tasks, earliest due first; none when the user is unknown. */
/** The work calendar's own property duties, as the default calendar names them in either language. */
const PROPERTY_DUTIES = new Set(
  CARRIED_LANGS.flatMap((l) => {
    const c = messages(l).defaults.calendar;
    return [c.termClassProperty, c.endPropertyCheck];
  }),
);

function handoverOf(source: TaskSource | null, ref: string): string | null {
  if (source === 'term') return /^(?:start|end):(.+)$/.exec(ref)?.[1] ?? null;
  if (source === 'calendar' && PROPERTY_DUTIES.has(ref)) return '';
  return null;
}

/** A calendar duty is a stocktake when it says so in either language (the default 年终盘点 does). */
const STOCKTAKE_WORDS = /盘点|stock-?take/i;

function isStocktake(source: TaskSource | null, ref: string, title: string): boolean {
  return source === 'calendar' && (STOCKTAKE_WORDS.test(ref) || STOCKTAKE_WORDS.test(title));
}

export const myTasks: Endpoint<[], null, { person: string; tasks: MyTask[] }> = {
  read: NO_ARGS,
  handle: (_, { workbook, lang, today }) => {
    const user = signedIn(workbook);
    if (!user.email) return { person: '', tasks: [] };
    const mine = readTasks(tasksTable(workbook).rows, workbook.timeZone)
      .filter((t) => t.status === 'todo' && user.names.has(t.assignee))
      .sort((a, b) => ((a.dueDate ?? '9999') < (b.dueDate ?? '9999') ? -1 : 1));
    // The 盘点表 is read only when a stocktake task is listed: is one under way?
    const counting = mine.some((t) => isStocktake(t.source, t.ref, t.title))
      ? openCount(workbook.table('stocktake') ?? undefined, workbook.timeZone).length > 0
      : false;
    const tasks = mine.map((t) => ({
      taskId: t.taskId,
      month: t.month,
      dueDate: t.dueDate ?? '',
      title: t.title,
      source: t.source,
      sourceLabel: t.source ? enumLabel(lang, 'taskSource', t.source) : '',
      overdue: t.dueDate !== null && t.dueDate < today,
      note: t.note,
      handover: handoverOf(t.source, t.ref),
      stocktake: isStocktake(t.source, t.ref, t.title)
        ? counting
          ? ('underWay' as const)
          : ('start' as const)
        : null,
    }));
    return { person: user.name, tasks };
  },
};

/** The page passes the task id, then for an inspection the result, finding, fix deadline and person. */
type CompletionArgs = [
  taskId: string,
  result?: unknown,
  finding?: unknown,
  fixDeadline?: unknown,
  responsible?: unknown,
];

/**
 * google.script.run: marks one of the signed-in person's tasks done (the office head may complete
 * anyone's), with the same effect as setting its status cell to done.
 */
export const completeMyTask: Endpoint<CompletionArgs, CompletionRequest, { message: string }> = {
  read: (given, { today, lang }) => readCompletion(given, today, lang),
  handle: (request, { workbook, lang, today }) =>
    withDocumentLock(() => {
      const tasks = readTasks(tasksTable(workbook).rows, workbook.timeZone);
      const checked = checkCompletion(tasks, request, signedIn(workbook), lang);
      if (!checked.ok) return checked;
      markDone(workbook, [{ task: checked.task, ...checked.outcome }], today);
      return { message: '' };
    }),
};
