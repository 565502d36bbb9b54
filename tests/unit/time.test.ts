import vm from 'node:vm';
import {
  addDays,
  dayOf,
  daysBetween,
  daysInMonth,
  instantOf,
  isDate,
  isValidDay,
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
