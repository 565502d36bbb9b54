import type { TypedRecord } from '../table/record';
import { addDays, instantOf, isDate, timeOf, type Day } from '../time';
import { zhOrder } from '../order';

/** One class's or room's repairs in a period: how many, caused by people or by wear, and compensation collected. */
export interface DamageLine {
  readonly location: string;
  readonly repairs: number;
  readonly byPerson: number;
  readonly byWear: number;
  /** Yuan of compensation recorded on those repairs (waived ones count nothing). */
  readonly compensation: number;
}

/**
 * The damage summary per class or room (the repair's 地点) for repairs reported in [from, to]:
 * the office reviews it monthly and each term, and flags classes with heavy damage. Cancelled
 * reports are not damage. Most repairs first, then by name.
 */
export function damageSummary(
  repairs: readonly TypedRecord[],
  timeZone: string,
  from: Day,
  to: Day,
): DamageLine[] {
  const by = new Map<string, { repairs: number; byPerson: number; byWear: number; cents: number }>();
  // Reported on a day from `from` to `to`: at or after the first midnight, before the one after
  // `to` (school time), without asking each report's day.
  const start = instantOf(from, timeZone).getTime();
  const end = instantOf(addDays(to, 1), timeZone).getTime();
  for (const { v } of repairs) {
    if (!isDate(v.reportedAt) || v.status === 'cancelled') continue;
    const reported = timeOf(v.reportedAt);
    const location = typeof v.location === 'string' ? v.location.trim() : '';
    if (reported < start || reported >= end || !location) continue;
    const line = by.get(location) ?? { repairs: 0, byPerson: 0, byWear: 0, cents: 0 };
    line.repairs += 1;
    if (v.cause === 'person') line.byPerson += 1;
    if (v.cause === 'wear') line.byWear += 1;
    if (typeof v.compensation === 'number' && v.waived !== true)
      line.cents += Math.round(v.compensation * 100);
    by.set(location, line);
  }
  return [...by]
    .map(([location, l]) => ({
      location,
      repairs: l.repairs,
      byPerson: l.byPerson,
      byWear: l.byWear,
      compensation: l.cents / 100,
    }))
    .sort((a, b) => b.repairs - a.repairs || zhOrder(a.location, b.location));
}
