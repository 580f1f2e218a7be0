/**
 * The markup of a chart island: <okr-chart> (defined by ChartScript.astro's script) draws
 * the spec with chart.js once it scrolls into view. The fallback (tables, sparklines) works
 * without JavaScript; its elements with class `chart-fallback` are hidden once the chart is
 * drawn. The data travels as a JSON data block, so the page needs no inline executable script.
 */
import type { ChartSpec } from '../../lib/charts/chart-spec.ts';
import { attributes, html, trustedHtml, type Html, type HtmlPart } from '../../lib/render/html.ts';
import type { I18n } from '../../lib/i18n/index.ts';

/**
 * A chart island around its fallback content.
 * @example chartIsland(spec, portal.i18n, { compact: true, fallback: checkinTable(kr, portal.i18n) })
 */
export function chartIsland(spec: ChartSpec, { t }: Pick<I18n, 't'>, options: { compact?: boolean | undefined; fallback?: HtmlPart } = {}): Html {
  // `<` escaped so the data can never close the script element. The summary is the frame's
  // aria-label already, so the data block leaves it out.
  const { summary: _, ...data } = spec;
  const json = trustedHtml(JSON.stringify(data).replace(/</g, '\\u003c'));
  const ranges =
    spec.ranges.length > 0 &&
    html`<div class="ranges" role="group" aria-label="${t('chart.timeRange')}">${spec.ranges.map(
      (range) => html`<button type="button"${attributes({ 'data-range-min': range.xMin, 'aria-pressed': range.id === 'all' ? 'true' : 'false' })}>${t(`chart.range.${range.id}`)}</button>`,
    )}</div>`;
  return html`<okr-chart class="${options.compact ? 'okr-chart compact' : 'okr-chart'}"><div class="chart-frame" role="img"${attributes({ 'aria-label': spec.summary })} data-chart-frame hidden><canvas></canvas></div><div class="chart-controls" data-chart-controls hidden>${ranges}</div><script type="application/json" data-chart-spec>${json}</script>${options.fallback}</okr-chart>`;
}
