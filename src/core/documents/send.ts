import { indexLog, pairKey } from '../alerts/log';
import type { LogChanges } from '../alerts/reconcile';
import type { LogEntry, Outcome } from '../alerts/types';
import { enumLabel } from '../table/labels';
import type { Lang } from '../lang';
import { monthId, type Month } from '../tasks/month';

/**
 * The monthly safety report is sent once per month and recipient, and the Alert log is the record
 * of it, as it is for alerts: the report's key there is `safety-report|2026-11`.
 */
export function safetyReportKey(month: Month): string {
  return `safety-report|${monthId(month)}`;
}

/** Who gets the report: the bureau's addresses and the office head, each once. */
export function safetyRecipients(bureau: readonly string[], officeHead: string): string[] {
  const seen = new Set<string>();
  return [...bureau, officeHead].filter((a) => {
    const k = a.trim().toLowerCase();
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The recipients the Alert log does not yet show as sent this report: only they get it. */
export function recipientsDue(
  key: string,
  recipients: readonly string[],
  log: readonly LogEntry[],
): string[] {
  const { lastSent } = indexLog(log);
  return recipients.filter((r) => !lastSent.has(pairKey(key, r)));
}

/** Whether the log holds a pending or failed send of this report (the daily job then retries). */
export function waitingInLog(key: string, log: readonly LogEntry[]): boolean {
  const { open } = indexLog(log);
  return [...open.values()].some((e) => e.itemKey === key);
}

/**
 * The Alert log rows for one attempt to send the report to `recipients` (one e-mail): a row per
 * recipient, 'sent', 'failed' (sendEmail threw) or 'pending' (no attempt: quota); a recipient's
 * waiting row is settled in place, as the alerts do, so the log never doubles a recipient.
 */
export function reportLogChanges(
  key: string,
  kind: string,
  recipients: readonly string[],
  outcome: Outcome | undefined,
  log: readonly LogEntry[],
  now: Date,
  lang: Lang,
): LogChanges {
  const { open } = indexLog(log);
  const status = outcome?.sent ? 'sent' : outcome ? 'failed' : 'pending';
  const label = enumLabel(lang, 'alertStatus', status);
  const note = outcome && !outcome.sent ? (outcome.error ?? '') : '';
  const append: LogChanges['append'][number][] = [];
  const update: LogChanges['update'][number][] = [];
  for (const to of recipients) {
    const waiting = open.get(pairKey(key, to));
    if (!waiting)
      append.push({
        time: now,
        recipient: to,
        kind,
        itemKey: key,
        sheet: '',
        row: '',
        status: label,
        escalated: false,
        note,
      });
    else if (waiting.status !== status || status === 'sent' || note)
      update.push({ row: waiting.row, patch: { time: now, status: label, note } });
  }
  return { append, update };
}
