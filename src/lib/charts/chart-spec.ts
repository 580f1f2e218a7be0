/**
 * Chart specifications: everything a chart island draws, computed at build time and shipped
 * as a JSON data block. The island only maps roles to colours and hands the data to chart.js,
 * so the maths stays here, tested, and identical with or without JavaScript.
 */
import { compareDates, toDayNumber, normalizeSeries } from '../calendar/calendar-date.ts';
import { memoized } from '../memo.ts';
import { formatDate, formatValue, kpiBounds } from '../render/format.ts';
import { kpiStatus } from '../model/kpi.ts';
import { isInPeriod, periodBounds, periodLabel, periodOf } from '../calendar/period.ts';
import { fitLine } from '../model/forecast.ts';
import type { KpiDirection } from '../content/schema/kpi.ts';
import type { KeyResultType } from '../content/schema/objective.ts';
import type { SpecPoint } from './chart-points.ts';
import { SERIES_RANGES, cutRange, describeSeries, idealLine, maxGapDays, monthStarts, pointsBetween, quarterBoundaries, rangeStart, type Cadence, type SeriesPoint, type SeriesRange } from './series.ts';

export interface ChartSeries {
  /** What the line is; the island picks colour and dash from it. */
  role: 'kpi' | 'checkins' | 'ideal' | 'forecast';
  label: string;
  /** The values' unit when it is not the chart's (a KPI's on a key result's chart). */
  unit?: string | undefined;
  /** The KPI's title, for the tooltips of its values on a key result's chart. */
  kpiTitle?: string;
  /** Values and facts only; chartPointsOf (chart-points.ts) derives tooltips and shapes. */
  points: SpecPoint[];
}

/** A horizontal level; the band on `side` of it is tinted by its meaning. */
export interface ChartLevel {
  value: number;
  label: string;
  meaning: 'healthy' | 'critical';
  side: 'above' | 'below';
}

/** A vertical line: a quarter boundary or the as-of date. */
export interface ChartMarker {
  x: number;
  label: string;
  kind: 'quarter' | 'as-of';
}

export interface ChartSpec {
  kind: 'trend' | 'burn-up';
  unit: string | undefined;
  /** Accessible name of the chart (the island's aria-label; left out of its data block). */
  summary: string;
  series: ChartSeries[];
  levels: ChartLevel[];
  markers: ChartMarker[];
  /** Month starts, for x-axis ticks. */
  ticks: { x: number; label: string }[];
  xMin: number;
  xMax: number;
  /** Range switch choices; empty when the whole series is short. */
  ranges: { id: SeriesRange; label: string; xMin: number }[];
}

const RANGE_LABELS: Record<SeriesRange, string> = { quarter: 'Last quarter', year: 'Last year', all: 'All' };
const tickFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: '2-digit' });

/** What a KPI trend chart needs to know about the KPI. */
export interface TrendInput {
  title: string;
  unit?: string | undefined;
  direction: KpiDirection;
  cadence: Cadence;
  target?: number | undefined;
  threshold?: number | undefined;
  data: readonly SeriesPoint[];
}

/**
 * The trend chart of a KPI's whole series: status-shaped points, target and threshold bands,
 * quarter boundaries and the range switch, at an as-of date.
 * @example trendChartSpec(kpi, '2026-11-23').levels.map((level) => level.meaning) // ['healthy', 'critical']
 */
export function trendChartSpec(kpi: TrendInput, asOf: string): ChartSpec {
  const data = normalizeSeries(kpi.data);
  const first = data[0]?.date ?? asOf;
  const last = maxDate(data.at(-1)?.date ?? asOf, asOf);
  const points = withGaps(data, maxGapDays(kpi.cadence), (point) => {
    const status = kpiStatus(kpi, point.value);
    return { ...(status === 'healthy' || status === 'warning' || status === 'critical' ? { tone: status } : {}), ...(point.note ? { note: point.note } : {}) };
  });
  const xMin = day(first);
  const ranges = SERIES_RANGES.flatMap((range) => {
    const from = rangeStart(range, asOf);
    if (from !== undefined && (compareDates(from, first) <= 0 || cutRange(data, range, asOf).length < 2)) return [];
    return [{ id: range, label: RANGE_LABELS[range], xMin: from === undefined ? xMin : day(from) }];
  });
  return {
    kind: 'trend',
    unit: kpi.unit,
    summary: `Line chart of ${kpi.title}: ${describeSeries(data, kpi.unit)}.${levelsSentence(kpi)}`,
    series: [{ role: 'kpi', label: kpi.title, points }],
    levels: kpiLevels(kpi),
    markers: quarterBoundaries(first, last).map((date) => ({ x: day(date), label: periodLabel(periodOf(date)), kind: 'quarter' as const })),
    ticks: ticksBetween(first, last),
    xMin,
    xMax: day(last),
    ranges: ranges.length > 1 ? ranges : [],
  };
}

function kpiLevels(kpi: TrendInput): ChartLevel[] {
  const up = kpi.direction === 'higher-is-better';
  const bounds = kpiBounds(kpi);
  const levels: ChartLevel[] = [];
  if (kpi.target !== undefined) {
    levels.push({ value: kpi.target, label: `Target ${bounds.target}`, meaning: 'healthy', side: up ? 'above' : 'below' });
  }
  if (kpi.threshold !== undefined) {
    levels.push({ value: kpi.threshold, label: `Critical ${bounds.threshold}`, meaning: 'critical', side: up ? 'below' : 'above' });
  }
  return levels;
}

function levelsSentence(kpi: TrendInput): string {
  const text = kpiLevels(kpi).map((level) => `${level.label}`);
  return text.length > 0 ? ` ${text.join('; ')}.` : '';
}

/** What a burn-up chart needs to know about a key result. */
export interface BurnUpInput {
  title: string;
  type: KeyResultType;
  start?: number | undefined;
  target?: number | undefined;
  direction?: 'at-least' | 'at-most' | undefined;
  /** Maintain range, instead of target and direction. */
  min?: number | undefined;
  max?: number | undefined;
  unit?: string | undefined;
  checkins: readonly { date: string; value: number; confidence?: number | undefined; note?: string | undefined }[];
}

/**
 * The burn-up chart of a numeric key result in its period: check-ins (point size and shape
 * by confidence) against the ideal line, the linked KPI's values in the period as a second
 * series, and the as-of date; undefined for milestones.
 * @example burnUpChartSpec(kr, '2026-Q4', '2026-11-23')?.series.map((series) => series.role) // ['ideal', 'checkins']
 */
export function burnUpChartSpec(
  kr: BurnUpInput,
  period: string,
  asOf: string,
  kpi?: { title: string; unit?: string | undefined; data: readonly SeriesPoint[] },
): ChartSpec | undefined {
  const band = kr.type === 'maintain' && (kr.min !== undefined || kr.max !== undefined) ? rangeLevels(kr) : undefined;
  const ideal = band ? [] : idealLine(kr, period);
  if (!band && (ideal.length === 0 || kr.target === undefined)) return undefined;
  const { first, last: periodLast } = periodBounds(period);
  const checkins = normalizeSeries(kr.checkins);
  const last = maxDate(periodLast, checkins.at(-1)?.date ?? periodLast);
  const kpiPoints = kpi ? pointsBetween(normalizeSeries(kpi.data), first, periodLast) : [];
  const series: ChartSeries[] = ideal.length > 0 ? [{ role: 'ideal', label: 'Ideal', points: ideal.map((point) => ({ x: day(point.date), y: point.value })) }] : [];
  if (checkins.length > 0) series.push({ role: 'checkins', label: 'Check-ins', points: checkins.map((checkin) => checkinPoint(checkin, periodLast)) });
  const forecast = forecastLine(kr, checkins, period);
  if (forecast) series.push({ role: 'forecast', label: 'Forecast', points: forecast.map((point) => ({ x: day(point.date), y: point.value })) });
  if (kpi && kpiPoints.length > 0) {
    series.push({
      role: 'kpi',
      label: `KPI: ${kpi.title}`,
      kpiTitle: kpi.title,
      ...(kpi.unit !== kr.unit ? { unit: kpi.unit } : {}),
      points: kpiPoints.map((point) => ({ x: day(point.date), y: point.value, ...(point.note ? { note: point.note } : {}) })),
    });
  }
  const up = kr.type === 'maintain' ? kr.direction !== 'at-most' : kr.type === 'increase';
  const inRange = compareDates(asOf, first) >= 0 && compareDates(asOf, last) <= 0;
  const measured = checkins.length > 0 ? `check-ins ${describeSeries(checkins, kr.unit)}` : kpiPoints.length > 0 ? `KPI values ${describeSeries(kpiPoints, kr.unit)}` : 'no check-ins yet';
  return {
    kind: 'burn-up',
    unit: kr.unit,
    summary: band
      ? `Burn-up chart of ${kr.title}: ${measured}, against the band ${band.map((level) => level.label.toLowerCase()).join(', ')}. As of ${formatDate(asOf)}.`
      : `Burn-up chart of ${kr.title}: ${measured}, against the ideal line ${describeSeries(ideal, kr.unit)}${forecast ? `; the trend of the check-ins reaches ${formatValue(forecast[1]!.value, kr.unit)} on ${formatDate(forecast[1]!.date)}` : ''}. As of ${formatDate(asOf)}.`,
    series,
    levels: band ?? [{ value: kr.target!, label: `Target ${formatValue(kr.target, kr.unit)}`, meaning: 'healthy', side: up ? 'above' : 'below' }],
    markers: inRange ? [{ x: day(asOf), label: `As of ${formatDate(asOf)}`, kind: 'as-of' }] : [],
    ticks: ticksBetween(first, last),
    xMin: day(first),
    xMax: day(last),
    ranges: [],
  };
}

/** A maintain range as two levels that tint what lies outside it: below `min`, above `max`. */
function rangeLevels(kr: Pick<BurnUpInput, 'min' | 'max' | 'unit'>): ChartLevel[] {
  const levels: ChartLevel[] = [];
  if (kr.min !== undefined) levels.push({ value: kr.min, label: `Min ${formatValue(kr.min, kr.unit)}`, meaning: 'critical', side: 'below' });
  if (kr.max !== undefined) levels.push({ value: kr.max, label: `Max ${formatValue(kr.max, kr.unit)}`, meaning: 'critical', side: 'above' });
  return levels;
}

/**
 * The fitted line of the forecast (forecast.ts), from the last check-in in the period to the
 * period's last day; undefined where the key result has no forecast.
 */
function forecastLine(kr: BurnUpInput, checkins: readonly { date: string; value: number }[], period: string): SeriesPoint[] | undefined {
  if (kr.type !== 'increase' && kr.type !== 'decrease') return undefined;
  const inPeriod = checkins.filter((checkin) => isInPeriod(checkin.date, period));
  const line = fitLine(inPeriod);
  const from = inPeriod.at(-1)?.date;
  const { last } = periodBounds(period);
  if (!line || from === undefined || from === last) return undefined;
  return [
    { date: from, value: line(from) },
    { date: last, value: line(last) },
  ];
}

function checkinPoint(checkin: BurnUpInput['checkins'][number], periodLast: string): SpecPoint {
  return {
    x: day(checkin.date),
    y: checkin.value,
    ...(checkin.confidence !== undefined ? { confidence: checkin.confidence } : {}),
    ...(checkin.note ? { note: checkin.note } : {}),
    ...(compareDates(checkin.date, periodLast) > 0 ? { late: true as const } : {}),
  };
}

function withGaps(points: readonly SeriesPoint[], gapDays: number, decorate: (point: SeriesPoint) => Omit<SpecPoint, 'x' | 'y'>): SpecPoint[] {
  const chartPoints: SpecPoint[] = [];
  let previous: number | undefined;
  for (const point of points) {
    const x = day(point.date);
    if (previous !== undefined && x - previous > gapDays) chartPoints.push({ x: (x + previous) / 2, y: null });
    chartPoints.push({ x, y: point.value, ...decorate(point) });
    previous = x;
  }
  return chartPoints;
}

/**
 * Month ticks between two dates. Every key result of a period asks for the same ones, and
 * Intl formatting is slow: remembered per range, shared read-only by the specs, which are
 * only serialized.
 */
const ticksByRange = new Map<string, { x: number; label: string }[]>();

function ticksBetween(first: string, last: string): { x: number; label: string }[] {
  return memoized(
    ticksByRange,
    `${first}/${last}`,
    () => monthStarts(first, last).map((date) => ({ x: day(date), label: tickFormat.format(new Date(`${date}T00:00:00Z`)) })),
    1_000,
  );
}

function maxDate(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}

function day(date: string): number {
  return toDayNumber(date) ?? 0;
}
