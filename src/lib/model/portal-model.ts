/**
 * The computed portal: scores, grades, statuses, KPI health and the links between entries,
 * for one audience at one as-of date. Pages, feeds, exports and the CLI all read this.
 */
import type { ContentEntry, ContentSet } from '../content/content-set.ts';
import { comparePeriods, isInPeriod, periodBounds, periodOf, periodPhase, type PeriodPhase } from '../calendar/period.ts';
import { compareDates, normalizeSeries } from '../calendar/calendar-date.ts';
import { kpiStatus, latestPoint, type KpiStatus } from './kpi.ts';
import { keyResultFreshness } from './freshness.ts';
import { keyResultForecast, objectiveForecast } from './forecast.ts';
import {
  gradeOf,
  keyResultProgress,
  objectiveStatus,
  resolveCurrent,
  weightedProgress,
  type CurrentSource,
  type Grade,
} from './progress.ts';
import type { Visibility } from '../content/schema/common.ts';
import type { KpiData, KpiDataPoint } from '../content/schema/kpi.ts';
import type { CheckinData, KeyResultData, ObjectiveData, ObjectiveStatus } from '../content/schema/objective.ts';
import type { PortalSettings } from '../content/schema/portal-settings.ts';
import { contentAsOf } from './as-of.ts';

export interface Checkin extends CheckinData {
  /** Dated after the period ended. */
  late: boolean;
}

export interface KeyResult extends Omit<KeyResultData, 'checkins' | 'current'> {
  objectiveId: string;
  current: number | undefined;
  currentSource: CurrentSource;
  checkins: Checkin[];
  progress: number;
  score: number;
  /** The latest check-in confidence, if any. */
  confidence: number | undefined;
  /** Graded key results: the latest projected final grade, if any. */
  projected: number | undefined;
  /** Date of the latest dated value (check-in, else the linked KPI's latest point). */
  lastUpdate: string | undefined;
  /** No update for longer than the check-in cadence allows, in an open period (freshness.ts). */
  stale: boolean;
  /** Days without an update; set only when stale. */
  staleDays: number | undefined;
  /** Forecast progress at the period's end, 0..1 (forecast.ts). */
  forecast: number | undefined;
  /** Ids of objectives aligned to this key result (`parent: <objective>#<kr>`), sorted. */
  alignedObjectives: string[];
}

export interface Objective extends Omit<ObjectiveData, 'key_results' | 'score' | 'status'> {
  id: string;
  file: string;
  path: string;
  body: string;
  visibility: Visibility;
  keyResults: KeyResult[];
  progress: number;
  score: number;
  /** The final score set by hand, if any. */
  finalScore: number | undefined;
  grade: Grade;
  status: ObjectiveStatus;
  /** Any of its key results is stale. */
  stale: boolean;
  /** The longest time without an update among its stale key results, in days; set only when stale. */
  staleDays: number | undefined;
  /** Weighted mean of key result forecasts (scores where none); undefined when no key result has one. */
  forecast: number | undefined;
  /** Ids of objectives that align to this one, sorted. */
  children: string[];
  /** Ids of objectives that continue this one. */
  continuedBy: string[];
}

export interface Kpi extends Omit<KpiData, 'data'> {
  id: string;
  file: string;
  path: string;
  body: string;
  visibility: Visibility;
  data: KpiDataPoint[];
  latest: KpiDataPoint | undefined;
  status: KpiStatus;
  /** Key results that this KPI measures, as `objectiveId#krId`. */
  keyResults: { objectiveId: string; keyResultId: string }[];
}

export interface Team {
  id: string;
  file: string;
  path: string;
  body: string;
  name: string;
  parent: string | undefined;
  lead: string | undefined;
  visibility: Visibility;
  children: string[];
  /** From the root down to the parent. */
  ancestors: string[];
}

export interface Person {
  id: string;
  file: string;
  path: string;
  body: string;
  name: string;
  team: string | undefined;
  role: string | undefined;
  visibility: Visibility;
}

export interface Retrospective {
  id: string;
  file: string;
  path: string;
  /** Markdown or MDX body (pages render it from the collection; search reads its text). */
  body: string;
  format: 'md' | 'mdx';
  title: string;
  period: string;
  team: string | undefined;
  date: string | undefined;
  visibility: Visibility;
}

export interface PortalModel {
  settings: PortalSettings;
  asOf: string;
  currentPeriod: string;
  /** Every period with objectives or retrospectives, plus the current one, oldest first. */
  periods: string[];
  objectives: Objective[];
  kpis: Kpi[];
  teams: Team[];
  people: Person[];
  retrospectives: Retrospective[];
  objectiveById: Map<string, Objective>;
  kpiById: Map<string, Kpi>;
  teamById: Map<string, Team>;
  personById: Map<string, Person>;
}

/**
 * Scores a visible content set at a date. Check-ins and KPI points dated after `asOf` are
 * dropped first (as-of.ts), so nothing built from the model ever sees them.
 * @example buildPortalModel(filterByAudience(content, 'public'), '2026-08-16').objectives[0].status
 */
export function buildPortalModel(visible: ContentSet, asOf: string): PortalModel {
  const content = contentAsOf(visible, asOf);
  const { settings } = content;
  const kpiData = new Map(content.kpis.map((kpi) => [kpi.id, normalizeSeries(kpi.data.data ?? [])]));
  const objectives = content.objectives.map((entry) => scoreObjective(entry, kpiData, settings, asOf)).sort(compareIds);
  const objectiveById = new Map(objectives.map((objective) => [objective.id, objective]));
  for (const objective of objectives) {
    if (objective.parent) {
      const parent = objectiveById.get(objective.parent);
      parent?.children.push(objective.id);
      if (objective.parent_key_result !== undefined) parent?.keyResults.find((kr) => kr.id === objective.parent_key_result)?.alignedObjectives.push(objective.id);
    }
    if (objective.continues) objectiveById.get(objective.continues)?.continuedBy.push(objective.id);
  }
  const measuredBy = keyResultsByKpi(objectives);
  const kpis = content.kpis.map((entry) => buildKpi(entry, kpiData.get(entry.id) ?? [], measuredBy.get(entry.id) ?? [])).sort(compareIds);
  const teams = buildTeams(content);
  const people: Person[] = content.people
    .map((entry) => ({ ...entryBase(entry), name: entry.data.name, team: entry.data.team, role: entry.data.role }))
    .sort(compareIds);
  const currentPeriod = settings.current_period ?? periodOf(asOf);
  const periods = new Set([currentPeriod, ...objectives.map((o) => o.period), ...content.retrospectives.map((r) => r.data.period)]);
  return {
    settings,
    asOf,
    currentPeriod,
    periods: [...periods].sort(comparePeriods),
    objectives,
    kpis,
    teams,
    people,
    retrospectives: content.retrospectives
      .map((entry) => ({
        ...entryBase(entry),
        format: entry.format,
        title: entry.data.title,
        period: entry.data.period,
        team: entry.data.team,
        date: entry.data.date,
      }))
      .sort((a, b) => comparePeriods(b.period, a.period) || a.id.localeCompare(b.id)),
    objectiveById,
    kpiById: new Map(kpis.map((kpi) => [kpi.id, kpi])),
    teamById: new Map(teams.map((team) => [team.id, team])),
    personById: new Map(people.map((person) => [person.id, person])),
  };
}

function scoreObjective(
  entry: ContentEntry<ObjectiveData>,
  kpiData: Map<string, KpiDataPoint[]>,
  settings: PortalSettings,
  asOf: string,
): Objective {
  const { data } = entry;
  const { last } = periodBounds(data.period);
  const keyResults = data.key_results.map((kr): KeyResult => {
    const series = kr.kpi ? (kpiData.get(kr.kpi) ?? []) : [];
    const checkins = [...kr.checkins]
      .map((checkin, index) => ({ checkin, index }))
      .sort((a, b) => compareDates(a.checkin.date, b.checkin.date) || a.index - b.index)
      .map(({ checkin }) => ({ ...checkin, late: compareDates(checkin.date, last) > 0 }));
    const { value: current, source } = resolveCurrent({ ...kr, checkins }, series, data.period);
    const progress = keyResultProgress(kr, current);
    const freshness = keyResultFreshness(
      { type: kr.type, hasManualCurrent: kr.current !== undefined, checkins, kpiPoints: series },
      { period: data.period, asOf, cadence: settings.checkin_cadence },
    );
    return {
      ...kr,
      objectiveId: entry.id,
      current,
      currentSource: source,
      checkins,
      progress,
      score: kr.score ?? progress,
      confidence: [...checkins].reverse().find((checkin) => checkin.confidence !== undefined)?.confidence,
      projected: kr.type === 'graded' ? [...checkins].reverse().find((checkin) => checkin.projected !== undefined)?.projected : undefined,
      ...freshness,
      forecast: keyResultForecast(kr, checkins, data.period),
      alignedObjectives: [],
    };
  });
  const progress = weightedProgress(keyResults);
  const score = data.score ?? progress;
  const { score: finalScore, status: manualStatus, key_results: _, ...rest } = data;
  return {
    ...rest,
    ...entryBase(entry),
    keyResults,
    progress,
    score,
    finalScore,
    grade: gradeOf(score, settings.grading),
    status: objectiveStatus({ progress, period: data.period, asOf, manual: manualStatus }),
    stale: keyResults.some((kr) => kr.stale),
    staleDays: longestStale(keyResults),
    forecast: objectiveForecast(keyResults),
    children: [],
    continuedBy: [],
  };
}

function longestStale(keyResults: readonly KeyResult[]): number | undefined {
  const days = keyResults.flatMap((kr) => (kr.staleDays === undefined ? [] : [kr.staleDays]));
  return days.length === 0 ? undefined : Math.max(...days);
}

/** The key results that each KPI measures, in objective order (one pass: 500 KPIs times 10,000 objectives was 1 s). */
function keyResultsByKpi(objectives: readonly Objective[]): Map<string, Kpi['keyResults']> {
  const byKpi = new Map<string, Kpi['keyResults']>();
  for (const objective of objectives) {
    for (const kr of objective.keyResults) {
      if (kr.kpi === undefined) continue;
      const list = byKpi.get(kr.kpi);
      const link = { objectiveId: objective.id, keyResultId: kr.id };
      if (list) list.push(link);
      else byKpi.set(kr.kpi, [link]);
    }
  }
  return byKpi;
}

function buildKpi(entry: ContentEntry<KpiData>, data: KpiDataPoint[], keyResults: Kpi['keyResults']): Kpi {
  const latest = latestPoint(data);
  const { data: _, ...rest } = entry.data;
  return {
    ...rest,
    ...entryBase(entry),
    data,
    latest,
    status: kpiStatus(entry.data, latest?.value),
    keyResults,
  };
}

function buildTeams(content: ContentSet): Team[] {
  const teams: Team[] = content.teams
    .map((entry) => ({ ...entryBase(entry), name: entry.data.name, parent: entry.data.parent, lead: entry.data.lead, children: [], ancestors: [] }))
    .sort(compareIds);
  const byId = new Map(teams.map((team) => [team.id, team]));
  for (const team of teams) {
    if (team.parent) byId.get(team.parent)?.children.push(team.id);
    let parent = team.parent;
    while (parent !== undefined && !team.ancestors.includes(parent)) {
      team.ancestors.unshift(parent);
      parent = byId.get(parent)?.parent;
    }
  }
  return teams;
}

function entryBase(entry: ContentEntry<unknown>): { id: string; file: string; path: string; body: string; visibility: Visibility } {
  return { id: entry.id, file: entry.file, path: entry.path, body: entry.body, visibility: entry.visibility };
}

function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The phase of a period at the model's as-of date.
 * @example phaseOf(model, '2026-Q3') // 'closed'
 */
export function phaseOf(model: Pick<PortalModel, 'asOf'>, period: string): PeriodPhase {
  return periodPhase(period, model.asOf);
}

/**
 * KPI values inside a period.
 * @example pointsInPeriod(kpi.data, '2026-Q3')
 */
export function pointsInPeriod(points: readonly KpiDataPoint[], period: string): KpiDataPoint[] {
  return points.filter((point) => isInPeriod(point.date, period));
}

/**
 * The key results that measure a KPI, with their objectives, in the KPI's order.
 * @example keyResultsMeasuring(kpi, model.objectiveById)[0] // { objective: { id: '2026-q3/support/efficiency', ... }, kr: { id: 'tickets', ... } }
 */
export function keyResultsMeasuring(kpi: Pick<Kpi, 'keyResults'>, objectiveById: ReadonlyMap<string, Objective>): { objective: Objective; kr: KeyResult }[] {
  return kpi.keyResults.map(({ objectiveId, keyResultId }) => {
    const objective = objectiveById.get(objectiveId)!;
    return { objective, kr: objective.keyResults.find((kr) => kr.id === keyResultId)! };
  });
}
