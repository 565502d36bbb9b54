import { repairDeadline } from '../../domain/repairs';
import { fill, messages } from '../../i18n';
import { repairs } from '../../sheets';
import { typedCells } from '../../table/cells';
import { str } from '../../table/record';
import type { SheetRow } from '../../table/mapping';
import { dayOf, isDate, type Day } from '../../time';
import type { PlannedTask } from '../model';
import { planned, type PlanContext } from './context';

// The columns a repair's task is made from: the rest of a repair's 17 are not read.
const COLUMNS = repairs.columns.filter((c) =>
  [
    'repairId',
    'reportedAt',
    'location',
    'description',
    'assignee',
    'contractor',
    'status',
    'completedAt',
  ].includes(c.key),
);

export interface RepairPlan {
  readonly tasks: PlannedTask[];
  /** Completed repairs and the day they were completed: their open tasks are closed as done. */
  readonly completed: ReadonlyMap<string, Day | null>;
}

/**
 * One task per open repair, whatever month it was reported in, due by the repair deadline
 * (the 24-hour rule, longer with a contractor). An open repair stays on the list until fixed.
 */
export function repairTasks(rows: readonly SheetRow[], ctx: PlanContext): RepairPlan {
  const tasks: PlannedTask[] = [];
  const completed = new Map<string, Day | null>();
  const template = messages(ctx.lang).tasks.titles.repair;
  for (const { cells } of rows) {
    const t = typedCells(COLUMNS, cells, ctx.timeZone);
    const id = str(t.repairId);
    if (!id) continue;
    if (t.status === 'done') {
      completed.set(id, isDate(t.completedAt) ? dayOf(t.completedAt, ctx.timeZone) : null);
      continue;
    }
    if ((t.status !== 'reported' && t.status !== 'in_progress') || !isDate(t.reportedAt)) continue;
    const due = dayOf(repairDeadline(t.reportedAt, t.contractor === true, ctx.settings), ctx.timeZone);
    const assignee = str(t.assignee);
    const title = fill(template, {
      repairId: id,
      description: str(t.description),
      location: str(t.location),
    });
    tasks.push(
      planned('repair', id, due, title, assignee ? { assignee, flag: '' } : ctx.assign.byRole('electrician')),
    );
  }
  return { tasks, completed };
}
