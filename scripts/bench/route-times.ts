/**
 * The render time of each page of a build, read from the line Astro prints for it
 * (`├─ /objectives/x/index.html (+12ms)`), summed by route: what the shard plan's page costs
 * (src/lib/model/site-pages.ts) are estimates of. Pages without parameters count as one
 * route, `whole-site`, as the plan charges them to the first shard together.
 */
import { stripVTControlCharacters } from 'node:util';

/** Astro's line for a rendered page: its output file and its time, in ms or s. */
const PAGE_LINE = /├─ (\/\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g;

/** Output files of the routes with parameters (by their name in site-pages.ts), first match wins. */
const ROUTE_FILES: [string, RegExp][] = [
  ['snapshot', /^\/periods\/[^/]+\/as-of\//],
  ['period-changes', /^\/periods\/[^/]+\/changes\//],
  ['period-report', /^\/periods\/[^/]+\/report\//],
  ['period', /^\/periods\/[^/]+\/index\.html$/],
  ['snapshot-export', /^\/api\/v1\/as-of\//],
  ['export', /^\/api\/v1\/[^/]+\.json$/],
  ['alignment', /^\/alignment\/[^/]+\/index\.html$/],
  ['alignment-team', /^\/alignment\//],
  ['kpi-category', /^\/kpi-categories\//],
  ['kpi-team', /^\/kpi-teams\//],
  ['branding', /^\/branding\//],
  ...(['objectives', 'kpis', 'teams', 'people', 'retrospectives'] as const).map((route): [string, RegExp] => [route === 'retrospectives' ? 'retrospective' : route, new RegExp(`^/${route}/(?!index\\.html$)`)]),
];

/** Pages and milliseconds of one route. */
export interface RouteTime {
  pages: number;
  ms: number;
}

/**
 * Render times by route, in the order the routes first appear.
 * @example routeTimes('  ├─ /objectives/a/index.html (+12ms)\n  ├─ /index.html (+1.50s)')
 * // Map { 'objectives' => { pages: 1, ms: 12 }, 'whole-site' => { pages: 1, ms: 1500 } }
 */
export function routeTimes(output: string): Map<string, RouteTime> {
  const times = new Map<string, RouteTime>();
  // With CI set, as the benchmark runs builds, Astro colours its lines.
  for (const [, file, amount, unit] of stripVTControlCharacters(output).matchAll(PAGE_LINE)) {
    const route = ROUTE_FILES.find(([, pattern]) => pattern.test(file!))?.[0] ?? 'whole-site';
    const time = times.get(route) ?? { pages: 0, ms: 0 };
    time.pages += 1;
    time.ms += Number(amount) * (unit === 's' ? 1000 : 1);
    times.set(route, time);
  }
  return times;
}

/**
 * The times as lines of a table: route, pages, seconds, ms per page, share of all rendering.
 * @example formatRouteTimes(routeTimes(output))
 */
export function formatRouteTimes(times: ReadonlyMap<string, RouteTime>): string[] {
  const total = [...times.values()].reduce((sum, time) => sum + time.ms, 0);
  const rows = [...times].sort(([, a], [, b]) => b.ms - a.ms);
  return [
    '| route | pages | render time | per page | share |',
    '|---|---|---|---|---|',
    ...rows.map(([route, { pages, ms }]) => `| ${route} | ${pages} | ${(ms / 1000).toFixed(1)} s | ${(ms / pages).toFixed(1)} ms | ${Math.round((ms / total) * 100)}% |`),
  ];
}
