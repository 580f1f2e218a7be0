import { describe, expect, test } from 'vitest';
import { niceBounds } from './chart-axis.ts';

describe('niceBounds', () => {
  test.each([
    ['churn 1.5% .. 3.2%', 1.5, 3.2, { min: 1.5, max: 3.5, step: 0.5 }],
    ['coverage 0% .. 90%', 0, 90, { min: 0, max: 100, step: 20 }],
    ['save plans 20% .. 100%', 20, 100, { min: 20, max: 100, step: 20 }],
    ['uptime 99.5 .. 99.95', 99.5, 99.95, { min: 99.5, max: 100, step: 0.1 }],
    ['revenue 180k .. 260k', 180_000, 260_000, { min: 180_000, max: 260_000, step: 20_000 }],
    ['negative eNPS -12 .. 18', -12, 18, { min: -20, max: 20, step: 10 }],
    ['one value widens by a step', 5, 5, { min: 4, max: 6, step: 1 }],
  ])('%s', (_, low, high, expected) => {
    expect(niceBounds(low, high)).toEqual(expected);
  });
});
