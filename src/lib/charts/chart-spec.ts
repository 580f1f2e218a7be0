/**
 * Chart specifications: everything a chart island draws, computed at build time and shipped
 * as a JSON data block. The SVG renderer (chart-svg.ts) draws a spec at build time and again
 * in the browser for the range switch, so the maths stays here, tested, and identical with or
 * without JavaScript.
 */
import { compareDates, toDayNumber, normalizeSeries } from '../calendar/calendar-date.ts';
import { memoized } from '../memo.ts';
import { DEFAULT_LOCALE, i18nFor, type I18n } from '../i18n/index.ts';
import { kpiStatus } from '../model/kpi.ts';
import { isInPeriod, periodBounds, periodLabel, periodOf } from '../calendar/period.ts';
import { fitLine } from '../model/forecast.ts';
import type { KpiDirection } from '../content/schema/kpi.ts';
import type { KeyResultType } from '../content/schema/objective.ts';
import type { ChartWords, SpecPoint } from './chart-points.ts';
import { gutterFor, yBounds, yTickValues, type MonthTick } from './chart-axis.ts';
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
  /** Month starts, for x-axis ticks (monthTicks in chart-axis.ts picks those that fit). */
  ticks: MonthTick[];
  /** Width of the value ticks' gutter in pixels (chart-axis.ts GUTTERS). */
  gutter: number;
  /** Words of the tooltips, in the portal's language: the island has no catalog. */
  words: ChartWords;
  xMin: number;
  xMax: number;
  /** Range switch choices; empty when the whole series is short. */
  ranges: { id: SeriesRange; label: string; xMin: number }[];
}

/** The messages and formats a spec is written in. */
type ChartI18n = Pick<I18n, 't' | 'format' | 'label'>;
const ENGLISH: ChartI18n = i18nFor(DEFAULT_LOCALE);

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
export function trendChartSpec(kpi: TrendInput, asOf: string, i18n: ChartI18n = ENGLISH): ChartSpec {
  const { t, format } = i18n;
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
    return [{ id: range, label: t(`chart.range.${range}`), xMin: from === undefined ? xMin : day(from) }];
  });
  const levels = kpiLevels(kpi, i18n);
  const series: ChartSeries[] = [{ role: 'kpi', label: kpi.title, points }];
  const levelsSentence = levels.length > 0 ? ` ${levels.map((level) => level.label).join('; ')}.` : '';
  return {
    kind: 'trend',
    unit: kpi.unit,
    summary: `${t('chart.summary.trend', { title: kpi.title, series: describeSeries(data, kpi.unit, i18n) })}${levelsSentence}`,
    series,
    levels,
    markers: quarterBoundaries(first, last).map((date) => ({ x: day(date), label: periodLabel(periodOf(date)), kind: 'quarter' as const })),
    ticks: ticksBetween(first, last, format.locale),
    gutter: gutterOf({ series, levels, xMin, xMax: day(last) }, i18n),
    words: wordsOf(i18n),
    xMin,
    xMax: day(last),
    ranges: ranges.length > 1 ? ranges : [],
  };
}

function kpiLevels(kpi: TrendInput, { t, format }: ChartI18n): ChartLevel[] {
  const up = kpi.direction === 'higher-is-better';
  const bounds = format.kpiBounds(kpi);
  const levels: ChartLevel[] = [];
  if (kpi.target !== undefined) {
    levels.push({ value: kpi.target, label: t('chart.level.target', { bound: bounds.target! }), meaning: 'healthy', side: up ? 'above' : 'below' });
  }
  if (kpi.threshold !== undefined) {
    levels.push({ value: kpi.threshold, label: t('chart.level.critical', { bound: bounds.threshold! }), meaning: 'critical', side: up ? 'below' : 'above' });
  }
  return levels;
}

/** The gutter that the widest value tick of the whole range needs; narrower ranges fit in it too. */
function gutterOf(chart: Parameters<typeof yBounds>[0], { format }: ChartI18n): number {
  const labels = yTickValues(yBounds(chart, chart.xMin)).map((value) => format.value(value));
  return gutterFor(Math.max(...labels.map((label) => label.length)));
}

/** The tooltip words of a chart, made once per language. */
const wordsByLocale = new Map<string, ChartWords>();

function wordsOf({ t, format, label }: ChartI18n): ChartWords {
  return memoized(
    wordsByLocale,
    format.locale,
    () => ({
      late: t('chart.tooltip.late', { date: '{date}' }),
      ideal: t('chart.tooltip.ideal', { value: '{value}' }),
      forecast: t('chart.tooltip.forecast', { value: '{value}' }),
      confidence: t('chart.tooltip.confidence', { percent: '{percent}', band: '{band}' }),
      bands: { high: t('chart.confidence.high'), medium: t('chart.confidence.medium'), low: t('chart.confidence.low') },
      tones: { healthy: label('status', 'healthy'), warning: label('status', 'warning'), critical: label('status', 'critical') },
    }),
    100,
  );
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
  i18n: ChartI18n = ENGLISH,
): ChartSpec | undefined {
  const { t, format } = i18n;
  const band = kr.type === 'maintain' && (kr.min !== undefined || kr.max !== undefined) ? rangeLevels(kr, i18n) : undefined;
  const ideal = band ? [] : idealLine(kr, period);
  if (!band && (ideal.length === 0 || kr.target === undefined)) return undefined;
  const { first, last: periodLast } = periodBounds(period);
  const checkins = normalizeSeries(kr.checkins);
  const last = maxDate(periodLast, checkins.at(-1)?.date ?? periodLast);
  const kpiPoints = kpi ? pointsBetween(normalizeSeries(kpi.data), first, periodLast) : [];
  const series: ChartSeries[] = ideal.length > 0 ? [{ role: 'ideal', label: t('chart.series.ideal'), points: ideal.map((point) => ({ x: day(point.date), y: point.value })) }] : [];
  if (checkins.length > 0) series.push({ role: 'checkins', label: t('chart.series.checkins'), points: checkins.map((checkin) => checkinPoint(checkin, periodLast)) });
  const forecast = forecastLine(kr, checkins, period);
  if (forecast) series.push({ role: 'forecast', label: t('chart.series.forecast'), points: forecast.map((point) => ({ x: day(point.date), y: point.value })) });
  if (kpi && kpiPoints.length > 0) {
    series.push({
      role: 'kpi',
      label: t('chart.series.kpi', { title: kpi.title }),
      kpiTitle: kpi.title,
      ...(kpi.unit !== kr.unit ? { unit: kpi.unit } : {}),
      points: kpiPoints.map((point) => ({ x: day(point.date), y: point.value, ...(point.note ? { note: point.note } : {}) })),
    });
  }
  const up = kr.type === 'maintain' ? kr.direction !== 'at-most' : kr.type === 'increase';
  const inRange = compareDates(asOf, first) >= 0 && compareDates(asOf, last) <= 0;
  const measured =
    checkins.length > 0
      ? t('chart.measured.checkins', { series: describeSeries(checkins, kr.unit, i18n) })
      : kpiPoints.length > 0
        ? t('chart.measured.kpi', { series: describeSeries(kpiPoints, kr.unit, i18n) })
        : t('chart.measured.none');
  const date = format.date(asOf);
  const summary = band
    ? t('chart.summary.burnUpBand', { title: kr.title, measured, band: format.list(band.map((level) => level.label)), date })
    : forecast
      ? t('chart.summary.burnUpForecast', { title: kr.title, measured, ideal: describeSeries(ideal, kr.unit, i18n), value: format.value(forecast[1]!.value, kr.unit), forecastDate: format.date(forecast[1]!.date), date })
      : t('chart.summary.burnUp', { title: kr.title, measured, ideal: describeSeries(ideal, kr.unit, i18n), date });
  const levels = band ?? [{ value: kr.target!, label: t('chart.level.target', { bound: format.value(kr.target, kr.unit) }), meaning: 'healthy' as const, side: up ? ('above' as const) : ('below' as const) }];
  return {
    kind: 'burn-up',
    unit: kr.unit,
    summary,
    series,
    levels,
    markers: inRange ? [{ x: day(asOf), label: t('chart.marker.asOf', { date }), kind: 'as-of' }] : [],
    ticks: ticksBetween(first, last, format.locale),
    gutter: gutterOf({ series, levels, xMin: day(first), xMax: day(last) }, i18n),
    words: wordsOf(i18n),
    xMin: day(first),
    xMax: day(last),
    ranges: [],
  };
}

/** A maintain range as two levels that tint what lies outside it: below `min`, above `max`. */
function rangeLevels(kr: Pick<BurnUpInput, 'min' | 'max' | 'unit'>, { t, format }: ChartI18n): ChartLevel[] {
  const levels: ChartLevel[] = [];
  if (kr.min !== undefined) levels.push({ value: kr.min, label: t('chart.level.min', { bound: format.value(kr.min, kr.unit) }), meaning: 'critical', side: 'below' });
  if (kr.max !== undefined) levels.push({ value: kr.max, label: t('chart.level.max', { bound: format.value(kr.max, kr.unit) }), meaning: 'critical', side: 'above' });
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
const ticksByRange = new Map<string, MonthTick[]>();
const tickFormats = new Map<string, { month: Intl.DateTimeFormat; year: Intl.DateTimeFormat }>();

function ticksBetween(first: string, last: string, locale: string): MonthTick[] {
  const formats = memoized(
    tickFormats,
    locale,
    () => ({
      month: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short' }),
      year: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', year: 'numeric' }),
    }),
    100,
  );
  return memoized(
    ticksByRange,
    `${locale} ${first}/${last}`,
    () =>
      monthStarts(first, last).map((date) => {
        const utc = new Date(`${date}T00:00:00Z`);
        return { x: day(date), month: Number(date.slice(5, 7)), year: Number(date.slice(0, 4)), label: formats.month.format(utc), yearLabel: formats.year.format(utc) };
      }),
    1_000,
  );
}

function maxDate(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}

function day(date: string): number {
  return toDayNumber(date) ?? 0;
}
