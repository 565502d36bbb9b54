import type { SheetKey } from '../sheets';
import type { SourceTable } from '../table/record';
import type { Day } from '../time';

/** The kinds of late things, in the order an e-mail lists them. */
export const OVERDUE_KINDS = [
  'repair',
  'hazard',
  'inspection',
  'task',
  'loan',
  'certificate',
  'lowStock',
  // Staff leaving (离校日期) who still have borrowed items or keep assets: told to the office head.
  'leaver',
  // Not late: the person on duty tomorrow, reminded the day before in the same daily e-mail.
  'duty',
] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

export interface OverdueInput {
  /** The spreadsheet's time zone: cells are read and days counted in it. */
  readonly timeZone: string;
  readonly tables: Partial<Record<SheetKey, SourceTable>>;
}

export interface OverdueItem {
  /** Stable identity (kind + source reference): the Alert log knows an item by it across runs. */
  readonly key: string;
  readonly kind: OverdueKind;
  readonly sheet: SheetKey;
  /** 1-based sheet row of the source record. */
  readonly row: number;
  /** The record in the office's words (user text: escape before showing as HTML). */
  readonly title: string;
  /** A second line: place, supplier, quantities. May be empty. */
  readonly detail: string;
  /** The day it was due (for certificates: the expiry day, which may still be ahead). */
  readonly due: Day;
  /** Whole days past due today; negative for a certificate expiring within the lead time. */
  readonly daysOverdue: number;
  /** The responsible person as written in the sheet ('' when nobody is named). */
  readonly person: string;
  /** Where the alert goes: the person's Roster e-mail, or the office head's ('' if neither is set). */
  readonly email: string;
  /** True when no valid person was found and the item went to the office head instead. */
  readonly toHead: boolean;
}
