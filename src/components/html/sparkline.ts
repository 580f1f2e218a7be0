/**
 * A build-time SVG sparkline (no JavaScript) with its text alternative as the accessible
 * name; styles in styles/parts.css.
 */
import { attributes, html, type Html } from '../../lib/render/html.ts';
import { sparkline, type SparklinePoint } from '../../lib/charts/sparkline.ts';
import type { I18n } from '../../lib/i18n/index.ts';

export interface SparklineProps {
  points: readonly SparklinePoint[];
  unit?: string | undefined;
  /** What the series is, e.g. the KPI title. */
  label: string;
  width?: number | undefined;
  height?: number | undefined;
  /** A level drawn as a dashed line, e.g. the target. */
  reference?: number | undefined;
  /** Break the line at longer gaps between points. */
  maxGapDays?: number | undefined;
  /** The language of the accessible name (default English). */
  i18n?: Pick<I18n, 't' | 'format'> | undefined;
}

/**
 * The sparkline of a series, or its text when there are fewer than two points.
 * @example sparklineSvg({ points, unit: '%', label: 'Churn', width: 160, height: 36 })
 */
export function sparklineSvg({ points, unit, label, width = 120, height = 32, reference, maxGapDays, i18n }: SparklineProps): Html {
  const line = sparkline(points, { width, height, unit, pad: 3, reference, maxGapDays, i18n });
  if (!line.path) return html`<span class="sparkline-empty muted small">${line.text}</span>`;
  return html`<svg class="sparkline" role="img"${attributes({ 'aria-label': `${label}: ${line.text}`, width, height, viewBox: `0 0 ${width} ${height}` })}>${
    line.referenceY !== undefined && html`<line class="reference" x1="0" x2="${width}" y1="${line.referenceY}" y2="${line.referenceY}"></line>`
  }<path d="${line.path}" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linejoin="round" stroke-linecap="round"></path>${
    line.last && html`<circle cx="${line.last.x}" cy="${line.last.y}" r="2.5" fill="currentColor"></circle>`
  }</svg>`;
}
