import type { Period, SchoolCalendar } from '../calendar';
import type { EnumValue } from '../sheets';
import type { Typed } from '../table/cells';
import { addDays, type Day } from '../time';

export type DutyKind = EnumValue<'dutyKind'>;

/** One 值班表 row as Houqin uses it: who is on duty from `start` to `end` (both included). */
export interface DutySpan {
  /** 1-based sheet row. */
  readonly row: number;
  readonly start: Day;
  readonly end: Day;
  readonly kind: DutyKind;
  readonly person: string;
  readonly phone: string;
  readonly note: string;
}

const isDay = (v: Typed | null | undefined): v is Day =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const text = (v: Typed | null | undefined) => (typeof v === 'string' ? v.trim() : '');

/**
 * The usable rows of the duty sheet, from typed cells: a day, a kind and a person; an end before
 * the start (or none) means the one day. Rows missing any of them are for validation to report.
 */
export function dutySpans(
  records: readonly { row: number; v: Readonly<Record<string, Typed | null>> }[],
): DutySpan[] {
  const out: DutySpan[] = [];
  for (const { row, v } of records) {
    const person = text(v.person);
    if (!isDay(v.date) || !person || typeof v.kind !== 'string') continue;
    const end = isDay(v.endDate) && v.endDate >= v.date ? v.endDate : v.date;
    out.push({
      row,
      start: v.date,
      end,
      kind: v.kind as DutyKind,
      person,
      phone: text(v.phone),
      note: text(v.note),
    });
  }
  return out;
}

/** Who is on duty on `day`, in sheet order. */
export function dutyOn(spans: readonly DutySpan[], day: Day): DutySpan[] {
  return spans.filter((s) => s.start <= day && day <= s.end);
}

/** A holiday or break with days nobody is on holiday duty. */
export interface DutyGap {
  readonly holiday: Period;
  readonly days: readonly Day[];
}

/**
 * Holidays starting in [from, to] whose days are not all covered by a 节假日值班 row: every day of
 * a holiday or break (weekends included: the campus is empty then too) needs someone.
 */
export function dutyGaps(cal: SchoolCalendar, spans: readonly DutySpan[], from: Day, to: Day): DutyGap[] {
  const holidayDuty = spans.filter((s) => s.kind === 'holiday');
  const gaps: DutyGap[] = [];
  for (const holiday of cal.holidays) {
    if (holiday.start < from || holiday.start > to) continue;
    const days: Day[] = [];
    for (let d = holiday.start; d <= holiday.end; d = addDays(d, 1))
      if (!holidayDuty.some((s) => s.start <= d && d <= s.end)) days.push(d);
    if (days.length) gaps.push({ holiday, days });
  }
  return gaps;
}

/** The gap's days for a title: the first few, and how many in all. */
export function gapDays(days: readonly Day[], shown = 5): { list: readonly Day[]; count: number } {
  return { list: days.slice(0, shown), count: days.length };
}
