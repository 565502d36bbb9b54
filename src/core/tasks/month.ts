import { foldWidth } from '../table/cells';
import { dayParts, makeDay, type Day } from '../time';
import { clampedDay } from '../calendar';

/** A calendar month, the unit the office plans in. */
export interface Month {
  readonly year: number;
  readonly month: number;
}

/** '2026-09': the Tasks sheet's month column. */
export function monthId({ year, month }: Month): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function monthOf(day: Day): Month {
  const { year, month } = dayParts(day);
  return { year, month };
}

export function firstDay({ year, month }: Month): Day {
  return makeDay(year, month, 1);
}

export function lastDay({ year, month }: Month): Day {
  return clampedDay(year, month, 31);
}

/** A month as a person types it: 2026-12, 2026/12, 2026.12, 2026年12月, 202612. */
export function parseMonth(text: unknown): Month | undefined {
  const t = foldWidth(String(text ?? '')).replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-./年](\d{1,2})月?|(\d{2}))$/.exec(t);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[3]);
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return undefined;
  return { year, month };
}
