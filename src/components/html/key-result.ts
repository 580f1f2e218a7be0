/**
 * A key result's section on its objective's page: score, progress, facts, the burn-up chart
 * island with its data tables, and the changes read from git. An objective page repeats it
 * for every key result, so it is assembled as a string (see README.md here); styles in
 * styles/parts.css.
 */
import { burnUpChartSpec } from '../../lib/charts/chart-spec.ts';
import { formatDate, formatPercent, formatScore, formatValue, labelOf } from '../../lib/render/format.ts';
import type { KeyResultChange, RevisionMeta } from '../../lib/model/history.ts';
import { html, type Html } from '../../lib/render/html.ts';
import { periodBounds } from '../../lib/calendar/period.ts';
import type { KeyResult, Objective } from '../../lib/model/portal-model.ts';
import { gradeOf } from '../../lib/model/progress.ts';
import { pointsBetween } from '../../lib/charts/series.ts';
import type { Portal } from '../../portal.ts';
import { forecastNote, progressBar, scorePill, staleNote } from './badges.ts';
import { chartIsland } from './chart-island.ts';
import { checkinTable, gradeHistoryTable, kpiDataTable } from './data-tables.ts';
import { formatRange } from './objective-card.ts';
import { fact, link } from './facts.ts';
import { sparklineSvg } from './sparkline.ts';

const SOURCE_TEXT = { manual: 'set by hand', checkin: 'last check-in', kpi: 'latest KPI value', start: 'no check-ins yet', none: 'no data' } as const;

/**
 * The section of one key result, with the anchor `kr-<id>`, and whether it holds a chart
 * island (whose script the page must then load).
 * @example keyResultSection(objective.keyResults[0], objective, portal).html
 */
export function keyResultSection(kr: KeyResult, objective: Objective, portal: Portal): { html: Html; chart: boolean } {
  const owner = kr.owner ? portal.personById.get(kr.owner) : undefined;
  const kpi = kr.kpi ? portal.kpiById.get(kr.kpi) : undefined;
  const grade = gradeOf(kr.score, portal.settings.grading);
  const rule =
    kr.type === 'maintain'
      ? kr.min !== undefined || kr.max !== undefined
        ? `hold ${formatRange(kr)}`
        : `hold ${kr.direction === 'at-most' ? '≤' : '≥'} ${formatValue(kr.target, kr.unit)}`
      : kr.type === 'milestone'
        ? kr.done ? 'done' : 'not done yet'
        : kr.type === 'graded'
          ? 'graded 0.0–1.0 by judgement'
          : `${formatValue(kr.start, kr.unit)} → ${formatValue(kr.target, kr.unit)}`;
  const anchor = `kr-${kr.id}`;
  const spec = burnUpChartSpec(kr, objective.period, portal.asOf, kpi);
  const history = portal.history.get(kr.objectiveId);
  const changes = (history?.changes ?? []).filter((change) => change.keyResultId === kr.id);
  const facts = [
    fact('Type', `${labelOf(kr.type)} · ${rule}`),
    kr.type === 'graded'
      ? fact('Grade', kr.current === undefined ? 'not graded yet' : html`<strong>${kr.current.toFixed(1)}</strong>`)
      : kr.type !== 'milestone' && fact('Current', html`<strong>${formatValue(kr.current, kr.unit)}</strong> <span class="muted">(${SOURCE_TEXT[kr.currentSource]})</span>`),
    kr.projected !== undefined && fact('Projected grade', kr.projected.toFixed(1)),
    kr.lastUpdate !== undefined && fact('Last update', html`<time datetime="${kr.lastUpdate}">${formatDate(kr.lastUpdate)}</time>`),
    kr.weight !== 1 && fact('Weight', String(kr.weight)),
    owner && fact('Owner', link(portal.url({ kind: 'person', id: owner.id }), owner.name)),
    kpi && fact('Measured by', link(portal.url({ kind: 'kpi', id: kpi.id }), kpi.title)),
    kr.confidence !== undefined && fact('Confidence', formatPercent(kr.confidence)),
  ];
  let data: Html | undefined;
  if (spec) {
    const { first, last } = periodBounds(objective.period);
    const kpiInPeriod = kpi ? pointsBetween(kpi.data, first, last) : [];
    const fallback = kr.checkins.length > 0 ? { label: 'Check-ins', points: kr.checkins, unit: kr.unit } : kpi && { label: kpi.title, points: kpiInPeriod, unit: kpi.unit };
    data = chartIsland(spec, {
      compact: true,
      fallback: [
        fallback && fallback.points.length > 1 &&
          html`<p class="chart-fallback small muted spark">${sparklineSvg({ points: fallback.points, unit: fallback.unit, label: fallback.label, width: 160, height: 36, reference: kr.target })}<span>${fallback.label} ${kr.target !== undefined && `· target ${formatValue(kr.target, kr.unit)}`}</span></p>`,
        kr.checkins.length > 0 && (kr.type === 'graded' ? gradeHistoryTable(kr) : checkinTable(kr)),
        kpi && kpiInPeriod.length > 0 && kpiDataTable(kpi, { points: kpiInPeriod, summary: `${kpi.title} in the period (${kpiInPeriod.length})` }),
      ],
    });
  } else if (kr.checkins.length > 0) {
    data = kr.type === 'graded' ? gradeHistoryTable(kr) : checkinTable(kr);
  }
  const aligned = kr.alignedObjectives.flatMap((id) => {
    const child = portal.objectiveById.get(id);
    return child ? [html`<li><a href="${portal.url({ kind: 'objective', id })}">${child.title}</a></li>`] : [];
  });
  const section = html`<section class="kr card" id="${anchor}" aria-labelledby="${anchor}-title"><div class="kr-head"><h3 id="${anchor}-title">${kr.title}</h3>${scorePill({ score: kr.score, grade, final: kr.score !== kr.progress })}${staleNote(kr.staleDays)}</div>${progressBar({ value: kr.progress, grade, label: 'Progress' })}${forecastNote(kr.forecast)}<dl class="facts">${facts}</dl>${data}${
    aligned.length > 0 && html`<div class="kr-aligned"><h4>Aligned to this key result</h4><ul>${aligned}</ul></div>`
  }${
    kr.score !== kr.progress && html`<p class="small muted">Final score ${formatScore(kr.score)} set by hand; measured progress ${formatPercent(kr.progress)}.</p>`
  }${history && changes.length > 0 && keyResultHistory(history.published, changes, portal, kr.unit)}</section>`;
  return { html: section, chart: Boolean(spec) };
}

/**
 * The changes of a key result's target, start, weight or type, as read from git, after the
 * revision in which the objective became visible to the audience ("published"): what came
 * before is not the audience's to see.
 * @example keyResultHistory(history.published, changes, portal, 'min')
 */
export function keyResultHistory(published: RevisionMeta, changes: readonly KeyResultChange[], portal: Pick<Portal, 'commitUrl'>, unit: string | undefined): Html {
  const show = (field: string, value: string | number | undefined): string =>
    value === undefined ? 'unset' : typeof value === 'number' && field !== 'weight' ? formatValue(value, unit) : String(value);
  const items = changes.map(
    (change) => html`<li>${change.field} changed ${show(change.field, change.from)} → ${show(change.field, change.to)} on ${formatDate(change.date)}${commitNote(change, portal)}</li>`,
  );
  return html`<div class="kr-history"><h4>Changes</h4><ul><li>published on ${formatDate(published.date)}${commitNote(published, portal)}</li>${items}</ul></div>`;
}

/** ` (commit abc1234: subject, by author)`, with what the build publishes of the commit. */
function commitNote(revision: RevisionMeta, portal: Pick<Portal, 'commitUrl'>): Html {
  const url = portal.commitUrl(revision.commit);
  const commit = revision.commit.slice(0, 7);
  return html`<span class="muted"> (commit ${url ? html`<a href="${url}">${commit}</a>` : commit}${revision.subject !== undefined && `: ${revision.subject}`}${revision.author !== undefined && `, by ${revision.author}`})</span>`;
}
