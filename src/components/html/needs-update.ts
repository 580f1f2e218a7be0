/**
 * A team page's "Needs an update" list: its stale key results, each with its objective, its
 * owner and how long it has gone without an update. Styles in styles/parts.css.
 */
import type { KeyResult, Objective } from '../../lib/model/portal-model.ts';
import { html, type Html } from '../../lib/render/html.ts';
import type { Portal } from '../../portal.ts';
import { staleNote } from './badges.ts';

/**
 * The list, or nothing when every key result is up to date.
 * @example needsUpdateList(staleKeyResults(objectives), portal)
 */
export function needsUpdateList(items: readonly { objective: Objective; kr: KeyResult }[], portal: Portal): Html | undefined {
  if (items.length === 0) return undefined;
  const { t } = portal.i18n;
  const rows = items.map(({ objective, kr }) => {
    const owner = kr.owner ? portal.personById.get(kr.owner) : undefined;
    return html`<li><a href="${portal.url({ kind: 'objective', id: objective.id })}#kr-${kr.id}">${kr.title}</a> <span class="muted">${t('needsUpdate.in', { objective: objective.title })}${owner && html`${t('needsUpdate.owner')} <a href="${portal.url({ kind: 'person', id: owner.id })}">${owner.name}</a>`}</span> ${staleNote(kr.staleDays, portal.i18n)}</li>`;
  });
  return html`<section class="needs-update"><h2>${t('needsUpdate.title')}</h2><ul>${rows}</ul></section>`;
}
