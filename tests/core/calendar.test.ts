import { describe, expect, it } from 'vitest';
import {
  addDays,
  isIsoDate,
  localIsoDate,
  nextWeekday,
  type Weekday,
  weekdayOf,
} from '../../src/core/calendar';
import { TIME_ZONES, withTimeZone } from '../support/time-zone';

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** Every date of a year, counted by hand from month lengths: an oracle that never touches `Date`. */
function datesOfYear(year: number): string[] {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const pad = (n: number) => String(n).padStart(2, '0');
  return lengths.flatMap((length, month) =>
    Array.from({ length }, (_, day) => `${year}-${pad(month + 1)}-${pad(day + 1)}`),
  );
}

describe('isIsoDate', () => {
  it.each([
    '2024-01-01',
    '1999-12-31',
    '2024-02-29',
    '2000-02-29',
    '2023-02-28',
    '2024-04-30',
    '1970-01-01',
    '9999-12-31',
  ])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ['2023-02-29', 'February 29 outside a leap year'],
    ['2100-02-29', 'February 29 of a century that is not a leap year'],
    ['2024-02-30', 'February 30'],
    ['2024-04-31', 'April 31'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-01-00', 'day 0'],
    ['2024-01-32', 'day 32'],
    ['2024-1-01', 'a one-digit month'],
    ['2024-01-1', 'a one-digit day'],
    ['24-01-01', 'a two-digit year'],
    ['+02024-01-01', 'an extended year'],
    ['20240101', 'no separators'],
    ['2024/01/01', 'slashes'],
    ['2024.01.01', 'dots'],
    ['2024-01-01T00:00:00Z', 'a time'],
    [' 2024-01-01', 'a leading space'],
    ['2024-01-01 ', 'a trailing space'],
    ['2024-01-01\n', 'a trailing newline'],
    ['２０２４-０１-０１', 'full-width digits'],
    ['', 'the empty string'],
    ['yyyy-mm-dd', 'letters'],
  ])('rejects %j (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('accepts every day of a leap year and of a common year, and nothing past their month ends', () => {
    for (const year of [2023, 2024]) {
      for (const date of datesOfYear(year)) expect(isIsoDate(date), date).toBe(true);
    }
    expect(isIsoDate('2024-06-31')).toBe(false);
    expect(isIsoDate('2024-09-31')).toBe(false);
    expect(isIsoDate('2024-11-31')).toBe(false);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-09-06', 0, '2024-09-06'],
    ['2024-09-06', 7, '2024-09-13'],
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-02-26', 7, '2024-03-04'],
    ['2023-02-24', 7, '2023-03-03'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-12-27', 7, '2025-01-03'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2024-09-13', -7, '2024-09-06'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2024-03-08', 7, '2024-03-15'],
    ['2024-10-25', 7, '2024-11-01'],
    ['2024-03-30', 1, '2024-03-31'],
    ['2024-03-31', 1, '2024-04-01'],
  ])('%s %+i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('rejects what is not a YYYY-MM-DD date', () => {
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2024/09/06', 1)).toThrow('Not a YYYY-MM-DD date: 2024/09/06');
  });

  // Daylight-saving changes fall on different days in each zone; a day must stay a day in all of them.
  it.each(TIME_ZONES)('steps one day at a time through 2024 and 2025 in %s', (timeZone) => {
    withTimeZone(timeZone, () => {
      const dates = [...datesOfYear(2024), ...datesOfYear(2025), '2026-01-01'];
      for (let i = 0; i + 1 < dates.length; i++) {
        const date = dates[i] as string;
        expect(addDays(date, 1), `${date} + 1`).toBe(dates[i + 1]);
        expect(addDays(dates[i + 1] as string, -1), `${dates[i + 1]} - 1`).toBe(date);
        if (i + 7 < dates.length) expect(addDays(date, 7), `${date} + 7`).toBe(dates[i + 7]);
      }
    });
  });

  it('keeps the weekday when adding whole weeks, for a whole year of Fridays', () => {
    let date = '2024-01-05';
    for (let week = 0; week < 60; week++) {
      expect(weekdayOf(date), date).toBe(5);
      date = addDays(date, 7);
    }
    expect(date).toBe('2025-02-28');
  });
});

describe('weekdayOf', () => {
  it.each([
    ['2024-09-01', 0],
    ['2024-09-02', 1],
    ['2024-09-03', 2],
    ['2024-09-04', 3],
    ['2024-09-05', 4],
    ['2024-09-06', 5],
    ['2024-09-07', 6],
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['2024-02-29', 4],
    ['2024-12-31', 2],
  ])('%s is weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each(TIME_ZONES)('does not depend on the time zone (%s)', (timeZone) => {
    withTimeZone(timeZone, () => {
      expect(weekdayOf('2024-09-06')).toBe(5);
      expect(weekdayOf('2024-03-31')).toBe(0);
      expect(weekdayOf('2011-12-30')).toBe(5);
    });
  });

  it('rejects what is not a date', () => {
    expect(() => weekdayOf('2024-9-6')).toThrow(RangeError);
  });
});

describe('nextWeekday', () => {
  // A week from Sunday 2024-09-01 to Saturday 2024-09-07.
  const week = [
    '2024-09-01',
    '2024-09-02',
    '2024-09-03',
    '2024-09-04',
    '2024-09-05',
    '2024-09-06',
    '2024-09-07',
  ];

  it('is today when today is the meeting day', () => {
    expect(nextWeekday('2024-09-06', 5)).toBe('2024-09-06');
    for (const [index, date] of week.entries()) expect(nextWeekday(date, index as Weekday)).toBe(date);
  });

  it.each([
    ['2024-09-01', '2024-09-06'],
    ['2024-09-02', '2024-09-06'],
    ['2024-09-05', '2024-09-06'],
    ['2024-09-06', '2024-09-06'],
    ['2024-09-07', '2024-09-13'],
    ['2024-09-28', '2024-10-04'],
    ['2024-12-28', '2025-01-03'],
    ['2024-02-24', '2024-03-01'],
    ['2023-02-25', '2023-03-03'],
  ])('from %s, the next Friday is %s', (today, expected) => {
    expect(nextWeekday(today, 5)).toBe(expected);
  });

  it('finds every weekday from every day of a week: on or after today, within six days, on that weekday', () => {
    for (const today of week) {
      for (const weekday of WEEKDAYS) {
        const result = nextWeekday(today, weekday);
        expect(weekdayOf(result), `${today} → ${weekday}`).toBe(weekday);
        expect(result >= today, `${result} >= ${today}`).toBe(true);
        expect(result <= addDays(today, 6), `${result} within a week of ${today}`).toBe(true);
        expect(result === today).toBe(weekdayOf(today) === weekday);
      }
    }
  });

  it('gives the Monday after a Tuesday, six days on', () => {
    expect(nextWeekday('2024-09-03', 1)).toBe('2024-09-09');
  });
});

describe('localIsoDate', () => {
  it.each([
    [new Date(2024, 0, 1, 0, 0, 0, 0), '2024-01-01'],
    [new Date(2024, 1, 29, 12), '2024-02-29'],
    [new Date(2024, 0, 5, 23, 59, 59, 999), '2024-01-05'],
    [new Date(2024, 11, 31, 23, 59), '2024-12-31'],
    [new Date(2024, 8, 6, 0, 0, 0, 1), '2024-09-06'],
  ])('%s is %s on the wall clock', (moment, expected) => {
    expect(localIsoDate(moment)).toBe(expected);
  });

  it('pads months and days to two digits', () => {
    expect(localIsoDate(new Date(2024, 2, 3))).toBe('2024-03-03');
    expect(localIsoDate(new Date(2024, 9, 10))).toBe('2024-10-10');
  });

  it('uses the local calendar date, not the UTC one', () => {
    const moment = new Date('2024-01-05T15:30:00Z');
    expect(withTimeZone('Asia/Tokyo', () => localIsoDate(moment))).toBe('2024-01-06');
    expect(withTimeZone('UTC', () => localIsoDate(moment))).toBe('2024-01-05');
    expect(withTimeZone('America/Los_Angeles', () => localIsoDate(new Date('2024-01-05T07:00:00Z')))).toBe(
      '2024-01-04',
    );
  });

  it.each(['America/New_York', 'Australia/Lord_Howe', 'Europe/London', 'Pacific/Apia'])(
    'agrees with Intl for every hour of 2024 in %s',
    (timeZone) => {
      // en-CA formats dates as YYYY-MM-DD.
      const format = new Intl.DateTimeFormat('en-CA', { timeZone });
      withTimeZone(timeZone, () => {
        for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000) {
          const moment = new Date(t);
          expect(localIsoDate(moment), moment.toISOString()).toBe(format.format(moment));
        }
      });
    },
  );
});
