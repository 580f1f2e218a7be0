/**
 * A standalone, script-free SVG line chart of a KPI series, for embedding in wikis and
 * handbooks (`/embed/kpis/<id>.svg`): the series, the target and threshold lines, the first
 * and last dates and values, and a text alternative.
 */
import type { Kpi } from '../model/portal-model.ts';
import { formatDate, formatValue, labelOf } from '../render/format.ts';
import { sparkline } from './sparkline.ts';
import { escapeHtml } from '../render/html.ts';
import { statusTone, type Tone } from '../render/status-tone.ts';
import { truncate } from '../render/svg.ts';

const WIDTH = 640;
const HEIGHT = 260;
const PLOT = { left: 64, right: 16, top: 44, bottom: 36 };
/** Text colours on white per status tone (4.5:1 contrast). */
const TONE_COLOURS: Record<Tone, string> = { green: '#17794a', yellow: '#8a5a00', red: '#b4232f', accent: '#3b43c4', grey: '#5e6673' };

/**
 * The embeddable SVG chart of a KPI.
 * @example renderKpiChartSvg(kpi).startsWith('<svg') // true
 */
export function renderKpiChartSvg(kpi: Kpi): string {
  const points = kpi.data;
  const values = [...points.map((point) => point.value), ...(kpi.target !== undefined ? [kpi.target] : []), ...(kpi.threshold !== undefined ? [kpi.threshold] : [])];
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (value: number): number => Math.round((PLOT.top + (max === min ? plotHeight / 2 : (1 - (value - min) / (max - min)) * plotHeight)) * 100) / 100;
  // The scale includes target and threshold, so the path is drawn here rather than by
  // sparkline(), whose scale covers the values only; sparkline() still gives the text.
  const line = sparkline(points, { width: plotWidth, height: plotHeight, unit: kpi.unit });
  const x = (index: number): number => round(PLOT.left + (index / (points.length - 1)) * plotWidth);
  const path = points.length >= 2 ? points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index)} ${y(point.value)}`).join('') : '';
  const name = `${kpi.title}: ${labelOf(kpi.status)}, ${line.text}`;
  const reference = (value: number | undefined, label: string, colour: string): string =>
    value === undefined
      ? ''
      : `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(value)}" y2="${y(value)}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="6 4"/><text x="${WIDTH - PLOT.right}" y="${y(value) - 4}" text-anchor="end" fill="${colour}" font-size="11">${escapeHtml(`${label} ${formatValue(value, kpi.unit)}`)}</text>`;
  const first = points[0];
  const last = points[points.length - 1];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(name)}" font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif">`,
    `<title>${escapeHtml(name)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" rx="8" fill="#ffffff" stroke="#d9dde3"/>`,
    `<text x="16" y="24" font-size="15" font-weight="bold" fill="#16191f">${escapeHtml(truncate(kpi.title, 60))}</text>`,
    `<text x="${WIDTH - 16}" y="24" font-size="13" text-anchor="end" fill="${TONE_COLOURS[statusTone(kpi.status)]}" font-weight="bold">${escapeHtml(`${formatValue(kpi.latest?.value, kpi.unit)} · ${labelOf(kpi.status)}`)}</text>`,
    `<line x1="${PLOT.left}" x2="${PLOT.left}" y1="${PLOT.top}" y2="${HEIGHT - PLOT.bottom}" stroke="#d9dde3"/>`,
    `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${HEIGHT - PLOT.bottom}" y2="${HEIGHT - PLOT.bottom}" stroke="#d9dde3"/>`,
    `<text x="${PLOT.left - 6}" y="${PLOT.top + 4}" font-size="11" text-anchor="end" fill="#545b66">${escapeHtml(formatValue(max, kpi.unit))}</text>`,
    `<text x="${PLOT.left - 6}" y="${HEIGHT - PLOT.bottom}" font-size="11" text-anchor="end" fill="#545b66">${escapeHtml(formatValue(min, kpi.unit))}</text>`,
    reference(kpi.target, 'target', '#17794a'),
    reference(kpi.threshold, 'threshold', '#b4232f'),
    path ? `<path d="${path}" fill="none" stroke="#3b43c4" stroke-width="2.25" stroke-linejoin="round" stroke-linecap="round"/>` : `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle" fill="#545b66" font-size="13">${escapeHtml(line.text)}</text>`,
    first ? `<text x="${PLOT.left}" y="${HEIGHT - 14}" font-size="11" fill="#545b66">${escapeHtml(formatDate(first.date))}</text>` : '',
    last ? `<text x="${WIDTH - PLOT.right}" y="${HEIGHT - 14}" font-size="11" text-anchor="end" fill="#545b66">${escapeHtml(formatDate(last.date))}</text>` : '',
    `</svg>`,
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
