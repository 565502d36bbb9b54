/** What crosses google.script.run between the sidebar page and the server: JSON only, dates as strings. */
import type { Lang } from '../../core/lang';
import type { WeekFigures } from '../../core/figures';
import type { DashboardCount, Choice, FormKey, FormSpec, ListKey } from '../../core/sidebar';
import type { Reply } from './serve';

/** A workbook choice with what the page fills from it (a fee's standard, a schedule's place). */
export interface ListChoice extends Choice {
  readonly standard?: number;
  readonly location?: string;
}

export interface SidebarData {
  /** The Settings language now; the page's own text is in the language it was opened in. */
  readonly lang: Lang;
  readonly user: string;
  /** 'yyyy-MM-dd' in the school's time zone. */
  readonly today: string;
  /** The moment of loading, 'yyyy-MM-ddTHH:mm' in the school's time zone: defaults use it, never the browser's clock. */
  readonly now: string;
  readonly dashboard: readonly DashboardCount[];
  /** The weekly figures behind the dashboard's trend charts (the digest's, week for week). */
  readonly trends: readonly WeekFigures[];
  readonly lists: Record<ListKey, readonly ListChoice[]>;
  readonly forms: Record<FormKey, FormSpec>;
  readonly suggestedReceipt: string;
  readonly sampleGrams: number;
}

/** A quick action's answer: what was done, or why nothing was. */
export type SubmitResult = Reply<{ message: string }>;
