import { describe, expect, test } from 'vitest';
import { fitLine, keyResultForecast, objectiveForecast } from './forecast.ts';

const points = (...pairs: [string, number][]) => pairs.map(([date, value]) => ({ date, value }));

describe('fitLine', () => {
  test('goes through two points', () => {
    const line = fitLine(points(['2026-07-01', 0], ['2026-07-11', 10]))!;
    expect(line('2026-07-21')).toBeCloseTo(20, 12);
  });

  test('fits three points by least squares', () => {
    // x = 0, 1, 2; y = 0, 2, 1: slope 0.5, intercept 0.5
    const line = fitLine(points(['2026-07-01', 0], ['2026-07-02', 2], ['2026-07-03', 1]))!;
    expect(line('2026-07-01')).toBeCloseTo(0.5, 12);
    expect(line('2026-07-05')).toBeCloseTo(2.5, 12);
  });

  test.each([
    ['one point', points(['2026-07-01', 1])],
    ['no points', []],
    ['two points on one day', points(['2026-07-01', 1], ['2026-07-01', 2])],
  ])('has no line through %s', (_, input) => {
    expect(fitLine(input)).toBeUndefined();
  });
});

describe('keyResultForecast', () => {
  test('an increase at one a day reaches 91 of 100 on 2026-09-30', () => {
    expect(keyResultForecast({ type: 'increase', start: 0, target: 100 }, points(['2026-07-01', 0], ['2026-08-01', 31]), '2026-Q3')).toBeCloseTo(0.91, 12);
  });

  test('a decrease from 1.5 to 0.5 at 1.15 after 45 days forecasts 0.708 (0.792 on 2026-09-30)', () => {
    // -0.35 per 45 days over 91 days: 1.5 - 0.708 = 0.792, progress (1.5 - 0.792) / (1.5 - 0.5)
    const forecast = keyResultForecast({ type: 'decrease', start: 1.5, target: 0.5 }, points(['2026-07-01', 1.5], ['2026-08-15', 1.15]), '2026-Q3')!;
    expect(forecast).toBeCloseTo((1.5 - (1.5 - (0.35 / 45) * 91)) / 1, 12);
  });

  test('clamps an overshoot to 1 and a fall below start to 0', () => {
    expect(keyResultForecast({ type: 'increase', start: 0, target: 10 }, points(['2026-07-01', 0], ['2026-07-02', 5]), '2026-Q3')).toBe(1);
    expect(keyResultForecast({ type: 'increase', start: 10, target: 20 }, points(['2026-07-01', 10], ['2026-07-02', 9]), '2026-Q3')).toBe(0);
  });

  test('counts only check-ins inside the period', () => {
    expect(keyResultForecast({ type: 'increase', start: 0, target: 100 }, points(['2026-07-01', 0], ['2026-10-05', 100]), '2026-Q3')).toBeUndefined();
  });

  test.each([
    ['a maintain key result', { type: 'maintain' as const, target: 5 }],
    ['a milestone', { type: 'milestone' as const }],
    ['a graded key result', { type: 'graded' as const }],
  ])('has none for %s', (_, kr) => {
    expect(keyResultForecast(kr, points(['2026-07-01', 0], ['2026-08-01', 1]), '2026-Q3')).toBeUndefined();
  });

  test('has none with one check-in', () => {
    expect(keyResultForecast({ type: 'increase', start: 0, target: 1 }, points(['2026-07-01', 0]), '2026-Q3')).toBeUndefined();
  });
});

describe('objectiveForecast', () => {
  test('uses the score of a key result without a forecast', () => {
    expect(objectiveForecast([{ forecast: 0.8, score: 0.5, weight: 1 }, { forecast: undefined, score: 0.2, weight: 1 }])).toBeCloseTo(0.5, 12);
  });

  test('weights the key results', () => {
    expect(objectiveForecast([{ forecast: 1, score: 0, weight: 3 }, { forecast: undefined, score: 0, weight: 1 }])).toBeCloseTo(0.75, 12);
  });

  test('has none when no key result has one', () => {
    expect(objectiveForecast([{ forecast: undefined, score: 0.5, weight: 1 }])).toBeUndefined();
  });
});
