import type { OverdueItem, OverdueKind } from '../overdue';

/** One row of the Alert log as read: what went (or was meant to go) to whom, and when. */
export interface LogEntry {
  /** 1-based sheet row, so a pending row can be marked sent in place. */
  readonly row: number;
  readonly time: Date | null;
  readonly recipient: string;
  readonly itemKey: string;
  readonly status: 'sent' | 'pending' | 'failed';
  readonly escalated: boolean;
}

/** An item as it appears in one recipient's e-mail. */
export interface Line {
  readonly item: OverdueItem;
  /** Sent to the office head because it is overdue longer than Settings.escalationDays. */
  readonly escalated: boolean;
}

/** One e-mail: everything one recipient should hear about in this run. */
export interface Message {
  readonly to: string;
  /** The items the e-mail lists (and the log records as sent to this recipient). */
  readonly lines: readonly Line[];
  /** Due items of each kind beyond the listed ones: counted, not listed, so not logged as sent. */
  readonly more: Readonly<Partial<Record<OverdueKind, number>>>;
}

/** How sending a message went. */
export type Outcome = { readonly sent: true } | { readonly sent: false; readonly error?: string };
