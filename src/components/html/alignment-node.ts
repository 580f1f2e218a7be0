/**
 * One objective of an alignment tree with its aligned objectives below it, recursively
 * (a big period's tree has thousands of nodes). AlignmentTree.astro calls it; styles in
 * styles/parts.css.
 */
import { childrenByKeyResult, type AlignmentNode } from '../../lib/model/alignment.ts';
import { escapeText, html, trustedHtml, type Html } from '../../lib/render/html.ts';
import { gradeOf } from '../../lib/model/progress.ts';
import type { Portal } from '../../portal.ts';
import { forecastNote, objectiveScorePill, progressBar, staleNote, statusBadge } from './badges.ts';

/**
 * A tree node as a list item; below `maxDepth`, a node with children links to its
 * department's tree instead of nesting them (big periods).
 * @example alignmentNode(tree.roots[0], portal, 0, 2)
 */
export function alignmentNode(node: AlignmentNode, portal: Portal, depth = 0, maxDepth?: number): Html {
  const cut = maxDepth !== undefined && depth >= maxDepth && node.children.length > 0;
  const { objective } = node;
  const team = objective.team ? portal.teamById.get(objective.team) : undefined;
  const owner = objective.owner ? portal.personById.get(objective.owner) : undefined;
  const contributors = objective.contributors.map((id) => portal.teamById.get(id)?.name).filter(Boolean);
  // Ids start with a letter and hold no slashes (html-validate valid-id), as in objective cards.
  const anchor = `objective-${objective.id.replace(/\//g, '--')}`;
  const { i18n } = portal;
  const { t, format } = i18n;
  const count = t('alignment.alignedCount', { count: node.descendants });
  const department = team ? (team.ancestors[1] ?? team.id) : undefined;
  const below =
    cut && team
      ? html`<p class="node-more"><a href="${portal.url({ kind: 'alignment', period: objective.period, team: department })}#${anchor}">${t('alignment.inTree', { count, team: portal.teamById.get(department!)?.name ?? '' })}</a></p>`
      : node.children.length > 0 &&
        html`<details open><summary>${count}</summary><ul>${childrenByKeyResult(node).map(({ keyResult, children }) => {
          const items = children.map((child) => alignmentNode(child, portal, depth + 1, maxDepth));
          if (!keyResult) return items;
          const href = `${portal.url({ kind: 'objective', id: objective.id })}#kr-${keyResult.id}`;
          return html`<li class="node-kr"><p class="node-kr-title">${t('alignment.alignedToKr')} <a href="${href}">${keyResult.title}</a></p><ul>${items}</ul></li>`;
        })}</ul></details>`;
  const rollup =
    node.children.length > 0 &&
    html`<span class="rollup" title="${trustedHtml(escapeText(t('alignment.rollupTitle')))}">${t('alignment.rollup', { percent: format.percent(node.rollup) })}<span class="visually-hidden">${t('alignment.rollupGrade', { grade: i18n.label('grade', gradeOf(node.rollup, portal.settings.grading)) })}</span></span>`;
  return html`<li id="${anchor}" class="${node.context ? 'node context' : 'node'}"><div class="node-card"><div class="node-main"><a class="node-title" href="${portal.url({ kind: 'objective', id: objective.id })}">${objective.title}</a><span class="node-meta">${team && html`<span>${team.name}</span>`}${owner && html`<span>${owner.name}</span>`}<span class="kind ${objective.kind}">${i18n.label('kind', objective.kind)}</span>${
    contributors.length > 0 && html`<span>${t('alignment.with', { teams: contributors.join(', ') })}</span>`
  }${node.context && html`<span class="context-note">${t('alignment.context')}</span>`}</span></div><div class="node-figures">${statusBadge(objective.status, portal.i18n)}${objectiveScorePill(objective, portal)}<div class="node-bar">${progressBar({ value: objective.progress, label: t('alignment.ownProgress'), size: 'sm' }, portal.i18n)}</div>${forecastNote(objective.forecast, portal.i18n)}${rollup}${staleNote(objective.staleDays, portal.i18n)}</div></div>${below}</li>`;
}
