import { OVERDUE_KINDS, oldestFirst, type OverdueItem, type OverdueKind } from '../overdue';
import { isEmail } from '../settings/parse';
import type { Settings } from '../settings/schema';
import { dayOf, daysBetween } from '../time';
import { indexLog, pairKey } from './log';
import type { Line, LogEntry, Message } from './types';

/**
 * At most this many items of one kind in one e-mail, the longest overdue first. At 50,000 rows the
 * office head's escalation would otherwise list thousands; the rest are counted, not listed, and so
 * not logged as sent: each is listed once the older ones are dealt with.
 */
export const LINES_PER_KIND = 15;

type AlertSettings = Pick<Settings, 'officeHead' | 'repairAlertDays' | 'otherAlertDays' | 'escalationDays'>;

/**
 * Who hears about what in this run: one message per recipient, most urgent message first (the
 * order to spend the mail quota in). An (item, recipient) pair is due when it was never sent, when
 * its interval has passed since the last send, or when it has just escalated. A person already
 * mailed today hears nothing more until tomorrow: running the alerts twice sends no second e-mail,
 * not even one listing the items the first could only count.
 */
export function planAlerts(
  items: readonly OverdueItem[],
  log: readonly LogEntry[],
  now: Date,
  timeZone: string,
  settings: AlertSettings,
): Message[] {
  const { lastSent } = indexLog(log);
  const today = dayOf(now, timeZone);
  const head = isEmail(settings.officeHead) ? settings.officeHead.toLowerCase() : '';
  const mailedToday = new Set(
    log
      .filter((e) => e.status === 'sent' && e.time && dayOf(e.time, timeZone) === today)
      .map((e) => e.recipient),
  );
  const byRecipient = new Map<string, Line[]>();
  const add = (to: string, line: Line) => {
    if (mailedToday.has(to)) return;
    const last = lastSent.get(pairKey(line.item.key, to));
    const interval = line.item.kind === 'repair' ? settings.repairAlertDays : settings.otherAlertDays;
    const due =
      !last ||
      !last.time ||
      daysBetween(dayOf(last.time, timeZone), today) >= interval ||
      (line.escalated && !last.escalated);
    if (!due) return;
    const lines = byRecipient.get(to) ?? [];
    lines.push(line);
    byRecipient.set(to, lines);
  };
  for (const item of items) {
    const to = item.email.toLowerCase();
    const escalates = item.daysOverdue > settings.escalationDays && head !== '';
    if (to) add(to, { item, escalated: escalates && to === head });
    if (escalates && to !== head) add(head, { item, escalated: true });
  }
  const messages = [...byRecipient].map(([to, lines]) => ({ to, ...capByKind(sortLines(lines)) }));
  return messages.sort(mostUrgentFirst);
}

/** Keeps the first LINES_PER_KIND lines of each kind (sorted lines: the oldest) and counts the rest. */
function capByKind(sorted: readonly Line[]): Pick<Message, 'lines' | 'more'> {
  const lines: Line[] = [];
  const more: Partial<Record<OverdueKind, number>> = {};
  const listed = new Map<OverdueKind, number>();
  for (const line of sorted) {
    const kind = line.item.kind;
    const n = listed.get(kind) ?? 0;
    if (n < LINES_PER_KIND) {
      lines.push(line);
      listed.set(kind, n + 1);
    } else more[kind] = (more[kind] ?? 0) + 1;
  }
  return { lines, more };
}

/** Grouped by kind (in the kinds' order), oldest first within a kind. */
export function sortLines(lines: readonly Line[]): Line[] {
  const rank = (l: Line) => OVERDUE_KINDS.indexOf(l.item.kind);
  return [...lines].sort((a, b) => rank(a) - rank(b) || oldestFirst(a.item, b.item));
}

function urgency(m: Message): [number, number] {
  return [m.lines.some((l) => l.escalated) ? 1 : 0, Math.max(...m.lines.map((l) => l.item.daysOverdue))];
}

/** Escalations first, then the message holding the longest-overdue item; ties by address, for a stable order. */
function mostUrgentFirst(a: Message, b: Message): number {
  const [ea, da] = urgency(a);
  const [eb, db] = urgency(b);
  return eb - ea || db - da || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0);
}
