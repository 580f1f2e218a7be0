/**
 * What the search index knows about a page besides its text: its type, filters (facets),
 * metadata shown in results, and sort keys. Pages pass one record to the layout, which
 * renders it as Pagefind attributes (SearchMeta). Filter values are the names people read
 * ("Customer Success", "Q4 2026", "At risk"), never ids; they also appear in shared URLs.
 */
import { formatPercent, formatScore, formatValue, labelOf } from '../render/format.ts';
import { periodLabel } from '../calendar/period.ts';
import type { Kpi, Objective, Person, PortalModel, Retrospective, Team } from '../model/portal-model.ts';
import type { SearchFilterName } from './search-query.ts';

export interface SearchRecord {
  /** Filters: facet name -> values. */
  filters: Partial<Record<SearchFilterName, string[]>>;
  /** Metadata shown with a result: type, team, period, progress, score, status, latest (KPI), role (person), parent and lead (team). */
  meta: Record<string, string>;
  /** Sort keys: name -> number as text (Pagefind sorts numbers numerically). */
  sort: Record<string, string>;
}

type Lookup = Pick<PortalModel, 'teamById' | 'personById'>;

/**
 * Search record of an objective page. Its team is its own team, else its owner's team;
 * contributing teams are filterable too. The owner filter lists the objective's owner and
 * the owners of its key results.
 * @example searchRecordOfObjective(objective, model).filters.type // ['Objective']
 */
export function searchRecordOfObjective(objective: Objective, model: Lookup): SearchRecord {
  const ownerPerson = objective.owner ? model.personById.get(objective.owner) : undefined;
  const team = teamOf(objective.team ?? ownerPerson?.team, model);
  const contributors = objective.contributors.map((id) => model.teamById.get(id)).filter((t): t is Team => t !== undefined);
  const owners = [objective.owner, ...objective.keyResults.map((kr) => kr.owner)].map((id) => (id ? model.personById.get(id)?.name : undefined));
  return {
    filters: {
      type: ['Objective'],
      period: [periodLabel(objective.period)],
      ...teamFilters([team, ...contributors], model),
      ...listFilter('owner', owners),
      // A stale objective keeps its status and is also found under "Needs an update" (contract v1.1).
      status: objective.stale ? [labelOf(objective.status), 'Needs an update'] : [labelOf(objective.status)],
      grade: [labelOf(objective.grade)],
      kind: [labelOf(objective.kind)],
    },
    meta: compact({
      type: 'Objective',
      team: team?.name,
      period: periodLabel(objective.period),
      progress: formatPercent(objective.progress),
      score: formatScore(objective.score),
      status: labelOf(objective.status),
    }),
    sort: { score: objective.score.toFixed(4) },
  };
}

/**
 * Search record of a KPI page.
 * @example searchRecordOfKpi(kpi, model).filters.category // ['Customer']
 */
export function searchRecordOfKpi(kpi: Kpi, model: Lookup): SearchRecord {
  const team = teamOf(kpi.team, model);
  const owner = kpi.owner ? model.personById.get(kpi.owner)?.name : undefined;
  return {
    filters: {
      type: ['KPI'],
      ...teamFilters([team], model),
      ...listFilter('owner', [owner]),
      status: [labelOf(kpi.status)],
      category: [labelOf(kpi.category)],
    },
    meta: compact({
      type: 'KPI',
      team: team?.name,
      status: labelOf(kpi.status),
      latest: kpi.latest ? formatValue(kpi.latest.value, kpi.unit) : undefined,
    }),
    sort: {},
  };
}

/**
 * Search record of a team page; its team filter is the team itself.
 * @example searchRecordOfTeam(team, model).filters.team // ['Support']
 */
export function searchRecordOfTeam(team: Team, model: Lookup): SearchRecord {
  const parent = teamOf(team.parent, model);
  const lead = team.lead ? model.personById.get(team.lead)?.name : undefined;
  return {
    filters: { type: ['Team'], ...teamFilters([team], model) },
    meta: compact({ type: 'Team', parent: parent?.name, lead }),
    sort: {},
  };
}

/**
 * Search record of a person page.
 * @example searchRecordOfPerson(person, model).meta.role // 'Head of Support'
 */
export function searchRecordOfPerson(person: Person, model: Lookup): SearchRecord {
  const team = teamOf(person.team, model);
  return {
    filters: { type: ['Person'], ...teamFilters([team], model) },
    meta: compact({ type: 'Person', team: team?.name, role: person.role }),
    sort: {},
  };
}

/**
 * Search record of a retrospective page; a retrospective without a team is company-wide.
 * @example searchRecordOfRetrospective(retro, model).filters.period // ['Q3 2026']
 */
export function searchRecordOfRetrospective(retro: Retrospective, model: Lookup): SearchRecord {
  const team = teamOf(retro.team, model);
  return {
    filters: { type: ['Retrospective'], period: [periodLabel(retro.period)], ...teamFilters([team], model) },
    meta: compact({ type: 'Retrospective', team: team?.name ?? 'Company-wide', period: periodLabel(retro.period) }),
    sort: {},
  };
}

/**
 * The department of a team: its top-level unit below the company root (the team itself when
 * it sits right below the root); undefined for the root.
 * @example departmentOf(support, model)?.name // 'Customer Success'
 */
export function departmentOf(team: Team, model: Pick<PortalModel, 'teamById'>): Team | undefined {
  if (team.ancestors.length === 0) return undefined;
  const id = team.ancestors.length === 1 ? team.id : team.ancestors[1];
  return id === undefined ? undefined : model.teamById.get(id);
}

function teamOf(id: string | undefined, model: Lookup): Team | undefined {
  return id ? model.teamById.get(id) : undefined;
}

function teamFilters(teams: readonly (Team | undefined)[], model: Lookup): Pick<SearchRecord['filters'], 'team' | 'department'> {
  const present = teams.filter((team): team is Team => team !== undefined);
  return {
    ...listFilter('team', present.map((team) => team.name)),
    ...listFilter('department', present.map((team) => departmentOf(team, model)?.name)),
  };
}

function listFilter<K extends SearchFilterName>(name: K, values: readonly (string | undefined)[]): Partial<Record<K, string[]>> {
  const unique = [...new Set(values.filter((value): value is string => Boolean(value)))];
  return unique.length > 0 ? ({ [name]: unique } as Partial<Record<K, string[]>>) : {};
}

function compact(meta: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(meta).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}
