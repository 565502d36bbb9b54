import { differenceInCalendarISOWeeks } from 'date-fns/differenceInCalendarISOWeeks';
import { eachDayOfInterval } from 'date-fns/eachDayOfInterval';
import { eachMonthOfInterval } from 'date-fns/eachMonthOfInterval';
import { addDays, daysInMonth, dayParts, localDay, localNoon, makeDay, weekday, type Day } from '../time';
import type { Frequency } from './frequency';
import {
  isSchoolDay,
  lastSchoolDay,
  firstSchoolDay,
  nearestWorkingDay,
  termOf,
  termPhaseDay,
  type SchoolCalendar,
} from './year';

/** Each calendar month touching [from, to], as year and month. */
export function monthsBetween(from: Day, to: Day): { year: number; month: number }[] {
  return eachMonthOfInterval({ start: localNoon(from), end: localNoon(to) }).map((d) => ({
    year: d.getFullYear(),
    month: d.getMonth() + 1,
  }));
}

/** The day of a month, or the month's last day when it is shorter (31 → 30 April, 29 February). */
export function clampedDay(year: number, month: number, date: number): Day {
  return makeDay(year, month, Math.min(date, daysInMonth(year, month)));
}

/**
 * "Every 2 weeks" counts weeks from the week its term starts in (the office says 单周/双周 per
 * term), so the first week of each term is always an on-week.
 */
function isOnWeek(cal: SchoolCalendar, day: Day, every: number): boolean {
  if (every === 1) return true;
  const term = termOf(cal, day);
  // Weeks run Monday to Sunday, as in China; counted, not numbered, so ISO week 53 is just a week.
  const weeks = differenceInCalendarISOWeeks(localNoon(day), localNoon(term ? term.start : day));
  return weeks % every === 0;
}

function everyDay(from: Day, to: Day, keep: (d: Day) => boolean): Day[] {
  return eachDayOfInterval({ start: localNoon(from), end: localNoon(to) })
    .map(localDay)
    .filter(keep);
}

function perMonth(from: Day, to: Day, pick: (year: number, month: number) => Day | undefined): Day[] {
  const out: Day[] = [];
  for (const { year, month } of monthsBetween(from, to)) {
    const d = pick(year, month);
    if (d !== undefined && from <= d && d <= to) out.push(d);
  }
  return out;
}

/** Every day in [from, to] (both included) on which `freq` falls due, in order. */
export function occurrences(freq: Frequency, cal: SchoolCalendar, from: Day, to: Day): Day[] {
  if (to < from) return [];
  switch (freq.kind) {
    case 'daily':
      return everyDay(from, to, (d) => isSchoolDay(cal, d));
    case 'weekly':
      return everyDay(
        from,
        to,
        (d) => weekday(d) === freq.weekday && isSchoolDay(cal, d) && isOnWeek(cal, d, freq.every),
      );
    case 'monthly':
      return perMonth(from, to, (y, m) =>
        nearestWorkingDay(cal, clampedDay(y, m, freq.day), makeDay(y, m, 1), clampedDay(y, m, 31)),
      );
    case 'quarterly':
      return perMonth(from, to, (y, m) => {
        // Each quarter's first month that has school holds its check: the summer quarter's is in September.
        const q = Math.floor((m - 1) / 3) * 3 + 1;
        const first = firstSchoolDay(cal, makeDay(y, q, 1), clampedDay(y, q + 2, 31));
        return first !== undefined && dayParts(first).month === m ? first : undefined;
      });
    case 'firstSchoolDay':
      return perMonth(from, to, (y, m) => firstSchoolDay(cal, makeDay(y, m, 1), clampedDay(y, m, 31)));
    case 'lastSchoolDay':
      return perMonth(from, to, (y, m) => lastSchoolDay(cal, makeDay(y, m, 1), clampedDay(y, m, 31)));
    case 'term':
      return cal.terms
        .filter((t) => t.start <= to && t.end >= from)
        .map((t) => termPhaseDay(cal, t, freq.phase))
        .filter((d): d is Day => d !== undefined && from <= d && d <= to);
    case 'yearly': {
      const out: Day[] = [];
      for (let year = dayParts(from).year; year <= dayParts(to).year; year++) {
        const d = clampedDay(year, freq.month, freq.day);
        if (from <= d && d <= to) out.push(d);
      }
      return out;
    }
  }
}

// Long enough for a yearly check; a schedule that falls due nowhere in it has no next due date.
const HORIZON_DAYS = 400;

/**
 * When an inspection is due next: the first occurrence after the last one done, or from `today`
 * when it has never been done. A date in the past means it is overdue. Null when the frequency
 * never falls due (say, once a term but the 校历 lists no term ahead).
 */
export function nextDue(freq: Frequency, cal: SchoolCalendar, lastDone: Day | null, today: Day): Day | null {
  let from = lastDone ? addDays(lastDone, 1) : today;
  // A long-neglected schedule is due from its first missed occurrence; search on until a year past today.
  const until = addDays(today, HORIZON_DAYS);
  while (from <= until) {
    const to = addDays(from, HORIZON_DAYS);
    const found = occurrences(freq, cal, from, to)[0];
    if (found !== undefined) return found;
    from = addDays(to, 1);
  }
  return null;
}
