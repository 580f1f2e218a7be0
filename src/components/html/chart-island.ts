/**
 * The markup of a chart island: the chart as a build-time SVG (src/lib/charts/chart-svg.ts)
 * with its legend, which is all there is without JavaScript and in print; <okr-chart>
 * (ChartScript.astro) adds tooltips and the range switch to that SVG on first interaction.
 * The fallback (data tables) stays the text alternative. The spec travels as a JSON data
 * block, so the page needs no inline executable script.
 */
import { legendItems, type LegendSwatch } from '../../lib/charts/chart-legend.ts';
import type { ChartSpec } from '../../lib/charts/chart-spec.ts';
import { chartSvg } from '../../lib/charts/chart-svg.ts';
import { attributes, html, trustedHtml, type Html, type HtmlPart } from '../../lib/render/html.ts';
import type { I18n } from '../../lib/i18n/index.ts';

/** A legend swatch as a small SVG; the look comes from ChartScript.astro's stylesheet. */
function swatchSvg(swatch: LegendSwatch): Html {
  if (swatch.kind === 'shapes') return html`<span class="shapes" aria-hidden="true">${swatch.shapes}${swatch.critical && html`<span class="critical">${swatch.critical}</span>`}</span>`;
  if (swatch.kind === 'marker') return html`<svg aria-hidden="true" width="12" height="14" viewBox="0 0 12 14"><line class="swatch swatch-${swatch.style}" x1="6" y1="0" x2="6" y2="14"></line></svg>`;
  const line = html`<line class="swatch swatch-${swatch.kind === 'band' ? swatch.meaning : swatch.style}" x1="1" y1="6" x2="27" y2="6"></line>`;
  const band = swatch.kind === 'band' && html`<rect class="band band-${swatch.meaning}" x="0" y="0" width="28" height="12"></rect>`;
  const cross = swatch.kind === 'line' && swatch.cross && html`<path class="swatch swatch-secondary" d="M10 2L18 10M18 2L10 10"></path>`;
  return html`<svg aria-hidden="true" width="28" height="12" viewBox="0 0 28 12">${band}${line}${cross}</svg>`;
}

/**
 * A chart island around its fallback content.
 * @example chartIsland(spec, portal.i18n, { compact: true, fallback: checkinTable(kr, portal.i18n) })
 */
export function chartIsland(spec: ChartSpec, i18n: Pick<I18n, 't' | 'format'>, options: { compact?: boolean | undefined; fallback?: HtmlPart } = {}): Html {
  const { t } = i18n;
  // `<` escaped so the data can never close the script element. The summary is the SVG's
  // aria-label already, so the data block leaves it out.
  const { summary: _, ...data } = spec;
  const json = trustedHtml(JSON.stringify(data).replace(/</g, '\\u003c'));
  const ranges =
    spec.ranges.length > 0 &&
    html`<div class="ranges" role="group" aria-label="${t('chart.timeRange')}">${spec.ranges.map(
      (range) => html`<button type="button"${attributes({ 'data-range-min': range.xMin, 'aria-pressed': range.id === 'all' ? 'true' : 'false' })}>${range.label}</button>`,
    )}</div>`;
  const legend = html`<ul class="legend" aria-label="${t('chart.legend')}">${legendItems(spec, i18n).map((item) => html`<li>${swatchSvg(item.swatch)}${item.label}</li>`)}</ul>`;
  return html`<okr-chart class="${options.compact ? 'okr-chart compact' : 'okr-chart'}"><div class="chart-frame gutter-${spec.gutter}">${trustedHtml(chartSvg(spec, i18n.format))}</div><div class="chart-controls">${legend}${ranges}</div><script type="application/json" data-chart-spec>${json}</script>${options.fallback}</okr-chart>`;
}
