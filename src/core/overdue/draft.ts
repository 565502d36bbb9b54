import type { SchoolCalendar } from '../calendar';
import type { Settings } from '../settings/schema';
import type { SheetKey } from '../sheets';
import type { Day } from '../time';
import type { People } from './people';
import type { OverdueKind } from './types';

/** What a rule finds, before the person is resolved to an address. */
export interface Draft {
  readonly kind: OverdueKind;
  readonly sheet: SheetKey;
  readonly row: number;
  /** The record's own reference (id, or a hash of what identifies it); with `kind` it makes the key. */
  readonly ref: string;
  readonly title: string;
  readonly detail: string;
  readonly due: Day;
  readonly person: string;
}

export interface RuleContext {
  readonly now: Date;
  readonly today: Day;
  readonly timeZone: string;
  readonly settings: Settings;
  readonly people: People;
  /** The school year (terms, holidays), for schedules whose next due day is not yet written. */
  readonly calendar: SchoolCalendar;
}
