/**
 * An objective's progress over time (contract v1.1 snapshots): a build-time SVG of its
 * progress on each snapshot date against the expected line, points coloured and shaped by
 * status, and the table of the same values, which is the chart's fallback and needs no
 * JavaScript. Styles in styles/parts.css.
 */
import { progressChart, type ProgressChart } from '../../lib/charts/progress-chart.ts';
import type { Objective } from '../../lib/model/portal-model.ts';
import type { Standing } from '../../lib/model/snapshots.ts';
import { attributes, html, type Html } from '../../lib/render/html.ts';
import type { Portal } from '../../portal.ts';
import { statusBadge } from './badges.ts';

const SIZE = { width: 640, height: 220 };

/**
 * A point shaped by status as the status icons are (● on track, ▲ at risk, ■ off track), so
 * the chart never depends on colour alone.
 */
function marker(point: ProgressChart['points'][number], title: Html): Html {
  const { x, y } = point;
  const className = `point tone-${point.tone}`;
  if (point.status === 'at-risk') return html`<path class="${className}" d="M${x} ${y - 5}L${x + 5} ${y + 4}L${x - 5} ${y + 4}Z">${title}</path>`;
  if (point.status === 'off-track') return html`<rect class="${className}" x="${x - 4}" y="${y - 4}" width="8" height="8">${title}</rect>`;
  return html`<circle class="${className}" cx="${x}" cy="${y}" r="4">${title}</circle>`;
}

/**
 * The "Progress over time" section of an objective page; nothing before the first snapshot.
 * @example progressOverTime(objective, portal.standingsOf(objective), portal)
 */
export function progressOverTime(objective: Pick<Objective, 'id' | 'title' | 'period'>, standings: readonly Standing[], portal: Pick<Portal, 'url' | 'i18n'>): Html | undefined {
  if (standings.length === 0) return undefined;
  const { i18n } = portal;
  const { t, format, label } = i18n;
  const chart = progressChart(standings, objective.period, SIZE, i18n);
  const { plot } = chart;
  const anchor = `objective-${objective.id.replace(/\//g, '--')}`;
  const rows = [...standings].reverse().map(
    (standing) =>
      html`<tr><td><a href="${portal.url({ kind: 'snapshot', period: objective.period, date: standing.date })}#${anchor}"><time datetime="${standing.date}">${format.date(standing.date)}</time></a></td><td class="num">${format.percent(standing.progress)}</td><td class="num col-minor">${format.percent(standing.expected)}</td><td>${statusBadge(standing.status, i18n)}</td><td class="col-minor">${label('grade', standing.grade)}</td></tr>`,
  );
  const svg = html`<svg class="progress-chart" role="img"${attributes({ 'aria-label': chart.summary, width: chart.width, height: chart.height, viewBox: `0 0 ${chart.width} ${chart.height}` })}>${chart.yTicks.map(
    (tick) => html`<line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${tick.y}" y2="${tick.y}"></line><text class="axis" x="${plot.left - 6}" y="${tick.y + 4}" text-anchor="end">${tick.label}</text>`,
  )}${chart.xLabels.map((label) => html`<text class="axis" x="${label.x}" y="${chart.height - 8}" text-anchor="${label.anchor}">${label.label}</text>`)}<line class="expected" x1="${chart.expected.x1}" y1="${chart.expected.y1}" x2="${chart.expected.x2}" y2="${chart.expected.y2}"></line>${
    chart.progressPath && html`<path class="actual" d="${chart.progressPath}"></path>`
  }${chart.points.map((point) => marker(point, html`<title>${t('progressOverTime.point', { date: format.date(point.date), progress: format.percent(point.progress), status: label('status', point.status) })}</title>`))}</svg>`;
  const caption = t('progressOverTime.of', { title: objective.title });
  return html`<section class="progress-over-time card" aria-labelledby="progress-over-time"><h2 id="progress-over-time">${t('progressOverTime.title')}</h2><p class="small muted">${t('progressOverTime.lede')}</p><figure class="progress-figure">${svg}<figcaption class="legend small muted"><span class="key key-actual">${t('progress.label')}</span> <span class="key key-expected">${t('progressOverTime.expected')}</span></figcaption></figure><details class="progress-table"${attributes({ open: false })}><summary>${t('progressOverTime.weekly', { count: standings.length })}</summary><section class="table-wrap" tabindex="0"${attributes({ 'aria-label': caption })}><table><caption class="visually-hidden">${caption}</caption><thead><tr><th scope="col">${t('progressOverTime.snapshot')}</th><th scope="col" class="num">${t('progress.label')}</th><th scope="col" class="num col-minor">${t('progressOverTime.expected')}</th><th scope="col">${t('progressOverTime.status')}</th><th scope="col" class="col-minor">${t('table.grade')}</th></tr></thead><tbody>${rows}</tbody></table></section></details></section>`;
}
