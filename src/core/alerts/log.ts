import { instant, str, typedRecords, type SourceTable } from '../table/record';
import type { LogEntry } from './types';

/** The Alert log as entries; rows that are not Houqin's own (no recipient or item) are ignored. */
export function readLog(table: SourceTable | undefined, timeZone: string): LogEntry[] {
  const out: LogEntry[] = [];
  for (const { row, v } of typedRecords(table, timeZone)) {
    const recipient = str(v.recipient);
    const itemKey = str(v.itemKey);
    const status = v.status;
    if (!recipient || !itemKey || (status !== 'sent' && status !== 'pending' && status !== 'failed'))
      continue;
    out.push({
      row,
      time: instant(v.time),
      recipient: recipient.toLowerCase(),
      itemKey,
      status,
      escalated: v.escalated === true,
    });
  }
  return out;
}

export function pairKey(itemKey: string, recipient: string): string {
  return `${itemKey}\u0000${recipient.toLowerCase()}`;
}

/** The last entry per (item, recipient) of each status, for interval checks and reconciliation. */
export function indexLog(entries: readonly LogEntry[]) {
  const lastSent = new Map<string, LogEntry>();
  const open = new Map<string, LogEntry>();
  for (const e of entries) {
    const key = pairKey(e.itemKey, e.recipient);
    if (e.status === 'sent') {
      const prev = lastSent.get(key);
      if (!prev || (e.time?.getTime() ?? 0) >= (prev.time?.getTime() ?? 0)) lastSent.set(key, e);
    } else open.set(key, e);
  }
  // A pending row older than the last send is history, not something still waiting.
  for (const [key, e] of open) {
    const sent = lastSent.get(key);
    if (sent && sent.row > e.row) open.delete(key);
  }
  return { lastSent, open };
}
