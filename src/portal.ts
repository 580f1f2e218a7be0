/**
 * The one adapter between Astro and the domain library: reads the collections (already
 * validated and filtered by audience in src/loader), scores them once per build, and hands
 * pages plain data. Pages never call getCollection themselves.
 */
import { getCollection, getEntry, render } from 'astro:content';
import type { CollectionName, ContentEntry, ContentSet } from './lib/content-set.ts';
import { buildPortalModel, type PortalModel } from './lib/portal-model.ts';
import type { PortalSettings } from './lib/schema/portal-settings.ts';
import { routeUrl, type Route } from './lib/urls.ts';
import type { StoredEntry } from './loader/collection-loader.ts';
import { readBuildInputs } from './loader/build-inputs.ts';
import type { BuildInputs } from './lib/build-inputs.ts';

export interface Portal extends PortalModel {
  inputs: BuildInputs;
  /** URL of a route under the base path. */
  url(route: Route): string;
  /** URL of a static asset or path under the base path. */
  asset(path: string): string;
  /** Absolute URL (with PORTAL_SITE) of a path under the base path, for embeds and feeds. */
  absolute(path: string): string;
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

async function loadPortal(): Promise<Portal> {
  const { inputs } = readBuildInputs();
  const [settingsEntries, teams, people, objectives, kpis, retrospectives] = await Promise.all([
    getCollection('portal'),
    entriesOf('teams'),
    entriesOf('people'),
    entriesOf('objectives'),
    entriesOf('kpis'),
    entriesOf('retrospectives'),
  ]);
  const settings = settingsEntries[0]?.data as PortalSettings;
  const content = { settings, teams, people, objectives, kpis, retrospectives } as ContentSet;
  const model = buildPortalModel(content, inputs.asOf);
  return {
    ...model,
    inputs,
    url: (route) => routeUrl(inputs.base, route),
    asset: (path) => `${inputs.base}${path.replace(/^\//, '')}`,
    absolute: (path) => `${inputs.site ?? 'http://localhost:4321'}${path.startsWith('/') ? path : `${inputs.base}${path}`}`,
  };
}

async function entriesOf(collection: CollectionName): Promise<ContentEntry<unknown>[]> {
  const entries = await getCollection(collection);
  return entries.map((entry) => ({ ...(entry.data as StoredEntry<unknown>), id: entry.id, body: entry.body ?? '' }));
}

/**
 * The rendered body of an entry, as Astro's Content component (sanitized Markdown, or MDX).
 * @example const Body = await renderBody('objectives', objective.id);
 */
export async function renderBody(collection: CollectionName, id: string): Promise<Awaited<ReturnType<typeof render>>['Content'] | undefined> {
  const entry = await getEntry(collection, id);
  if (!entry || (!entry.rendered && !entry.filePath?.endsWith('.mdx'))) return undefined;
  const { Content } = await render(entry);
  return Content;
}
