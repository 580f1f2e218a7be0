/**
 * A key result's section on its objective's page: score, progress, facts, the burn-up chart
 * island with its data tables, and the changes read from git. An objective page repeats it
 * for every key result, so it is assembled as a string (see README.md here); styles in
 * styles/parts.css.
 */
import { burnUpChartSpec } from '../../lib/charts/chart-spec.ts';
import type { KeyResultChange, RevisionMeta } from '../../lib/model/history.ts';
import { html, type Html } from '../../lib/render/html.ts';
import { periodBounds, periodPhase } from '../../lib/calendar/period.ts';
import { scoreVerdict } from '../../lib/render/status-tone.ts';
import type { KeyResult, Objective } from '../../lib/model/portal-model.ts';
import { gradeOf } from '../../lib/model/progress.ts';
import { pointsBetween } from '../../lib/charts/series.ts';
import type { Portal } from '../../portal.ts';
import { forecastNote, progressBar, scorePill, staleNote } from './badges.ts';
import { chartIsland } from './chart-island.ts';
import { checkinTable, gradeHistoryTable, kpiDataTable } from './data-tables.ts';
import { formatRange } from './objective-card.ts';
import { fact, link } from './facts.ts';


/**
 * The section of one key result, with the anchor `kr-<id>`, and whether it holds a chart
 * island (whose script the page must then load).
 * @example keyResultSection(objective.keyResults[0], objective, portal).html
 */
export function keyResultSection(kr: KeyResult, objective: Objective, portal: Portal): { html: Html; chart: boolean } {
  const owner = kr.owner ? portal.personById.get(kr.owner) : undefined;
  const kpi = kr.kpi ? portal.kpiById.get(kr.kpi) : undefined;
  const final = kr.score !== kr.progress;
  const grade = scoreVerdict({ grade: gradeOf(kr.score, portal.settings.grading), phase: periodPhase(objective.period, portal.asOf), final });
  const { i18n } = portal;
  const { t, format } = i18n;
  const formatValue = format.value;
  const rule =
    kr.type === 'maintain'
      ? kr.min !== undefined || kr.max !== undefined
        ? t('kr.hold', { bound: formatRange(kr, i18n) })
        : t('kr.hold', { bound: `${kr.direction === 'at-most' ? '≤' : '≥'} ${formatValue(kr.target, kr.unit)}` })
      : kr.type === 'milestone'
        ? t(kr.done ? 'kr.done' : 'kr.notDoneYet')
        : kr.type === 'graded'
          ? t('kr.gradedRule')
          : `${formatValue(kr.start, kr.unit)} → ${formatValue(kr.target, kr.unit)}`;
  const anchor = `kr-${kr.id}`;
  const spec = burnUpChartSpec(kr, objective.period, portal.asOf, kpi, i18n);
  const history = portal.history.get(kr.objectiveId);
  const changes = (history?.changes ?? []).filter((change) => change.keyResultId === kr.id);
  const facts = [
    fact(t('kr.type'), `${i18n.label('krType', kr.type)} · ${rule}`),
    kr.type === 'graded'
      ? fact(t('kr.grade'), kr.current === undefined ? t('kr.notGradedYet') : html`<strong>${format.grade(kr.current)}</strong>`)
      : kr.type !== 'milestone' && fact(t('kr.current'), html`<strong>${formatValue(kr.current, kr.unit)}</strong> <span class="muted">(${t(`kr.source.${kr.currentSource}`)})</span>`),
    kr.projected !== undefined && fact(t('kr.projectedGrade'), format.grade(kr.projected)),
    kr.lastUpdate !== undefined && fact(t('kr.lastUpdate'), html`<time datetime="${kr.lastUpdate}">${format.date(kr.lastUpdate)}</time>`),
    kr.weight !== 1 && fact(t('kr.weight'), format.number(kr.weight)),
    owner && fact(t('kr.owner'), link(portal.url({ kind: 'person', id: owner.id }), owner.name)),
    kpi && fact(t('kr.measuredBy'), link(portal.url({ kind: 'kpi', id: kpi.id }), kpi.title)),
    kr.confidence !== undefined && fact(t('kr.confidence'), format.percent(kr.confidence)),
  ];
  let data: Html | undefined;
  if (spec) {
    const { first, last } = periodBounds(objective.period);
    const kpiInPeriod = kpi ? pointsBetween(kpi.data, first, last) : [];
    // The chart's build-time SVG shows without JavaScript; the tables are its text alternative.
    data = chartIsland(spec, i18n, {
      compact: true,
      fallback: [
        kr.checkins.length > 0 && (kr.type === 'graded' ? gradeHistoryTable(kr, i18n) : checkinTable(kr, i18n)),
        kpi && kpiInPeriod.length > 0 && kpiDataTable(kpi, i18n, { points: kpiInPeriod, summary: t('kr.kpiInPeriod', { title: kpi.title, count: kpiInPeriod.length }) }),
      ],
    });
  } else if (kr.checkins.length > 0) {
    data = kr.type === 'graded' ? gradeHistoryTable(kr, i18n) : checkinTable(kr, i18n);
  }
  const aligned = kr.alignedObjectives.flatMap((id) => {
    const child = portal.objectiveById.get(id);
    return child ? [html`<li><a href="${portal.url({ kind: 'objective', id })}">${child.title}</a></li>`] : [];
  });
  const section = html`<section class="kr card" id="${anchor}" aria-labelledby="${anchor}-title"><div class="kr-head"><h3 id="${anchor}-title">${kr.title}</h3>${scorePill({ score: kr.score, grade, final }, i18n)}${staleNote(kr.staleDays, i18n)}</div>${progressBar({ value: kr.progress, label: t('progress.label') }, i18n)}${forecastNote(kr.forecast, i18n)}<dl class="facts">${facts}</dl>${data}${
    aligned.length > 0 && html`<div class="kr-aligned"><h4>${t('kr.alignedHere')}</h4><ul>${aligned}</ul></div>`
  }${
    kr.score !== kr.progress && html`<p class="small muted">${t('kr.finalScoreNote', { score: format.score(kr.score), percent: format.percent(kr.progress) })}</p>`
  }${history && changes.length > 0 && keyResultHistory(history.published, changes, portal, kr.unit)}</section>`;
  return { html: section, chart: Boolean(spec) };
}

/**
 * The changes of a key result's target, start, weight or type, as read from git, after the
 * revision in which the objective became visible to the audience ("published"): what came
 * before is not the audience's to see.
 * @example keyResultHistory(history.published, changes, portal, 'min')
 */
export function keyResultHistory(published: RevisionMeta, changes: readonly KeyResultChange[], portal: Pick<Portal, 'commitUrl' | 'i18n'>, unit: string | undefined): Html {
  const { t, format } = portal.i18n;
  const show = (field: string, value: string | number | undefined): string =>
    value === undefined ? t('kr.unset') : typeof value === 'number' && field !== 'weight' ? format.value(value, unit) : String(value);
  const items = changes.map(
    (change) => html`<li>${t('kr.changed', { field: t(`field.${change.field}`), from: show(change.field, change.from), to: show(change.field, change.to), date: format.date(change.date) })}${commitNote(change, portal)}</li>`,
  );
  return html`<div class="kr-history"><h4>${t('kr.changes')}</h4><ul><li>${t('kr.published', { date: format.date(published.date) })}${commitNote(published, portal)}</li>${items}</ul></div>`;
}

/** ` (commit abc1234: subject, by author)`, with what the build publishes of the commit. */
function commitNote(revision: RevisionMeta, portal: Pick<Portal, 'commitUrl' | 'i18n'>): Html {
  const { t } = portal.i18n;
  const url = portal.commitUrl(revision.commit);
  const commit = revision.commit.slice(0, 7);
  return html`<span class="muted"> (${t('kr.commit')} ${url ? html`<a href="${url}">${commit}</a>` : commit}${revision.subject !== undefined && `: ${revision.subject}`}${revision.author !== undefined && t('kr.by', { author: revision.author })})</span>`;
}
