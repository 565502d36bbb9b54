import { schoolYear } from '../sheets';
import { typedCells } from '../table/cells';
import { day, str } from '../table/record';
import type { SheetRow } from '../table/mapping';
import { addDays, daysBetween, weekday, type Day } from '../time';

/** A named span of days, both ends included: a term or a holiday. */
export interface Period {
  readonly name: string;
  readonly start: Day;
  readonly end: Day;
}

/** A 校历 row Houqin could not use; the calendar is built from the others. */
export interface CalendarProblem {
  /** 1-based sheet row. */
  readonly row: number;
  readonly reason: 'incomplete' | 'endBeforeStart';
}

/**
 * The school's year as the 校历 sheet states it. "School day": a weekday inside a term that is
 * not a holiday, or a make-up working day (调休), which counts even on a weekend.
 */
export interface SchoolCalendar {
  /** Sorted by start. */
  readonly terms: readonly Period[];
  /** Sorted by start. */
  readonly holidays: readonly Period[];
  readonly makeupDays: ReadonlySet<Day>;
  readonly problems: readonly CalendarProblem[];
}

export function schoolCalendarFrom(rows: readonly SheetRow[], timeZone: string): SchoolCalendar {
  const terms: Period[] = [];
  const holidays: Period[] = [];
  const makeupDays = new Set<Day>();
  const problems: CalendarProblem[] = [];
  for (const { row, cells } of rows) {
    const t = typedCells(schoolYear.columns, cells, timeZone);
    const start = day(t.start);
    const end = day(t.end) ?? start;
    if (!t.type || !start || !end) {
      problems.push({ row, reason: 'incomplete' });
      continue;
    }
    if (end < start) {
      problems.push({ row, reason: 'endBeforeStart' });
      continue;
    }
    const period = { name: str(t.name), start, end };
    if (t.type === 'term') terms.push(period);
    else if (t.type === 'holiday') holidays.push(period);
    else for (let d = start; d <= end; d = addDays(d, 1)) makeupDays.add(d);
  }
  const byStart = (a: Period, b: Period) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);
  return { terms: terms.sort(byStart), holidays: holidays.sort(byStart), makeupDays, problems };
}

function within(day: Day, p: Period): boolean {
  return p.start <= day && day <= p.end;
}

export function termOf(cal: SchoolCalendar, day: Day): Period | undefined {
  return cal.terms.find((t) => within(day, t));
}

export function isHoliday(cal: SchoolCalendar, day: Day): boolean {
  return cal.holidays.some((h) => within(day, h));
}

export function isSchoolDay(cal: SchoolCalendar, day: Day): boolean {
  if (cal.makeupDays.has(day)) return true;
  const wd = weekday(day);
  if (wd === 0 || wd === 6) return false;
  return termOf(cal, day) !== undefined && !isHoliday(cal, day);
}

/** The first school day in [from, to], if any. */
export function firstSchoolDay(cal: SchoolCalendar, from: Day, to: Day): Day | undefined {
  for (let d = from; d <= to; d = addDays(d, 1)) if (isSchoolDay(cal, d)) return d;
  return undefined;
}

/** The last school day in [from, to], if any. */
export function lastSchoolDay(cal: SchoolCalendar, from: Day, to: Day): Day | undefined {
  for (let d = to; d >= from; d = addDays(d, -1)) if (isSchoolDay(cal, d)) return d;
  return undefined;
}

/** Term start, middle and end as the office keeps them: first, mid-point and last school day. */
export function termPhaseDay(cal: SchoolCalendar, term: Period, phase: TermPhase): Day | undefined {
  if (phase === 'start') return firstSchoolDay(cal, term.start, term.end);
  if (phase === 'end') return lastSchoolDay(cal, term.start, term.end);
  const middle = addDays(term.start, Math.floor(daysBetween(term.start, term.end) / 2));
  return firstSchoolDay(cal, middle, term.end) ?? lastSchoolDay(cal, term.start, middle);
}

export type TermPhase = 'start' | 'mid' | 'end';

/**
 * The working day nearest `day` in its own month: a school day when the month has school, else a
 * weekday (the office works through the summer). On a tie the earlier day wins, so a duty is done
 * before its date rather than after it (a Sunday goes to Monday, a Saturday to Friday). The day
 * never leaves its month, so each month's list holds its own rows.
 */
export function nearestWorkingDay(cal: SchoolCalendar, day: Day, monthStart: Day, monthEnd: Day): Day {
  const hasSchool = firstSchoolDay(cal, monthStart, monthEnd) !== undefined;
  const works = (d: Day) => (hasSchool ? isSchoolDay(cal, d) : weekday(d) !== 0 && weekday(d) !== 6);
  for (let n = 0; n <= 31; n++) {
    const before = addDays(day, -n);
    if (before >= monthStart && works(before)) return before;
    const after = addDays(day, n);
    if (after <= monthEnd && works(after)) return after;
  }
  return day;
}
