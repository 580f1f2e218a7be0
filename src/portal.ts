/**
 * The one adapter between Astro and the domain library: scores the content once per build
 * (validated and filtered by audience in src/loader; the same model the loaders stored) and
 * hands pages plain data. Pages never call getCollection themselves.
 */
import { getCollection, getEntry, render } from 'astro:content';
import type { CollectionName, ContentEntry, ContentSet } from './lib/content-set.ts';
import { buildPortalModel, type Objective, type PortalModel } from './lib/portal-model.ts';
import type { PortalSettings } from './lib/schema/portal-settings.ts';
import { groupByPeriod } from './lib/period.ts';
import { routeUrl, type Route } from './lib/urls.ts';
import type { StoredEntry } from './loader/collection-loader.ts';
import { buildModelOnce, isAstroBuild, renderedBodies } from './loader/read-content.ts';
import { readBuildInputs } from './loader/build-inputs.ts';
import type { BuildInputs } from './lib/build-inputs.ts';
import { keyResultChanges, type KeyResultChange } from './lib/history.ts';
import { gitTopLevel, readRevisions } from './loader/git-history.ts';
import { relative, resolve, sep } from 'node:path';

export interface Portal extends PortalModel {
  inputs: BuildInputs;
  /** URL of a route under the base path. */
  url(route: Route): string;
  /** URL of a static asset or path under the base path. */
  asset(path: string): string;
  /** Absolute URL (with PORTAL_SITE) of a path under the base path, for embeds and feeds. */
  absolute(path: string): string;
  /** Key result changes read from git, by objective id, oldest first (empty without git). */
  history: Map<string, KeyResultChange[]>;
  /** "Edit this page" URL of a content file (path below the content root), with PORTAL_REPO_URL. */
  editUrl(path: string): string | undefined;
  /** Web URL of a commit, with PORTAL_REPO_URL. */
  commitUrl(commit: string): string | undefined;
  /** The objectives of a period, as the same array on every call (alignment trees are indexed by it). */
  objectivesOf(period: string): readonly Objective[];
}

let portalPromise: Promise<Portal> | undefined;

/**
 * The scored portal for this build, computed once.
 * @example const portal = await getPortal();
 */
export function getPortal(): Promise<Portal> {
  portalPromise ??= loadPortal();
  return portalPromise;
}

/**
 * `getStaticPaths` of pages with one page per period.
 * @example export const getStaticPaths = periodPaths;
 */
export async function periodPaths(): Promise<{ params: { period: string } }[]> {
  const portal = await getPortal();
  return portal.periods.map((period) => ({ params: { period } }));
}

async function loadPortal(): Promise<Portal> {
  const { inputs } = readBuildInputs();
  // A build scores the content once: the content check loaded exactly what the loaders stored
  // (validated, filtered by audience) in this process, and the badges and the search index
  // use that model too. Reading it back from the data store and scoring it again took 1.2 s
  // at 5,000 objectives. The dev server reads the collections, which follow edits.
  const model = isAstroBuild() ? buildModelOnce() : buildPortalModel(await contentFromCollections(), inputs.asOf);
  const contentRoot = resolve(inputs.contentDir);
  const repoRoot = inputs.repoUrl ? (gitTopLevel(contentRoot) ?? process.cwd()) : undefined;
  const byPeriod = groupByPeriod(model.objectives);
  const none: readonly Objective[] = [];
  return {
    objectivesOf: (period) => byPeriod.get(period) ?? none,
    history: inputs.history ? readHistory(contentRoot, model) : new Map(),
    editUrl: (path) =>
      inputs.repoUrl && repoRoot
        ? `${inputs.repoUrl}/edit/${inputs.repoBranch}/${relative(repoRoot, resolve(contentRoot, path)).split(sep).join('/')}`
        : undefined,
    commitUrl: (commit) => (inputs.repoUrl ? `${inputs.repoUrl}/commit/${commit}` : undefined),
    ...model,
    inputs,
    url: (route) => routeUrl(inputs.base, route),
    asset: (path) => `${inputs.base}${path.replace(/^\//, '')}`,
    absolute: (path) => `${inputs.site ?? 'http://localhost:4321'}${path.startsWith('/') ? path : `${inputs.base}${path}`}`,
  };
}

/** Key result changes of the visible objectives (hidden ones are left out here, where the model is already filtered). */
function readHistory(contentRoot: string, model: PortalModel): Map<string, KeyResultChange[]> {
  const revisions = readRevisions(contentRoot, resolve(contentRoot, 'objectives'), process.env.PORTAL_CACHE_DIR || 'node_modules/.astro');
  const history = new Map<string, KeyResultChange[]>();
  for (const objective of model.objectives) {
    const changes = keyResultChanges(revisions.get(objective.path) ?? []);
    if (changes.length > 0) history.set(objective.id, changes);
  }
  return history;
}

async function contentFromCollections(): Promise<ContentSet> {
  const [settingsEntries, teams, people, objectives, kpis, retrospectives] = await Promise.all([
    getCollection('portal'),
    entriesOf('teams'),
    entriesOf('people'),
    entriesOf('objectives'),
    entriesOf('kpis'),
    entriesOf('retrospectives'),
  ]);
  const settings = settingsEntries[0]?.data as PortalSettings;
  return { settings, teams, people, objectives, kpis, retrospectives } as ContentSet;
}

async function entriesOf(collection: CollectionName): Promise<ContentEntry<unknown>[]> {
  const entries = await getCollection(collection);
  return entries.map((entry) => ({ ...(entry.data as StoredEntry<unknown>), id: entry.id, body: entry.body ?? '' }));
}

/**
 * The rendered body of a retrospective, as Astro's Content component (MDX, or sanitized
 * Markdown); the other collections are Markdown only and use bodyHtml.
 * @example const Body = await renderBody('retrospectives', retro.id);
 */
export async function renderBody(collection: CollectionName, id: string): Promise<Awaited<ReturnType<typeof render>>['Content'] | undefined> {
  const entry = await getEntry(collection, id);
  if (!entry || (!entry.rendered && !entry.filePath?.endsWith('.mdx'))) return undefined;
  const { Content } = await render(entry);
  return Content;
}

/**
 * The sanitized HTML of a Markdown entry's body, rendered once by the content loader;
 * undefined without a body, or for MDX (which needs renderBody).
 * @example const body = await bodyHtml('objectives', objective.id);
 */
export async function bodyHtml(collection: CollectionName, id: string): Promise<string | undefined> {
  // In a build the loaders kept every body they rendered (or found in the cache) in memory.
  if (isAstroBuild()) return renderedBodies().get(`${collection}/${id}`) || undefined;
  const entry = await getEntry(collection, id);
  return entry?.rendered?.html || undefined;
}
