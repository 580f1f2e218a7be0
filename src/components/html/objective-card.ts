/**
 * An objective as a card (period, team and person pages list hundreds): title, score, team,
 * owner, kind, status, progress and its key results. Styles in styles/parts.css.
 */
import { html, trustedHtml, type Html } from '../../lib/render/html.ts';
import type { Objective } from '../../lib/model/portal-model.ts';
import type { Portal } from '../../portal.ts';
import { progressBar, scorePill, statusBadge } from './badges.ts';

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
  const { t, format } = i18n;
  const heading = trustedHtml(`h${headingLevel}`);
  const team = objective.team ? portal.teamById.get(objective.team) : undefined;
  const owner = objective.owner ? portal.personById.get(objective.owner) : undefined;
  const keyResults =
    showKeyResults &&
    html`<ul class="kr-list">${objective.keyResults.map(
      (kr) => html`<li><span class="kr-title">${kr.title}</span><span class="kr-value">${kr.type === 'milestone' ? t(kr.done ? 'objective.done' : 'objective.notDone') : format.againstTarget(kr.current, kr.target, kr.unit)}</span></li>`,
    )}</ul>`;
  return html`<article class="objective card" id="objective-${objective.id.replace(/\//g, '--')}"><div class="objective-head"><${heading} class="objective-title"><a href="${portal.url({ kind: 'objective', id: objective.id })}">${objective.title}</a></${heading}>${scorePill({ score: objective.score, grade: objective.grade, final: objective.finalScore !== undefined }, i18n)}</div><ul class="meta-list">${
    team && html`<li><a href="${portal.url({ kind: 'team', id: team.id })}">${team.name}</a></li>`
  }${owner && html`<li><a href="${portal.url({ kind: 'person', id: owner.id })}">${owner.name}</a></li>`}<li class="kind kind-${objective.kind}">${i18n.label('kind', objective.kind)}</li><li>${statusBadge(objective.status, i18n)}</li></ul>${progressBar({ value: objective.progress, grade: objective.grade, label: t('progress.label') }, i18n)}${keyResults}</article>`;
}
