import {
  calendarDates,
  isSchoolDay,
  monthsBetween,
  nextDue,
  occurrences,
  parseCalendarDay,
  parseCalendarWhen,
  parseFrequency,
  schoolCalendarFrom,
  type Frequency,
  type SchoolCalendar,
} from '../../src/core/calendar';
import type { SheetRow } from '../../src/core/table/mapping';
import { instantOf } from '../../src/core/time';

const TZ = 'Asia/Shanghai';

function rows(entries: [string, string, string, string?][]): SheetRow[] {
  return entries.map(([type, name, start, end], i) => ({
    row: i + 2,
    cells: { type, name, start, end: end ?? start, note: '' },
  }));
}

/** The template's sample year: term 1 from Tue 1 Sep 2026, national day week with a Saturday make-up day. */
const YEAR: SchoolCalendar = schoolCalendarFrom(
  rows([
    ['学期', '第一学期', '2026-09-01', '2027-01-22'],
    ['假期', '国庆节', '2026-10-01', '2026-10-07'],
    ['调休上班', '国庆调休', '2026-10-10'],
    ['假期', '元旦', '2027-01-01'],
    ['假期', '寒假', '2027-01-23', '2027-02-21'],
    ['学期', '第二学期', '2027-02-22', '2027-07-02'],
    ['假期', '暑假', '2027-07-03', '2027-08-31'],
  ]),
  TZ,
);

function freq(text: string): Frequency {
  const read = parseFrequency(text);
  if (!read.ok) throw new Error(`${text}: ${read.error}`);
  return read.frequency;
}

describe('the school calendar', () => {
  it('reads terms, holidays and make-up days in either language, from dates or typed text', () => {
    const cal = schoolCalendarFrom(
      [
        { row: 2, cells: { type: 'Term', name: 'T1', start: instantOf('2026-09-01', TZ), end: '2027.1.22' } },
        { row: 3, cells: { type: 'Make-up workday', name: 'x', start: '2026-10-10', end: '2026-10-11' } },
      ],
      TZ,
    );
    expect(cal.terms).toEqual([{ name: 'T1', start: '2026-09-01', end: '2027-01-22' }]);
    expect([...cal.makeupDays]).toEqual(['2026-10-10', '2026-10-11']);
    expect(cal.problems).toEqual([]);
  });

  it('reports rows it cannot use and builds the calendar from the rest', () => {
    const cal = schoolCalendarFrom(
      rows([
        ['学期', '第一学期', '2026-09-01', '2027-01-22'],
        ['假期', '国庆', '2026-10-07', '2026-10-01'],
        ['节日', '?', '2026-10-01'],
        ['假期', '元旦', '不是日期'],
      ]),
      TZ,
    );
    expect(cal.terms).toHaveLength(1);
    expect(cal.problems).toEqual([
      { row: 3, reason: 'endBeforeStart' },
      { row: 4, reason: 'incomplete' },
      { row: 5, reason: 'incomplete' },
    ]);
  });

  it.each([
    ['2026-09-01', true, 'a Tuesday in term'],
    ['2026-09-05', false, 'a Saturday'],
    ['2026-08-31', false, 'the Monday before term'],
    ['2026-10-05', false, 'a Monday of the national-day holiday'],
    ['2026-10-10', true, 'the make-up Saturday'],
    ['2027-01-22', true, 'the last day of term'],
    ['2027-02-01', false, 'a Monday in winter break'],
  ])('%s is a school day: %s (%s)', (day, expected) => {
    expect(isSchoolDay(YEAR, day)).toBe(expected);
  });
});

describe('frequencies', () => {
  it.each<[string, Frequency]>([
    ['每天', { kind: 'daily' }],
    ['每个上学日', { kind: 'daily' }],
    ['Daily', { kind: 'daily' }],
    ['每周五', { kind: 'weekly', weekday: 5, every: 1 }],
    ['每周 星期一', { kind: 'weekly', weekday: 1, every: 1 }],
    ['每星期日', { kind: 'weekly', weekday: 0, every: 1 }],
    ['weekly on Friday', { kind: 'weekly', weekday: 5, every: 1 }],
    ['每2周一', { kind: 'weekly', weekday: 1, every: 2 }],
    ['每两周周三', { kind: 'weekly', weekday: 3, every: 2 }],
    ['每２周一', { kind: 'weekly', weekday: 1, every: 2 }],
    ['every 2 weeks on Monday', { kind: 'weekly', weekday: 1, every: 2 }],
    ['every other week, Tue', { kind: 'weekly', weekday: 2, every: 2 }],
    ['每月15日', { kind: 'monthly', day: 15 }],
    ['每月1号', { kind: 'monthly', day: 1 }],
    ['monthly on the 15th', { kind: 'monthly', day: 15 }],
    ['每月首个上学日', { kind: 'firstSchoolDay' }],
    ['每月最后上学日', { kind: 'lastSchoolDay' }],
    ['monthly, first school day', { kind: 'firstSchoolDay' }],
    ['every month on the last school day', { kind: 'lastSchoolDay' }],
    ['每学期初', { kind: 'term', phase: 'start' }],
    ['每学期中', { kind: 'term', phase: 'mid' }],
    ['每学期末', { kind: 'term', phase: 'end' }],
    ['once per term at the end', { kind: 'term', phase: 'end' }],
    ['term mid', { kind: 'term', phase: 'mid' }],
    ['每年3月1日', { kind: 'yearly', month: 3, day: 1 }],
    ['每年2月29日', { kind: 'yearly', month: 2, day: 29 }],
    ['yearly on Mar 1', { kind: 'yearly', month: 3, day: 1 }],
    ['every year on 3-1', { kind: 'yearly', month: 3, day: 1 }],
  ])('reads %s', (text, expected) => {
    expect(parseFrequency(text)).toEqual({ ok: true, frequency: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['有空就查', 'unknown'],
    ['sometimes', 'unknown'],
    ['每周八', 'unknown'],
    ['weekly on Funday', 'badDate'],
    ['每月32日', 'badDate'],
    ['每月0日', 'badDate'],
    ['每年2月30日', 'badDate'],
    ['yearly on Smarch 3', 'badDate'],
    ['每0周一', 'badDate'],
  ])('flags %j as %s', (text, error) => {
    expect(parseFrequency(text)).toEqual({ ok: false, error });
  });
});

describe('occurrences', () => {
  it('daily: school days only, skipping the holiday week and counting the make-up Saturday', () => {
    const days = occurrences(freq('每天'), YEAR, '2026-09-28', '2026-10-12');
    expect(days).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
    ]);
  });

  it('weekly: a Friday inside a holiday is skipped', () => {
    expect(occurrences(freq('每周五'), YEAR, '2026-10-01', '2026-10-31')).toEqual([
      '2026-10-09',
      '2026-10-16',
      '2026-10-23',
      '2026-10-30',
    ]);
  });

  it('every two weeks counts from the week the term starts, mid-week or not', () => {
    // Term 1 starts on Tuesday 1 September: that week is week 1, so Mondays 14 and 28 September.
    expect(occurrences(freq('每2周一'), YEAR, '2026-09-01', '2026-09-30')).toEqual([
      '2026-09-14',
      '2026-09-28',
    ]);
    // Term 2 starts on Monday 22 February 2027, which is itself an on-week.
    expect(occurrences(freq('每2周一'), YEAR, '2027-02-01', '2027-03-31')).toEqual([
      '2027-02-22',
      '2027-03-08',
      '2027-03-22',
    ]);
  });

  it('every two weeks keeps alternating across ISO week 53 and the new year', () => {
    // 28 December 2026 starts ISO week 53 of 2026 (an off-week); 4 January 2027 starts week 1.
    expect(occurrences(freq('每2周一'), YEAR, '2026-12-01', '2027-01-22')).toEqual([
      '2026-12-07',
      '2026-12-21',
      '2027-01-04',
      '2027-01-18',
    ]);
    expect(occurrences(freq('every 2 weeks on Thursday'), YEAR, '2026-12-24', '2027-01-14')).toEqual([
      '2026-12-24',
      '2027-01-07',
    ]);
  });

  it('every three weeks counts whole Monday-to-Sunday weeks from the week the term starts', () => {
    // Week 1 of term is 31 Aug – 6 Sep, so on-weeks start 31 Aug, 21 Sep, 12 Oct.
    expect(occurrences(freq('每3周五'), YEAR, '2026-08-31', '2026-10-25')).toEqual([
      '2026-09-04',
      '2026-09-25',
      '2026-10-16',
    ]);
  });

  it('monthly on the 31st falls on the last day of shorter months, moved to the nearest school day', () => {
    expect(occurrences(freq('每月31日'), YEAR, '2027-01-01', '2027-04-30')).toEqual([
      // Sun 31 January is in the winter break: the term's last school day, Fri 22 January.
      '2027-01-22',
      // Sun 28 February: Friday 26 (two days back) against nothing later in the month.
      '2027-02-26',
      '2027-03-31',
      '2027-04-30',
    ]);
    // A month without school: the nearest weekday (Tue 29 February 2028).
    expect(occurrences(freq('每月30日'), YEAR, '2028-02-01', '2028-02-29')).toEqual(['2028-02-29']);
  });

  it("quarterly (每季度) reads in either language and falls on each quarter's first school day", () => {
    for (const text of ['每季度', '每季', '每个季度', 'Quarterly', 'every quarter'])
      expect(parseFrequency(text)).toEqual({ ok: true, frequency: { kind: 'quarterly' } });
    expect(parseFrequency('每月')).toEqual({ ok: true, frequency: { kind: 'firstSchoolDay' } });
    // Over the school year: the summer quarter's check waits for September; winter's for January.
    expect(occurrences(freq('每季度'), YEAR, '2026-07-01', '2027-08-31')).toEqual([
      '2026-09-01',
      '2026-10-08',
      '2027-01-04',
      '2027-04-01',
      // Thu 1 July is still term 2 (it ends on the 2nd).
      '2027-07-01',
    ]);
  });

  it('a school year of a weekly, a monthly and a daily schedule: holidays skipped, 调休 counted', () => {
    const fridays = occurrences(freq('每周五'), YEAR, '2026-09-01', '2027-07-02');
    // Fri 2 October (national day) and Fridays of the winter break are skipped…
    expect(fridays).not.toContain('2026-10-02');
    expect(fridays.filter((d) => d > '2027-01-22' && d < '2027-02-22')).toEqual([]);
    // …Fri 1 January 2027 (元旦) too; every other Friday in term is there.
    expect(fridays).not.toContain('2027-01-01');
    expect(fridays.length).toBe(19 + 19);
    const daily = occurrences(freq('每天'), YEAR, '2026-10-01', '2026-10-31');
    expect(daily.slice(0, 3)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
    const monthly = occurrences(freq('每月15日'), YEAR, '2026-09-01', '2027-07-02');
    // Sun 15 November → Mon 16; Fri 15 January stays; 15 February (winter break) → Mon 22, the first day of term 2.
    expect(monthly).toEqual([
      '2026-09-15',
      '2026-10-15',
      '2026-11-16',
      '2026-12-15',
      '2027-01-15',
      '2027-02-22',
      '2027-03-15',
      '2027-04-15',
      '2027-05-14',
      '2027-06-15',
      // 15 July is in the summer break; the month still has school on 1–2 July.
      '2027-07-02',
    ]);
    expect(monthly.every((d) => isSchoolDay(YEAR, d))).toBe(true);
  });

  it('first and last school day of a month respect holidays, mid-month term starts and empty months', () => {
    const first = freq('每月首个上学日');
    const last = freq('每月最后上学日');
    expect(occurrences(first, YEAR, '2026-10-01', '2026-10-31')).toEqual(['2026-10-08']);
    expect(occurrences(last, YEAR, '2026-10-01', '2026-10-31')).toEqual(['2026-10-30']);
    expect(occurrences(first, YEAR, '2027-02-01', '2027-02-28')).toEqual(['2027-02-22']);
    expect(occurrences(last, YEAR, '2027-01-01', '2027-01-31')).toEqual(['2027-01-22']);
    expect(occurrences(first, YEAR, '2027-08-01', '2027-08-31')).toEqual([]);
    expect(occurrences(freq('每天'), YEAR, '2027-08-01', '2027-08-31')).toEqual([]);
  });

  it('a make-up Sunday that ends a month is its last school day', () => {
    const cal = schoolCalendarFrom(
      rows([
        ['学期', 'T', '2026-02-16', '2026-07-01'],
        ['调休上班', '调休', '2026-05-31'],
      ]),
      TZ,
    );
    expect(occurrences(freq('每月最后上学日'), cal, '2026-05-01', '2026-05-31')).toEqual(['2026-05-31']);
  });

  it('once a term: first school day, middle and last school day of each term', () => {
    const range: [string, string] = ['2026-08-01', '2027-08-31'];
    expect(occurrences(freq('每学期初'), YEAR, ...range)).toEqual(['2026-09-01', '2027-02-22']);
    expect(occurrences(freq('每学期中'), YEAR, ...range)).toEqual(['2026-11-11', '2027-04-28']);
    expect(occurrences(freq('每学期末'), YEAR, ...range)).toEqual(['2027-01-22', '2027-07-02']);
  });

  it('yearly on 29 February falls on the 28th outside leap years', () => {
    expect(occurrences(freq('每年2月29日'), YEAR, '2026-01-01', '2028-12-31')).toEqual([
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });

  it('lists each month a range touches, across a year end', () => {
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual([
      { year: 2026, month: 11 },
      { year: 2026, month: 12 },
      { year: 2027, month: 1 },
      { year: 2027, month: 2 },
    ]);
    expect(monthsBetween('2028-02-29', '2028-02-29')).toEqual([{ year: 2028, month: 2 }]);
  });

  it('returns nothing for an empty or reversed range', () => {
    expect(occurrences(freq('每天'), YEAR, '2026-09-02', '2026-09-01')).toEqual([]);
  });
});

describe('nextDue', () => {
  it('is the first occurrence after the last one done', () => {
    expect(nextDue(freq('每周五'), YEAR, '2026-09-04', '2026-09-07')).toBe('2026-09-11');
    expect(nextDue(freq('每天'), YEAR, '2026-09-30', '2026-10-01')).toBe('2026-10-08');
  });

  it('is in the past for a neglected schedule, so it reads as overdue', () => {
    expect(nextDue(freq('每周五'), YEAR, '2026-09-04', '2026-11-30')).toBe('2026-09-11');
  });

  it('counts from today when never done, across a year end', () => {
    expect(nextDue(freq('每年3月1日'), YEAR, null, '2026-12-15')).toBe('2027-03-01');
  });

  it('is null when the calendar holds no school day ahead', () => {
    expect(nextDue(freq('每学期初'), YEAR, '2027-02-22', '2027-03-01')).toBeNull();
    expect(nextDue(freq('每天'), YEAR, null, '2027-07-05')).toBeNull();
  });
});

describe('the work calendar (行事历)', () => {
  it.each([
    ['每月', { kind: 'everyMonth' }],
    ['Every month', { kind: 'everyMonth' }],
    ['学期初', { kind: 'termStart' }],
    ['term end', { kind: 'termEnd' }],
    ['假期前', { kind: 'beforeHoliday' }],
    ['9,2', { kind: 'months', months: [9, 2] }],
    ['11、12、1', { kind: 'months', months: [11, 12, 1] }],
    ['９月', { kind: 'months', months: [9] }],
  ])('reads when %s', (text, expected) => {
    expect(parseCalendarWhen(text)).toEqual(expected);
  });

  it.each(['', '13', '9,,x', '有时'])('rejects when %j', (text) => {
    expect(parseCalendarWhen(text)).toBeUndefined();
  });

  it.each([
    ['', { kind: 'first' }],
    [15, { kind: 'date', date: 15 }],
    ['15日', { kind: 'date', date: 15 }],
    ['第2周', { kind: 'week', week: 2 }],
    ['Week 3', { kind: 'week', week: 3 }],
  ])('reads day %j', (text, expected) => {
    expect(parseCalendarDay(text)).toEqual(expected);
  });

  it.each(['32', '第9周', 'soon'])('rejects day %j', (text) => {
    expect(parseCalendarDay(text)).toBeUndefined();
  });

  const every = { kind: 'everyMonth' } as const;
  it('puts week 1 of October on the first school day after the national-day holiday', () => {
    expect(calendarDates(YEAR, every, { kind: 'week', week: 1 }, 2026, 10)).toEqual(['2026-10-08']);
  });

  it('puts an unspecified day of a month without school on its first weekday, for a row naming that month', () => {
    expect(calendarDates(YEAR, { kind: 'months', months: [8] }, { kind: 'first' }, 2027, 8)).toEqual([
      '2027-08-02',
    ]);
  });

  it('keeps 每月 rows out of months without school (July, August), but not rows naming the month', () => {
    const first = { kind: 'first' } as const;
    expect(calendarDates(YEAR, every, first, 2027, 7)).toEqual(['2027-07-01']);
    expect(calendarDates(YEAR, every, first, 2027, 8)).toEqual([]);
    expect(calendarDates(YEAR, every, { kind: 'date', date: 20 }, 2027, 8)).toEqual([]);
    expect(calendarDates(YEAR, { kind: 'months', months: [8] }, { kind: 'date', date: 20 }, 2027, 8)).toEqual(
      ['2027-08-20'],
    );
  });

  it('moves a fixed day off a Sunday to the nearest school day, unless the row keeps its date', () => {
    const day15 = { kind: 'date', date: 15 } as const;
    // Sun 15 November 2026: Monday 16 is one day away, Friday 13 two.
    expect(calendarDates(YEAR, every, day15, 2026, 11)).toEqual(['2026-11-16']);
    expect(calendarDates(YEAR, every, day15, 2026, 11, { keepDate: true })).toEqual(['2026-11-15']);
    // Sat 10 October is a make-up school day (调休): it stays.
    expect(calendarDates(YEAR, every, { kind: 'date', date: 10 }, 2026, 10)).toEqual(['2026-10-10']);
    // Sat 17 October: Friday 16 is one day back, Monday 19 two ahead.
    expect(calendarDates(YEAR, every, { kind: 'date', date: 17 }, 2026, 10)).toEqual(['2026-10-16']);
    // Fri 2 October is in the national-day holiday: 30 September is another month, so Thursday 8.
    expect(calendarDates(YEAR, every, { kind: 'date', date: 2 }, 2026, 10)).toEqual(['2026-10-08']);
  });

  it('reads a weekly routine and a mid-term row', () => {
    expect(parseCalendarWhen('每周五')).toEqual({ kind: 'weekly', weekday: 5, every: 1 });
    expect(parseCalendarWhen('weekly on Friday')).toEqual({ kind: 'weekly', weekday: 5, every: 1 });
    expect(parseCalendarWhen('学期中')).toEqual({ kind: 'termMid' });
    const weekly = { kind: 'weekly', weekday: 5, every: 1 } as const;
    // Fri 2 October is a holiday: the weekly menu is published on the other Fridays only.
    expect(calendarDates(YEAR, weekly, { kind: 'first' }, 2026, 10)).toEqual([
      '2026-10-09',
      '2026-10-16',
      '2026-10-23',
      '2026-10-30',
    ]);
    expect(calendarDates(YEAR, { kind: 'termMid' }, { kind: 'first' }, 2026, 11)).toEqual(['2026-11-11']);
  });

  it('clamps the 31st and week 5 to February', () => {
    const feb = { kind: 'months', months: [2] } as const;
    expect(calendarDates(YEAR, feb, { kind: 'date', date: 31 }, 2028, 2)).toEqual(['2028-02-29']);
    expect(calendarDates(YEAR, every, { kind: 'week', week: 5 }, 2027, 3)).toEqual(['2027-03-29']);
    expect(calendarDates(YEAR, every, { kind: 'week', week: 5 }, 2027, 2)).toEqual(['2027-02-22']);
  });

  it('counts the weeks of a month from the 1st, in seven-day blocks', () => {
    // November 2026 starts on a Sunday: week 2 is 8–14 November, whose first school day is Monday 9.
    expect(calendarDates(YEAR, every, { kind: 'week', week: 2 }, 2026, 11)).toEqual(['2026-11-09']);
    expect(calendarDates(YEAR, every, { kind: 'week', week: 4 }, 2026, 11)).toEqual(['2026-11-23']);
    // Week 5 of November is 29–30 November: Sunday 29 is no school day, Monday 30 is.
    expect(calendarDates(YEAR, every, { kind: 'week', week: 5 }, 2026, 11)).toEqual(['2026-11-30']);
    // A leap February has 29 days, so week 5 is the 29th itself.
    expect(calendarDates(YEAR, { kind: 'months', months: [2] }, { kind: 'week', week: 5 }, 2028, 2)).toEqual([
      '2028-02-29',
    ]);
  });

  it('places term rows on the first and last school days and holiday rows on the eve', () => {
    const first = { kind: 'first' } as const;
    expect(calendarDates(YEAR, { kind: 'termStart' }, first, 2027, 2)).toEqual(['2027-02-22']);
    expect(calendarDates(YEAR, { kind: 'termEnd' }, first, 2027, 1)).toEqual(['2027-01-22']);
    expect(calendarDates(YEAR, { kind: 'beforeHoliday' }, first, 2026, 9)).toEqual(['2026-09-30']);
    // New year's day (Fri 1 Jan) and winter break: their eves are 31 December and 22 January.
    expect(calendarDates(YEAR, { kind: 'beforeHoliday' }, first, 2026, 12)).toEqual(['2026-12-31']);
    expect(calendarDates(YEAR, { kind: 'beforeHoliday' }, first, 2027, 1)).toEqual(['2027-01-22']);
    expect(calendarDates(YEAR, { kind: 'months', months: [9, 2] }, first, 2026, 10)).toEqual([]);
  });
});
