/**
 * What the search index knows about a page besides its text: its type, filters (facets),
 * metadata shown in results, and sort keys. Pages pass one record to the layout, which
 * renders it as Pagefind attributes.
 */
import type { Kpi, Objective, Person, PortalModel, Retrospective, Team } from './portal-model.ts';

export interface SearchRecord {
  /** Filters: facet name -> values. */
  filters: Record<string, string[]>;
  /** Metadata shown with a result. */
  meta: Record<string, string>;
  /** Sort keys: name -> sortable string. */
  sort: Record<string, string>;
}

/**
 * Search record of an objective page.
 * @example searchRecordOfObjective(objective, model).filters.type // ['objective']
 */
export function searchRecordOfObjective(objective: Objective, model: PortalModel): SearchRecord {
  const team = objective.team ? model.teamById.get(objective.team) : undefined;
  return { filters: { type: ['objective'], period: [objective.period], ...(team ? { team: [team.name] } : {}) }, meta: {}, sort: {} };
}

/**
 * Search record of a KPI page.
 * @example searchRecordOfKpi(kpi, model).filters.type // ['KPI']
 */
export function searchRecordOfKpi(kpi: Kpi, model: PortalModel): SearchRecord {
  const team = kpi.team ? model.teamById.get(kpi.team) : undefined;
  return { filters: { type: ['KPI'], ...(team ? { team: [team.name] } : {}) }, meta: {}, sort: {} };
}

/**
 * Search record of a team page.
 * @example searchRecordOfTeam(team, model).filters.type // ['team']
 */
export function searchRecordOfTeam(team: Team, _model: PortalModel): SearchRecord {
  return { filters: { type: ['team'], team: [team.name] }, meta: {}, sort: {} };
}

/**
 * Search record of a person page.
 * @example searchRecordOfPerson(person, model).filters.type // ['person']
 */
export function searchRecordOfPerson(person: Person, model: PortalModel): SearchRecord {
  const team = person.team ? model.teamById.get(person.team) : undefined;
  return { filters: { type: ['person'], ...(team ? { team: [team.name] } : {}) }, meta: {}, sort: {} };
}

/**
 * Search record of a retrospective page.
 * @example searchRecordOfRetrospective(retro, model).filters.type // ['retrospective']
 */
export function searchRecordOfRetrospective(retro: Retrospective, model: PortalModel): SearchRecord {
  const team = retro.team ? model.teamById.get(retro.team) : undefined;
  return { filters: { type: ['retrospective'], period: [retro.period], ...(team ? { team: [team.name] } : {}) }, meta: {}, sort: {} };
}
