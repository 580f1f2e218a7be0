/**
 * The points a chart draws, made from the compact points of a chart spec: tooltip lines,
 * shapes and sizes. The spec ships only values and facts (confidence, note, late, status);
 * the island derives the rest with this module in the browser, and the tests use it too.
 * Formatting every tooltip at build time wrote about 2 KB more per objective page, and
 * serializing it was a tenth of the objective pages' build time at 5,000 objectives.
 * No imports beyond formatting, so that the chart bundle stays small.
 */
import { fromDayNumber } from '../calendar/calendar-date.ts';
import type { ChartSeries, ChartSpec } from './chart-spec.ts';
import { formatsFor, type Formats } from '../i18n/formats.ts';

/** Numbers and dates of the points, in the page's locale (the islands pass theirs). */
const ENGLISH = formatsFor('en-GB');

/**
 * The words of the tooltips, in the portal's language, carried by the spec (the island has no
 * catalog): templates with `{date}`, `{value}`, `{percent}` and `{band}`, and the labels of
 * confidence bands and KPI statuses.
 */
export interface ChartWords {
  late: string;
  ideal: string;
  forecast: string;
  confidence: string;
  bands: { high: string; medium: string; low: string };
  tones: { healthy: string; warning: string; critical: string };
}

const ENGLISH_WORDS: ChartWords = {
  late: '{date} (late)',
  ideal: 'Ideal {value}',
  forecast: 'Forecast {value}',
  confidence: 'Confidence {percent} ({band})',
  bands: { high: 'high', medium: 'medium', low: 'low' },
  tones: { healthy: 'Healthy', warning: 'Warning', critical: 'Critical' },
};

/** A template of ChartWords with its placeholders filled. */
function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export type ChartPointStyle = 'circle' | 'rectRot' | 'triangle' | 'rect' | 'crossRot';

/** A point of a spec, on a day-number x axis; `y: null` breaks the line (a gap in the data). */
export interface SpecPoint {
  x: number;
  y: number | null;
  /** A check-in's confidence (0..1): its shape, size and tooltip line. */
  confidence?: number;
  note?: string;
  /** A check-in after the end of its period. */
  late?: true;
  /** KPI status of the value, for its colour and shape. */
  tone?: 'healthy' | 'warning' | 'critical';
}

/** A point as drawn, with its tooltip. */
export interface ChartPoint {
  x: number;
  y: number | null;
  /** Tooltip lines: date, value with unit, status or confidence, note. */
  lines?: string[];
  style?: ChartPointStyle;
  radius?: number;
  tone?: 'healthy' | 'warning' | 'critical';
}

/** What the points of a series need to know about it and its chart. */
export interface PointContext {
  kind: 'trend' | 'burn-up';
  role: 'kpi' | 'checkins' | 'ideal' | 'forecast';
  unit: string | undefined;
  /** The KPI's title, for a KPI's values on a key result's burn-up chart. */
  kpiTitle?: string | undefined;
}

/** Point shapes match the status badges: ● healthy, ▲ warning, ■ critical. */
const TONE_STYLES: Record<NonNullable<SpecPoint['tone']>, ChartPointStyle> = { healthy: 'circle', warning: 'triangle', critical: 'rect' };

/**
 * Point shape and size for a check-in's confidence: big circles when confident (≥ 70%),
 * diamonds in between, small triangles when unsure (< 40%).
 * @example confidenceStyle(0.3) // { style: 'triangle', radius: 4, label: 'Confidence 30% (low)' }
 */
export function confidenceStyle(confidence: number | undefined, format: Formats = ENGLISH, words: ChartWords = ENGLISH_WORDS): { style: ChartPointStyle; radius: number; label: string | undefined } {
  if (confidence === undefined) return { style: 'circle', radius: 3, label: undefined };
  const band = confidence >= 0.7 ? 'high' : confidence >= 0.4 ? 'medium' : 'low';
  const style = band === 'high' ? 'circle' : band === 'medium' ? 'rectRot' : 'triangle';
  return { style, radius: band === 'high' ? 6 : band === 'medium' ? 5 : 4, label: fill(words.confidence, { percent: format.percent(confidence), band: words.bands[band] }) };
}

/**
 * How a point is drawn, without its tooltip: what the build-time SVG needs (chart-svg.ts),
 * the same shapes and sizes as chartPoint gives the island.
 * @example pointLook({ x: 0, y: 2, tone: 'critical' }, { kind: 'trend', role: 'kpi', unit: '%' }) // { style: 'rect', radius: undefined, tone: 'critical' }
 */
export function pointLook(point: SpecPoint, context: Pick<PointContext, 'kind' | 'role'>): { style: ChartPointStyle; radius: number | undefined; tone: SpecPoint['tone'] } {
  if (context.role === 'checkins') {
    const { style, radius } = confidenceStyle(point.confidence);
    return { style, radius, tone: undefined };
  }
  if (context.kind === 'burn-up') return { style: 'crossRot', radius: 5, tone: undefined };
  return { style: point.tone ? TONE_STYLES[point.tone] : 'circle', radius: undefined, tone: point.tone };
}

/**
 * The drawn point of a spec point.
 * @example chartPoint({ x: 20735, y: 20, confidence: 0.7 }, { kind: 'burn-up', role: 'checkins', unit: '%' }).lines // ['9 Oct 2026', '20%', 'Confidence 70% (high)']
 */
export function chartPoint(point: SpecPoint, context: PointContext, format: Formats = ENGLISH, words: ChartWords = ENGLISH_WORDS): ChartPoint {
  if (point.y === null) return { x: point.x, y: null };
  const day = format.date(fromDayNumber(point.x));
  const date = point.late ? fill(words.late, { date: day }) : day;
  const value = format.value(point.y, context.unit);
  const note = point.note ? [point.note] : [];
  if (context.role === 'ideal') return { x: point.x, y: point.y, lines: [date, fill(words.ideal, { value })] };
  if (context.role === 'forecast') return { x: point.x, y: point.y, lines: [date, fill(words.forecast, { value })] };
  if (context.role === 'checkins') {
    const { style, radius, label } = confidenceStyle(point.confidence, format, words);
    return { x: point.x, y: point.y, style, radius, lines: [date, value, ...(label ? [label] : []), ...note] };
  }
  if (context.kind === 'burn-up') return { x: point.x, y: point.y, style: 'crossRot', radius: 5, lines: [date, `${context.kpiTitle ?? 'KPI'}: ${value}`, ...note] };
  const status = point.tone ? [words.tones[point.tone]] : [];
  return { x: point.x, y: point.y, style: point.tone ? TONE_STYLES[point.tone] : 'circle', ...(point.tone ? { tone: point.tone } : {}), lines: [date, [value, ...status].join(' · '), ...note] };
}

/**
 * The drawn points of a series of a spec.
 * @example chartPointsOf(spec, spec.series[1]).map((point) => point.style) // ['rectRot', 'circle', 'triangle']
 */
export function chartPointsOf(spec: Pick<ChartSpec, 'kind' | 'unit'> & Partial<Pick<ChartSpec, 'words'>>, series: ChartSeries, format: Formats = ENGLISH): ChartPoint[] {
  const context: PointContext = { kind: spec.kind, role: series.role, unit: series.unit ?? spec.unit, kpiTitle: series.kpiTitle };
  return series.points.map((point) => chartPoint(point, context, format, spec.words));
}
