import { nextDue, parseFrequency } from '../calendar';
import { repairDeadline } from '../domain/repairs';
import { dayOf } from '../time';
import type { Draft, RuleContext } from './draft';
import { day, instant, str, type TypedRecord } from '../table/record';

/** Repairs not done or cancelled whose deadline (the 24-hour rule, or the written deadline) has passed. */
export function lateRepairs(records: readonly TypedRecord[], ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  for (const { row, v } of records) {
    if (v.status === 'done' || v.status === 'cancelled' || instant(v.completedAt)) continue;
    const reportedAt = instant(v.reportedAt);
    const deadline =
      instant(v.deadline) ?? (reportedAt && repairDeadline(reportedAt, v.contractor === true, ctx.settings));
    if (!deadline || ctx.now.getTime() <= deadline.getTime()) continue;
    const id = str(v.repairId);
    out.push({
      kind: 'repair',
      sheet: 'repairs',
      row,
      ref: id || `r${row}`,
      title: [id, str(v.description)].filter(Boolean).join(' '),
      detail: str(v.location),
      due: dayOf(deadline, ctx.timeZone),
      person: str(v.assignee),
    });
  }
  return out;
}

/**
 * Active inspection schedules whose next due day has passed. `nextDue` is written by the task
 * generator; when it is empty the calendar's recurrence rule works it out from `lastDone`.
 */
export function lateInspections(records: readonly TypedRecord[], ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  for (const { row, v } of records) {
    const freq = day(v.nextDue) ? null : parseFrequency(v.frequency);
    const due = freq
      ? freq.ok
        ? nextDue(freq.frequency, ctx.calendar, day(v.lastDone), ctx.today)
        : null
      : day(v.nextDue);
    if (v.active === false || !due || due >= ctx.today) continue;
    const role = str(v.role);
    const person = str(v.person) || (role ? (ctx.people.nameInRole(role as never) ?? '') : '');
    out.push({
      kind: 'inspection',
      sheet: 'inspectionSchedules',
      row,
      ref: str(v.scheduleId) || `r${row}`,
      title: [str(v.scheduleId), str(v.item)].filter(Boolean).join(' '),
      detail: [str(v.location), str(v.frequency)].filter(Boolean).join(' · '),
      due,
      person,
    });
  }
  return out;
}

/** Hazards found on inspection, not yet fixed, past their fix deadline. */
export function lateHazards(records: readonly TypedRecord[], ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  for (const { row, v } of records) {
    const due = day(v.fixDeadline);
    if (v.result !== 'hazard' || day(v.fixedDate) || !due || due >= ctx.today) continue;
    const found = day(v.date) ?? '';
    out.push({
      kind: 'hazard',
      sheet: 'inspectionResults',
      row,
      // Results have no id of their own: what identifies a finding is when, where and what.
      ref: `${found}-${shortHash(`${str(v.location)}|${str(v.finding)}`)}`,
      title: str(v.finding) || str(v.location),
      detail: [str(v.location), found].filter(Boolean).join(' · '),
      due,
      person: str(v.responsible) || str(v.inspector),
    });
  }
  return out;
}

/** Tasks still to do after their due day. */
export function lateTasks(records: readonly TypedRecord[], ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  for (const { row, v } of records) {
    const due = day(v.dueDate);
    const open = v.status === 'todo' || v.status === null;
    if (!open || !due || due >= ctx.today) continue;
    out.push({
      kind: 'task',
      sheet: 'tasks',
      row,
      ref: str(v.taskId) || str(v.key) || `r${row}`,
      title: str(v.title),
      detail: str(v.ref),
      due,
      person: str(v.assignee),
    });
  }
  return out;
}

/** Borrowed items not returned by their due day. */
export function lateLoans(records: readonly TypedRecord[], ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  for (const { row, v } of records) {
    const due = day(v.dueDate);
    if (v.type !== 'borrow' || day(v.returnedDate) || !due || due >= ctx.today) continue;
    const itemId = str(v.itemId);
    const party = str(v.party);
    out.push({
      kind: 'loan',
      sheet: 'stockMovements',
      row,
      ref: `${itemId}-${day(v.date) ?? ''}-${shortHash(party)}`,
      title: [itemId, party].filter(Boolean).join(' → '),
      detail: typeof v.quantity === 'number' ? `× ${v.quantity}` : '',
      due,
      // The storekeeper who lent it chases it; the borrower may be a class or department.
      person: str(v.handler) || party,
    });
  }
  return out;
}

/** A short stable hash for keys of records that have no id of their own (hazards, loans). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
