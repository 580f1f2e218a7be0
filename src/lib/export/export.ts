/**
 * The open-data export under /api/v1/, field for field as the content contract defines it.
 * Numbers are unrounded; missing values are null so every record has the same keys.
 */
import type { PortalModel } from '../model/portal-model.ts';
import { routeUrl } from '../render/urls.ts';

/**
 * `objectives.json` records.
 * @example exportObjectives(model, '/okrs/')[0].url // '/okrs/objectives/2026-q3/company/'
 */
export function exportObjectives(model: PortalModel, base: string): object[] {
  return model.objectives.map((objective) => ({
    id: objective.id,
    title: objective.title,
    period: objective.period,
    team: objective.team ?? null,
    owner: objective.owner ?? null,
    parent: objective.parent ?? null,
    kind: objective.kind,
    visibility: objective.visibility,
    progress: objective.progress,
    score: objective.score,
    grade: objective.grade,
    status: objective.status,
    stale: objective.stale,
    forecast: objective.forecast ?? null,
    parent_key_result: objective.parent_key_result ?? null,
    url: routeUrl(base, { kind: 'objective', id: objective.id }),
    key_results: objective.keyResults.map((kr) => ({
      id: kr.id,
      title: kr.title,
      type: kr.type,
      start: kr.start ?? null,
      target: kr.target ?? null,
      current: kr.current ?? null,
      unit: kr.unit ?? null,
      weight: kr.weight,
      kpi: kr.kpi ?? null,
      progress: kr.progress,
      score: kr.score,
      stale: kr.stale,
      last_update: kr.lastUpdate ?? null,
      forecast: kr.forecast ?? null,
      min: kr.min ?? null,
      max: kr.max ?? null,
      projected: kr.projected ?? null,
    })),
  }));
}

/**
 * `kpis.json` records.
 * @example exportKpis(model, '/')[0].latest // { date: '2026-11-01', value: 1.9 }
 */
export function exportKpis(model: PortalModel, base: string): object[] {
  return model.kpis.map((kpi) => ({
    id: kpi.id,
    title: kpi.title,
    team: kpi.team ?? null,
    owner: kpi.owner ?? null,
    category: kpi.category,
    unit: kpi.unit ?? null,
    direction: kpi.direction,
    target: kpi.target ?? null,
    threshold: kpi.threshold ?? null,
    status: kpi.status,
    latest: kpi.latest ? { date: kpi.latest.date, value: kpi.latest.value } : null,
    url: routeUrl(base, { kind: 'kpi', id: kpi.id }),
    data: kpi.data.map((point) => ({ date: point.date, value: point.value })),
  }));
}

/**
 * `teams.json` records.
 * @example exportTeams(model, '/')[0] // { id: 'acme', name: 'Acme Corp', parent: null, lead: 'maria-lopez', url: '/teams/acme/' }
 */
export function exportTeams(model: PortalModel, base: string): object[] {
  return model.teams.map((team) => ({
    id: team.id,
    name: team.name,
    parent: team.parent ?? null,
    lead: team.lead ?? null,
    url: routeUrl(base, { kind: 'team', id: team.id }),
  }));
}

/**
 * Extension: `people.json` records.
 * @example exportPeople(model, '/')[0].name
 */
export function exportPeople(model: PortalModel, base: string): object[] {
  return model.people.map((person) => ({
    id: person.id,
    name: person.name,
    team: person.team ?? null,
    role: person.role ?? null,
    url: routeUrl(base, { kind: 'person', id: person.id }),
  }));
}
