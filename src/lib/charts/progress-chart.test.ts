import { describe, expect, test } from 'vitest';
import { progressChart } from './progress-chart.ts';
import type { Standing } from '../model/snapshots.ts';
import { i18nFor } from '../i18n/index.ts';

// Q3 2026: 92 days from 2026-07-01. Plot 44..628 wide (584 px), 12..192 high (180 px) at 640 x 220.
const standing = (date: string, progress: number, status: Standing['status'], expected: number): Standing => ({ date, progress, score: progress, grade: 'red', status, expected });
const STANDINGS = [standing('2026-07-05', 0.1, 'on-track', 4 / 92), standing('2026-08-16', 0.2, 'off-track', 46 / 92)];

describe('progressChart', () => {
  const chart = progressChart(STANDINGS, '2026-Q3', { width: 640, height: 220 }, i18nFor('en'));

  test.each([
    ['07-05, 4 days in, 10%', 0, { x: 44 + (4 / 92) * 584, y: 192 - 18, tone: 'green' }],
    ['08-16, half-way, 20%, off-track', 1, { x: 44 + 0.5 * 584, y: 192 - 36, tone: 'red' }],
  ])('places %s', (_, index, expected) => {
    const point = chart.points[index]!;
    expect(point.x).toBeCloseTo(expected.x, 1);
    expect(point.y).toBeCloseTo(expected.y, 1);
    expect(point.tone).toBe(expected.tone);
  });

  test('the expected line runs from 0 at the first day to 100% at the end of the period', () => {
    expect(chart.expected).toEqual({ x1: 44, y1: 192, x2: 628, y2: 12 });
  });

  test('draws the progress through the points and says the latest in words', () => {
    expect(chart.progressPath).toBe(`M${chart.points[0]!.x} ${chart.points[0]!.y}L${chart.points[1]!.x} ${chart.points[1]!.y}`);
    expect(chart.summary).toBe('Progress over time: 2 weekly snapshots; on 16 Aug 2026 20% against 50% expected, Off track');
  });

  test('no path and a plain summary without snapshots', () => {
    expect(progressChart([], '2026-Q3', { width: 640, height: 220 }, i18nFor('en'))).toMatchObject({ progressPath: '', points: [], summary: 'Progress over time: no snapshots yet' });
  });
});
