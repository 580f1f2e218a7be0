/**
 * The shard plan of this build, for the pages (through src/portal.ts) and the integrations
 * that write what belongs to an entity (badges, embeds, KPI CSVs, search documents): both
 * ask here, so that a shard writes the files and documents of exactly the entities whose
 * pages it renders. Every shard computes the same plan from the whole content.
 */
import type { Shard } from '../lib/content/build-inputs.ts';
import type { CollectionName } from '../lib/content/content-set.ts';
import { logoPath, themePath } from '../lib/render/branding.ts';
import type { PortalModel } from '../lib/model/portal-model.ts';
import { pageKey, sitePages, wholeSiteCost, type RouteName, type SitePage } from '../lib/model/site-pages.ts';
import { planShards, rendersPage, type ShardPlan } from '../lib/model/shard-plan.ts';
import { readBuildInputs } from './build-inputs.ts';
import { buildModelOnce } from './content-source.ts';
import { snapshotDates } from '../lib/calendar/snapshot-dates.ts';

/** The pages with parameters of a build, by route, and which of them this build renders. */
export interface SitePlan {
  byRoute: ReadonlyMap<RouteName, readonly SitePage[]>;
  plan: ShardPlan;
  shard: Shard | undefined;
  /**
   * Whether this build renders the page of an entry, and so writes what belongs to it: its
   * derived files (src/integrations/static-files.ts) and its search document.
   */
  rendersEntry(collection: CollectionName, id: string): boolean;
  /**
   * Whether this build renders the pages that need a period's whole snapshot timeline (its
   * overview, snapshot pages and exports: one plan group, site-pages.ts `timelineGroup`);
   * a shard that does not scores only the weeks of the objectives whose pages it renders.
   */
  rendersTimeline(period: string): boolean;
}

/** The route of each collection's entry pages. */
const ENTRY_ROUTES = { objectives: 'objectives', kpis: 'kpis', teams: 'teams', people: 'people', retrospectives: 'retrospective' } as const satisfies Record<CollectionName, RouteName>;

const plans = new WeakMap<PortalModel, SitePlan>();

/**
 * The plan of the current model and build inputs, made once per model (per module instance:
 * the config's and the prerender bundle's each make it, from the same model, alike).
 * @example sitePlanOnce().rendersEntry('objectives', '2026-q3/growth')
 */
export function sitePlanOnce(): SitePlan {
  const model = buildModelOnce();
  let found = plans.get(model);
  if (!found) {
    const { inputs } = readBuildInputs();
    const branding = [logoPath(model.settings.branding), themePath(model.settings.branding)].flatMap((path) => (path ? [path.slice('branding/'.length)] : []));
    // The dates alone, from the calendar: the timeline (every objective scored on each date)
    // is computed only by the build that renders the pages that need it.
    const pages = sitePages(model, { snapshotDates: (period) => (inputs.snapshots ? snapshotDates(period, model.asOf) : []), brandingFiles: branding });
    const { shard } = inputs;
    // The pages without parameters are all rendered by the first shard (src/integrations/shard-output.ts): it starts with their cost.
    const plan: ShardPlan = shard ? planShards(pages, shard.count, { firstShardCost: wholeSiteCost(model) }) : new Map();
    found = {
      byRoute: Map.groupBy(pages, (page) => page.route),
      plan,
      shard,
      rendersEntry: (collection, id) => rendersPage(shard, plan, pageKey(ENTRY_ROUTES[collection], { id })),
      rendersTimeline: (period) => rendersPage(shard, plan, pageKey('period', { period })),
    };
    plans.set(model, found);
  }
  return found;
}
