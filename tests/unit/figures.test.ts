import { weeklyHistory, weekStart } from '../../src/core/figures';
import { trendWeeks } from '../../src/core/figures/trends';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { dashboardTrends } from '../../src/core/sidebar/dashboard';
import { MONDAY, TZ, WEEKS_INPUT, at } from './figures.fixture';

const pick = (keys: string[], w: object) =>
  Object.fromEntries(keys.map((k) => [k, (w as Record<string, unknown>)[k]]));

describe('weekly figures, counted by hand', () => {
  const history = weeklyHistory(WEEKS_INPUT, MONDAY, DEFAULT_SETTINGS);

  it('covers the twelve school weeks before the run week, Monday to Sunday, oldest first', () => {
    expect(history).toHaveLength(12);
    expect(history[0]!.from).toBe('2026-06-22');
    expect(history.at(-1)).toMatchObject({ from: '2026-09-07', to: '2026-09-13' });
    expect(weekStart('2026-09-13')).toBe('2026-09-07');
    expect(weekStart('2026-09-14')).toBe('2026-09-14');
  });

  it('counts each week from its own records, and states as they were at its end', () => {
    const keys = [
      'hasData',
      'repairsReported',
      'repairsFixed',
      'overdueRepairs',
      'hazardsOpen',
      'hazardsLate',
      'inspectionsPlanned',
      'inspectionsDone',
      'tasksDue',
      'tasksDone',
      'feesLate',
      'feesLateAmount',
      'lowStock',
    ];
    const [w0817, w0824, w0831, w0907] = history.slice(-4).map((w) => pick(keys, w));
    expect(w0817).toEqual({
      hasData: true,
      repairsReported: 1,
      repairsFixed: 1,
      overdueRepairs: 0,
      hazardsOpen: 0,
      hazardsLate: 0,
      inspectionsPlanned: 0,
      inspectionsDone: 0,
      tasksDue: 0,
      tasksDone: 0,
      feesLate: 0,
      feesLateAmount: 0,
      // Both items have a minimum and nothing in store yet.
      lowStock: 2,
    });
    // A week with no record at all: flows are zero, states carry on.
    expect(w0824).toEqual({ ...w0817, repairsReported: 0, repairsFixed: 0 });
    expect(w0831).toEqual({
      hasData: true,
      repairsReported: 4, // A, B, E (cancelled still reported), F
      repairsFixed: 1, // A
      overdueRepairs: 2, // B open, F fixed only on 09-08
      hazardsOpen: 1, // the rail, fixed 09-09
      hazardsLate: 1,
      inspectionsPlanned: 2,
      inspectionsDone: 1,
      tasksDue: 4,
      tasksDone: 3, // done and skipped
      feesLate: 2,
      feesLateAmount: 70.5,
      lowStock: 1, // WZ-2: 1 of 2
    });
    expect(w0907).toEqual({
      hasData: true,
      repairsReported: 2, // C, D
      repairsFixed: 2, // C, F
      overdueRepairs: 2, // B, D (deadline 09-13 20:00)
      hazardsOpen: 2, // wet floor, gas smell
      hazardsLate: 1, // gas smell, deadline Sunday
      inspectionsPlanned: 1,
      inspectionsDone: 1,
      tasksDue: 2, // the removed task does not count
      tasksDone: 1,
      feesLate: 1,
      feesLateAmount: 10.1,
      lowStock: 2, // WZ-1 3 of 5, WZ-2 1 of 2
    });
  });

  it('marks the weeks before the first record as without data, and draws from the first with data', () => {
    expect(history.slice(0, 8).every((w) => !w.hasData)).toBe(true);
    expect(trendWeeks(history).map((w) => w.from)).toEqual([
      '2026-08-17',
      '2026-08-24',
      '2026-08-31',
      '2026-09-07',
    ]);
    expect(trendWeeks(weeklyHistory({ timeZone: TZ, tables: {} }, MONDAY, DEFAULT_SETTINGS))).toEqual([]);
  });

  it('gives the same weeks whatever day of the run week it is run, and the dashboard the same figures', () => {
    const sunday = weeklyHistory(WEEKS_INPUT, at('2026-09-20', 23, 59), DEFAULT_SETTINGS);
    expect(sunday).toEqual(history);
    expect(dashboardTrends(WEEKS_INPUT, at('2026-09-16', 10), DEFAULT_SETTINGS)).toEqual(trendWeeks(history));
  });
});
