/**
 * Build-time sparklines: an SVG path for a short series and its text alternative, so a
 * trend is visible without JavaScript and readable by screen readers.
 */
import { toDayNumber } from '../calendar/calendar-date.ts';
import { describeSeries } from './series.ts';
import type { I18n } from '../i18n/index.ts';

export interface SparklinePoint {
  date: string;
  value: number;
}

export interface SparklineOptions {
  width: number;
  height: number;
  unit?: string | undefined;
  /** Inner margin so that strokes and the end dot are not clipped. Default 1. */
  pad?: number;
  /** A level to draw across, e.g. the KPI target; it is kept inside the box. */
  reference?: number | undefined;
  /** Break the line where two points are more than this many days apart. */
  maxGapDays?: number | undefined;
  /** The language of the text (default English). */
  i18n?: Pick<I18n, 't' | 'format'> | undefined;
}

export interface Sparkline {
  /** SVG path data in a `width x height` box, or '' with fewer than two points. */
  path: string;
  /** Position of the last point, for a dot. */
  last: { x: number; y: number } | undefined;
  /** Height of the reference level in the box, if one was given and there is a path. */
  referenceY: number | undefined;
  /** E.g. "from 7.1% on 1 Dec 2025 to 8.4% on 1 Nov 2026". */
  text: string;
}

/**
 * The sparkline of a series sorted by date. Points are placed by date, so uneven spacing
 * and gaps show as they are.
 * @example sparkline([{ date: '2026-01-01', value: 1 }, { date: '2026-02-01', value: 2 }], { width: 100, height: 20 }).path
 * // 'M1 19L99 1'
 */
export function sparkline(points: readonly SparklinePoint[], options: SparklineOptions): Sparkline {
  const { width, height, unit, pad = 1, reference, maxGapDays, i18n } = options;
  const text = describeSeries(points, unit, i18n);
  const days = points.map((point) => toDayNumber(point.date) ?? 0);
  const firstDay = days[0] ?? 0;
  const daySpan = (days.at(-1) ?? 0) - firstDay;
  if (points.length < 2 || daySpan <= 0) return { path: '', last: undefined, referenceY: undefined, text };
  const levels = points.map((point) => point.value);
  if (reference !== undefined) levels.push(reference);
  const min = Math.min(...levels);
  const max = Math.max(...levels);
  const yOf = (value: number): number => round(max === min ? height / 2 : pad + (1 - (value - min) / (max - min)) * (height - 2 * pad));
  const coordinates = points.map((point, index) => ({
    x: round(pad + ((days[index]! - firstDay) / daySpan) * (width - 2 * pad)),
    y: yOf(point.value),
  }));
  const path = coordinates
    .map((point, index) => {
      const breaks = index === 0 || (maxGapDays !== undefined && days[index]! - days[index - 1]! > maxGapDays);
      return `${breaks ? 'M' : 'L'}${point.x} ${point.y}`;
    })
    .join('');
  return { path, last: coordinates.at(-1), referenceY: reference === undefined ? undefined : yOf(reference), text };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
