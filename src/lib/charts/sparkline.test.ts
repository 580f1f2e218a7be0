import { describe, expect, test } from 'vitest';
import { sparkline } from './sparkline.ts';

const box = { width: 100, height: 20 };

describe('sparkline', () => {
  test.each([
    ['two points rising', [{ date: '2026-01-01', value: 1 }, { date: '2026-02-01', value: 2 }], {}, 'M1 19L99 1'],
    ['two points falling', [{ date: '2026-01-01', value: 2 }, { date: '2026-02-01', value: 1 }], {}, 'M1 1L99 19'],
    ['a flat series sits in the middle', [{ date: '2026-01-01', value: 5 }, { date: '2026-01-11', value: 5 }], {}, 'M1 10L99 10'],
    [
      'points are placed by date, not by index',
      [{ date: '2026-01-01', value: 0 }, { date: '2026-01-02', value: 1 }, { date: '2026-01-11', value: 0 }],
      {},
      'M1 19L10.8 1L99 19',
    ],
    [
      'a gap longer than maxGapDays breaks the line',
      [{ date: '2026-01-01', value: 0 }, { date: '2026-01-02', value: 1 }, { date: '2026-01-11', value: 0 }],
      { maxGapDays: 7 },
      'M1 19L10.8 1M99 19',
    ],
    ['a reference level widens the domain', [{ date: '2026-01-01', value: 1 }, { date: '2026-02-01', value: 2 }], { reference: 0 }, 'M1 10L99 1'],
  ])('%s', (_, points, options, path) => {
    expect(sparkline(points, { ...box, ...options }).path).toBe(path);
  });

  test('places the end dot on the last point and the reference level in the box', () => {
    const line = sparkline([{ date: '2026-01-01', value: 1 }, { date: '2026-02-01', value: 2 }], { ...box, reference: 0 });
    expect(line.last).toEqual({ x: 99, y: 1 });
    expect(line.referenceY).toBe(19);
  });

  test.each([
    ['no values', [], 'no values yet'],
    ['one value', [{ date: '2026-11-01', value: 2.9 }], 'one value: 2.9% on 1 Nov 2026'],
    ['a series', [{ date: '2025-12-01', value: 7.1 }, { date: '2026-11-01', value: 8.4 }], 'from 7.1% on 1 Dec 2025 to 8.4% on 1 Nov 2026'],
  ])('text alternative with %s', (_, points, text) => {
    const line = sparkline(points, { ...box, unit: '%' });
    expect(line.text).toBe(text);
    if (points.length < 2) expect(line.path).toBe('');
  });
});
