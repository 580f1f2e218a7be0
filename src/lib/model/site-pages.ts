/**
 * Every page of the routes with parameters, with an estimate of what rendering it costs:
 * the one list that the shard plan (shard-plan.ts) divides and that src/portal.ts turns into
 * each route's `getStaticPaths`. The pages without parameters (home, lists, search, feeds)
 * are not here: the first shard renders them all (src/integrations/shard-output.ts), and
 * `wholeSiteCost` is what they cost it.
 */
import { groupByPeriod, periodPhase } from '../calendar/period.ts';
import { kpiFilterOptions } from './kpi-list.ts';
import type { PortalModel } from './portal-model.ts';
import { chronological } from './report.ts';
import type { PlannedPage } from './shard-plan.ts';

/** The routes with parameters, by their page file below src/pages/. */
export type RouteName =
  | 'objectives' // objectives/[...id]
  | 'kpis' // kpis/[...id]
  | 'teams' // teams/[...id]
  | 'people' // people/[...id]
  | 'period' // periods/[period]/index
  | 'period-changes' // periods/[period]/changes
  | 'period-report' // periods/[period]/report
  | 'snapshot' // periods/[period]/as-of/[date]
  | 'snapshot-export' // api/v1/as-of/[date]/objectives.json
  | 'alignment' // alignment/[period]/index
  | 'alignment-team' // alignment/[period]/[...team]
  | 'kpi-category' // kpi-categories/[category]
  | 'kpi-team' // kpi-teams/[...team]
  | 'retrospective' // retrospectives/[...id]
  | 'export' // api/v1/[file].json
  | 'branding'; // branding/[file]

/** A page of a route with parameters. */
export interface SitePage<R extends RouteName = RouteName> extends PlannedPage {
  route: R;
  params: Record<string, string>;
}

/** The JSON exports of /api/v1/ (src/pages/api/v1/[file].json.ts). */
export const EXPORT_FILES = ['objectives', 'kpis', 'teams', 'people'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

/** What the model does not hold: the snapshot dates of a period, and the branding files. */
export interface SitePageSources {
  snapshotDates(period: string): readonly string[];
  /** File names below /branding/. */
  brandingFiles: readonly string[];
}

/**
 * Every page of the routes with parameters, in the order each route's `getStaticPaths`
 * returns them, with its cost in units of about 2.2 ms of rendering. The costs are fitted to
 * measured render times (`npm run bench -- --shards 4` prints them by route, from the time
 * Astro logs for each page): at 2,000 objectives (4 periods of about 500, 50 snapshot dates,
 * 50 teams, 100 KPIs; 2026-12-04, loaded machine) an objective page took 7.7 ms, a snapshot
 * page 172 ms, a snapshot export 142 ms, a period report 487 ms, a period overview 90 ms, an
 * alignment page 59 ms and one of a team 11.7 ms, a KPI page 7.8 ms, a KPI list of a team
 * 22 ms and of a category 14 ms, a team page 8.5 ms, a person 2.4 ms, an export 76 ms. The
 * lists grow with what they list, so each cost is a fixed part and a share per objective or
 * KPI listed. Only their proportions matter.
 * @example sitePages(model, { snapshotDates: () => [], brandingFiles: [] }).filter((page) => page.route === 'objectives')
 */
export function sitePages(model: PortalModel, sources: SitePageSources): SitePage[] {
  const pages: SitePage[] = [];
  const add = (route: RouteName, params: Record<string, string>, cost: number, group?: string): void => {
    pages.push({ route, params, cost, key: pageKey(route, params), ...(group === undefined ? {} : { group }) });
  };
  const owned = countBy(model.objectives.map((objective) => objective.owner));
  const teamObjectives = countBy(model.objectives.map((objective) => objective.team));
  // The shard of an objective's or a KPI's page also writes its badges, embed, CSV and search
  // document (src/loader/site-plan.ts): DERIVED_COST of them is in the page's cost.
  for (const objective of model.objectives) add('objectives', { id: objective.id }, 2 + objective.keyResults.length / 2 + DERIVED_COST.objective);
  for (const kpi of model.kpis) add('kpis', { id: kpi.id }, 3 + kpi.data.length / 20 + DERIVED_COST.kpi);
  for (const team of model.teams) add('teams', { id: team.id }, 2 + (teamObjectives.get(team.id) ?? 0) / 20);
  for (const person of model.people) add('people', { id: person.id }, 1 + (owned.get(person.id) ?? 0) / 4);
  const byPeriod = groupByPeriod(model.objectives);
  for (const period of model.periods) {
    const objectives = byPeriod.get(period) ?? [];
    const size = objectives.length;
    // The overview and the snapshots of a period need its whole timeline (every objective
    // scored on every snapshot date: the week's movers, the snapshots' page keys), the
    // costliest computation of a build besides rendering: one shard renders them all and
    // computes it; the others score only their own objectives' weeks (src/portal.ts).
    const timeline = timelineGroup(period);
    add('period', { period }, 8 + size / 15, timeline);
    add('period-changes', { period }, 1 + size / 100);
    if (periodPhase(period, model.asOf) === 'closed') add('period-report', { period }, 8 + size / 2.3);
    add('alignment', { period }, 8 + size / 25);
    // An alignment page of a team shows the objectives of its subtree.
    const subtree = countBy(objectives.flatMap((objective) => (objective.team ? [objective.team, ...(model.teamById.get(objective.team)?.ancestors ?? [])] : [])));
    for (const team of model.teams) add('alignment-team', { period, team: team.id }, 1 + (subtree.get(team.id) ?? 0) / 7);
    for (const date of sources.snapshotDates(period)) {
      add('snapshot', { period, date }, 8 + size / 7, timeline);
      add('snapshot-export', { date }, 1 + size / 8, timeline);
    }
  }
  const filters = kpiFilterOptions(model.kpis, model.teams);
  for (const { category, count } of filters.categories) add('kpi-category', { category }, 1 + count / 3);
  for (const { id, count } of filters.teams) add('kpi-team', { team: id }, 3 + 3 * count);
  for (const retro of chronological(model.retrospectives)) add('retrospective', { id: retro.id }, 3);
  for (const file of EXPORT_FILES) add('export', { file }, 1 + (file === 'objectives' ? model.objectives.length / 30 : (model.kpis.length + model.teams.length) / 8));
  for (const file of sources.brandingFiles) add('branding', { file }, 1);
  return pages;
}

/**
 * What an entity's derived files and search document cost besides its page: an objective's
 * badges and document, a KPI's badge, chart embed, CSV and document. Small, since a worker
 * thread writes the files while the pages render (src/integrations/static-files.ts); an
 * estimate, not measured one by one.
 */
const DERIVED_COST = { objective: 0.3, kpi: 1 };

/**
 * What the pages without parameters cost the shard that renders them, in the units of
 * `sitePages`: a dozen small pages (lists, search, TV, 404, robots.txt), the home page and the
 * feeds, which list the current period, and the CSV exports, which hold every objective. The
 * 14 of them took 0.8 s together at 2,000 objectives (500 in the current period), the
 * measurement of `sitePages`.
 * @example wholeSiteCost(model) // 12 + current period / 4 + objectives / 10
 */
export function wholeSiteCost(model: PortalModel): number {
  const current = model.objectives.filter((objective) => objective.period === model.currentPeriod).length;
  return 12 + current / 4 + model.objectives.length / 10 + model.kpis.length / 8 + model.people.length / 16;
}

/**
 * The plan group of the pages that need a period's whole snapshot timeline: its overview,
 * its snapshot pages and their exports.
 * @example timelineGroup('2026-Q3') // 'timeline:2026-Q3'
 */
export function timelineGroup(period: string): string {
  return `timeline:${period}`;
}

/**
 * The key of a page in the shard plan: its route and parameters.
 * @example pageKey('alignment-team', { period: '2026-Q3', team: 'growth' }) // 'alignment-team:2026-Q3/growth'
 */
export function pageKey(route: RouteName, params: Record<string, string>): string {
  return `${route}:${Object.values(params).join('/')}`;
}

function countBy(values: readonly (string | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
