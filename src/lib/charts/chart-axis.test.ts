import { describe, expect, test } from 'vitest';
import { toDayNumber } from '../calendar/calendar-date.ts';
import { gutterFor, monthTicks, niceBounds, plotScale, xDomain, yBounds } from './chart-axis.ts';

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

describe('yBounds', () => {
  test('takes in the levels, gives a band on the edge one step of room, and counts only what is visible from xMin', () => {
    expect(yBounds({ series: [{ points: [{ x: 0, y: 2 }, { x: 1, y: 3 }] }], levels: [{ value: 2, side: 'below' }], xMin: 0, xMax: 1 }, 0)).toEqual({ min: 1.8, max: 3, step: 0.2 });
    expect(yBounds({ series: [{ points: [{ x: 0, y: 2 }, { x: 5, y: 9 }] }], levels: [], xMin: 0, xMax: 5 }, 3)).toEqual({ min: 8, max: 10, step: 2 });
  });
});

describe('monthTicks', () => {
  const ticks = (first: string, months: number) =>
    Array.from({ length: months }, (_, index) => {
      const date = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1 + index, 1));
      const iso = date.toISOString().slice(0, 10);
      return { x: toDayNumber(iso)!, month: date.getUTCMonth() + 1, year: date.getUTCFullYear(), label: iso.slice(5, 7), yearLabel: iso.slice(0, 7) };
    });
  const labels = (width: number, first = '2025-12-01', months = 12): string[] => {
    const all = ticks(first, months);
    return monthTicks(all, all[0]!.x, all.at(-1)!.x, width).map((tick) => tick.label);
  };

  test.each([
    ['a desktop plot: every month, the year on the first and on January', 900, ['2025-12', '2026-01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11']],
    ['a tablet plot: every second month, counted from January, none closer to the first than that', 560, ['2025-12', '2026-03', '05', '07', '09', '11']],
    ['a phone plot: quarter starts, the year where it changes', 280, ['2025-12', '2026-04', '07', '10']],
    ['a narrow plot: half years', 150, ['2025-12', '2026-07']],
  ])('%s', (_, width, expected) => {
    expect(labels(width)).toEqual(expected);
  });

  test('a thinned January too close to the first tick leaves the year to the next tick', () => {
    expect(labels(280, '2025-12-01', 14)).toEqual(['2025-12', '2026-04', '07', '10', '2027-01']);
  });

  test('only ticks inside the visible range', () => {
    const all = ticks('2026-01-01', 12);
    expect(monthTicks(all, all[9]!.x, all[11]!.x, 900).map((tick) => tick.label)).toEqual(['2026-10', '11', '12']);
  });
});

describe('gutterFor and xDomain', () => {
  test.each([
    [2, 40],
    [5, 52],
    [7, 64],
    [12, 76],
  ])('%s characters take a gutter of %s px', (characters, gutter) => {
    expect(gutterFor(characters)).toBe(gutter);
  });

  test('pads the domain by 1.5% on each side', () => {
    expect(xDomain({ xMax: 300 }, 100)).toEqual({ min: 97, max: 303 });
  });
});

describe('plotScale', () => {
  const chart = { series: [{ points: [{ x: 0, y: 10 }, { x: 100, y: 20 }, { x: 200, y: 40 }] }], levels: [], xMin: 0, xMax: 200 };

  test('places values in percent of the plot from its top left, inside the padded domain and round bounds', () => {
    const scale = plotScale(chart, 0);
    // Domain -3 .. 203, bounds 10 .. 40.
    expect(scale.x(100)).toBeCloseTo(50);
    expect(scale.x(-3)).toBe(0);
    expect(scale.y(40)).toBe(0);
    expect(scale.y(10)).toBe(100);
  });

  test('from a later xMin: the domain and the bounds of what is visible from there', () => {
    const scale = plotScale(chart, 100);
    // Domain 98.5 .. 201.5, bounds 20 .. 40.
    expect(scale.x(100)).toBeCloseTo((1.5 / 103) * 100);
    expect(scale.y(20)).toBe(100);
  });
});
