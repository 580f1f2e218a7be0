import { describe, expect, test } from 'vitest';
import { kpiStatus, latestPoint, sortKpisByHealth, valueAt } from './kpi.ts';

describe('kpiStatus', () => {
  describe('higher-is-better, target 9, threshold 7', () => {
    const csat = { direction: 'higher-is-better', target: 9, threshold: 7 } as const;
    test.each([
      [9.5, 'healthy'],
      [9, 'healthy'],
      [8.9, 'warning'],
      [7, 'warning'],
      [6.9, 'critical'],
    ] as const)('%d is %s', (value, status) => {
      expect(kpiStatus(csat, value)).toBe(status);
    });
  });

  describe('lower-is-better, target 2, threshold 3', () => {
    const turnover = { direction: 'lower-is-better', target: 2, threshold: 3 } as const;
    test.each([
      [1.5, 'healthy'],
      [2, 'healthy'],
      [2.5, 'warning'],
      [3, 'warning'],
      [3.4, 'critical'],
    ] as const)('%d is %s', (value, status) => {
      expect(kpiStatus(turnover, value)).toBe(status);
    });
  });

  describe('only a target', () => {
    test.each([
      ['higher-is-better', 10, 'healthy'],
      ['higher-is-better', 9, 'warning'],
      ['lower-is-better', 10, 'healthy'],
      ['lower-is-better', 11, 'warning'],
    ] as const)('%s, target 10: %d is %s (never critical)', (direction, value, status) => {
      expect(kpiStatus({ direction, target: 10 }, value)).toBe(status);
    });
  });

  describe('only a threshold', () => {
    test.each([
      ['higher-is-better', 5, 'critical'],
      ['higher-is-better', 10, 'warning'],
      ['lower-is-better', 15, 'critical'],
      ['lower-is-better', 10, 'warning'],
    ] as const)('%s, threshold 10: %d is %s', (direction, value, status) => {
      expect(kpiStatus({ direction, threshold: 10 }, value)).toBe(status);
    });
  });

  test('checks the target first when target and threshold are on the wrong sides', () => {
    expect(kpiStatus({ direction: 'higher-is-better', target: 5, threshold: 8 }, 6)).toBe('healthy');
  });

  test('is untracked without target and threshold', () => {
    expect(kpiStatus({ direction: 'higher-is-better' }, 42)).toBe('untracked');
  });

  test.each([
    [{ direction: 'higher-is-better', target: 9, threshold: 7 }],
    [{ direction: 'higher-is-better' }],
  ] as const)('is no-data without a latest value (%j)', (kpi) => {
    expect(kpiStatus(kpi, undefined)).toBe('no-data');
  });
});

describe('latestPoint', () => {
  test('is the point with the latest date', () => {
    expect(latestPoint([{ date: '2026-02-01', value: 2 }, { date: '2026-01-01', value: 1 }])).toEqual({ date: '2026-02-01', value: 2 });
  });

  test('is undefined for an empty series', () => {
    expect(latestPoint([])).toBeUndefined();
  });
});

describe('valueAt', () => {
  const series = [
    { date: '2026-01-01', value: 1 },
    { date: '2026-02-01', value: 2 },
    { date: '2026-03-01', value: 3 },
  ];
  test.each([
    ['2025-12-31', undefined],
    ['2026-01-01', 1],
    ['2026-02-15', 2],
    ['2026-03-01', 3],
    ['2027-01-01', 3],
  ])('at %s is %s', (date, value) => {
    expect(valueAt(series, date)?.value).toBe(value);
  });
});

describe('sortKpisByHealth', () => {
  test('puts the most urgent first, then sorts by title, without changing its input', () => {
    const kpis = [
      { title: 'NPS', status: 'healthy' },
      { title: 'Uptime', status: 'no-data' },
      { title: 'MRR', status: 'critical' },
      { title: 'CSAT', status: 'healthy' },
      { title: 'WAU', status: 'untracked' },
      { title: 'Churn', status: 'warning' },
    ] as const;
    expect(sortKpisByHealth(kpis).map((kpi) => kpi.title)).toEqual(['MRR', 'Churn', 'CSAT', 'NPS', 'WAU', 'Uptime']);
    expect(kpis[0].title).toBe('NPS');
  });
});
