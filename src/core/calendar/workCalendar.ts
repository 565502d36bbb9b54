import { messages } from '../i18n';
import { LANGS } from '../lang';
import { labelKey } from '../table/labels';
import { addDays, makeDay, weekday, type Day } from '../time';
import { parseFrequency } from './frequency';
import { clampedDay, occurrences } from './recurrence';
import { firstSchoolDay, lastSchoolDay, nearestWorkingDay, termPhaseDay, type SchoolCalendar } from './year';

/**
 * When a 行事历 row applies: every month, listed months, a phase of the school year, or a weekly
 * routine written as an inspection frequency (每周五: the weekly menu).
 */
export type CalendarWhen =
  | { readonly kind: 'everyMonth' }
  | { readonly kind: 'months'; readonly months: readonly number[] }
  | { readonly kind: 'termStart' }
  | { readonly kind: 'termMid' }
  | { readonly kind: 'termEnd' }
  | { readonly kind: 'beforeHoliday' }
  | { readonly kind: 'weekly'; readonly weekday: number; readonly every: number };

/** Which day of the month a monthly row falls on: a date, a week of the month, or unspecified. */
export type CalendarDay =
  | { readonly kind: 'first' }
  | { readonly kind: 'date'; readonly date: number }
  | { readonly kind: 'week'; readonly week: number };

type Phrase = Exclude<CalendarWhen['kind'], 'months' | 'weekly'>;

const PHRASES = new Map<string, Phrase>();
for (const lang of LANGS) {
  const m = messages(lang).calendarWhen;
  for (const key of ['everyMonth', 'termStart', 'termMid', 'termEnd', 'beforeHoliday'] as const)
    PHRASES.set(labelKey(m[key]), key);
}
// Other ways the office writes the same phrases.
for (const [text, key] of [
  ['每个月', 'everyMonth'],
  ['monthly', 'everyMonth'],
  ['开学', 'termStart'],
  ['开学初', 'termStart'],
  ['期初', 'termStart'],
  ['期末', 'termEnd'],
  ['期中', 'termMid'],
  ['学期中途', 'termMid'],
  ['mid-term', 'termMid'],
  ['放假前', 'beforeHoliday'],
  ['节假日前', 'beforeHoliday'],
  ['before holiday', 'beforeHoliday'],
] as const)
  PHRASES.set(labelKey(text), key);

/** Reads the `when` cell: a phrase in either language or a month list ('9,2', '11、12、1', '9月'). */
export function parseCalendarWhen(text: unknown): CalendarWhen | undefined {
  const key = labelKey(text);
  if (key === '') return undefined;
  const phrase = PHRASES.get(key);
  if (phrase) return { kind: phrase };
  const weekly = parseFrequency(text);
  if (weekly.ok && weekly.frequency.kind === 'weekly') {
    const { weekday: wd, every } = weekly.frequency;
    return { kind: 'weekly', weekday: wd, every };
  }
  const parts = key.split(/[,，、/;；]+/).filter(Boolean);
  const months = parts.map((p) => {
    const m = /^(\d{1,2})月?$/.exec(p);
    return m ? Number(m[1]) : NaN;
  });
  if (!months.length || months.some((m) => !(m >= 1 && m <= 12))) return undefined;
  return { kind: 'months', months: [...new Set(months)] };
}

/** Reads the `day` cell: empty, a day of month (15, '15日', '15号') or a week ('第2周', 'week 2'). */
export function parseCalendarDay(raw: unknown): CalendarDay | undefined {
  const text = labelKey(raw);
  if (text === '') return { kind: 'first' };
  let m = /^(\d{1,2})[日号]?$/.exec(text);
  if (m) {
    const date = Number(m[1]);
    return date >= 1 && date <= 31 ? { kind: 'date', date } : undefined;
  }
  m = /^(?:第(\d)周|week(\d))$/.exec(text);
  if (m) {
    const week = Number(m[1] ?? m[2]);
    return week >= 1 && week <= 5 ? { kind: 'week', week } : undefined;
  }
  return undefined;
}

/**
 * The first school day from `from` to the month's end, else the month's last school day before it
 * (a week row in a month whose school ends early); in a month without school (summer) the first
 * weekday from `from`, because the office works through the holidays.
 */
function firstWorkingDay(cal: SchoolCalendar, from: Day, monthStart: Day, monthEnd: Day): Day {
  const school = firstSchoolDay(cal, from, monthEnd) ?? lastSchoolDay(cal, monthStart, from);
  if (school) return school;
  for (let d = from; d <= monthEnd; d = addDays(d, 1)) if (weekday(d) !== 0 && weekday(d) !== 6) return d;
  return from;
}

function dayInMonth(
  cal: SchoolCalendar,
  year: number,
  month: number,
  day: CalendarDay,
  keepDate: boolean,
): Day {
  const first = makeDay(year, month, 1);
  const last = clampedDay(year, month, 31);
  if (day.kind === 'date') {
    const date = clampedDay(year, month, day.date);
    return keepDate ? date : nearestWorkingDay(cal, date, first, last);
  }
  if (day.kind === 'first') return firstWorkingDay(cal, first, first, last);
  // Week n is the month's days 7n-6 to 7n (the office counts from the 1st, not from a Monday);
  // a week 5 that February lacks means its last seven days.
  const start = addDays(first, 7 * (day.week - 1));
  return firstWorkingDay(cal, start <= last ? start : addDays(last, -6), first, last);
}

/** Options a 行事历 row may set. */
export interface CalendarRowOptions {
  /** 固定日期: a dated row keeps its date even on a weekend or in a holiday. */
  readonly keepDate?: boolean;
}

/**
 * The days a 行事历 row falls due in a month. Month rows use `day`: a date on a weekend or in a
 * holiday moves to the nearest school day of the month (see nearestWorkingDay) unless the row keeps
 * its date. 每月 rows skip months without a school day (July, August); a row that lists a month
 * by number (the August preparation rows) always applies. Term rows fall on the term's first,
 * middle or last school day, holiday rows on the last school day before each holiday (so a holiday
 * starting on the 1st puts its check in the month before), weekly rows on each such school day.
 */
export function calendarDates(
  cal: SchoolCalendar,
  when: CalendarWhen,
  day: CalendarDay,
  year: number,
  month: number,
  options: CalendarRowOptions = {},
): Day[] {
  const from = makeDay(year, month, 1);
  const to = clampedDay(year, month, 31);
  const keep = options.keepDate === true;
  const inMonth = (d: Day | undefined): d is Day => d !== undefined && from <= d && d <= to;
  switch (when.kind) {
    case 'everyMonth':
      return firstSchoolDay(cal, from, to) === undefined ? [] : [dayInMonth(cal, year, month, day, keep)];
    case 'months':
      return when.months.includes(month) ? [dayInMonth(cal, year, month, day, keep)] : [];
    case 'termStart':
    case 'termMid':
    case 'termEnd': {
      const phase = when.kind === 'termStart' ? 'start' : when.kind === 'termMid' ? 'mid' : 'end';
      return cal.terms.map((t) => termPhaseDay(cal, t, phase)).filter(inMonth);
    }
    case 'beforeHoliday':
      return [...new Set(cal.holidays.map((h) => holidayEve(cal, h.start)).filter(inMonth))];
    case 'weekly':
      return occurrences({ kind: 'weekly', weekday: when.weekday, every: when.every }, cal, from, to);
  }
}

/** The last school day before a holiday starts (within the fortnight before it), else the day before. */
export function holidayEve(cal: SchoolCalendar, holidayStart: Day): Day {
  const eve = addDays(holidayStart, -1);
  return lastSchoolDay(cal, addDays(holidayStart, -14), eve) ?? eve;
}
