import { tzOffset } from '@date-fns/tz/tzOffset';
import { addDays as addDaysTo } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { fill, messages } from './i18n';
import type { Lang } from './lang';

/**
 * A calendar day as 'yyyy-MM-dd'. School rules speak in days ("deposit the same day", "by the
 * 15th"), and a string compares, sorts and keys maps without any time zone sneaking in.
 */
export type Day = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60_000;
const HOUR = 3_600_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The instant of a Date, in milliseconds: `getTime` taken once from Date.prototype and applied.
 * The same as `date.getTime()` in Apps Script; in the emulator, whose Dates come from the host
 * realm, a method looked up on each Date costs about 0.3 µs from Code.js, and this is asked of
 * every date cell.
 */
export function timeOf(date: Date): number {
  return dateTime.call(date);
}

const dateTime = Date.prototype.getTime;

export function isDate(value: unknown): value is Date {
  // Asked of every cell: most are strings and numbers, answered by typeof alone.
  if (typeof value !== 'object' || value === null) return false;
  // Dates may come from another realm (the Apps Script runtime, a vm): instanceof would miss them,
  // and asking toString of every one is slow, so the other realm's Date.prototype is remembered.
  const proto: unknown = Object.getPrototypeOf(value);
  let date = proto === Date.prototype || (proto !== null && proto === otherDatePrototype);
  if (!date && Object.prototype.toString.call(value) === '[object Date]') {
    date = typeof (value as Date).getTime === 'function';
    if (date && proto !== Object.prototype) otherDatePrototype = proto;
  }
  return date && !Number.isNaN(dateTime.call(value as Date));
}

let otherDatePrototype: unknown = null;

// Past this many entries a cache starts again rather than grow: enough for years of hours or days.
const CACHE_LIMIT = 100_000;

function remembered<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function perZone<V>(caches: Map<string, Map<number, V>>, timeZone: string): Map<number, V> {
  let cache = caches.get(timeZone);
  if (!cache) caches.set(timeZone, (cache = new Map()));
  return cache;
}

// Asking the zone database costs an Intl format; a sheet's dates fall on few distinct hours.
const offsetCache = new Map<string, Map<number, number>>();

/** How far `timeZone`'s wall clock is ahead of UTC at instant `ms`, in milliseconds. */
function offsetAt(timeZone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR);
  const start = remembered(perZone(offsetCache, timeZone), hour, () => {
    const first = zoneOffset(timeZone, hour * HOUR);
    return first === zoneOffset(timeZone, hour * HOUR + HOUR - 1) ? first : NaN;
  });
  // NaN marks an hour in which the zone changes its clocks: asked per instant.
  return Number.isNaN(start) ? zoneOffset(timeZone, ms) : start;
}

// Rounded to the millisecond: tzOffset gives minutes, fractional for local mean time (Shanghai
// until 1901 was +8:05:43, and Sheets' time-only cells are dated 1899-12-30).
function zoneOffset(timeZone: string, ms: number): number {
  return Math.round(tzOffset(timeZone, new Date(ms)) * MINUTE);
}

/** The instant shifted by its zone's offset: its UTC fields are the wall clock in `timeZone`. */
function wallClock(instant: Date, timeZone: string): Date {
  const ms = timeOf(instant);
  return new Date(ms + offsetAt(timeZone, ms));
}

// A date column holds the same few midnights over and over.
const dayCache = new Map<string, Map<number, Day>>();

/** The calendar day an instant falls on in `timeZone`. */
export function dayOf(instant: Date, timeZone: string): Day {
  return remembered(perZone(dayCache, timeZone), timeOf(instant), () => {
    const wall = wallClock(instant, timeZone);
    return makeDay(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
  });
}

/** Wall-clock parts of an instant in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  return remembered(perZone(partsCache, timeZone), timeOf(instant), () => {
    const wall = wallClock(instant, timeZone);
    return {
      day: makeDay(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
    };
  });
}

export interface LocalParts {
  readonly day: Day;
  readonly hour: number;
  readonly minute: number;
}

const partsCache = new Map<string, Map<number, LocalParts>>();

/**
 * The instant a wall-clock time occurs in `timeZone` (midnight by default). A time the clocks
 * skip (02:30 when summer time starts) is read with the offset before the change, so it lands
 * after the gap (03:30); a time that occurs twice (when summer time ends) is the first of the two.
 */
export function instantOf(day: Day, timeZone: string, hour = 0, minute = 0): Date {
  // Midnights repeat down a date column: each day's is worked out once per zone.
  let days = midnights.get(timeZone);
  if (!days) midnights.set(timeZone, (days = new Map()));
  const midnight = hour === 0 && minute === 0;
  const known = midnight ? days.get(day) : undefined;
  if (known !== undefined) return new Date(known);
  const { year, month, date } = dayParts(day);
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  // The offsets either side of any clock change near this time: zones change theirs at most once in four days.
  const before = wall - offsetAt(timeZone, wall - 2 * 24 * HOUR);
  const after = wall - offsetAt(timeZone, wall + 2 * 24 * HOUR);
  // Whether each shows `wall` on the zone's clock (not a closure: the bundle names each one it makes).
  const beforeShows = before + offsetAt(timeZone, before) === wall;
  const afterShows = after + offsetAt(timeZone, after) === wall;
  const ms = beforeShows && (!afterShows || before <= after) ? before : afterShows ? after : before;
  if (midnight && days.size < CACHE_LIMIT) days.set(day, ms);
  return new Date(ms);
}

const midnights = new Map<string, Map<Day, number>>();

export function dayParts(day: Day): { year: number; month: number; date: number } {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`Not a day: ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), date: Number(m[3]) };
}

export function makeDay(year: number, month: number, date: number): Day {
  return `${pad(year, 4)}-${pad(month)}-${pad(date)}`;
}

/**
 * The day as a Date for date-fns, which counts in the script's own zone: noon there, because every
 * zone's clock shows noon on every day, while midnight is skipped where summer time starts at
 * 00:00 (America/Santiago).
 */
export function localNoon(day: Day): Date {
  const { year, month, date } = dayParts(day);
  return atNoon(year, month, date);
}

function atNoon(year: number, month: number, date: number): Date {
  const d = new Date(2000, 0, 1, 12);
  d.setFullYear(year, month - 1, date); // the Date constructor would read years below 100 as 19xx
  return d;
}

/** The day a date-fns result falls on, in the script's own zone. */
export function localDay(d: Date): Day {
  return makeDay(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Whether y-m-d names a real day (no 31 April, 29 February only in leap years). */
export function isValidDay(year: number, month: number, date: number): boolean {
  if (month < 1 || month > 12 || date < 1) return false;
  return date <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(atNoon(year, month, 1));
}

// date-fns counts in local Dates, which cost microseconds per call; rows repeat few days.
const added = new Map<string, Day>();
const between = new Map<string, number>();

export function addDays(day: Day, n: number): Day {
  return remembered(added, `${day}|${n}`, () => localDay(addDaysTo(localNoon(day), n)));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: Day, b: Day): number {
  return remembered(between, `${a}|${b}`, () => differenceInCalendarDays(localNoon(b), localNoon(a)));
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay. */
export function weekday(day: Day): number {
  return localNoon(day).getDay();
}

/** A day as people read it in a message: '3月5日 星期四', 'Thu, Mar 5'. */
export function formatDay(day: Day, lang: Lang): string {
  const { year, month, date } = dayParts(day);
  const m = messages(lang).days;
  return fill(m.label, {
    year,
    month: m.months[month - 1]!,
    date,
    weekday: m.weekdays[atNoon(year, month, date).getDay()]!,
  });
}
