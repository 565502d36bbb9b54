import { messages } from '../i18n';
import type { Lang } from '../lang';
import { enumLabel, sheetName } from '../table/labels';
import type { CellValue } from '../table/mapping';
import { indexLog, pairKey } from './log';
import type { LogEntry, Message, Outcome } from './types';

export interface LogChanges {
  /** New Alert log rows by column key, labelled in the Settings language. */
  readonly append: Record<string, CellValue>[];
  /** Existing pending/failed rows settled by this run. */
  readonly update: { row: number; patch: Record<string, CellValue> }[];
}

/**
 * What the Alert log must say after a run. A sent line is logged 'sent'; a line that could not go
 * (quota spent: 'pending'; sendEmail threw: 'failed') is logged once and that same row is marked
 * 'sent' when it finally goes, so waiting items are visible and the log never doubles them.
 * `outcomes[i]` belongs to `mails[i]`; a message without an outcome was not attempted.
 */
export function logChanges(
  mails: readonly Message[],
  outcomes: readonly (Outcome | undefined)[],
  log: readonly LogEntry[],
  now: Date,
  lang: Lang,
): LogChanges {
  const kinds = messages(lang).alerts.kinds;
  const { open } = indexLog(log);
  const append: Record<string, CellValue>[] = [];
  const update: { row: number; patch: Record<string, CellValue> }[] = [];
  mails.forEach((m, i) => {
    const outcome = outcomes[i];
    const key = outcome?.sent ? 'sent' : outcome ? 'failed' : 'pending';
    const status = enumLabel(lang, 'alertStatus', key);
    const note = outcome && !outcome.sent ? (outcome.error ?? '') : '';
    for (const { item, escalated } of m.lines) {
      const row = {
        time: now,
        recipient: m.to,
        kind: kinds[item.kind],
        itemKey: item.key,
        sheet: sheetName(lang, item.sheet),
        row: item.row,
        status,
        escalated,
        note,
      };
      const waiting = open.get(pairKey(item.key, m.to));
      if (!waiting) append.push(row);
      else if (waiting.status !== key || key === 'sent' || note)
        update.push({ row: waiting.row, patch: { time: now, status, escalated, note, row: item.row } });
    }
  });
  return { append, update };
}
