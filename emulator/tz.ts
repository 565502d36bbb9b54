/**
 * Time-zone arithmetic on epoch milliseconds, independent of the process zone (tests run under TZ=UTC and
 * TZ=America/Los_Angeles). A "wall" value is the local wall time of a zone encoded as if it were UTC.
 */

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_OFFSET = 25_569; // serial of 1970-01-01 (serial 0 = 1899-12-30)

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Throws the way Apps Script does for an unknown zone id. */
export function checkZone(tz: string): void {
  try {
    formatter(tz);
  } catch {
    throw new Error(`Invalid argument: timeZone (${tz})`);
  }
}

function computeOffset(tz: string, ms: number): number {
  const parts = formatter(tz).formatToParts(new Date(Math.floor(ms / 1000) * 1000));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const wall = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const d = new Date(wall);
  if (year >= 0 && year < 100) d.setUTCFullYear(year);
  return d.getTime() - Math.floor(ms / 1000) * 1000;
}

/** Offset of `tz` from UTC at instant `ms`, in milliseconds (east positive). Cached per 15 minutes. */
export function offsetAt(tz: string, ms: number): number {
  let cache = offsetCache.get(tz);
  if (!cache) {
    cache = new Map();
    offsetCache.set(tz, cache);
  }
  const bucket = Math.floor(ms / 900_000);
  let off = cache.get(bucket);
  if (off === undefined) {
    off = computeOffset(tz, bucket * 900_000);
    cache.set(bucket, off);
  }
  return off;
}

export function instantToWall(ms: number, tz: string): number {
  return ms + offsetAt(tz, ms);
}

/** The instant at which the wall clock of `tz` shows `wall` (first occurrence; gaps resolve forward). */
export function wallToInstant(wall: number, tz: string): number {
  const guess = wall - offsetAt(tz, wall);
  const off2 = offsetAt(tz, guess);
  const result = wall - off2;
  if (instantToWall(result, tz) === wall) return result;
  const off3 = offsetAt(tz, result);
  return wall - off3;
}

export function serialToInstant(serial: number, tz: string): number {
  const wall = Math.round((serial - SERIAL_EPOCH_OFFSET) * DAY_MS);
  return wallToInstant(wall, tz);
}

export function instantToSerial(ms: number, tz: string): number {
  return instantToWall(ms, tz) / DAY_MS + SERIAL_EPOCH_OFFSET;
}

export function wallToSerial(wall: number): number {
  return wall / DAY_MS + SERIAL_EPOCH_OFFSET;
}

export interface WallParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

export function wallParts(wall: number): WallParts {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

export function zonedParts(ms: number, tz: string): WallParts {
  return wallParts(instantToWall(ms, tz));
}

export function isDateLike(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

export { DAY_MS };
