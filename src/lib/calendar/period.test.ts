import { describe, expect, test } from 'vitest';
import {
  groupByPeriod,
  comparePeriods,
  daysInPeriod,
  elapsedShare,
  formatPeriod,
  isInPeriod,
  parsePeriod,
  periodBounds,
  periodLabel,
  periodOf,
  periodPhase,
  shiftPeriod,
} from './period.ts';

describe('parsePeriod', () => {
  test.each([
    ['2026-Q1', { year: 2026, quarter: 1 }],
    ['2026-Q4', { year: 2026, quarter: 4 }],
    ['1999-Q2', { year: 1999, quarter: 2 }],
  ])('parses %s', (value, expected) => {
    expect(parsePeriod(value)).toEqual(expected);
  });

  test.each(['2026-Q5', '2026-Q0', '2026-q3', '2026Q3', '26-Q3', '2026-Q3 ', 'Q3 2026', '2026-H1', ''])('rejects %j', (value) => {
    expect(parsePeriod(value)).toBeUndefined();
  });
});

describe('formatPeriod', () => {
  test('writes YYYY-Qn', () => {
    expect(formatPeriod({ year: 2026, quarter: 3 })).toBe('2026-Q3');
  });

  test('round-trips with parsePeriod', () => {
    expect(formatPeriod(parsePeriod('2027-Q1')!)).toBe('2027-Q1');
  });
});

describe('periodBounds', () => {
  test.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
  ])('%s runs %s .. %s', (period, first, last) => {
    expect(periodBounds(period)).toEqual({ first, last });
  });

  test('throws a RangeError for a bad period', () => {
    expect(() => periodBounds('2026-Q5')).toThrowErrorMatchingInlineSnapshot(`[RangeError: "2026-Q5" is not a period (expected YYYY-Qn)]`);
  });
});

describe('daysInPeriod', () => {
  test.each([
    ['2026-Q1', 90],
    ['2024-Q1', 91],
    ['2000-Q1', 91],
    ['2100-Q1', 90],
    ['2026-Q2', 91],
    ['2026-Q3', 92],
    ['2026-Q4', 92],
  ])('%s has %i days', (period, days) => {
    expect(daysInPeriod(period)).toBe(days);
  });
});

describe('periodOf', () => {
  test.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-08-16', '2026-Q3'],
    ['2026-09-30', '2026-Q3'],
    ['2026-10-01', '2026-Q4'],
    ['2026-12-31', '2026-Q4'],
  ])('%s is in %s', (date, period) => {
    expect(periodOf(date)).toBe(period);
  });
});

describe('elapsedShare', () => {
  test('returns 0.5 for Q3 2026 at 2026-08-16 (46 of 92 days, the contract example)', () => {
    expect(elapsedShare('2026-Q3', '2026-08-16')).toBe(0.5);
  });

  test.each([
    ['2026-Q3', '2026-07-01', 0],
    ['2026-Q3', '2026-07-02', 1 / 92],
    ['2026-Q3', '2026-09-30', 91 / 92],
    ['2026-Q3', '2026-10-01', 1],
    ['2026-Q3', '2027-05-01', 1],
    ['2026-Q3', '2026-06-30', 0],
    ['2026-Q3', '2020-01-01', 0],
    ['2024-Q1', '2024-03-01', 60 / 91],
    ['2026-Q1', '2026-03-01', 59 / 90],
  ])('%s at %s is %d', (period, asOf, share) => {
    expect(elapsedShare(period, asOf)).toBeCloseTo(share, 12);
  });
});

describe('periodPhase', () => {
  test.each([
    ['2026-Q3', '2026-06-30', 'upcoming'],
    ['2026-Q3', '2026-07-01', 'open'],
    ['2026-Q3', '2026-08-16', 'open'],
    ['2026-Q3', '2026-09-30', 'open'],
    ['2026-Q3', '2026-10-01', 'closed'],
  ])('%s at %s is %s', (period, asOf, phase) => {
    expect(periodPhase(period, asOf)).toBe(phase);
  });
});

describe('comparePeriods', () => {
  test('sorts periods chronologically across years', () => {
    expect(['2026-Q4', '2025-Q1', '2026-Q1', '2025-Q4'].sort(comparePeriods)).toEqual(['2025-Q1', '2025-Q4', '2026-Q1', '2026-Q4']);
  });

  test.each([
    ['2026-Q3', '2026-Q3', 0],
    ['2026-Q2', '2026-Q3', -1],
    ['2027-Q1', '2026-Q4', 1],
  ])('compares %s with %s as %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });
});

describe('shiftPeriod', () => {
  test.each([
    ['2026-Q3', 1, '2026-Q4'],
    ['2026-Q4', 1, '2027-Q1'],
    ['2027-Q1', -1, '2026-Q4'],
    ['2026-Q1', -5, '2024-Q4'],
    ['2026-Q2', 8, '2028-Q2'],
    ['2026-Q2', 0, '2026-Q2'],
  ])('%s shifted by %i is %s', (period, steps, expected) => {
    expect(shiftPeriod(period, steps)).toBe(expected);
  });
});

describe('isInPeriod', () => {
  test.each([
    ['2026-06-30', false],
    ['2026-07-01', true],
    ['2026-09-30', true],
    ['2026-10-01', false],
  ])('%s in 2026-Q3: %s', (date, expected) => {
    expect(isInPeriod(date, '2026-Q3')).toBe(expected);
  });
});

describe('periodLabel', () => {
  test('reads "Q3 2026"', () => {
    expect(periodLabel('2026-Q3')).toBe('Q3 2026');
  });
});

describe('groupByPeriod', () => {
  test('groups entries by period, keeping their order within each period', () => {
    const entries = [
      { id: 'a', period: '2026-Q3' },
      { id: 'b', period: '2026-Q4' },
      { id: 'c', period: '2026-Q3' },
    ];
    expect([...groupByPeriod(entries)].map(([period, list]) => [period, list.map((entry) => entry.id)])).toEqual([
      ['2026-Q3', ['a', 'c']],
      ['2026-Q4', ['b']],
    ]);
  });

  test('has no group for a period without entries', () => {
    expect(groupByPeriod([]).get('2026-Q3')).toBeUndefined();
  });
});
