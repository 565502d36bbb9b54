/**
 * What the status page and the reporter's later e-mails say about one request. The page gets only
 * this: the request's own steps and dates, never another cell of the workbook.
 */
import type { LogEntry } from '../alerts';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { instant, str, type TypedRecord } from '../table/record';
import { enumLabel, sheetName } from '../table/labels';
import type { CellValue } from '../table/mapping';
import { wallTime } from '../sidebar/records';
import type { DashboardLine } from '../sidebar/dashboard';
import { mailOf, type Notice } from './plan';

export type StepKey = 'received' | 'assigned' | 'repaired' | 'declined';

export interface Progress {
  readonly id: string;
  readonly room: string;
  /** Each step with its time ('yyyy-MM-dd HH:mm', school zone), '' when not reached yet. */
  readonly steps: readonly { key: StepKey; at: string }[];
  /** When the office turned the request down: its reason (the repair's note). */
  readonly declined?: string;
}

export function progressOf(repair: TypedRecord, timeZone: string): Progress {
  const at = (value: unknown) => (value instanceof Date ? wallTime(value, timeZone) : '');
  const reported = at(repair.v.reportedAt);
  const status = repair.v.status;
  const assigned = str(repair.v.assignee) || status === 'in_progress' || status === 'done' ? reported : '';
  const base = {
    id: str(repair.v.repairId),
    room: str(repair.v.location),
  };
  if (status === 'cancelled')
    return {
      ...base,
      steps: [
        { key: 'received', at: reported },
        { key: 'declined', at: at(repair.v.completedAt) },
      ],
      declined: str(repair.v.note),
    };
  return {
    ...base,
    steps: [
      { key: 'received', at: reported },
      { key: 'assigned', at: assigned },
      { key: 'repaired', at: status === 'done' ? at(repair.v.completedAt) || reported : '' },
    ],
  };
}

const RECEIPT = 'request-receipt:';

/**
 * The reporters to tell that their repair is done or turned down: every request whose receipt the
 * Alert log holds, now closed, and not yet told. Whoever closed it (the sidebar, a task, a typed
 * cell), the daily run finds it; the sidebar's own completion tells at once.
 */
export function closedNotices(
  repairs: readonly TypedRecord[],
  log: readonly LogEntry[],
  timeZone: string,
  lang: Lang,
  statusLink: (id: string) => string,
): Notice[] {
  const reporters = new Map<string, string>();
  const told = new Set<string>();
  for (const e of log) {
    if (e.itemKey.startsWith(RECEIPT)) reporters.set(e.itemKey.slice(RECEIPT.length), e.recipient);
    else if (e.status === 'sent' && /^request-(done|declined):/.test(e.itemKey)) told.add(e.itemKey);
  }
  if (!reporters.size) return [];
  const t = messages(lang).requests.mail;
  const out: Notice[] = [];
  for (const r of repairs) {
    const id = str(r.v.repairId);
    const to = reporters.get(id);
    if (!to || (r.v.status !== 'done' && r.v.status !== 'cancelled')) continue;
    const kind = r.v.status === 'done' ? 'done' : 'declined';
    const itemKey = `request-${kind}:${id}`;
    if (told.has(itemKey)) continue;
    const done = instant(r.v.completedAt);
    const params = {
      id,
      room: str(r.v.location),
      link: statusLink(id),
      at: done ? wallTime(done, timeZone) : '',
      reason: str(r.v.note) || messages(lang).requests.noReason,
    };
    out.push({
      itemKey,
      mail:
        kind === 'done'
          ? mailOf(to, fill(t.doneSubject, params), fill(t.doneBody, params))
          : mailOf(to, fill(t.declinedSubject, params), fill(t.declinedBody, params)),
    });
  }
  return out;
}

/** Alert log rows for a request's e-mails: `sent[i]` says whether `notices[i]` went, `rows[i]` its repair's row. */
export function noticeLog(
  notices: readonly Notice[],
  sent: readonly (boolean | undefined)[],
  now: Date,
  lang: Lang,
  rows: readonly number[],
): Record<string, CellValue>[] {
  return notices.map((n, i) => ({
    time: now,
    recipient: n.mail.to,
    kind: messages(lang).requests.title,
    itemKey: n.itemKey,
    sheet: sheetName(lang, 'repairs'),
    row: rows[i] ?? '',
    status: enumLabel(
      lang,
      'alertStatus',
      sent[i] === true ? 'sent' : sent[i] === false ? 'failed' : 'pending',
    ),
    escalated: false,
    note: '',
  }));
}

/**
 * Reports nobody has started on yet (status still "reported"), newest first: the sidebar's first
 * count, so a report from the request page is seen the next time the office looks.
 */
export function newRequests(repairs: readonly TypedRecord[]): DashboardLine[] {
  return repairs
    .filter((r) => str(r.v.repairId) && r.v.status === 'reported')
    .map((r) => ({
      sheet: 'repairs' as const,
      row: r.row,
      title: [str(r.v.repairId), str(r.v.location)].filter(Boolean).join(' '),
      detail: str(r.v.description).split('\n')[0] ?? '',
    }))
    .reverse();
}
