import { schoolCalendarFrom } from '../calendar';
import { isEmail } from '../settings/parse';
import type { Settings } from '../settings/schema';
import { dayOf, daysBetween } from '../time';
import type { Draft, RuleContext } from './draft';
import { dutyTomorrow } from './duty';
import { leaversWithItems } from './leavers';
import { expiringCertificates, lowStock } from './expiry';
import { peopleFrom } from './people';
import { recordsOf, recordsWhere } from './typed';
import { lateHazards, lateInspections, lateLoans, lateRepairs, lateTasks } from './records';
import { OVERDUE_KINDS, type OverdueInput, type OverdueItem, type OverdueKind } from './types';

export { OVERDUE_KINDS };
export type { People } from './people';

/** The Roster as a directory (names ↔ addresses, posts), for callers that greet or route people. */
export function rosterPeople(input: OverdueInput) {
  return peopleFrom(recordsOf(input, 'roster'));
}
export type { OverdueInput, OverdueItem, OverdueKind } from './types';

/**
 * Everything late on `now` (in the spreadsheet's time zone), oldest first. Input tables are the
 * sheets as read (`Workbook.table(key)`, or `tableOf(key, values)`); a missing sheet has
 * nothing late. Each item names the person responsible, resolved through the Roster; with no
 * valid person the office head is the recipient.
 */
export function findOverdue(input: OverdueInput, now: Date, settings: Settings): OverdueItem[] {
  const tz = input.timeZone;
  const read = (key: keyof OverdueInput['tables']) => recordsOf(input, key);
  const roster = read('roster');
  const ctx: RuleContext = {
    now,
    today: dayOf(now, tz),
    timeZone: tz,
    settings,
    people: peopleFrom(roster),
    calendar: schoolCalendarFrom(input.tables.schoolYear?.rows ?? [], tz),
  };
  const drafts: Draft[] = [
    ...lateRepairs(read('repairs'), ctx),
    ...lateHazards(read('inspectionResults'), ctx),
    ...lateInspections(read('inspectionSchedules'), ctx),
    ...lateTasks(read('tasks'), ctx),
    ...lateLoans(read('stockMovements'), ctx),
    // Of tens of thousands of assets, only those with a service day can come due; the rest are
    // typed only when someone leaving may still keep some.
    ...expiringCertificates(
      roster,
      read('supplierCertificates'),
      recordsWhere(input, 'assets', (cells) => cells.serviceDue !== ''),
      ctx,
    ),
    ...lowStock(read('stockItems'), read('stockMovements'), ctx),
    ...leaversWithItems(roster, read('stockMovements'), () => read('assets'), ctx),
    ...dutyTomorrow(read('duty'), ctx),
  ];
  const head = isEmail(settings.officeHead) ? settings.officeHead : '';
  const seen = new Set<string>();
  const items: OverdueItem[] = [];
  for (const d of drafts) {
    const key = `${d.kind}:${d.ref}`;
    // Two rows describing the same thing (a pasted duplicate) are one item, alerted once.
    if (seen.has(key)) continue;
    seen.add(key);
    const personal = d.person ? ctx.people.emailOf(d.person) : undefined;
    items.push({
      key,
      kind: d.kind,
      sheet: d.sheet,
      row: d.row,
      title: d.title,
      detail: d.detail,
      due: d.due,
      daysOverdue: daysBetween(d.due, ctx.today),
      person: d.person,
      email: personal ?? head,
      toHead: personal === undefined,
    });
  }
  return items.sort(oldestFirst);
}

export function oldestFirst(a: OverdueItem, b: OverdueItem): number {
  return a.due < b.due ? -1 : a.due > b.due ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** How many items of each kind (for the dashboard), every kind present, zeros included. */
export function overdueCounts(items: readonly OverdueItem[]): Record<OverdueKind, number> {
  const counts = Object.fromEntries(OVERDUE_KINDS.map((k) => [k, 0])) as Record<OverdueKind, number>;
  for (const item of items) counts[item.kind] += 1;
  return counts;
}

// What the shell imports of this concern, through this index (eslint houqin/layer-imports).
export * from './people';
export { knownRecords } from './typed';
