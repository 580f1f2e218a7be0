import { describe, expect, test } from 'vitest';
import { isSunday, snapshotDates } from './snapshot-dates.ts';

describe('snapshotDates', () => {
  test.each([
    // Q3 2026 runs Wednesday 2026-07-01 .. Wednesday 2026-09-30; its Sundays are 07-05 .. 09-27.
    ['before the period starts: none', '2026-Q3', '2026-06-28', []],
    ['on the first day, not a Sunday: none', '2026-Q3', '2026-07-01', []],
    ['the day before the first Sunday: none', '2026-Q3', '2026-07-04', []],
    ['as-of on a Sunday: that Sunday counts', '2026-Q3', '2026-07-05', ['2026-07-05']],
    ['as-of on a Monday: up to the day before', '2026-Q3', '2026-07-13', ['2026-07-05', '2026-07-12']],
    ['on the last day, still open: Sundays only', '2026-Q3', '2026-09-30', 13],
    ['closed: the last day too', '2026-Q3', '2026-10-01', 14],
    ['long closed: the same', '2026-Q3', '2027-06-01', 14],
    // Q1 2026 starts on Thursday 2026-01-01: its first Sunday is 2026-01-04.
    ['the first Sunday after the first day', '2026-Q1', '2026-01-04', ['2026-01-04']],
  ])('%s (%s at %s)', (_, period, asOf, expected) => {
    const dates = snapshotDates(period, asOf);
    if (typeof expected === 'number') expect(dates).toHaveLength(expected);
    else expect(dates).toEqual(expected);
  });

  test('a closed period ends with its last day, after its last Sunday', () => {
    expect(snapshotDates('2026-Q3', '2026-10-01').slice(-2)).toEqual(['2026-09-27', '2026-09-30']);
  });

  test('a closed period whose last day is a Sunday lists that day once', () => {
    // 2028-12-31 is a Sunday, the last day of Q4 2028.
    expect(snapshotDates('2028-Q4', '2029-01-01').slice(-2)).toEqual(['2028-12-24', '2028-12-31']);
  });

  test('a period that starts on a Sunday begins with its first day', () => {
    // 2028-10-01 is a Sunday and the first day of Q4 2028.
    expect(snapshotDates('2028-Q4', '2028-10-01')).toEqual(['2028-10-01']);
  });

  test('every date but a closed period\'s last day is a Sunday, one week apart', () => {
    const dates = snapshotDates('2026-Q3', '2026-10-01');
    expect(dates.slice(0, -1).every(isSunday)).toBe(true);
    expect(isSunday(dates.at(-1)!)).toBe(false);
  });

  test('names a bad as-of date', () => {
    expect(() => snapshotDates('2026-Q3', '2026-02-30')).toThrowErrorMatchingInlineSnapshot(`[RangeError: "2026-02-30" is not a date (expected YYYY-MM-DD)]`);
  });
});

describe('isSunday', () => {
  test.each([
    ['2026-08-16', true],
    ['2026-08-17', false],
    ['1970-01-04', true],
    ['1969-12-28', true],
    ['not a date', false],
  ])('%s: %s', (date, expected) => {
    expect(isSunday(date)).toBe(expected);
  });
});
