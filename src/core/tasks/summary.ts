import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import type { Day } from '../time';
import { isOpen, type TaskStatus } from './model';

export interface PersonLoad {
  readonly assignee: string;
  readonly open: number;
  readonly overdue: number;
}

/** Open tasks per person, the busiest first: the office head's view of who has what. */
export function openByPerson(
  tasks: readonly { assignee: string; dueDate: Day | null; status: TaskStatus }[],
  today: Day,
): PersonLoad[] {
  const load = new Map<string, { open: number; overdue: number }>();
  for (const task of tasks) {
    if (!isOpen(task.status)) continue;
    const entry = load.get(task.assignee) ?? { open: 0, overdue: 0 };
    entry.open++;
    if (task.dueDate !== null && task.dueDate < today) entry.overdue++;
    load.set(task.assignee, entry);
  }
  return [...load]
    .map(([assignee, n]) => ({ assignee, ...n }))
    .sort((a, b) => b.open - a.open || (a.assignee < b.assignee ? -1 : a.assignee > b.assignee ? 1 : 0));
}

/** The per-person lines, as shown in the report and in the note on the Tasks sheet's assignee header. */
export function describeLoad(lang: Lang, loads: readonly PersonLoad[]): string {
  const m = messages(lang).tasks;
  if (!loads.length) return m.noOpen;
  return loads
    .map((l) => fill(m.personLine, { name: l.assignee || m.nobody, open: l.open, overdue: l.overdue }))
    .join('\n');
}
