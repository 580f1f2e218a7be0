import { describe, expect, test } from 'vitest';
import { addDays, compareDates, daysBetween, fromDayNumber, isIsoDate, normalizeSeries, toDayNumber } from './calendar-date.ts';

describe('isIsoDate', () => {
  test.each([
    ['2026-08-16', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-8-16', false],
    ['16.08.2026', false],
    ['2026-08-16T00:00:00Z', false],
    [' 2026-08-16', false],
    ['', false],
  ])('%j is a date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('toDayNumber and fromDayNumber', () => {
  test.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2026-08-16', 20681],
  ])('%s is day %i', (date, day) => {
    expect(toDayNumber(date)).toBe(day);
    expect(fromDayNumber(day)).toBe(date);
  });

  test('returns undefined for a date that does not exist', () => {
    expect(toDayNumber('2026-02-30')).toBeUndefined();
  });
});

describe('daysBetween', () => {
  test.each([
    ['2026-07-01', '2026-08-16', 46],
    ['2026-08-16', '2026-07-01', -46],
    ['2026-07-01', '2026-07-01', 0],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-02-28', '2026-03-01', 1],
    ['2025-12-31', '2026-01-01', 1],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  test('throws a RangeError that names the bad date', () => {
    expect(() => daysBetween('2026-07-01', '2026-02-30')).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: "2026-02-30" is not a date (expected YYYY-MM-DD)]`,
    );
  });
});

describe('addDays', () => {
  test.each([
    ['2026-09-30', 1, '2026-10-01'],
    ['2026-10-01', -1, '2026-09-30'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-08-16', 0, '2026-08-16'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('compareDates', () => {
  test('sorts dates chronologically', () => {
    expect(['2026-02-01', '2025-12-31', '2026-01-15'].sort(compareDates)).toEqual(['2025-12-31', '2026-01-15', '2026-02-01']);
  });

  test('returns 0 for the same date', () => {
    expect(compareDates('2026-01-01', '2026-01-01')).toBe(0);
  });
});

describe('normalizeSeries', () => {
  const p = (date: string, value: number, note?: string) => (note ? { date, value, note } : { date, value });
  test.each([
    ['sorts by date', [p('2026-03-01', 3), p('2026-01-01', 1), p('2026-02-01', 2)], [p('2026-01-01', 1), p('2026-02-01', 2), p('2026-03-01', 3)]],
    ['keeps the later entry of a duplicate date', [p('2026-01-01', 1), p('2026-02-01', 2), p('2026-01-01', 9)], [p('2026-01-01', 9), p('2026-02-01', 2)]],
    ['keeps notes', [p('2026-01-01', 1, 'launch')], [p('2026-01-01', 1, 'launch')]],
    ['returns an empty series as is', [], []],
  ])('%s', (_, input, expected) => {
    expect(normalizeSeries(input)).toEqual(expected);
  });

  test('does not change its input', () => {
    const points = [p('2026-02-01', 2), p('2026-01-01', 1)];
    normalizeSeries(points);
    expect(points.map((point) => point.date)).toEqual(['2026-02-01', '2026-01-01']);
  });
});
