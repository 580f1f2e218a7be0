/**
 * The documents the search index is built from: one small HTML document per content page
 * (objective, KPI, team, person, retrospective), made from the scored portal model.
 *
 * Why not index the built pages: reading 5,000 rendered pages back took Pagefind longer than
 * rendering them, and it could only start once every page was written. These documents exist
 * as soon as the content is scored, so the index is written by the Pagefind process while
 * Astro renders (see src/integrations/pagefind.ts), and they carry only what is worth
 * finding: titles as headings (Pagefind ranks them higher), the prose, names of teams,
 * owners and linked entries, and check-in notes; no navigation, numbers or dates.
 *
 * They are built from the model, which holds only what the audience may see, so they can
 * never carry more than the pages do. Bodies come as the sanitized HTML the pages show, when
 * the build rendered them already (Markdown, in the content loaders); otherwise (MDX, or a
 * caller without rendered bodies) they are reduced to their text: raw HTML, MDX expressions
 * (comments included) and imports are left out, as the rendered page does. Their words
 * ("Team:", "Key results") are the portal's, in its language: excerpts show them.
 */
import { i18nFor, type I18n } from '../i18n/index.ts';
import type { Root, RootContent } from 'mdast';
import { parseBody } from '../content/body-tree.ts';
import { escapeHtml } from '../render/html.ts';
import { periodLabel } from '../calendar/period.ts';
import type { Kpi, Objective, Person, PortalModel, Retrospective, Team } from '../model/portal-model.ts';
import { searchRecordOfKpi, searchRecordOfObjective, searchRecordOfPerson, searchRecordOfRetrospective, searchRecordOfTeam, type SearchRecord } from './search-records.ts';
import { routeUrl, type Route } from '../render/urls.ts';

export interface SearchDocument {
  /** The page's URL below the base path, with a leading slash (`/objectives/2026-q3/x/`). */
  url: string;
  /** A minimal HTML document for Pagefind: headings, paragraphs, filter/meta/sort attributes. */
  html: string;
}

/** A block of a search document: a heading (level 1 to 4), a paragraph, or sanitized HTML. */
interface Block {
  heading?: 1 | 2 | 3 | 4;
  text: string;
  /** Sanitized HTML of a rendered body, used as it is (text is then empty). */
  html?: string;
}

/** The sanitized HTML of an entry's rendered body, by collection and id, if the build has it. */
export type RenderedBody = (collection: 'objectives' | 'kpis' | 'teams' | 'people' | 'retrospectives', id: string) => string | undefined;

/**
 * Every search document of the portal, sorted by URL (so the index comes out the same on
 * every build); with `includes`, only those of the entries it picks (a shard's part).
 * @example searchDocuments(model).find((doc) => doc.url === '/teams/support/')
 */
export function searchDocuments(model: PortalModel, renderedBody: RenderedBody = () => undefined, options: { includes?: SearchedEntry } = {}): SearchDocument[] {
  const { includes = () => true } = options;
  const body = (collection: Parameters<RenderedBody>[0], entry: { id: string; body: string; format?: 'md' | 'mdx' }): Block[] => {
    const html = renderedBody(collection, entry.id);
    return html ? [{ text: '', html }] : markdownBlocks(entry.body, entry.format ?? 'md');
  };
  const i18n = i18nFor(model.settings.locale);
  const documents = [
    ...model.objectives.filter(({ id }) => includes('objectives', id)).map((objective) => objectiveDocument(objective, model, body('objectives', objective), i18n)),
    ...model.kpis.filter(({ id }) => includes('kpis', id)).map((kpi) => kpiDocument(kpi, model, body('kpis', kpi), i18n)),
    ...model.teams.filter(({ id }) => includes('teams', id)).map((team) => teamDocument(team, model, body('teams', team), i18n)),
    ...model.people.filter(({ id }) => includes('people', id)).map((person) => personDocument(person, model, body('people', person), i18n)),
    ...model.retrospectives.filter(({ id }) => includes('retrospectives', id)).map((retro) => retrospectiveDocument(retro, model, body('retrospectives', retro), i18n)),
  ];
  return sortDocuments(documents);
}

/** Which entries' documents to make, by collection and id. */
export type SearchedEntry = (collection: Parameters<RenderedBody>[0], id: string) => boolean;

/**
 * Search documents in the order the index is built from, by URL: `okr merge` sorts the
 * shards' parts with it into the order of a single build.
 * @example sortDocuments([{ url: '/b/', html: '' }, { url: '/a/', html: '' }])[0].url // '/a/'
 */
export function sortDocuments(documents: SearchDocument[]): SearchDocument[] {
  return documents.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

function objectiveDocument(objective: Objective, model: PortalModel, body: Block[], i18n: I18n): SearchDocument {
  const { t, label } = i18n;
  const blocks: Block[] = [
    { heading: 1, text: objective.title },
    { text: `${t('objective.eyebrow', { kind: label('kind', objective.kind), period: periodLabel(objective.period) })} · ${label('status', objective.status)}` },
    facts([
      [t('objective.team'), nameOfTeam(objective.team, model)],
      [t('objective.owner'), nameOfPerson(objective.owner, model)],
      [t('objective.contributors'), list(objective.contributors.map((id) => nameOfTeam(id, model)))],
      [t('objective.alignsTo'), objective.parent ? model.objectiveById.get(objective.parent)?.title : undefined],
      [t('objective.continues'), objective.continues ? model.objectiveById.get(objective.continues)?.title : undefined],
      [t('objective.continuedBy'), list(objective.continuedBy.map((id) => model.objectiveById.get(id)?.title))],
      [t('search.doc.alignedObjectives'), list(objective.children.map((id) => model.objectiveById.get(id)?.title))],
    ]),
    ...body,
    { heading: 2, text: t('objective.keyResults') },
  ];
  for (const kr of objective.keyResults) {
    blocks.push(
      { heading: 3, text: kr.title },
      facts([
        [t('kr.type'), label('krType', kr.type)],
        [t('kr.owner'), nameOfPerson(kr.owner, model)],
        [t('kr.measuredBy'), kr.kpi ? model.kpiById.get(kr.kpi)?.title : undefined],
      ]),
      ...kr.checkins.filter((checkin) => checkin.note).map((checkin) => ({ text: checkin.note! })),
    );
  }
  return document({ kind: 'objective', id: objective.id }, blocks, searchRecordOfObjective(objective, model, i18n), i18n.lang);
}

function kpiDocument(kpi: Kpi, model: PortalModel, body: Block[], i18n: I18n): SearchDocument {
  const { t, label } = i18n;
  const blocks: Block[] = [
    { heading: 1, text: kpi.title },
    { text: `${t('kpi.eyebrow', { category: label('category', kpi.category), cadence: label('cadence', kpi.cadence) })} · ${label('status', kpi.status)}` },
    facts([
      [t('kpi.direction'), label('direction', kpi.direction)],
      [t('objective.team'), nameOfTeam(kpi.team, model)],
      [t('objective.owner'), nameOfPerson(kpi.owner, model)],
    ]),
    ...body,
  ];
  const linked = kpi.keyResults.flatMap(({ objectiveId, keyResultId }) => {
    const objective = model.objectiveById.get(objectiveId);
    const kr = objective?.keyResults.find((candidate) => candidate.id === keyResultId);
    return objective && kr ? [{ text: `${kr.title} ${t('kpi.in', { title: objective.title })}` }] : [];
  });
  if (linked.length > 0) blocks.push({ heading: 2, text: t('kpi.measuring') }, ...linked);
  return document({ kind: 'kpi', id: kpi.id }, blocks, searchRecordOfKpi(kpi, model, i18n), i18n.lang);
}

function teamDocument(team: Team, model: PortalModel, body: Block[], i18n: I18n): SearchDocument {
  const { t } = i18n;
  const lead = team.lead ? model.personById.get(team.lead) : undefined;
  const blocks: Block[] = [
    { heading: 1, text: team.name },
    { text: t(team.ancestors.length === 0 ? 'team.company' : team.children.length > 0 ? 'team.department' : 'team.team') },
    facts([
      [t('team.lead'), lead ? [lead.name, lead.role].filter(Boolean).join(' · ') : undefined],
      [t('team.partOf'), nameOfTeam(team.parent, model)],
      [t('search.doc.subTeams'), list(team.children.map((id) => nameOfTeam(id, model)))],
    ]),
    ...body,
  ];
  return document({ kind: 'team', id: team.id }, blocks, searchRecordOfTeam(team, model, i18n), i18n.lang);
}

function personDocument(person: Person, model: PortalModel, body: Block[], i18n: I18n): SearchDocument {
  const { t } = i18n;
  const leads = model.teams.filter((team) => team.lead === person.id).map((team) => team.name);
  const blocks: Block[] = [
    { heading: 1, text: person.name },
    facts([
      [t('people.role'), person.role],
      [t('objective.team'), nameOfTeam(person.team, model)],
      [t('person.leads'), list(leads)],
    ]),
    ...body,
  ];
  return document({ kind: 'person', id: person.id }, blocks, searchRecordOfPerson(person, model, i18n), i18n.lang);
}

function retrospectiveDocument(retro: Retrospective, model: PortalModel, body: Block[], i18n: I18n): SearchDocument {
  const { t } = i18n;
  const blocks: Block[] = [
    { heading: 1, text: retro.title },
    { text: `${t('retro.eyebrow', { period: periodLabel(retro.period) })} · ${nameOfTeam(retro.team, model) ?? t('retros.companyWide')}` },
    ...body,
  ];
  return document({ kind: 'retrospective', id: retro.id }, blocks, searchRecordOfRetrospective(retro, model, i18n), i18n.lang);
}

/**
 * The HTML of one document. Filters, metadata and sort keys sit in `data-value` attributes
 * (Pagefind's `name[attribute]` syntax), so values may hold commas and colons and add no
 * words to the text; the first heading is the result title.
 */
/** `lang` is the portal's locale: Pagefind stems and splits words by the document's `<html lang>`. */
function document(route: Route, blocks: readonly Block[], record: SearchRecord, lang: string): SearchDocument {
  const attributes = [
    ...Object.entries(record.filters).flatMap(([name, values]) => values.map((value) => span('filter', name, value))),
    ...Object.entries(record.meta).map(([name, value]) => span('meta', name, value)),
    ...Object.entries(record.sort).map(([name, value]) => span('sort', name, value)),
  ];
  const body = blocks
    .filter((block) => block.html || block.text.trim() !== '')
    .map((block, index) => {
      if (block.html) return block.html;
      const text = escapeHtml(block.text);
      if (!block.heading) return `<p>${text}</p>`;
      return index === 0 ? `<h${block.heading} data-pagefind-meta="title">${text}</h${block.heading}>` : `<h${block.heading}>${text}</h${block.heading}>`;
    });
  return {
    url: `/${routeUrl('/', route).replace(/^\//, '')}`,
    html: `<!doctype html><html lang="${escapeHtml(lang)}"><body data-pagefind-body>${attributes.join('')}${body.join('')}</body></html>`,
  };
}

function span(kind: 'filter' | 'meta' | 'sort', name: string, value: string): string {
  return `<span data-pagefind-${kind}="${escapeHtml(name)}[data-value]" data-value="${escapeHtml(value)}"></span>`;
}

/** `Team: Support · Owner: Ada` from the facts that have a value. */
function facts(entries: readonly (readonly [string, string | undefined])[]): Block {
  return { text: entries.filter(([, value]) => value).map(([label, value]) => `${label}: ${value}`).join(' · ') };
}

function list(values: readonly (string | undefined)[]): string | undefined {
  const present = values.filter((value): value is string => Boolean(value));
  return present.length > 0 ? present.join(', ') : undefined;
}

function nameOfTeam(id: string | undefined, model: PortalModel): string | undefined {
  return id ? model.teamById.get(id)?.name : undefined;
}

function nameOfPerson(id: string | undefined, model: PortalModel): string | undefined {
  return id ? model.personById.get(id)?.name : undefined;
}

/** Node types whose text the rendered page never shows (or shows as markup, not prose). */
const SKIPPED = new Set(['html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'image', 'imageReference', 'definition', 'footnoteDefinition']);

/**
 * The text of a Markdown or MDX body as blocks: headings stay headings, everything else
 * becomes paragraphs. MDX that does not parse (the MDX compiler reports it when the page
 * renders) is read as plain Markdown.
 * @example markdownBlocks('## Why\nCustomers **wait**.', 'md') // [{ heading: 2, text: 'Why' }, { text: 'Customers wait.' }]
 */
export function markdownBlocks(body: string, format: 'md' | 'mdx'): Block[] {
  if (body.trim() === '') return [];
  const tree = parseBody(body, format);
  const blocks: Block[] = [];
  const visit = (node: Root | RootContent): void => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'heading') {
      blocks.push({ heading: Math.min(4, Math.max(2, node.depth)) as 2 | 3 | 4, text: inlineText(node) });
      return;
    }
    if (node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'code') {
      blocks.push({ text: inlineText(node) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return blocks.filter((block) => block.text !== '');
}

/** The text of a node's inline content, without skipped nodes, with whitespace collapsed. */
function inlineText(node: Root | RootContent): string {
  const parts: string[] = [];
  const collect = (current: Root | RootContent): void => {
    if (SKIPPED.has(current.type)) return;
    if (current.type === 'break') parts.push(' ');
    if ('value' in current && typeof current.value === 'string') parts.push(current.value);
    if ('children' in current) for (const child of current.children) collect(child);
  };
  collect(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
