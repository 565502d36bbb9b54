import { isValidDay } from '../time';
import type { TermPhase } from './year';

/**
 * How often an inspection recurs, read from the words the office writes in the schedule.
 * - daily: every school day;
 * - weekly: on `weekday` (0 = Sunday) of every `every`-th week, school days only;
 * - monthly: on that day of the month (the last day when the month is shorter), moved to the nearest
 *   school day of the month when it falls on a weekend or in a holiday;
 * - firstSchoolDay / lastSchoolDay of each month (每月 with no day is the first school day);
 * - quarterly: the first school day of each quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec), so the
 *   summer quarter's falls in September;
 * - term: once a term, at its first school day, its middle or its last school day;
 * - yearly: on that date (29 February falls on the 28th in other years).
 */
export type Frequency =
  | { readonly kind: 'daily' }
  | { readonly kind: 'weekly'; readonly weekday: number; readonly every: number }
  | { readonly kind: 'monthly'; readonly day: number }
  | { readonly kind: 'firstSchoolDay' }
  | { readonly kind: 'lastSchoolDay' }
  | { readonly kind: 'quarterly' }
  | { readonly kind: 'term'; readonly phase: TermPhase }
  | { readonly kind: 'yearly'; readonly month: number; readonly day: number };

/** empty: nothing written; unknown: not a phrase Houqin knows; badDate: a known phrase with an impossible day. */
export type FrequencyError = 'empty' | 'unknown' | 'badDate';

export type FrequencyResult =
  | { readonly ok: true; readonly frequency: Frequency }
  | { readonly ok: false; readonly error: FrequencyError };

const ZH_WEEKDAY: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, '7': 0 };
const ZH_COUNT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4 };
const EN_WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const EN_MONTH = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_COUNT: Record<string, number> = { other: 2, two: 2, three: 3, four: 4 };
const EN_PHASE: Record<string, TermPhase> = {
  start: 'start',
  beginning: 'start',
  mid: 'mid',
  middle: 'mid',
  end: 'end',
};

const ok = (frequency: Frequency): FrequencyResult => ({ ok: true, frequency });
const bad = (error: FrequencyError): FrequencyResult => ({ ok: false, error });

function zhWeekday(ch: string): number | undefined {
  if (ch in ZH_WEEKDAY) return ZH_WEEKDAY[ch];
  const n = Number(ch);
  return n >= 1 && n <= 6 ? n : undefined;
}

function count(text: string | undefined, words: Record<string, number>): number {
  if (text === undefined || text === '') return 1;
  return words[text] ?? Number(text);
}

function monthly(day: number): FrequencyResult {
  return day >= 1 && day <= 31 ? ok({ kind: 'monthly', day }) : bad('badDate');
}

function yearly(month: number, day: number): FrequencyResult {
  // 2024 is a leap year: 29 February is a valid yearly date.
  return isValidDay(2024, month, day) ? ok({ kind: 'yearly', month, day }) : bad('badDate');
}

function parseChinese(t: string): FrequencyResult | undefined {
  if (/^(每天|每日|天天|每个?上学日|每个?工作日)$/.test(t)) return ok({ kind: 'daily' });
  let m = /^每(\d+|[两二三四])?个?(?:周|星期|礼拜)(?:周|星期)?([一二三四五六日天1-7])$/.exec(t);
  if (m) {
    const wd = zhWeekday(m[2]!);
    const every = count(m[1], ZH_COUNT);
    return wd === undefined || !(every >= 1) ? bad('badDate') : ok({ kind: 'weekly', weekday: wd, every });
  }
  if (/^每个?月的?(首个|第一个|第1个|第一)上学日$/.test(t)) return ok({ kind: 'firstSchoolDay' });
  if (/^(每个?月|每月一次)$/.test(t)) return ok({ kind: 'firstSchoolDay' });
  if (/^(每个?季度?|每季度一次)(的?(首个|第一个)上学日)?$/.test(t)) return ok({ kind: 'quarterly' });
  if (/^每个?月的?(最后一个|最后|末个)上学日$/.test(t)) return ok({ kind: 'lastSchoolDay' });
  m = /^每个?月的?(\d{1,2})[日号]?$/.exec(t);
  if (m) return monthly(Number(m[1]));
  m = /^每?学期(?:期)?(初|中|末)$/.exec(t);
  if (m) return ok({ kind: 'term', phase: m[1] === '初' ? 'start' : m[1] === '中' ? 'mid' : 'end' });
  m = /^每年的?(\d{1,2})月(\d{1,2})[日号]?$/.exec(t);
  if (m) return yearly(Number(m[1]), Number(m[2]));
  return undefined;
}

function enWeekday(word: string): number | undefined {
  const i = EN_WEEKDAY.indexOf(word.slice(0, 3));
  return i >= 0 && /^[a-z]+$/.test(word) ? i : undefined;
}

function parseEnglish(t: string): FrequencyResult | undefined {
  if (/^(daily|every day|every school day|each school day)$/.test(t)) return ok({ kind: 'daily' });
  let m = /^(?:weekly|every week|each week)(?: on)? ([a-z]+)$/.exec(t);
  if (m) {
    const wd = enWeekday(m[1]!);
    return wd === undefined ? bad('badDate') : ok({ kind: 'weekly', weekday: wd, every: 1 });
  }
  m = /^every (\d+|other|two|three|four) weeks?(?: on)? ([a-z]+)$/.exec(t);
  if (m) {
    const wd = enWeekday(m[2]!);
    const every = count(m[1], EN_COUNT);
    return wd === undefined || !(every >= 1) ? bad('badDate') : ok({ kind: 'weekly', weekday: wd, every });
  }
  const monthPrefix = '(?:monthly|every month|each month)(?: on)?(?: the)?';
  if (new RegExp(`^${monthPrefix} first school day$`).test(t)) return ok({ kind: 'firstSchoolDay' });
  if (/^(monthly|every month|each month|once a month)$/.test(t)) return ok({ kind: 'firstSchoolDay' });
  if (/^(quarterly|every quarter|each quarter|once a quarter)$/.test(t)) return ok({ kind: 'quarterly' });
  if (new RegExp(`^${monthPrefix} last school day$`).test(t)) return ok({ kind: 'lastSchoolDay' });
  m = new RegExp(`^${monthPrefix} (\\d{1,2})(?:st|nd|rd|th)?$`).exec(t);
  if (m) return monthly(Number(m[1]));
  m =
    /^(?:(?:once )?(?:per|each|every|a) term(?: at)?(?: the)? (start|beginning|mid|middle|end)|term (start|mid|end))$/.exec(
      t,
    );
  if (m) return ok({ kind: 'term', phase: EN_PHASE[(m[1] ?? m[2])!]! });
  m = /^(?:yearly|annually|every year|each year)(?: on)? ([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?$/.exec(t);
  if (m) {
    const month = EN_MONTH.indexOf(m[1]!.slice(0, 3)) + 1;
    return month === 0 ? bad('badDate') : yearly(month, Number(m[2]));
  }
  m = /^(?:yearly|annually|every year|each year)(?: on)? (\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return yearly(Number(m[1]), Number(m[2]));
  return undefined;
}

/**
 * Reads a schedule's frequency in either language; full-width characters and spaces are folded
 * first, so '每周 五' and 'Weekly  on Friday' read as typed. Never throws.
 */
export function parseFrequency(text: unknown): FrequencyResult {
  const folded = String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .trim();
  if (folded === '') return bad('empty');
  return (
    parseChinese(folded.replace(/\s+/g, '')) ??
    parseEnglish(folded.replace(/,/g, ' ').replace(/\s+/g, ' ')) ??
    bad('unknown')
  );
}
