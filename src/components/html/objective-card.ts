/**
 * An objective as a card (period, team and person pages list hundreds): title, score, team,
 * owner, kind, status, progress and its key results. Styles in styles/parts.css.
 */
import { formatAgainstTarget, formatValue, labelOf } from '../../lib/render/format.ts';
import { html, trustedHtml, type Html } from '../../lib/render/html.ts';
import type { KeyResult, Objective } from '../../lib/model/portal-model.ts';
import type { Portal } from '../../portal.ts';
import { forecastNote, progressBar, scorePill, staleNote, statusBadge } from './badges.ts';

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
  const heading = trustedHtml(`h${headingLevel}`);
  const team = objective.team ? portal.teamById.get(objective.team) : undefined;
  const owner = objective.owner ? portal.personById.get(objective.owner) : undefined;
  const keyResults =
    showKeyResults &&
    html`<ul class="kr-list">${objective.keyResults.map(
      (kr) => html`<li><span class="kr-title">${kr.title}</span><span class="kr-value">${keyResultValue(kr)}</span>${staleNote(kr.staleDays)}</li>`,
    )}</ul>`;
  return html`<article class="objective card" id="objective-${objective.id.replace(/\//g, '--')}"><div class="objective-head"><${heading} class="objective-title"><a href="${portal.url({ kind: 'objective', id: objective.id })}">${objective.title}</a></${heading}>${scorePill({ score: objective.score, grade: objective.grade, final: objective.finalScore !== undefined })}</div><ul class="meta-list">${
    team && html`<li><a href="${portal.url({ kind: 'team', id: team.id })}">${team.name}</a></li>`
  }${owner && html`<li><a href="${portal.url({ kind: 'person', id: owner.id })}">${owner.name}</a></li>`}<li class="kind kind-${objective.kind}">${labelOf(objective.kind)}</li><li>${statusBadge(objective.status)}</li>${objective.stale && html`<li>${staleNote(objective.staleDays)}</li>`}</ul>${progressBar({ value: objective.progress, grade: objective.grade, label: 'Progress' })}${forecastNote(objective.forecast)}${keyResults}</article>`;
}

/** The short value of a key result in a card: done or not, the grade, the range, or value against target. */
function keyResultValue(kr: KeyResult): string {
  if (kr.type === 'milestone') return kr.done ? 'Done' : 'Not done';
  if (kr.type === 'graded') return kr.current === undefined ? 'Not graded yet' : `Grade ${kr.current.toFixed(1)}`;
  if (kr.min !== undefined || kr.max !== undefined) return `${formatValue(kr.current, kr.unit)} (range ${formatRange(kr)})`;
  return formatAgainstTarget(kr.current, kr.target, kr.unit);
}

/**
 * A maintain range, e.g. "99.5–100%", "≥ 99.5%" or "≤ 200 ms".
 * @example formatRange({ min: 99.5, max: 100, unit: '%' })
 */
export function formatRange(kr: Pick<KeyResult, 'min' | 'max' | 'unit'>): string {
  if (kr.min !== undefined && kr.max !== undefined) return `${formatValue(kr.min)}–${formatValue(kr.max, kr.unit)}`;
  return kr.min !== undefined ? `≥ ${formatValue(kr.min, kr.unit)}` : `≤ ${formatValue(kr.max, kr.unit)}`;
}
