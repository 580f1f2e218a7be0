/**
 * An objective as a card (period, team and person pages list hundreds): title, score, team,
 * owner, kind, status, progress and its key results. Styles in styles/parts.css.
 */
import { html, trustedHtml, type Html } from '../../lib/render/html.ts';
import type { KeyResult, Objective } from '../../lib/model/portal-model.ts';
import type { Portal } from '../../portal.ts';
import type { I18n } from '../../lib/i18n/index.ts';
import { forecastNote, objectiveScorePill, progressBar, staleNote, statusBadge } from './badges.ts';

export interface ObjectiveCardOptions {
  /** Show key results under the title. Default true. */
  showKeyResults?: boolean | undefined;
  headingLevel?: 3 | 4 | undefined;
}

/**
 * The card of an objective, with the anchor `objective-<id with -- for />`.
 * @example objectiveCard(objective, portal, { headingLevel: 4 })
 */
export function objectiveCard(objective: Objective, portal: Portal, { showKeyResults = true, headingLevel = 3 }: ObjectiveCardOptions = {}): Html {
  const { i18n } = portal;
  const { t } = i18n;
  const heading = trustedHtml(`h${headingLevel}`);
  const team = objective.team ? portal.teamById.get(objective.team) : undefined;
  const owner = objective.owner ? portal.personById.get(objective.owner) : undefined;
  const keyResults =
    showKeyResults &&
    html`<ul class="kr-list">${objective.keyResults.map(
      (kr) => html`<li><span class="kr-title">${kr.title}</span><span class="kr-value">${keyResultValue(kr, i18n)}</span>${staleNote(kr.staleDays, i18n)}</li>`,
    )}</ul>`;
  return html`<article class="objective card" id="objective-${objective.id.replace(/\//g, '--')}"><div class="objective-head"><${heading} class="objective-title"><a href="${portal.url({ kind: 'objective', id: objective.id })}">${objective.title}</a></${heading}>${objectiveScorePill(objective, portal)}</div><ul class="meta-list">${
    team && html`<li><a href="${portal.url({ kind: 'team', id: team.id })}">${team.name}</a></li>`
  }${owner && html`<li><a href="${portal.url({ kind: 'person', id: owner.id })}">${owner.name}</a></li>`}<li class="kind kind-${objective.kind}">${i18n.label('kind', objective.kind)}</li><li>${statusBadge(objective.status, i18n)}</li>${objective.stale && html`<li>${staleNote(objective.staleDays, i18n)}</li>`}</ul>${progressBar({ value: objective.progress, label: t('progress.label') }, i18n)}${forecastNote(objective.forecast, i18n)}${keyResults}</article>`;
}

/**
 * An objective as one line of the compact list of a period: linked title, owner, progress,
 * score and status; no key results. The same facts as the card, in a fifth of its height.
 * @example objectiveLine(objective, portal)
 */
export function objectiveLine(objective: Objective, portal: Portal): Html {
  const { i18n } = portal;
  const owner = objective.owner ? portal.personById.get(objective.owner) : undefined;
  return html`<li class="objective-line"><a class="line-title" href="${portal.url({ kind: 'objective', id: objective.id })}">${objective.title}</a><span class="line-owner">${owner?.name ?? ''}</span>${progressBar({ value: objective.progress, label: i18n.t('progress.label'), size: 'sm' }, i18n)}${objectiveScorePill(objective, portal)}${statusBadge(objective.status, i18n)}</li>`;
}

/** The short value of a key result in a card: done or not, the grade, the range, or value against target. */
function keyResultValue(kr: KeyResult, i18n: I18n): string {
  const { t, format } = i18n;
  if (kr.type === 'milestone') return t(kr.done ? 'objective.done' : 'objective.notDone');
  if (kr.type === 'graded') return kr.current === undefined ? t('kr.notGradedYet') : t('kr.gradeValue', { grade: format.grade(kr.current) });
  if (kr.min !== undefined || kr.max !== undefined) return t('kr.valueInRange', { value: format.value(kr.current, kr.unit), range: formatRange(kr, i18n) });
  // A scale (`/10`) is written once: "9.2/10 · target 9", not "9.2/10 / 9/10".
  if (kr.unit?.startsWith('/')) return `${format.value(kr.current, kr.unit)} ${t('kr.target', { value: format.value(kr.target) })}`;
  return format.againstTarget(kr.current, kr.target, kr.unit);
}

/**
 * A maintain range, e.g. "99.5–100%", "≥ 99.5%" or "≤ 200 ms".
 * @example formatRange({ min: 99.5, max: 100, unit: '%' }, i18n)
 */
export function formatRange(kr: Pick<KeyResult, 'min' | 'max' | 'unit'>, i18n: I18n): string {
  const { format } = i18n;
  if (kr.min !== undefined && kr.max !== undefined) return `${format.value(kr.min)}–${format.value(kr.max, kr.unit)}`;
  return kr.min !== undefined ? `≥ ${format.value(kr.min, kr.unit)}` : `≤ ${format.value(kr.max, kr.unit)}`;
}
