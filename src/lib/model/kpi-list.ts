/**
 * The KPI list and its filters without JavaScript: KPIs grouped by category, and one static
 * page per category and per team (`kpi-categories/<category>/`, `kpi-teams/<team-id>/`: outside /kpis/, where any path can be a KPI id).
 */
import { KPI_CATEGORIES, type KpiCategory } from '../content/schema/kpi.ts';

/** A filter of the KPI list; each one is a static page. */
export type KpiFilter = { kind: 'all' } | { kind: 'category'; category: KpiCategory } | { kind: 'team'; team: string };

/**
 * KPIs grouped by category in the schema's order, empty groups left out.
 * @example groupKpisByCategory([{ id: 'nps', category: 'customer' }]) // [{ category: 'customer', kpis: [...] }]
 */
export function groupKpisByCategory<T extends { category: KpiCategory }>(kpis: readonly T[]): { category: KpiCategory; kpis: T[] }[] {
  return KPI_CATEGORIES.map((category) => ({ category, kpis: kpis.filter((kpi) => kpi.category === category) })).filter((group) => group.kpis.length > 0);
}

/**
 * The filter choices with their counts: categories in schema order, teams by name; only
 * those that have KPIs.
 * @example kpiFilterOptions(kpis, teams).teams // [{ id: 'support', name: 'Support', count: 2 }]
 */
export function kpiFilterOptions(
  kpis: readonly { category: KpiCategory; team?: string | undefined }[],
  teams: readonly { id: string; name: string }[],
): { categories: { category: KpiCategory; count: number }[]; teams: { id: string; name: string; count: number }[] } {
  return {
    categories: groupKpisByCategory(kpis).map((group) => ({ category: group.category, count: group.kpis.length })),
    teams: teams
      .map((team) => ({ id: team.id, name: team.name, count: kpis.filter((kpi) => kpi.team === team.id).length }))
      .filter((team) => team.count > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'en')),
  };
}

/**
 * The KPIs a filter keeps.
 * @example applyKpiFilter(kpis, { kind: 'team', team: 'support' })
 */
export function applyKpiFilter<T extends { category: KpiCategory; team?: string | undefined }>(kpis: readonly T[], filter: KpiFilter): T[] {
  if (filter.kind === 'category') return kpis.filter((kpi) => kpi.category === filter.category);
  if (filter.kind === 'team') return kpis.filter((kpi) => kpi.team === filter.team);
  return [...kpis];
}

/**
 * Path of a filter page below the base path, with a trailing slash.
 * @example kpiFilterPath({ kind: 'category', category: 'customer' }) // 'kpi-categories/customer/'
 */
export function kpiFilterPath(filter: KpiFilter): string {
  if (filter.kind === 'category') return `kpi-categories/${filter.category}/`;
  if (filter.kind === 'team') return `kpi-teams/${filter.team}/`;
  return 'kpis/';
}
