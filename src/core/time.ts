import { TZDate } from '@date-fns/tz';

/**
 * A calendar day as 'yyyy-MM-dd'. School rules speak in days ("deposit the same day", "by the
 * 15th"), and a string compares, sorts and keys maps without any time zone sneaking in.
 */
export type Day = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isDate(value: unknown): value is Date {
  // Dates may come from another realm (the Apps Script runtime, a vm): instanceof would miss them.
  return (
    Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime())
  );
}

/** The calendar day an instant falls on in `timeZone`. */
export function dayOf(instant: Date, timeZone: string): Day {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** Wall-clock parts of an instant in `timeZone`. */
export function localParts(instant: Date, timeZone: string) {
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    day: dayOf(instant, timeZone),
    hour: local.getHours(),
    minute: local.getMinutes(),
  };
}

/** The instant a wall-clock time occurs in `timeZone` (midnight by default). */
export function instantOf(day: Day, timeZone: string, hour = 0, minute = 0): Date {
  const { year, month, date } = dayParts(day);
  return new Date(new TZDate(year, month - 1, date, hour, minute, timeZone).getTime());
}

export function dayParts(day: Day): { year: number; month: number; date: number } {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`Not a day: ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), date: Number(m[3]) };
}

export function makeDay(year: number, month: number, date: number): Day {
  return `${pad(year, 4)}-${pad(month)}-${pad(date)}`;
}

/** Whether y-m-d names a real day (no 31 April, 29 February only in leap years). */
export function isValidDay(year: number, month: number, date: number): boolean {
  if (month < 1 || month > 12 || date < 1) return false;
  return date <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Day arithmetic in UTC: a day has no zone, so the process's zone must not shift it.
function utc(day: Day): Date {
  const { year, month, date } = dayParts(day);
  return new Date(Date.UTC(year, month - 1, date));
}

export function addDays(day: Day, n: number): Day {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return makeDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay. */
export function weekday(day: Day): number {
  return utc(day).getUTCDay();
}
