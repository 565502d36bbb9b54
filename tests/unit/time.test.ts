import vm from 'node:vm';
import * as time from '../../src/core/time';
import {
  addDays,
  dayOf,
  daysBetween,
  daysInMonth,
  formatDay,
  instantOf,
  isDate,
  isValidDay,
  localParts,
  weekday,
} from '../../src/core/time';

describe('calendar days in the school time zone', () => {
  it('reads the day an instant falls on in Shanghai, not in the process zone', () => {
    // 17:30 UTC on 4 March is already 5 March in Shanghai.
    expect(dayOf(new Date('2026-03-04T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-05');
    expect(dayOf(new Date('2026-03-04T17:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-04');
  });

  it('finds midnight of a day in a zone', () => {
    expect(instantOf('2026-03-05', 'Asia/Shanghai').toISOString()).toBe('2026-03-04T16:00:00.000Z');
    expect(instantOf('2026-03-05', 'Asia/Shanghai', 9, 30).toISOString()).toBe('2026-03-05T01:30:00.000Z');
  });

  it('adds days across month ends, leap days and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-30', '2026-03-02')).toBe(31);
  });

  it('knows real days from impossible ones', () => {
    expect(isValidDay(2028, 2, 29)).toBe(true);
    expect(isValidDay(2026, 2, 29)).toBe(false);
    expect(isValidDay(2026, 4, 31)).toBe(false);
    expect(daysInMonth(2026, 2)).toBe(28);
  });

  it('names weekdays without the process zone', () => {
    expect(weekday('2026-11-20')).toBe(5); // a Friday
  });

  it('recognises dates from another realm and rejects invalid ones', () => {
    const foreign = vm.runInNewContext('new Date(0)');
    expect(isDate(foreign)).toBe(true);
    expect(isDate(new Date('nope'))).toBe(false);
    expect(isDate('2026-03-05')).toBe(false);
  });
});

describe('months and leap years', () => {
  it('counts the days of every month, leap Februaries by the Gregorian rule', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29); // divisible by 400
    expect(daysInMonth(2100, 2)).toBe(28); // divisible by 100 only
    expect(isValidDay(2100, 2, 29)).toBe(false);
  });

  it('steps over every month end, both ways, and counts a leap year as 366 days', () => {
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addDays('2026-05-01', -1)).toBe('2026-04-30');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-12-25', 10)).toBe('2028-01-04');
    expect(addDays('2026-09-01', 0)).toBe('2026-09-01');
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2026-03-05', '2026-03-01')).toBe(-4);
    expect(addDays('2026-09-01', 400)).toBe('2027-10-06');
  });

  it('rejects text that is not a day rather than guess', () => {
    expect(() => addDays('2026-3-5', 1)).toThrow('Not a day: 2026-3-5');
  });
});

describe('a spreadsheet in a zone with summer time (America/Los_Angeles)', () => {
  const LA = 'America/Los_Angeles';

  it('reads every midnight of a year, including the 23- and 25-hour days, as its own day', () => {
    let instants = 0;
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      expect(dayOf(instantOf(d, LA), LA)).toBe(d);
      instants++;
    }
    expect(instants).toBe(365);
    // Clocks go forward on 8 March and back on 1 November 2026.
    expect(instantOf('2026-03-08', LA).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(instantOf('2026-03-09', LA).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(instantOf('2026-11-01', LA).toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(instantOf('2026-11-02', LA).toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });

  it('tells the wall clock on both sides of each change', () => {
    const clock = (iso: string) => {
      const p = localParts(new Date(iso), LA);
      return `${p.day} ${p.hour}:${String(p.minute).padStart(2, '0')}`;
    };
    expect(clock('2026-03-08T09:59:00Z')).toBe('2026-03-08 1:59');
    expect(clock('2026-03-08T10:00:00Z')).toBe('2026-03-08 3:00');
    // 01:30 comes twice when the clocks go back: first in summer time, then in standard time.
    expect(clock('2026-11-01T08:30:00Z')).toBe('2026-11-01 1:30');
    expect(clock('2026-11-01T09:30:00Z')).toBe('2026-11-01 1:30');
    // Late evening in California is already the next day in Shanghai.
    expect(localParts(new Date('2026-11-02T07:30:00Z'), LA).day).toBe('2026-11-01');
  });

  it('puts a skipped time after the gap and a repeated time at its first occurrence', () => {
    expect(instantOf('2026-03-08', LA, 2, 30).toISOString()).toBe('2026-03-08T10:30:00.000Z'); // 03:30 PDT
    expect(instantOf('2026-11-01', LA, 1, 30).toISOString()).toBe('2026-11-01T08:30:00.000Z'); // PDT
    expect(instantOf('2026-10-25', 'Europe/Berlin', 2, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('zones with odd offsets', () => {
  it("reads Sheets' time-only cells, dated 1899-12-30 at Shanghai's local mean time (+8:05:43)", () => {
    const epoch = instantOf('1899-12-30', 'Asia/Shanghai');
    expect(epoch.toISOString()).toBe('1899-12-29T15:54:17.000Z');
    expect(localParts(epoch, 'Asia/Shanghai')).toEqual({ day: '1899-12-30', hour: 0, minute: 0 });
  });

  it('changes day at the minute an offset changes inside an hour (Kathmandu, +5:30 to +5:45)', () => {
    const kathmandu = (iso: string) => localParts(new Date(iso), 'Asia/Kathmandu');
    expect([kathmandu('1985-12-31T18:20:00Z'), kathmandu('1985-12-31T18:40:00Z')]).toEqual([
      { day: '1985-12-31', hour: 23, minute: 50 },
      { day: '1986-01-01', hour: 0, minute: 25 },
    ]);
  });

  it('follows a half-hour summer time (Lord Howe Island)', () => {
    expect(localParts(new Date('2026-10-03T15:29:00Z'), 'Australia/Lord_Howe')).toMatchObject({
      hour: 1,
      minute: 59,
    });
    expect(localParts(new Date('2026-10-03T15:31:00Z'), 'Australia/Lord_Howe')).toMatchObject({
      hour: 2,
      minute: 31,
    });
  });
});

describe("day arithmetic whatever the script's own zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['America/Los_Angeles', 'America/Santiago', 'Asia/Shanghai', 'Pacific/Kiritimati'])(
    'in %s',
    (zone) => {
      process.env.TZ = zone;
      // A fresh module: its remembered results must be computed in this zone.
      jest.isolateModules(() => {
        const t = jest.requireActual<typeof time>('../../src/core/time');
        // Santiago moves its clocks from 00:00 to 01:00 on 6 September 2026: that day has no midnight.
        expect(t.addDays('2026-09-05', 1)).toBe('2026-09-06');
        expect(t.addDays('2026-09-06', 1)).toBe('2026-09-07');
        expect(t.addDays('2026-03-08', 1)).toBe('2026-03-09');
        expect(t.daysBetween('2026-09-01', '2026-09-30')).toBe(29);
        expect(t.daysBetween('2026-03-01', '2026-04-01')).toBe(31);
        expect(t.weekday('2026-09-06')).toBe(0);
        expect(t.daysInMonth(2026, 9)).toBe(30);
        expect(t.formatDay('2026-09-06', 'zh-CN')).toBe('9月6日 星期日');
      });
    },
  );
});

describe('days as people read them', () => {
  it.each([
    ['2026-03-05', 'zh-CN', '3月5日 星期四'],
    ['2026-03-05', 'en', 'Thu, Mar 5'],
    ['2028-02-29', 'zh-CN', '2月29日 星期二'],
    ['2026-12-27', 'en', 'Sun, Dec 27'],
    ['2027-01-01', 'zh-CN', '1月1日 星期五'],
  ] as const)('%s in %s is %s', (day, lang, expected) => {
    expect(formatDay(day, lang)).toBe(expected);
  });
});
