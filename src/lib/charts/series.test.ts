import { describe, expect, test } from 'vitest';
import { changeOverLastPeriod, cutRange, describeChange, describeSeries, findGaps, idealLine, monthStarts, pointsBetween, quarterBoundaries, rangeStart, shiftMonths, type SeriesPoint } from './series.ts';

const p = (date: string, value: number, note?: string): SeriesPoint => (note ? { date, value, note } : { date, value });

describe('shiftMonths', () => {
  test.each([
    ['2026-11-23', -3, '2026-08-23'],
    ['2026-11-23', -12, '2025-11-23'],
    ['2026-02-15', -3, '2025-11-15'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2024-05-31', -3, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-31'],
  ])('%s shifted by %d months is %s', (date, months, expected) => {
    expect(shiftMonths(date, months)).toBe(expected);
  });
});

describe('rangeStart and cutRange', () => {
  const monthly = ['2025-10-01', '2025-12-01', '2026-03-01', '2026-08-01', '2026-08-23', '2026-09-01', '2026-11-01', '2026-12-01'].map((date, index) => p(date, index));
  test.each([
    ['quarter', '2026-08-23', ['2026-08-23', '2026-09-01', '2026-11-01']],
    ['year', '2025-11-23', ['2025-12-01', '2026-03-01', '2026-08-01', '2026-08-23', '2026-09-01', '2026-11-01']],
    ['all', undefined, ['2025-10-01', '2025-12-01', '2026-03-01', '2026-08-01', '2026-08-23', '2026-09-01', '2026-11-01']],
  ] as const)('last %s at 2026-11-23 starts on %s and drops values after the as-of date', (range, start, dates) => {
    expect(rangeStart(range, '2026-11-23')).toBe(start);
    expect(cutRange(monthly, range, '2026-11-23').map((point) => point.date)).toEqual(dates);
  });
});

describe('pointsBetween', () => {
  test('keeps points inside the period, both ends included', () => {
    const series = [p('2026-09-30', 1), p('2026-10-01', 2), p('2026-12-31', 3), p('2027-01-01', 4)];
    expect(pointsBetween(series, '2026-10-01', '2026-12-31')).toEqual([p('2026-10-01', 2), p('2026-12-31', 3)]);
  });
});

describe('findGaps', () => {
  test.each([
    ['weekly without gaps', 'weekly', ['2026-01-01', '2026-01-08', '2026-01-22'], []],
    ['weekly with a three-week hole', 'weekly', ['2026-01-01', '2026-01-08', '2026-01-29'], [{ from: '2026-01-08', to: '2026-01-29' }]],
    ['monthly without gaps', 'monthly', ['2026-01-01', '2026-02-01', '2026-03-31'], []],
    ['monthly with a missing quarter', 'monthly', ['2026-01-01', '2026-05-01'], [{ from: '2026-01-01', to: '2026-05-01' }]],
    ['one point', 'quarterly', ['2026-01-01'], []],
  ] as const)('%s', (_, cadence, dates, gaps) => {
    expect(findGaps(dates.map((date) => ({ date })), cadence)).toEqual(gaps);
  });
});

describe('quarterBoundaries', () => {
  test.each([
    ['2026-05-10', '2026-11-23', ['2026-07-01', '2026-10-01']],
    ['2025-11-21', '2026-11-23', ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']],
    ['2026-07-01', '2026-09-30', []],
    ['2026-06-30', '2026-07-01', ['2026-07-01']],
    ['2026-10-05', '2026-11-23', []],
  ])('from %s to %s', (from, to, expected) => {
    expect(quarterBoundaries(from, to)).toEqual(expected);
  });
});

describe('monthStarts', () => {
  test.each([
    ['2026-07-15', '2026-09-30', ['2026-08-01', '2026-09-01']],
    ['2026-10-01', '2026-12-31', ['2026-10-01', '2026-11-01', '2026-12-01']],
    ['2026-11-25', '2027-01-01', ['2026-12-01', '2027-01-01']],
    ['2026-11-02', '2026-11-30', []],
  ])('from %s to %s', (from, to, expected) => {
    expect(monthStarts(from, to)).toEqual(expected);
  });
});

describe('idealLine', () => {
  test.each([
    ['increase: start on the first day to target on the last', { type: 'increase', start: 0, target: 90 }, '2026-Q4', [p('2026-10-01', 0), p('2026-12-31', 90)]],
    ['decrease: the line goes down', { type: 'decrease', start: 3.2, target: 1.5 }, '2026-Q4', [p('2026-10-01', 3.2), p('2026-12-31', 1.5)]],
    ['maintain: holds the target all along', { type: 'maintain', target: 99.9 }, '2026-Q3', [p('2026-07-01', 99.9), p('2026-09-30', 99.9)]],
    ['milestone: no line', { type: 'milestone' }, '2026-Q3', []],
    ['increase without start: no line', { type: 'increase', target: 5 }, '2026-Q3', []],
  ] as const)('%s', (_, kr, period, expected) => {
    expect(idealLine(kr, period)).toEqual(expected);
  });
});

describe('changeOverLastPeriod', () => {
  test.each([
    ['monthly: latest against the last value of the previous quarter', [p('2026-08-01', 2.6), p('2026-09-01', 2.8), p('2026-10-01', 3.2), p('2026-11-01', 2.9)], { from: '2026-09-01', to: '2026-11-01', delta: 0.1 }],
    ['weekly: the value of 30 Sep', [p('2026-09-23', 8.1), p('2026-09-30', 8), p('2026-11-18', 8.4)], { from: '2026-09-30', to: '2026-11-18', delta: 0.4 }],
    ['latest on the first day of a quarter', [p('2026-09-30', 5), p('2026-10-01', 4)], { from: '2026-09-30', to: '2026-10-01', delta: -1 }],
    ['a gap: the last value before the quarter, however old', [p('2026-01-01', 10), p('2026-11-01', 12)], { from: '2026-01-01', to: '2026-11-01', delta: 2 }],
  ])('%s', (_, series, expected) => {
    const change = changeOverLastPeriod(series);
    expect(change && { from: change.from.date, to: change.to.date, delta: change.delta }).toEqual(expected);
  });

  test.each([
    ['no values', []],
    ['only values in the latest quarter', [p('2026-10-01', 1), p('2026-11-01', 2)]],
  ])('is undefined with %s', (_, series) => {
    expect(changeOverLastPeriod(series)).toBeUndefined();
  });
});

describe('describeChange', () => {
  const change = (delta: number) => ({ from: p('2026-09-30', 8), to: p('2026-11-23', 8 + delta), delta });
  test.each([
    ['percentage up, higher is better', 0.4, '%', 'higher-is-better', '▲ +0.4 pts since 30 Sept 2026', 'better'],
    ['percentage up, lower is better', 0.4, '%', 'lower-is-better', '▲ +0.4 pts since 30 Sept 2026', 'worse'],
    ['minutes down, lower is better', -1.5, 'min', 'lower-is-better', '▼ −1.5 min since 30 Sept 2026', 'better'],
    ['currency up', 12000, 'EUR', 'higher-is-better', '▲ +€12,000 since 30 Sept 2026', 'better'],
    ['no change', 0, undefined, 'higher-is-better', '▶ ±0 since 30 Sept 2026', 'unchanged'],
  ] as const)('%s', (_, delta, unit, direction, text, sentiment) => {
    const described = describeChange(change(delta), { unit, direction });
    expect(described.text).toBe(text);
    expect(described.sentiment).toBe(sentiment);
  });
});

describe('describeSeries', () => {
  test.each([
    ['no values', [], undefined, 'no values yet'],
    ['one value', [p('2026-11-01', 2.9)], '%', 'one value: 2.9% on 1 Nov 2026'],
    ['first and last value', [p('2025-12-01', 7.1), p('2026-06-01', 9), p('2026-11-01', 8.4)], '%', 'from 7.1% on 1 Dec 2025 to 8.4% on 1 Nov 2026'],
  ])('%s', (_, series, unit, expected) => {
    expect(describeSeries(series, unit)).toBe(expected);
  });
});
