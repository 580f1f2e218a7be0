/**
 * Build-time sparklines: an SVG path for a short series and its text alternative, so a
 * trend is visible without JavaScript and readable by screen readers.
 */
import { formatValue } from './format.ts';
import { formatDate } from './format.ts';

export interface SparklinePoint {
  date: string;
  value: number;
}

export interface Sparkline {
  /** SVG path data in a `width x height` box, or '' with fewer than two points. */
  path: string;
  /** Position of the last point, for a dot. */
  last: { x: number; y: number } | undefined;
  /** E.g. "from 7.1% on 1 Dec 2025 to 8.4% on 1 Nov 2026". */
  text: string;
}

/**
 * The sparkline of a series sorted by date.
 * @example sparkline([{ date: '2026-01-01', value: 1 }, { date: '2026-02-01', value: 2 }], { width: 100, height: 20 }).path
 * // 'M1 19L99 1'
 */
export function sparkline(
  points: readonly SparklinePoint[],
  options: { width: number; height: number; unit?: string | undefined; pad?: number },
): Sparkline {
  const { width, height, unit, pad = 1 } = options;
  if (points.length === 0) return { path: '', last: undefined, text: 'no values yet' };
  const first = points[0]!;
  const final = points[points.length - 1]!;
  const text =
    points.length === 1
      ? `one value: ${formatValue(first.value, unit)} on ${formatDate(first.date)}`
      : `from ${formatValue(first.value, unit)} on ${formatDate(first.date)} to ${formatValue(final.value, unit)} on ${formatDate(final.date)}`;
  if (points.length < 2) return { path: '', last: undefined, text };
  const values = points.map((point) => point.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const coordinates = points.map((point, index) => ({
    x: round(pad + (index / (points.length - 1)) * (width - 2 * pad)),
    y: round(max === min ? height / 2 : pad + (1 - (point.value - min) / span) * (height - 2 * pad)),
  }));
  const path = coordinates.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join('');
  return { path, last: coordinates[coordinates.length - 1], text };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
