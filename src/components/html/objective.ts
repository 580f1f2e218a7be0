/**
 * The parts of an objective's page (5,000 of them on a big build): its header with score,
 * status, progress and facts, and the embed snippets; key result sections come from
 * key-result.ts. KPI pages use the embed snippets too; the styles are in
 * styles/parts.css.
 */
import type { I18n } from '../../lib/i18n/index.ts';
import { attributes, html, type Html } from '../../lib/render/html.ts';
import { periodLabel } from '../../lib/calendar/period.ts';
import type { Objective } from '../../lib/model/portal-model.ts';
import type { Portal } from '../../portal.ts';
import { forecastNote, objectiveScorePill, progressBar, staleNote, statusBadge } from './badges.ts';
import { fact, link } from './facts.ts';

/** A list of items separated by commas. */
function commaList(items: readonly Html[]): Html {
  return html`${items.map((item, index) => html`${index > 0 && ', '}${item}`)}`;
}

/**
 * The header of an objective's page: kind and period, title, score, status, progress, its
 * team, owner, contributors, parent, continuations and aligned objectives.
 * @example objectiveFacts(objective, portal)
 */
export function objectiveFacts(objective: Objective, portal: Portal): Html {
  const team = objective.team ? portal.teamById.get(objective.team) : undefined;
  const owner = objective.owner ? portal.personById.get(objective.owner) : undefined;
  const parent = objective.parent ? portal.objectiveById.get(objective.parent) : undefined;
  const parentKeyResult = parent && objective.parent_key_result !== undefined ? parent.keyResults.find((kr) => kr.id === objective.parent_key_result) : undefined;
  const children = objective.children.map((id) => portal.objectiveById.get(id)!);
  const continues = objective.continues ? portal.objectiveById.get(objective.continues) : undefined;
  const continuedBy = objective.continuedBy.map((id) => portal.objectiveById.get(id)!);
  const contributors = objective.contributors.map((id) => portal.teamById.get(id)!).filter(Boolean);
  const objectiveUrl = (id: string): string => portal.url({ kind: 'objective', id });
  const { i18n } = portal;
  const { t, format } = i18n;
  const formatScore = format.score;
  const facts = [
    team && fact(t('objective.team'), link(portal.url({ kind: 'team', id: team.id }), team.name)),
    owner && fact(t('objective.owner'), link(portal.url({ kind: 'person', id: owner.id }), owner.name)),
    contributors.length > 0 && fact(t('objective.contributors'), commaList(contributors.map((contributor) => link(portal.url({ kind: 'team', id: contributor.id }), contributor.name)))),
    fact(t('objective.alignsTo'), parent ? html`${link(objectiveUrl(parent.id), parent.title)}${parentKeyResult && html` › ${t('objective.keyResult')} ${link(`${objectiveUrl(parent.id)}#kr-${parentKeyResult.id}`, parentKeyResult.title)}`}` : html`<span class="muted">${t('objective.topLevel')}</span>`),
    continues && fact(t('objective.continues'), html`${link(objectiveUrl(continues.id), continues.title)} (${periodLabel(continues.period)})`),
    continuedBy.length > 0 && fact(t('objective.continuedBy'), commaList(continuedBy.map((next) => html`${link(objectiveUrl(next.id), next.title)} (${periodLabel(next.period)})`))),
    objective.finalScore !== undefined && fact(t('objective.finalScore'), t('objective.finalScoreNote', { score: formatScore(objective.finalScore), measured: formatScore(objective.progress) })),
  ];
  const aligned =
    children.length > 0 &&
    html`<div class="children"><h2 class="h3">${t('objective.aligned', { count: children.length })}</h2><ul>${children.map((child) => {
      const who = child.team ? portal.teamById.get(child.team)?.name : child.owner ? portal.personById.get(child.owner)?.name : '';
      return html`<li>${link(objectiveUrl(child.id), child.title)} <span class="muted small">${who ?? ''} · ${formatScore(child.score)}</span></li>`;
    })}</ul></div>`;
  return html`<header class="objective-header"><p class="eyebrow">${t('objective.eyebrow', { kind: i18n.label('kind', objective.kind), period: periodLabel(objective.period) })}</p><h1>${objective.title}</h1><div class="headline">${objectiveScorePill(objective, portal)}${statusBadge(objective.status, i18n)}<div class="bar">${progressBar({ value: objective.progress, label: t('progress.label') }, i18n)}</div>${forecastNote(objective.forecast, i18n)}${staleNote(objective.staleDays, i18n)}</div><dl class="facts">${facts}</dl>${aligned}</header>`;
}

export interface EmbedSnippetProps {
  /** Absolute URL of the SVG to embed, for the snippets; without PORTAL_SITE there are none. */
  src: string | undefined;
  /** The same SVG under the base path, for the preview on this page. */
  preview: string;
  /** Alt text and link title. */
  alt: string;
  /** The page the embed links to (absolute; undefined without PORTAL_SITE). */
  href: string | undefined;
  /** Extra downloads, e.g. the CSV of a KPI series. */
  downloads?: { label: string; href: string }[] | undefined;
}

/**
 * "Embed and download": a preview of the badge or chart, its Markdown and HTML snippets,
 * and downloads.
 * @example embedSnippet({ src, preview, alt: 'Support efficiency: score 67%', href }, portal.i18n)
 */
export function embedSnippet({ src, preview, alt, href, downloads = [] }: EmbedSnippetProps, { t }: Pick<I18n, 't'>): Html {
  // Snippets pasted elsewhere need absolute URLs; a build without PORTAL_SITE offers downloads only.
  const snippets =
    src !== undefined &&
    href !== undefined &&
    html`<p class="small muted">${t('embed.markdown')}</p><pre><code>${`[![${alt.replace(/[[\]]/g, '')}](${src})](${href})`}</code></pre><p class="small muted">${t('embed.html')}</p><pre><code>${`<a href="${href}"><img src="${src}" alt="${alt.replace(/"/g, '&quot;')}"></a>`}</code></pre>`;
  return html`<details class="embed no-print"><summary>${t(snippets ? 'embed.embedAndDownload' : 'embed.download')}</summary><p><img${attributes({ src: preview, alt })} loading="lazy"></p>${snippets}${
    downloads.length > 0 && html`<ul class="downloads">${downloads.map((download) => html`<li><a href="${download.href}" download>${download.label}</a></li>`)}</ul>`
  }</details>`;
}
