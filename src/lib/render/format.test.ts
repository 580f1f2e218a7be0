import { describe, expect, test } from 'vitest';
import { formatDate, formatDelta, formatPercent, formatScore, formatShortDate, formatValue, kpiBounds, labelOf } from './format.ts';

describe('formatValue', () => {
  test.each([
    [undefined, undefined, '–'],
    [1250, undefined, '1,250'],
    [1250.6, undefined, '1,251'],
    [123.45, undefined, '123.5'],
    [1.456, undefined, '1.46'],
    [0.5, 'tickets', '0.5 tickets'],
    [1, 'tickets', '1 ticket'],
    [1.001, 'customers', '1 customer'],
    [1, 'opportunities', '1 opportunity'],
    [1, 'boxes', '1 box'],
    [1, 'pts', '1 pt'],
    [1, 'status', '1 status'],
    [1, 'min', '1 min'],
    [2, 'tickets', '2 tickets'],
    [8.4, '%', '8.4%'],
    [3.5, 'min', '3.5 min'],
    [24000, 'EUR', '€24,000'],
    [19.99, 'USD', 'US$19.99'],
    [-2, '%', '-2%'],
    [0, undefined, '0'],
  ])('%d %s -> %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

describe('formatPercent', () => {
  test.each([
    [0, '0%'],
    [0.666, '67%'],
    [0.725, '73%'],
    [1, '100%'],
  ])('%d -> %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });
});

describe('formatScore', () => {
  test.each([
    [0.7, '0.70'],
    [0.725, '0.73'],
    [1, '1.00'],
    [0, '0.00'],
    [0.333333, '0.33'],
  ])('%d -> %s', (score, text) => {
    expect(formatScore(score)).toBe(text);
  });
});

describe('formatDate and formatShortDate', () => {
  test.each([
    ['2026-08-16', '16 Aug 2026', '16 Aug'],
    ['2026-01-01', '1 Jan 2026', '1 Jan'],
    ['2024-02-29', '29 Feb 2024', '29 Feb'],
    ['2026-12-31', '31 Dec 2026', '31 Dec'],
  ])('%s -> %s, %s (in every time zone)', (date, long, short) => {
    expect(formatDate(date)).toBe(long);
    expect(formatShortDate(date)).toBe(short);
  });
});

describe('formatDelta', () => {
  test.each([
    [1.2, undefined, '+1.2'],
    [-0.4, '%', '−0.4%'],
    [0, 'min', '±0 min'],
    [-1500, 'EUR', '−€1,500'],
  ])('%d %s -> %s', (delta, unit, text) => {
    expect(formatDelta(delta, unit)).toBe(text);
  });
});

describe('labelOf', () => {
  test.each([
    ['off-track', 'Off track'],
    ['on-track', 'On track'],
    ['higher-is-better', 'Higher is better'],
    ['healthy', 'Healthy'],
    ['', ''],
  ])('%j -> %j', (value, label) => {
    expect(labelOf(value)).toBe(label);
  });
});


describe('kpiBounds', () => {
  test.each([
    [{ direction: 'higher-is-better', target: 30, threshold: 10, unit: 'pts' }, { target: '≥ 30 pts', threshold: '< 10 pts' }],
    [{ direction: 'lower-is-better', target: 1.5, threshold: 3, unit: '%' }, { target: '≤ 1.5%', threshold: '> 3%' }],
    [{ direction: 'higher-is-better' }, { target: undefined, threshold: undefined }],
  ] as const)('%j', (kpi, expected) => {
    expect(kpiBounds(kpi)).toEqual(expected);
  });
});
