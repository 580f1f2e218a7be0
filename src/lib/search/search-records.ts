/**
 * What the search index knows about a page besides its text: its type, filters (facets),
 * metadata shown in results, and sort keys. Pages pass one record to the layout, which
 * renders it as Pagefind attributes (SearchMeta). Filter values are the names people read,
 * in the portal's language ("Customer Success", "Q4 2026", "At risk", "Im Plan"), never ids;
 * they also appear in shared URLs. Numbers in the metadata are formatted in the locale.
 */
import { periodLabel } from '../calendar/period.ts';
import type { I18n } from '../i18n/index.ts';
import type { Kpi, Objective, Person, PortalModel, Retrospective, Team } from '../model/portal-model.ts';
import type { FacetValueOrder, SearchFilterName } from './search-query.ts';

/** The search types, in the order the type facet lists them. */
const TYPES = ['objective', 'kpi', 'team', 'person', 'retrospective'] as const;
const STATUSES = ['on-track', 'at-risk', 'off-track', 'done', 'cancelled', 'healthy', 'warning', 'critical', 'untracked', 'no-data'] as const;
const GRADES = ['green', 'yellow', 'red'] as const;
const KINDS = ['committed', 'aspirational'] as const;

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
 * The natural order of the type, status, grade and kind facets, in the values the records
 * use: the search island sorts the facets' values by it.
 * @example facetValueOrder(i18nFor('de')).type // ['Ziel', 'KPI', 'Team', 'Person', 'Retrospektive']
 */
export function facetValueOrder(i18n: I18n): FacetValueOrder {
  return {
    type: TYPES.map((type) => typeLabel(type, i18n)),
    status: [...STATUSES.map((status) => i18n.label('status', status)), i18n.t('needsUpdate.title')],
    grade: GRADES.map((grade) => gradeLabel(grade, i18n)),
    kind: KINDS.map((kind) => i18n.label('kind', kind)),
  };
}

function typeLabel(type: (typeof TYPES)[number], { t }: I18n): string {
  return t(`search.type.${type}`);
}

/** A grade as a facet value: capitalized (the catalog writes grades for sentences, "grade green"). */
function gradeLabel(grade: string, i18n: I18n): string {
  const label = i18n.label('grade', grade);
  return label.charAt(0).toLocaleUpperCase(i18n.lang) + label.slice(1);
}

/**
 * Search record of an objective page. Its team is its own team, else its owner's team;
 * contributing teams are filterable too. The owner filter lists the objective's owner and
 * the owners of its key results.
 * @example searchRecordOfObjective(objective, model, i18nFor('en')).filters.type // ['Objective']
 */
export function searchRecordOfObjective(objective: Objective, model: Lookup, i18n: I18n): SearchRecord {
  const ownerPerson = objective.owner ? model.personById.get(objective.owner) : undefined;
  const team = teamOf(objective.team ?? ownerPerson?.team, model);
  const contributors = objective.contributors.map((id) => model.teamById.get(id)).filter((t): t is Team => t !== undefined);
  const owners = [objective.owner, ...objective.keyResults.map((kr) => kr.owner)].map((id) => (id ? model.personById.get(id)?.name : undefined));
  const status = i18n.label('status', objective.status);
  return {
    filters: {
      type: [typeLabel('objective', i18n)],
      period: [periodLabel(objective.period)],
      ...teamFilters([team, ...contributors], model),
      ...listFilter('owner', owners),
      // A stale objective keeps its status and is also found under "Needs an update" (contract v1.1).
      status: objective.stale ? [status, i18n.t('needsUpdate.title')] : [status],
      grade: [gradeLabel(objective.grade, i18n)],
      kind: [i18n.label('kind', objective.kind)],
    },
    meta: compact({
      type: typeLabel('objective', i18n),
      team: team?.name,
      period: periodLabel(objective.period),
      progress: i18n.format.percent(objective.progress),
      score: i18n.format.score(objective.score),
      status,
    }),
    sort: { score: objective.score.toFixed(4) },
  };
}

/**
 * Search record of a KPI page.
 * @example searchRecordOfKpi(kpi, model, i18n).filters.category // ['Customer']
 */
export function searchRecordOfKpi(kpi: Kpi, model: Lookup, i18n: I18n): SearchRecord {
  const team = teamOf(kpi.team, model);
  const owner = kpi.owner ? model.personById.get(kpi.owner)?.name : undefined;
  return {
    filters: {
      type: [typeLabel('kpi', i18n)],
      ...teamFilters([team], model),
      ...listFilter('owner', [owner]),
      status: [i18n.label('status', kpi.status)],
      category: [i18n.label('category', kpi.category)],
    },
    meta: compact({
      type: typeLabel('kpi', i18n),
      team: team?.name,
      status: i18n.label('status', kpi.status),
      latest: kpi.latest ? i18n.format.value(kpi.latest.value, kpi.unit) : undefined,
    }),
    sort: {},
  };
}

/**
 * Search record of a team page; its team filter is the team itself.
 * @example searchRecordOfTeam(team, model, i18n).filters.team // ['Support']
 */
export function searchRecordOfTeam(team: Team, model: Lookup, i18n: I18n): SearchRecord {
  const parent = teamOf(team.parent, model);
  const lead = team.lead ? model.personById.get(team.lead)?.name : undefined;
  return {
    filters: { type: [typeLabel('team', i18n)], ...teamFilters([team], model) },
    meta: compact({ type: typeLabel('team', i18n), parent: parent?.name, lead }),
    sort: {},
  };
}

/**
 * Search record of a person page.
 * @example searchRecordOfPerson(person, model, i18n).meta.role // 'Head of Support'
 */
export function searchRecordOfPerson(person: Person, model: Lookup, i18n: I18n): SearchRecord {
  const team = teamOf(person.team, model);
  return {
    filters: { type: [typeLabel('person', i18n)], ...teamFilters([team], model) },
    meta: compact({ type: typeLabel('person', i18n), team: team?.name, role: person.role }),
    sort: {},
  };
}

/**
 * Search record of a retrospective page; a retrospective without a team is company-wide.
 * @example searchRecordOfRetrospective(retro, model, i18n).filters.period // ['Q3 2026']
 */
export function searchRecordOfRetrospective(retro: Retrospective, model: Lookup, i18n: I18n): SearchRecord {
  const team = teamOf(retro.team, model);
  return {
    filters: { type: [typeLabel('retrospective', i18n)], period: [periodLabel(retro.period)], ...teamFilters([team], model) },
    meta: compact({ type: typeLabel('retrospective', i18n), team: team?.name ?? i18n.t('retros.companyWide'), period: periodLabel(retro.period) }),
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
