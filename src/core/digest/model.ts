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

/** What the office hears on Monday morning: last week in counts, with the top items behind them. */
export interface Digest {
  /** Last week: the seven days before the run day. */
  readonly from: Day;
  readonly to: Day;
  /** The coming week: the run day and the six after it. */
  readonly nextFrom: Day;
  readonly nextTo: Day;
  readonly repairs: {
    readonly reported: number;
    readonly completed: number;
    readonly overdue: number;
    /** Median hours from report to completion of last week's completed repairs; null when none. */
    readonly medianHours: number | null;
    readonly top: readonly OverdueItem[];
  };
  readonly inspections: {
    /** Inspection tasks due last week, and how many of them are done. */
    readonly due: number;
    readonly done: number;
    /** Inspection records dated last week. */
    readonly results: number;
    readonly late: number;
    readonly hazardsOpen: number;
    readonly top: readonly OverdueItem[];
  };
  readonly stock: { readonly low: number; readonly loans: number; readonly top: readonly OverdueItem[] };
  readonly fees: {
    readonly collected: number;
    readonly deposited: number;
    readonly gap: number;
    readonly gaps: readonly FeeGap[];
  };
  readonly canteen: {
    /** Days last week with samples, and those where every sample met the weight and keeping time. */
    readonly days: number;
    readonly okDays: number;
    readonly badDays: readonly Day[];
    readonly certificates: number;
    readonly top: readonly OverdueItem[];
  };
  readonly tasks: readonly {
    readonly person: string;
    readonly tasks: readonly { due: Day; title: string }[];
  }[];
  readonly problems: { readonly errors: number; readonly warnings: number; readonly top: readonly string[] };
}
