import { daysBetween, type Day } from '../time';
import { isHouqinNote } from './assign';
import { isOpen, type ExistingTask, type PlannedTask, type TaskPatch, type TaskStatus } from './model';
import { monthId, type Month } from './month';
import type { MonthPlan } from './plan';

export interface MergeResult {
  /** New rows, in plan order, each with a fresh task id. */
  readonly added: readonly (PlannedTask & { taskId: string })[];
  /** Changes to existing rows, by sheet row. */
  readonly updates: readonly { row: number; patch: TaskPatch }[];
  readonly counts: { added: number; updated: number; removed: number; unchanged: number };
  /** Every task once merged: what the per-person summary counts. */
  readonly after: readonly { assignee: string; dueDate: Day | null; status: TaskStatus }[];
}

function refresh(task: ExistingTask, plan: PlannedTask): TaskPatch {
  const patch: TaskPatch = {};
  if (task.dueDate !== plan.dueDate) patch.dueDate = plan.dueDate;
  if (task.title !== plan.title) patch.title = plan.title;
  if (task.assignee !== plan.assignee) patch.assignee = plan.assignee;
  if (task.key !== plan.key) patch.key = plan.key;
  if (task.status === 'source_removed') patch.status = 'todo';
  // Only Houqin's own flag is kept current; a note the office typed is never rewritten.
  if (isHouqinNote(task.note) && task.note !== plan.flag) patch.note = plan.flag;
  return patch;
}

function nearestTo(day: Day | null, plans: readonly PlannedTask[]): PlannedTask | undefined {
  let best: PlannedTask | undefined;
  let bestGap = Infinity;
  for (const plan of plans) {
    const gap = day ? Math.abs(daysBetween(day, plan.dueDate)) : 0;
    if (gap < bestGap) [best, bestGap] = [plan, gap];
  }
  return best;
}

function nextIds(month: Month, existing: readonly ExistingTask[]): () => string {
  const prefix = `T${monthId(month).replace('-', '')}-`;
  let seq = 0;
  for (const { taskId } of existing)
    if (taskId.startsWith(prefix)) seq = Math.max(seq, Number(taskId.slice(prefix.length)) || 0);
  return () => `${prefix}${String(++seq).padStart(4, '0')}`;
}

/**
 * Compares a month's plan with the Tasks sheet. A task is found by its key; an open task whose
 * source moved it (new day, new frequency, contractor marked) is found by source and reference and
 * updated in place. Done and skipped tasks are never changed. Open tasks of the month whose source
 * is gone are marked "source removed"; open repair tasks (of any month) close when the repair is done.
 */
export function mergeTasks(month: Month, plan: MonthPlan, existing: readonly ExistingTask[]): MergeResult {
  const id = monthId(month);
  const byKey = new Map<string, ExistingTask>();
  for (const task of existing) if (task.key && !byKey.has(task.key)) byKey.set(task.key, task);

  const matched = new Set<number>();
  const patches = new Map<number, TaskPatch>();
  const apply = (task: ExistingTask, patch: TaskPatch) => {
    if (Object.keys(patch).length) patches.set(task.row, patch);
  };
  const unmatched: PlannedTask[] = [];
  for (const plan_ of plan.tasks) {
    const task = byKey.get(plan_.key);
    if (!task) unmatched.push(plan_);
    else {
      matched.add(task.row);
      if (task.status === 'todo' || task.status === 'source_removed') apply(task, refresh(task, plan_));
    }
  }

  // Open tasks the plan no longer names by key: moved by their source, or left without one.
  const moved = new Map<string, ExistingTask[]>();
  for (const task of existing) {
    if (!isOpen(task.status) || matched.has(task.row) || !task.source || !task.key) continue;
    if (task.month !== id && task.source !== 'repair') continue;
    const group = `${task.source}|${task.ref}`;
    moved.set(group, [...(moved.get(group) ?? []), task]);
  }
  const fresh = new Map<string, PlannedTask[]>();
  for (const plan_ of unmatched) {
    const group = `${plan_.source}|${plan_.ref}`;
    fresh.set(group, [...(fresh.get(group) ?? []), plan_]);
  }
  // Each moved task takes the nearest new occurrence of its source (Friday → the Thursday before).
  const taken = new Set<PlannedTask>();
  for (const [group, list] of moved) {
    const candidates = fresh.get(group) ?? [];
    for (const task of [...list]) {
      const nearest = nearestTo(
        task.dueDate,
        candidates.filter((p) => !taken.has(p)),
      );
      if (!nearest) continue;
      taken.add(nearest);
      matched.add(task.row);
      list.splice(list.indexOf(task), 1);
      apply(task, refresh(task, nearest));
    }
  }

  const next = nextIds(month, existing);
  const added = unmatched.filter((p) => !taken.has(p)).map((p) => ({ ...p, taskId: next() }));

  let removed = 0;
  for (const list of moved.values())
    for (const task of list) {
      removed++;
      const completed = task.source === 'repair' ? plan.completedRepairs.get(task.ref) : undefined;
      if (completed === undefined) apply(task, { status: 'source_removed' });
      else
        apply(
          task,
          completed && !task.doneDate ? { status: 'done', doneDate: completed } : { status: 'done' },
        );
    }

  const after = existing.map((task) => {
    const patch = patches.get(task.row) ?? {};
    return {
      assignee: patch.assignee ?? task.assignee,
      dueDate: patch.dueDate ?? task.dueDate,
      status: patch.status ?? task.status,
    };
  });
  for (const task of added) after.push({ assignee: task.assignee, dueDate: task.dueDate, status: 'todo' });

  const updated = patches.size - removed;
  return {
    added,
    updates: [...patches].map(([row, patch]) => ({ row, patch })),
    counts: { added: added.length, updated, removed, unchanged: plan.tasks.length - added.length - updated },
    after,
  };
}
