import type { Day } from '../time';
import type { WeekFigures } from '.';

type Counted = Exclude<keyof WeekFigures, 'from' | 'to' | 'hasData'>;

export interface TrendSeries {
  readonly figure: Counted;
  /** Key of the series name under `alerts.digest.series`. */
  readonly name: 'reported' | 'fixed' | 'done' | 'planned' | 'open';
  readonly color: string;
}

/** One small chart: its title key under `alerts.digest` and the figures it draws side by side. */
export interface Trend {
  readonly title: 'trendRepairs' | 'trendInspections' | 'trendHazards';
  readonly series: readonly TrendSeries[];
}

/** The trends the digest and the sidebar dashboard both draw, in this order and these colours. */
export const TRENDS: readonly Trend[] = [
  {
    title: 'trendRepairs',
    series: [
      { figure: 'repairsReported', name: 'reported', color: '#9aa0a6' },
      { figure: 'repairsFixed', name: 'fixed', color: '#1a73e8' },
    ],
  },
  {
    title: 'trendInspections',
    series: [
      { figure: 'inspectionsPlanned', name: 'planned', color: '#9aa0a6' },
      { figure: 'inspectionsDone', name: 'done', color: '#188038' },
    ],
  },
  { title: 'trendHazards', series: [{ figure: 'hazardsOpen', name: 'open', color: '#d93025' }] },
];

/** The weeks worth drawing: from the first one with any record (none when the workbook is empty). */
export function trendWeeks(history: readonly WeekFigures[]): WeekFigures[] {
  const first = history.findIndex((w) => w.hasData);
  return first < 0 ? [] : history.slice(first);
}

/** A week's short label: its Monday as month/day (9/7). */
export function weekLabel(monday: Day): string {
  return `${Number(monday.slice(5, 7))}/${Number(monday.slice(8, 10))}`;
}

/** The tallest value of a chart, at least 1 so an all-zero chart still has a scale. */
export function trendMax(weeks: readonly WeekFigures[], trend: Trend): number {
  return Math.max(1, ...weeks.flatMap((w) => trend.series.map((s) => w[s.figure])));
}
