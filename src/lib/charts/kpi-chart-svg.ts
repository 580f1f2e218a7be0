/**
 * A standalone, script-free SVG chart of a KPI, for embedding in wikis and handbooks
 * (`/embed/kpis/<id>.svg`): its title, latest value and status above the same plot as the
 * KPI page draws (chart-svg.ts from the same trend chart spec: the series with status-shaped
 * points, target and threshold bands, quarter markers, month and value ticks, the unit once),
 * in the portal's language and light colours, which an `<img>` cannot take from a page.
 */
import type { Kpi } from '../model/portal-model.ts';
import { DEFAULT_LOCALE, i18nFor, type I18n } from '../i18n/index.ts';
import { escapeHtml } from '../render/html.ts';
import { statusTone, type Tone } from '../render/status-tone.ts';
import { truncate } from '../render/svg.ts';
import { trendChartSpec } from './chart-spec.ts';
import { chartSvg } from './chart-svg.ts';
import { PLOT_MARGIN } from './chart-axis.ts';

const WIDTH = 640;
const HEIGHT = 260;
/** Room for the title line above the plot's own margin. */
const HEADER = 36;
/** Room between the frame and the unit on the left. */
const INSET = 8;
/** Text colours on white per status tone (4.5:1 contrast). */
const TONE_COLOURS: Record<Tone, string> = { green: '#17794a', yellow: '#8a5a00', red: '#b4232f', accent: '#3b43c4', grey: '#5e6673' };
/**
 * The chart classes of ChartScript.astro as presentation attributes, with the light tokens of
 * tokens.css written out: an embed has no page stylesheet, and the site's Content-Security-
 * Policy (`style-src 'self'`) would block a `<style>` inside the file. Later classes win.
 */
const PRESENTATION: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  grid: { stroke: '#d9dde3' },
  band: { opacity: '0.75' },
  'band-healthy': { fill: '#ddf3e7' },
  'band-critical': { fill: '#fbe3e4' },
  level: { 'stroke-width': '1.5' },
  'level-healthy': { stroke: '#17794a', 'stroke-dasharray': '8 4' },
  'level-critical': { stroke: '#b4232f', 'stroke-dasharray': '2 3' },
  'marker-quarter': { stroke: '#d9dde3' },
  'marker-as-of': { stroke: '#16191f', 'stroke-dasharray': '4 3' },
  'level-label': { 'font-weight': '600', 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-width': '3', 'stroke-linejoin': 'round' },
  'level-label-healthy': { fill: '#17794a' },
  'level-label-critical': { fill: '#b4232f' },
  line: { fill: 'none', 'stroke-width': '2', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' },
  'line-primary': { stroke: '#3b43c4' },
  pt: { fill: '#3b43c4', stroke: '#3b43c4' },
  'tone-warning': { fill: '#8a5a00', stroke: '#8a5a00' },
  'tone-critical': { fill: '#b4232f', stroke: '#b4232f' },
  unit: { 'font-weight': '600' },
};
const CLASS_RE = /\bclass="([^"]*)"/g;
/** Labels laid out for another plot width than the embed's tablet-wide plot (640 px). */
const OTHER_WIDTH_LABEL_RE = /<text class="[^"]*\bhide-md\b[^"]*"[^>]*>[^<]*<\/text>/g;

/** The plot's classes turned into presentation attributes. */
function withPresentation(svg: string): string {
  return svg.replace(OTHER_WIDTH_LABEL_RE, '').replace(CLASS_RE, (_, names: string) => {
    const merged = new Map<string, string>();
    for (const name of names.split(' ')) for (const [key, value] of Object.entries(PRESENTATION[name] ?? {})) merged.set(key, value);
    return [...merged].map(([key, value]) => `${key}="${value}"`).join(' ');
  });
}

/**
 * The embeddable SVG chart of a KPI at the as-of date, in a language (default English).
 * @example renderKpiChartSvg(kpi, '2026-11-23', i18nFor('de')).startsWith('<svg') // true
 */
export function renderKpiChartSvg(kpi: Kpi, asOf: string, i18n: Pick<I18n, 't' | 'format' | 'label'> = i18nFor(DEFAULT_LOCALE)): string {
  const { format, label } = i18n;
  const spec = trendChartSpec(kpi, asOf, i18n);
  const status = label('status', kpi.status);
  const name = `${kpi.title}: ${status}. ${spec.summary}`;
  const box = { x: INSET + spec.gutter, y: HEADER + PLOT_MARGIN.top, width: WIDTH - INSET - spec.gutter - PLOT_MARGIN.right, height: HEIGHT - HEADER - PLOT_MARGIN.top - PLOT_MARGIN.bottom };
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(name)}" font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif">`,
    `<title>${escapeHtml(name)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" rx="8" fill="#ffffff" stroke="#d9dde3"/>`,
    `<text x="16" y="24" font-size="15" font-weight="bold" fill="#16191f">${escapeHtml(truncate(kpi.title, 60))}</text>`,
    `<text x="${WIDTH - 16}" y="24" font-size="13" text-anchor="end" fill="${TONE_COLOURS[statusTone(kpi.status)]}" font-weight="bold">${escapeHtml(`${format.value(kpi.latest?.value, kpi.unit)} · ${status}`)}</text>`,
    kpi.data.length > 0
      ? `<g fill="#545b66" font-size="11">${withPresentation(chartSvg(spec, format, { box }))}</g>`
      : `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle" fill="#545b66" font-size="13">${escapeHtml(i18n.t('chart.describe.none'))}</text>`,
    `</svg>`,
    '',
  ].join('\n');
}
