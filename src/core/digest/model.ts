import type { DamageLine } from '../domain/damage';
import type { DutyGap } from '../duty';
import type { WeekFigures } from '../figures';
import type { OverdueItem } from '../overdue';
import type { Day } from '../time';

/** A problem the validation found, in the words of the Settings language. */
export interface DigestProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface FeeGap {
  readonly day: Day;
  readonly collector: string;
  /** Yuan not deposited on the day it was collected. */
  readonly amount: number;
}

/**
 * Something the office head or principal must act on, most urgent first: a safety hazard past its
 * deadline, an expired certificate, a day the canteen samples fell short, a long-overdue repair or
 * inspection, money not banked.
 */
export type Attention =
  | { readonly kind: 'overdue'; readonly item: OverdueItem }
  | { readonly kind: 'samples'; readonly day: Day }
  | { readonly kind: 'fees'; readonly gap: FeeGap }
  /** A holiday starting within two weeks with days nobody is on duty. */
  | { readonly kind: 'dutyGap'; readonly gap: DutyGap }
  /** A class or room with at least Settings.damageThreshold repairs this month; its term so far beside it. */
  | { readonly kind: 'damage'; readonly line: DamageLine; readonly termRepairs: number };

/** A section's first items, and how many more the workbook holds. */
export interface Top<T> {
  readonly top: readonly T[];
  readonly more: number;
}

/** What the office hears on Monday morning: last week in figures, with the top items behind them. */
export interface Digest {
  /** Last week: Monday to Sunday before the run day's week. */
  readonly from: Day;
  readonly to: Day;
  /** The coming week: the run day and the six after it. */
  readonly nextFrom: Day;
  readonly nextTo: Day;
  /** The trend weeks, oldest first; the last one is `from`–`to`, the one before it the comparison. */
  readonly history: readonly WeekFigures[];
  readonly attention: Top<Attention>;
  readonly repairs: Top<OverdueItem> & {
    /** Overdue now (as the alerts see it), which may have grown since Sunday night. */
    readonly overdue: number;
    /** Median hours from report to completion of last week's completed repairs; null when none. */
    readonly medianHours: number | null;
    /** Reports nobody has started on yet (the request page's among them), as the sidebar counts them. */
    readonly waiting: number;
  };
  readonly inspections: Top<OverdueItem> & {
    /** Inspection records dated last week. */
    readonly results: number;
    /** Schedules overdue now. */
    readonly late: number;
  };
  readonly stock: Top<OverdueItem> & { readonly loans: number };
  readonly fees: Top<FeeGap> & { readonly collected: number; readonly deposited: number };
  readonly canteen: Top<OverdueItem> & {
    /** Days last week with samples, and those where every sample met the weight and keeping time. */
    readonly days: number;
    readonly okDays: number;
    readonly badDays: readonly Day[];
    readonly certificates: number;
  };
  readonly tasks: Top<{ readonly person: string; readonly tasks: readonly { due: Day; title: string }[] }> & {
    readonly total: number;
  };
  readonly problems: Top<string> & { readonly errors: number; readonly warnings: number };
}
