import { describe, expect, test } from 'vitest';
import {
  clampShare,
  gradeOf,
  keyResultProgress,
  latestByDate,
  objectiveStatus,
  resolveCurrent,
  weightedProgress,
  type KeyResultMeasure,
} from './progress.ts';

const DEFAULT_GRADING = { red_below: 0.4, green_from: 0.7 };

describe('keyResultProgress', () => {
  test.each<[string, KeyResultMeasure, number | undefined, number]>([
    ['returns 0.5 halfway from 1.5 to 0.5 (decrease)', { type: 'decrease', start: 1.5, target: 0.5 }, 1.0, 0.5],
    ['returns 0.5 halfway from 100 to 200 (increase)', { type: 'increase', start: 100, target: 200 }, 150, 0.5],
    ['returns 0 at the start', { type: 'increase', start: 100, target: 200 }, 100, 0],
    ['returns 1 on the target', { type: 'decrease', start: 5.5, target: 3 }, 3, 1],
    ['returns 0.2 for resolution time 5.5 -> 3.0 at 5.0', { type: 'decrease', start: 5.5, target: 3 }, 5, 0.2],
    ['clamps an overshoot of an increase to 1', { type: 'increase', start: 0, target: 100 }, 140, 1],
    ['clamps an overshoot of a decrease to 1', { type: 'decrease', start: 1.5, target: 0.5 }, 0.1, 1],
    ['clamps an undershoot of an increase to 0', { type: 'increase', start: 10, target: 20 }, 5, 0],
    ['clamps an undershoot of a decrease to 0', { type: 'decrease', start: 1.5, target: 0.5 }, 2, 0],
    ['handles negative numbers', { type: 'increase', start: -10, target: 10 }, 0, 0.5],
    ['returns 0 without a current value', { type: 'increase', start: 0, target: 10 }, undefined, 0],
    ['returns 0 without a start', { type: 'increase', target: 10 }, 5, 0],
    ['follows the line from start to target whatever the type says', { type: 'increase', start: 10, target: 5 }, 7.5, 0.5],
    ['ignores start and target on a milestone', { type: 'milestone', start: 0, target: 10, done: false }, 10, 0],
  ])('%s', (_, kr, current, expected) => {
    expect(keyResultProgress(kr, current)).toBeCloseTo(expected, 12);
  });

  describe('when start equals target', () => {
    test.each<[KeyResultMeasure['type'], number, number]>([
      ['increase', 10, 1],
      ['increase', 11, 1],
      ['increase', 9, 0],
      ['decrease', 10, 1],
      ['decrease', 9, 1],
      ['decrease', 11, 0],
    ])('a %s key result at %d scores %d (no division by zero)', (type, current, expected) => {
      expect(keyResultProgress({ type, start: 10, target: 10 }, current)).toBe(expected);
    });
  });

  describe('maintain', () => {
    test.each<[KeyResultMeasure['direction'], number | undefined, number]>([
      ['at-least', 9.2, 1],
      ['at-least', 9.0, 1],
      ['at-least', 8.9, 0],
      [undefined, 9.0, 1],
      [undefined, 8.9, 0],
      ['at-most', 8.9, 1],
      ['at-most', 9.0, 1],
      ['at-most', 9.1, 0],
      ['at-least', undefined, 0],
    ])('direction %s, target 9.0, current %d scores %d', (direction, current, expected) => {
      expect(keyResultProgress({ type: 'maintain', target: 9, direction }, current)).toBe(expected);
    });
  });

  describe('maintain range', () => {
    test.each<[number | undefined, number | undefined, number, number]>([
      [99.5, 100, 99.5, 1],
      [99.5, 100, 100, 1],
      [99.5, 100, 99.4, 0],
      [99.5, 100, 100.1, 0],
      [99.5, undefined, 1000, 1],
      [99.5, undefined, 99, 0],
      [undefined, 200, -5, 1],
      [undefined, 200, 201, 0],
    ])('min %s, max %s, current %d scores %d', (min, max, current, expected) => {
      expect(keyResultProgress({ type: 'maintain', min, max }, current)).toBe(expected);
    });

    test('scores 0 without a current value', () => {
      expect(keyResultProgress({ type: 'maintain', min: 1, max: 2 }, undefined)).toBe(0);
    });
  });

  describe('graded', () => {
    test.each<[number | undefined, number]>([
      [0.7, 0.7],
      [0, 0],
      [1, 1],
      [undefined, 0],
    ])('the latest grade %s is the progress %d', (grade, expected) => {
      expect(keyResultProgress({ type: 'graded' }, grade)).toBe(expected);
    });
  });

  describe('milestone', () => {
    test.each([
      [true, 1],
      [false, 0],
      [undefined, 0],
    ])('done: %s scores %d, whatever the current value', (done, expected) => {
      expect(keyResultProgress({ type: 'milestone', done }, 123)).toBe(expected);
    });
  });
});

describe('resolveCurrent', () => {
  const period = '2026-Q3';
  const checkins = [
    { date: '2026-07-15', value: 1.3 },
    { date: '2026-08-15', value: 1.1 },
  ];
  const kpi = [
    { date: '2026-06-30', value: 1.6 },
    { date: '2026-08-31', value: 1.0 },
    { date: '2026-10-01', value: 0.2 },
  ];

  test.each([
    ['the manual current wins over everything', { current: 0.9, start: 1.5, checkins }, kpi, { value: 0.9, source: 'manual' }],
    ['a manual current of 0 still counts', { current: 0, start: 1.5, checkins }, kpi, { value: 0, source: 'manual' }],
    ['the last check-in wins over the KPI', { start: 1.5, checkins }, kpi, { value: 1.1, source: 'checkin' }],
    ['the KPI value inside the period wins over start', { start: 1.5, checkins: [] }, kpi, { value: 1.0, source: 'kpi' }],
    ['start when nothing else is known', { start: 1.5, checkins: [] }, [], { value: 1.5, source: 'start' }],
    ['none without start', { checkins: [] }, [], { value: undefined, source: 'none' }],
  ] as const)('%s', (_, kr, kpiData, expected) => {
    expect(resolveCurrent({ ...kr, checkins: [...kr.checkins] }, kpiData, period)).toEqual(expected);
  });

  test('ignores KPI values before and after the period', () => {
    const outside = [
      { date: '2026-06-30', value: 1.6 },
      { date: '2026-10-01', value: 0.2 },
    ];
    expect(resolveCurrent({ start: 1.5, checkins: [] }, outside, period)).toEqual({ value: 1.5, source: 'start' });
  });

  test('uses the KPI value on the last day of the period', () => {
    expect(resolveCurrent({ start: 1.5, checkins: [] }, [{ date: '2026-09-30', value: 0.7 }], period)).toEqual({ value: 0.7, source: 'kpi' });
  });

  test('takes the latest check-in by date, not by position in the list', () => {
    const outOfOrder = [
      { date: '2026-08-15', value: 1.1 },
      { date: '2026-09-01', value: 0.8 },
      { date: '2026-07-15', value: 1.3 },
    ];
    expect(resolveCurrent({ start: 1.5, checkins: outOfOrder }, [], period)).toEqual({ value: 0.8, source: 'checkin' });
  });

  test('of two check-ins on the same date, the later one in the file wins', () => {
    const sameDay = [
      { date: '2026-08-15', value: 1.1 },
      { date: '2026-08-15', value: 0.9 },
    ];
    expect(resolveCurrent({ start: 1.5, checkins: sameDay }, [], period)).toEqual({ value: 0.9, source: 'checkin' });
  });

  test('an old check-in wins over a newer KPI value', () => {
    expect(resolveCurrent({ start: 1.5, checkins: [{ date: '2026-07-02', value: 1.4 }] }, [{ date: '2026-09-01', value: 0.6 }], period)).toEqual({
      value: 1.4,
      source: 'checkin',
    });
  });

  test('takes the latest KPI value by date, not by position in the list', () => {
    const outOfOrder = [
      { date: '2026-09-01', value: 0.8 },
      { date: '2026-07-15', value: 1.3 },
    ];
    expect(resolveCurrent({ start: 1.5, checkins: [] }, outOfOrder, period)).toEqual({ value: 0.8, source: 'kpi' });
  });
});

describe('weightedProgress', () => {
  test.each([
    ['the plain mean with equal weights', [{ score: 1, weight: 1 }, { score: 0.5, weight: 1 }, { score: 0, weight: 1 }], 0.5],
    ['weights scores', [{ score: 1, weight: 1 }, { score: 0, weight: 3 }], 0.25],
    ['fractional weights', [{ score: 0.8, weight: 0.5 }, { score: 0.2, weight: 1.5 }], 0.35],
    ['a single key result', [{ score: 0.7, weight: 2 }], 0.7],
    ['0 for an empty list', [], 0],
  ])('returns %s', (_, keyResults, expected) => {
    expect(weightedProgress(keyResults)).toBeCloseTo(expected, 12);
  });
});

describe('gradeOf', () => {
  test.each([
    [0, 'red'],
    [0.39, 'red'],
    [0.4, 'yellow'],
    [0.69, 'yellow'],
    [0.7, 'green'],
    [1, 'green'],
  ] as const)('grades %d as %s with the default bands', (score, grade) => {
    expect(gradeOf(score, DEFAULT_GRADING)).toBe(grade);
  });

  test.each([
    [0.49, 'red'],
    [0.5, 'yellow'],
    [0.89, 'yellow'],
    [0.9, 'green'],
  ] as const)('grades %d as %s with red_below 0.5 and green_from 0.9', (score, grade) => {
    expect(gradeOf(score, { red_below: 0.5, green_from: 0.9 })).toBe(grade);
  });

  test('grades the unrounded score: 0.6999 (shown as 0.70) is yellow', () => {
    expect(gradeOf(0.6999, DEFAULT_GRADING)).toBe('yellow');
  });

  test('has no yellow band when red_below equals green_from', () => {
    expect([0.59, 0.6].map((score) => gradeOf(score, { red_below: 0.6, green_from: 0.6 }))).toEqual(['red', 'green']);
  });
});

describe('objectiveStatus', () => {
  // Q3 2026 at 2026-08-16: elapsed = 0.5, so on-track from 0.45, at-risk from 0.3.
  const open = { period: '2026-Q3', asOf: '2026-08-16' };

  test.each([
    [0.5, 'on-track'],
    [0.45, 'on-track'],
    [0.449, 'at-risk'],
    [0.3, 'at-risk'],
    [0.299, 'off-track'],
    [0, 'off-track'],
    [1, 'on-track'],
  ] as const)('progress %d at half of the period is %s', (progress, status) => {
    expect(objectiveStatus({ ...open, progress })).toBe(status);
  });

  test('is on-track with no progress on the first day of the period', () => {
    expect(objectiveStatus({ progress: 0, period: '2026-Q3', asOf: '2026-07-01' })).toBe('on-track');
  });

  test('is on-track before the period starts', () => {
    expect(objectiveStatus({ progress: 0, period: '2026-Q4', asOf: '2026-08-16' })).toBe('on-track');
  });

  test.each(['2026-10-01', '2027-01-01'])('is done in a closed period (as of %s), whatever the progress', (asOf) => {
    expect(objectiveStatus({ progress: 0, period: '2026-Q3', asOf })).toBe('done');
  });

  test('still computes on the last day of the period (elapsed 91/92)', () => {
    expect(objectiveStatus({ progress: 0.6, period: '2026-Q3', asOf: '2026-09-30' })).toBe('at-risk');
  });

  test.each(['on-track', 'at-risk', 'off-track', 'done', 'cancelled'] as const)('a manual %s wins in every phase', (manual) => {
    for (const asOf of ['2026-06-01', '2026-08-16', '2026-12-01']) {
      expect(objectiveStatus({ progress: 0, period: '2026-Q3', asOf, manual })).toBe(manual);
    }
  });
});

describe('clampShare', () => {
  test.each([
    [-0.2, 0],
    [0, 0],
    [0.4, 0.4],
    [1, 1],
    [1.4, 1],
  ])('clamps %d to %d', (value, expected) => {
    expect(clampShare(value)).toBe(expected);
  });
});

describe('latestByDate', () => {
  test('returns the record with the latest date', () => {
    expect(latestByDate([{ date: '2026-01-02', n: 1 }, { date: '2026-03-01', n: 2 }, { date: '2026-02-01', n: 3 }])?.n).toBe(2);
  });

  test('lets the later entry of the list win a tie', () => {
    expect(latestByDate([{ date: '2026-01-02', n: 1 }, { date: '2026-01-02', n: 2 }])?.n).toBe(2);
  });

  test('returns undefined for an empty list', () => {
    expect(latestByDate([])).toBeUndefined();
  });
});
