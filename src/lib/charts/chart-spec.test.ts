import { describe, expect, test } from 'vitest';
import { toDayNumber } from '../calendar/calendar-date.ts';
import { chartPointsOf, confidenceStyle } from './chart-points.ts';
import { burnUpChartSpec, trendChartSpec } from './chart-spec.ts';
import { churn, coverage } from '../../../test/support/chart-inputs.ts';
import { i18nFor } from '../i18n/index.ts';

const day = (date: string): number => toDayNumber(date)!;

describe('trendChartSpec', () => {
  const spec = trendChartSpec(churn, '2026-11-23');
  const points = chartPointsOf(spec, spec.series[0]!);

  test('draws the whole series up to the as-of date, and breaks the line at gaps', () => {
    expect(spec.xMin).toBe(day('2025-12-01'));
    expect(spec.xMax).toBe(day('2026-11-23'));
    expect(points.filter((point) => point.y !== null)).toHaveLength(7);
    expect(points.filter((point) => point.y === null)).toHaveLength(2);
  });

  test.each([
    ['2026-03-01', 'circle', 'healthy', ['1 Mar 2026', '1.4% · Healthy']],
    ['2026-07-01', 'triangle', 'warning', ['1 Jul 2026', '2.2% · Warning']],
    ['2026-10-01', 'rect', 'critical', ['1 Oct 2026', '3.2% · Critical', 'Highest in two years']],
  ])('the point of %s is a %s (%s) with tooltip lines', (date, style, tone, lines) => {
    expect(points.find((point) => point.x === day(date))).toMatchObject({ style, tone, lines });
  });

  test('target and threshold are bands by meaning, on the side the direction says', () => {
    expect(spec.levels).toEqual([
      { value: 1.5, label: 'Target ≤ 1.5%', meaning: 'healthy', side: 'below' },
      { value: 2.5, label: 'Critical > 2.5%', meaning: 'critical', side: 'above' },
    ]);
  });

  test('quarter boundaries are marked', () => {
    expect(spec.markers.map((marker) => marker.label)).toEqual(['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']);
    expect(spec.markers[0]!.x).toBe(day('2026-01-01'));
  });

  test('offers only the ranges that cut something', () => {
    expect(spec.ranges).toEqual([
      { id: 'quarter', label: 'Last quarter', xMin: day('2026-08-23') },
      { id: 'all', label: 'All', xMin: day('2025-12-01') },
    ]);
  });

  test('a long series offers last quarter, last year and all', () => {
    const long = trendChartSpec({ ...churn, data: [{ date: '2024-01-01', value: 2 }, ...churn.data] }, '2026-11-23');
    expect(long.ranges.map((range) => range.id)).toEqual(['quarter', 'year', 'all']);
  });

  test('a short series offers no range switch', () => {
    expect(trendChartSpec({ ...churn, data: churn.data.slice(-2) }, '2026-11-23').ranges).toEqual([]);
  });

  test('the accessible name sums up the series and the levels', () => {
    expect(spec.summary).toBe('Line chart of Monthly churn rate: from 1.9% on 1 Dec 2025 to 2.9% on 1 Nov 2026. Target ≤ 1.5%; Critical > 2.5%.');
  });

  test('month ticks cover the range, each month alone and with its year (never "Nov 26", which reads as a day)', () => {
    expect(spec.ticks[0]).toEqual({ x: day('2025-12-01'), month: 12, year: 2025, label: 'Dec', yearLabel: 'Dec 2025' });
    expect(spec.ticks.at(-1)).toEqual({ x: day('2026-11-01'), month: 11, year: 2026, label: 'Nov', yearLabel: 'Nov 2026' });
  });

  test('in German: levels, ranges, the accessible name, ticks and tooltip words from the catalog', () => {
    const de = trendChartSpec(churn, '2026-11-23', i18nFor('de'));
    expect(de.levels.map((level) => level.label)).toEqual(['Ziel ≤ 1,5\u00a0%', 'Kritisch > 2,5\u00a0%']);
    expect(de.ranges.map((range) => range.label)).toEqual(['Letztes Quartal', 'Alles']);
    expect(de.summary).toBe('Liniendiagramm von Monthly churn rate: von 1,9\u00a0% am 1. Dez. 2025 auf 2,9\u00a0% am 1. Nov. 2026. Ziel ≤ 1,5\u00a0%; Kritisch > 2,5\u00a0%.');
    expect(de.ticks[0]).toEqual({ x: day('2025-12-01'), month: 12, year: 2025, label: 'Dez', yearLabel: 'Dez. 2025' });
    const points = chartPointsOf(de, de.series[0]!, i18nFor('de').format);
    expect(points.find((point) => point.x === day('2026-10-01'))!.lines).toEqual(['1. Okt. 2026', '3,2\u00a0% · Kritisch', 'Highest in two years']);
  });
});

describe('burnUpChartSpec', () => {
  test('draws the ideal line from start at period start to target at period end', () => {
    const spec = burnUpChartSpec(coverage, '2026-Q4', '2026-11-23')!;
    expect(spec.series[0]).toMatchObject({ role: 'ideal', points: [{ x: day('2026-10-01'), y: 0 }, { x: day('2026-12-31'), y: 90 }] });
    expect([spec.xMin, spec.xMax]).toEqual([day('2026-10-01'), day('2026-12-31')]);
  });

  test('check-ins are sorted, shaped and sized by confidence, with tooltip lines', () => {
    const spec = burnUpChartSpec(coverage, '2026-Q4', '2026-11-23')!;
    const checkins = spec.series[1]!;
    expect(checkins.role).toBe('checkins');
    expect(checkins.points[1]).toEqual({ x: day('2026-10-09'), y: 20, confidence: 0.7, note: 'Program live' });
    expect(chartPointsOf(spec, checkins).map((point) => [point.y, point.style, point.radius])).toEqual([
      [9, 'rectRot', 5],
      [20, 'circle', 6],
      [62, 'triangle', 4],
    ]);
    expect(chartPointsOf(spec, checkins)[1]!.lines).toEqual(['9 Oct 2026', '20%', 'Confidence 70% (high)', 'Program live']);
  });

  test('marks the as-of date inside the period, not outside', () => {
    expect(burnUpChartSpec(coverage, '2026-Q4', '2026-11-23')!.markers).toEqual([{ x: day('2026-11-23'), label: 'As of 23 Nov 2026', kind: 'as-of' }]);
    expect(burnUpChartSpec(coverage, '2026-Q3', '2026-11-23')!.markers).toEqual([]);
  });

  test('a linked KPI adds its values inside the period as a second series', () => {
    const kpi = { title: 'Monthly churn rate', unit: '%', data: churn.data };
    const spec = burnUpChartSpec({ title: 'Cut churn', type: 'decrease', start: 3.2, target: 1.5, unit: '%', checkins: [] }, '2026-Q4', '2026-11-23', kpi)!;
    expect(spec.series.map((series) => series.role)).toEqual(['ideal', 'kpi']);
    expect(spec.series[1]!.points.map((point) => point.y)).toEqual([3.2, 2.9]);
    expect(spec.series[1]).toMatchObject({ kpiTitle: 'Monthly churn rate' });
    expect(spec.series[1]!.unit).toBeUndefined();
    expect(chartPointsOf(spec, spec.series[1]!)[0]).toMatchObject({ style: 'crossRot', radius: 5, lines: ['1 Oct 2026', 'Monthly churn rate: 3.2%', 'Highest in two years'] });
    expect(spec.levels).toEqual([{ value: 1.5, label: 'Target 1.5%', meaning: 'healthy', side: 'below' }]);
    expect(spec.summary).toBe('Burn-up chart of Cut churn: KPI values from 3.2% on 1 Oct 2026 to 2.9% on 1 Nov 2026, against the ideal line from 3.2% on 1 Oct 2026 to 1.5% on 31 Dec 2026. As of 23 Nov 2026.');
  });

  test('tooltips of a linked KPI use its own unit, and the ideal line says what it is', () => {
    const kpi = { title: 'Tickets', unit: 'tickets', data: [{ date: '2026-10-05', value: 120 }] };
    const spec = burnUpChartSpec({ title: 'Cut time', type: 'decrease', start: 8, target: 4, unit: 'min', checkins: [] }, '2026-Q4', '2026-11-23', kpi)!;
    expect(spec.series[1]!.unit).toBe('tickets');
    expect(chartPointsOf(spec, spec.series[1]!)[0]!.lines).toEqual(['5 Oct 2026', 'Tickets: 120 tickets']);
    expect(chartPointsOf(spec, spec.series[0]!).map((point) => point.lines)).toEqual([['1 Oct 2026', 'Ideal 8 min'], ['31 Dec 2026', 'Ideal 4 min']]);
  });

  test('late check-ins widen the chart past the period end', () => {
    const late = { ...coverage, checkins: [...coverage.checkins, { date: '2027-01-05', value: 88 }] };
    const spec = burnUpChartSpec(late, '2026-Q4', '2026-11-23')!;
    expect(spec.xMax).toBe(day('2027-01-05'));
    expect(spec.series[1]!.points.at(-1)).toMatchObject({ late: true });
    expect(chartPointsOf(spec, spec.series[1]!).at(-1)!.lines![0]).toBe('5 Jan 2027 (late)');
  });

  test('maintain holds the target; at-most tints below it', () => {
    const spec = burnUpChartSpec({ title: 'Keep p95 under 300 ms', type: 'maintain', target: 300, direction: 'at-most', unit: 'ms', checkins: [] }, '2026-Q4', '2026-11-23')!;
    expect(spec.series[0]!.points.map((point) => point.y)).toEqual([300, 300]);
    expect(spec.levels[0]!.side).toBe('below');
  });

  test('milestones have no chart', () => {
    expect(burnUpChartSpec({ title: 'Launch', type: 'milestone', checkins: [] }, '2026-Q4', '2026-11-23')).toBeUndefined();
  });
});

describe('confidenceStyle', () => {
  test.each([
    [undefined, { style: 'circle', radius: 3, label: undefined }],
    [0.9, { style: 'circle', radius: 6, label: 'Confidence 90% (high)' }],
    [0.7, { style: 'circle', radius: 6, label: 'Confidence 70% (high)' }],
    [0.4, { style: 'rectRot', radius: 5, label: 'Confidence 40% (medium)' }],
    [0.1, { style: 'triangle', radius: 4, label: 'Confidence 10% (low)' }],
  ])('confidence %s', (confidence, expected) => {
    expect(confidenceStyle(confidence)).toEqual(expected);
  });
});

describe('burnUpChartSpec: contract v1.1', () => {
  const nps = {
    title: 'NPS from 0 to 100',
    type: 'increase' as const,
    start: 0,
    target: 100,
    checkins: [
      { date: '2026-07-01', value: 0 },
      { date: '2026-08-01', value: 31 },
    ],
  };

  test('draws the forecast as the fitted line from the last check-in to the period end', () => {
    const spec = burnUpChartSpec(nps, '2026-Q3', '2026-08-16')!;
    const forecast = spec.series.find((series) => series.role === 'forecast')!;
    expect(forecast.points[0]).toEqual({ x: day('2026-08-01'), y: 31 });
    expect(forecast.points[1]!.x).toBe(day('2026-09-30'));
    expect(forecast.points[1]!.y).toBeCloseTo(91, 9);
    expect(spec.summary).toContain('the trend of the check-ins reaches 91 on 30 Sept 2026');
    expect(chartPointsOf(spec, forecast)[1]!.lines).toEqual(['30 Sept 2026', 'Forecast 91']);
  });

  test('draws no forecast with one check-in, nor for a maintain key result', () => {
    expect(burnUpChartSpec({ ...nps, checkins: nps.checkins.slice(1) }, '2026-Q3', '2026-08-16')!.series.map((series) => series.role)).toEqual(['ideal', 'checkins']);
    const maintain = burnUpChartSpec({ ...nps, type: 'maintain', start: undefined, target: 9 }, '2026-Q3', '2026-08-16')!;
    expect(maintain.series.map((series) => series.role)).toEqual(['ideal', 'checkins']);
  });

  test('a maintain range draws its band: the zones below min and above max are tinted', () => {
    const spec = burnUpChartSpec({ title: 'CPU', type: 'maintain', min: 30, max: 70, unit: '%', checkins: [{ date: '2026-07-02', value: 55 }] }, '2026-Q3', '2026-08-16')!;
    expect(spec.series.map((series) => series.role)).toEqual(['checkins']);
    expect(spec.levels).toEqual([
      { value: 30, label: 'Min 30%', meaning: 'critical', side: 'below' },
      { value: 70, label: 'Max 70%', meaning: 'critical', side: 'above' },
    ]);
    expect(spec.summary).toBe('Burn-up chart of CPU: check-ins one value: 55% on 2 Jul 2026, against the band Min 30% and Max 70%. As of 16 Aug 2026.');
  });

  test('a graded key result has no chart', () => {
    expect(burnUpChartSpec({ title: 'Spec', type: 'graded', checkins: [{ date: '2026-07-02', value: 0.5 }] }, '2026-Q3', '2026-08-16')).toBeUndefined();
  });
});
