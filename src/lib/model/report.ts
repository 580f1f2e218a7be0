/**
 * The report of a closed period: final scores per team and department, the grade
 * distribution, committed objectives that missed, aspirational ones in the sweet spot, KPIs
 * whose status changed, objectives carried over to the next period and the retrospectives.
 *
 * Scores are the model's: an objective's final `score` when set, else computed from its key
 * results (check-ins recorded after the period ended count, as the content format defines;
 * the report counts them as late). Cancelled objectives keep their score, so every average
 * here equals the one on the period page.
 */
import { compareDates } from '../calendar/calendar-date.ts';
import { changesAfterStart, type EntryHistory, type KeyResultChange } from './history.ts';
import { kpiStatus, valueAt, type KpiStatus } from './kpi.ts';
import { comparePeriods, isInPeriod, periodBounds, periodPhase, shiftPeriod } from '../calendar/period.ts';
import type { KeyResult, Kpi, Objective, PortalModel, Retrospective, Team } from './portal-model.ts';
import { gradeOf, type Grade } from './progress.ts';
import type { KpiDataPoint } from '../content/schema/kpi.ts';
import type { Grading } from '../content/schema/portal-settings.ts';
import { subtreeIds, summarizeObjectives, teamOrder, type ObjectiveSummary } from './summaries.ts';

/** Aspirational objectives that score in this band (inclusive, two decimals) hit the sweet spot. */
export const SWEET_SPOT = { from: 0.6, to: 0.7 } as const;

export interface ScoreGroup {
  team: Team;
  objectives: Objective[];
  averageScore: number;
  grade: Grade;
}

export interface DepartmentScore extends ScoreGroup {
  /** The department's teams (itself included) that have objectives, in org-chart order. */
  teams: ScoreGroup[];
}

export interface GradeBand {
  grade: Grade;
  count: number;
  /** Share of all objectives, 0..1. */
  share: number;
  committed: number;
  aspirational: number;
}

export interface GradeDistribution {
  total: number;
  /** Green, yellow, red, always all three. */
  bands: GradeBand[];
}

export interface KpiChange {
  kpi: Kpi;
  /** The last value on or before the first day, else the first value in the period. */
  start: KpiDataPoint | undefined;
  /** The last value on or before the last day. */
  end: KpiDataPoint | undefined;
  /** `end - start`, when both exist. */
  delta: number | undefined;
  startStatus: KpiStatus;
  endStatus: KpiStatus;
  /** The series from start to end, for a sparkline. */
  points: KpiDataPoint[];
  /** Health moved up, down or not at all (untracked and no-data never move). */
  trend: 'improved' | 'worsened' | 'unchanged';
}

export interface CarryOver {
  from: Objective;
  to: Objective;
  /** An explicit `continues:` link, or the same title in the next period. */
  link: 'continues' | 'title';
}

export interface PeriodReport {
  period: string;
  nextPeriod: string;
  summary: ObjectiveSummary;
  /** Teams with objectives, in org-chart order; individual objectives without a team are apart. */
  teams: ScoreGroup[];
  /** Top-level children of the company root that have objectives in their subtree. */
  departments: DepartmentScore[];
  /** Teams with objectives that are in no department (the company itself), in org-chart order. */
  outsideDepartments: ScoreGroup[];
  individual: Objective[];
  distribution: GradeDistribution;
  /** Committed objectives that scored below 1.0, lowest first. */
  committedMisses: Objective[];
  /** Aspirational objectives that scored 0.6..0.7. */
  sweetSpot: Objective[];
  kpiChanges: KpiChange[];
  carriedOver: CarryOver[];
  retrospectives: Retrospective[];
  /** Check-ins dated after the period ended. */
  lateCheckins: number;
}

/**
 * The report of one period.
 * @example buildPeriodReport(model, '2026-Q3').summary.averageScore // 0.62
 */
export function buildPeriodReport(model: PortalModel, period: string): PeriodReport {
  const objectives = model.objectives.filter((objective) => objective.period === period);
  const grading = model.settings.grading;
  const teams = teamScores(objectives, model.teams, grading);
  const departments = departmentScores(objectives, model.teams, grading);
  const inDepartment = new Set(departments.flatMap((department) => department.teams.map((group) => group.team.id)));
  const rounded = (objective: Objective): number => roundScore(objective.score);
  return {
    period,
    nextPeriod: shiftPeriod(period, 1),
    summary: summarizeObjectives(objectives),
    teams,
    departments,
    outsideDepartments: teams.filter((group) => !inDepartment.has(group.team.id)),
    individual: objectives.filter((objective) => objective.team === undefined),
    distribution: gradeDistribution(objectives),
    committedMisses: objectives
      .filter((objective) => objective.kind === 'committed' && rounded(objective) < 1)
      .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id)),
    sweetSpot: objectives.filter((o) => o.kind === 'aspirational' && rounded(o) >= SWEET_SPOT.from && rounded(o) <= SWEET_SPOT.to),
    kpiChanges: model.kpis.map((kpi) => kpiChangeOver(kpi, period)).filter((change) => change.startStatus !== change.endStatus && change.start && change.end),
    carriedOver: carriedOver(model.objectives, period),
    retrospectives: retrospectivesOf(model, period),
    lateCheckins: objectives.reduce((sum, o) => sum + o.keyResults.reduce((n, kr) => n + kr.checkins.filter((c) => c.late).length, 0), 0),
  };
}

/**
 * Mean score per team, for teams with objectives, in org-chart order.
 * @example teamScores(objectives, teams, grading)[0].averageScore // 0.7
 */
export function teamScores(objectives: readonly Objective[], teams: readonly Team[], grading: Grading): ScoreGroup[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  return teamOrder(teams).flatMap((id) => {
    const own = objectives.filter((objective) => objective.team === id);
    return own.length ? [scoreGroup(byId.get(id)!, own, grading)] : [];
  });
}

/**
 * Roll-up per department (a top-level child of a root): the mean score of every objective of
 * the department and the teams below it.
 * @example departmentScores(objectives, teams, grading).map((d) => d.team.id) // ['customer', 'engineering']
 */
export function departmentScores(objectives: readonly Objective[], teams: readonly Team[], grading: Grading): DepartmentScore[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const isDepartment = (team: Team): boolean => team.ancestors.length === 1 && byId.has(team.ancestors[0]!);
  return teamOrder(teams).flatMap((id) => {
    const department = byId.get(id)!;
    if (!isDepartment(department)) return [];
    const members = subtreeIds(teams, id);
    const own = objectives.filter((objective) => objective.team !== undefined && members.has(objective.team));
    if (own.length === 0) return [];
    return [{ ...scoreGroup(department, own, grading), teams: teamScores(own, teams, grading) }];
  });
}

/**
 * Objectives per grade band, with committed and aspirational counts.
 * @example gradeDistribution(objectives).bands[0] // { grade: 'green', count: 5, share: 0.42, ... }
 */
export function gradeDistribution(objectives: readonly Pick<Objective, 'grade' | 'kind'>[]): GradeDistribution {
  const total = objectives.length;
  const bands = (['green', 'yellow', 'red'] as const).map((grade): GradeBand => {
    const inBand = objectives.filter((objective) => objective.grade === grade);
    const committed = inBand.filter((objective) => objective.kind === 'committed').length;
    return { grade, count: inBand.length, share: total ? inBand.length / total : 0, committed, aspirational: inBand.length - committed };
  });
  return { total, bands };
}

const HEALTH_RANK: Partial<Record<KpiStatus, number>> = { critical: 0, warning: 1, healthy: 2 };

/**
 * How a KPI changed over a period: its value and status at the start and at the end.
 * @example kpiChangeOver(csat, '2026-Q3') // { start: { date: '2026-07-01', value: 9.1 }, end: ..., delta: 0.2, ... }
 */
export function kpiChangeOver(kpi: Kpi, period: string): KpiChange {
  const { first, last } = periodBounds(period);
  const start = valueAt(kpi.data, first) ?? kpi.data.find((point) => isInPeriod(point.date, period));
  const end = valueAt(kpi.data, last);
  const startStatus = kpiStatus(kpi, start?.value);
  const endStatus = kpiStatus(kpi, end?.value);
  const points =
    start && end ? kpi.data.filter((point) => compareDates(point.date, start.date) >= 0 && compareDates(point.date, end.date) <= 0) : [];
  const from = HEALTH_RANK[startStatus];
  const to = HEALTH_RANK[endStatus];
  const trend = from === undefined || to === undefined || from === to ? 'unchanged' : to > from ? 'improved' : 'worsened';
  return { kpi, start, end, delta: start && end ? end.value - start.value : undefined, startStatus, endStatus, points, trend };
}

/**
 * Objectives of the next period that continue one of this period: by a `continues:` link,
 * else by the same title (case and spacing ignored).
 * @example carriedOver(objectives, '2026-Q3') // [{ from: q3Efficiency, to: q4Efficiency, link: 'continues' }]
 */
export function carriedOver(objectives: readonly Objective[], period: string): CarryOver[] {
  const next = shiftPeriod(period, 1);
  const current = objectives.filter((objective) => objective.period === period);
  const byId = new Map(current.map((objective) => [objective.id, objective]));
  const byTitle = new Map(current.map((objective) => [normalizeTitle(objective.title), objective]));
  const pairs: CarryOver[] = [];
  for (const to of objectives.filter((objective) => objective.period === next)) {
    const linked = to.continues === undefined ? undefined : byId.get(to.continues);
    const sameTitle = byTitle.get(normalizeTitle(to.title));
    if (linked) pairs.push({ from: linked, to, link: 'continues' });
    else if (sameTitle) pairs.push({ from: sameTitle, to, link: 'title' });
  }
  return pairs.sort((a, b) => a.from.id.localeCompare(b.from.id) || a.to.id.localeCompare(b.to.id));
}

/**
 * The retrospectives of a period: company-wide first, then by team in org-chart order.
 * @example retrospectivesOf(model, '2026-Q3').map((r) => r.id) // ['2026-q3/company', '2026-q3/support']
 */
export function retrospectivesOf(model: Pick<PortalModel, 'retrospectives' | 'teams'>, period: string): Retrospective[] {
  const order = teamOrder(model.teams);
  const rank = (retro: Retrospective): number => (retro.team === undefined ? -1 : order.indexOf(retro.team));
  return model.retrospectives.filter((retro) => retro.period === period).sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/**
 * A score rounded to the two decimals it is shown with, so that lists agree with the pills.
 * @example roundScore(0.6999999) // 0.7
 */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

function scoreGroup(team: Team, objectives: Objective[], grading: Grading): ScoreGroup {
  const averageScore = objectives.reduce((sum, objective) => sum + objective.score, 0) / objectives.length;
  return { team, objectives, averageScore, grade: gradeOf(averageScore, grading) };
}

function normalizeTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface ScorecardGroup {
  /** The team, or undefined for individual objectives of a company-wide scorecard. */
  team: Team | undefined;
  objectives: Objective[];
}

/**
 * What a `<Scorecard>` shows: the period's objectives of a team and the teams below it (with
 * the individual objectives of their people), or of the whole company, grouped by team.
 * @example scorecardGroups(model, '2026-Q3', 'support') // [{ team: support, objectives: [efficiency, self-service] }]
 */
export function scorecardGroups(model: Pick<PortalModel, 'objectives' | 'teams' | 'personById'>, period: string, team?: string | undefined): ScorecardGroup[] {
  const teamOf = (objective: Objective): string | undefined =>
    objective.team ?? (team !== undefined && objective.owner ? model.personById.get(objective.owner)?.team : undefined);
  const members = team === undefined ? undefined : subtreeIds(model.teams, team);
  const objectives = model.objectives.filter((o) => o.period === period && (members === undefined || members.has(teamOf(o) ?? '')));
  const groups: ScorecardGroup[] = teamOrder(model.teams).flatMap((id) => {
    // The team's own objectives first, then its people's.
    const own = objectives.filter((objective) => teamOf(objective) === id).sort((a, b) => Number(a.team === undefined) - Number(b.team === undefined));
    return own.length ? [{ team: model.teams.find((candidate) => candidate.id === id), objectives: own }] : [];
  });
  const individual = objectives.filter((objective) => teamOf(objective) === undefined);
  return individual.length ? [...groups, { team: undefined, objectives: individual }] : groups;
}

/**
 * Retrospectives oldest first: by period, then date (undated last), then id.
 * @example chronological(model.retrospectives).map((r) => r.id) // ['2026-q2/company', '2026-q3/company', ...]
 */
export function chronological(retrospectives: readonly Retrospective[]): Retrospective[] {
  return [...retrospectives].sort(
    (a, b) => comparePeriods(a.period, b.period) || compareDates(a.date ?? '9999-12-31', b.date ?? '9999-12-31') || a.id.localeCompare(b.id),
  );
}

export interface ArchivePeriod {
  period: string;
  /** Closed periods have a report. */
  closed: boolean;
  retrospectives: Retrospective[];
}

/**
 * The `/retrospectives/` archive: every period with retrospectives or a report, newest first.
 * @example retrospectiveArchive(model)[0] // { period: '2026-Q3', closed: true, retrospectives: [...] }
 */
export function retrospectiveArchive(model: Pick<PortalModel, 'retrospectives' | 'teams' | 'periods' | 'asOf'>): ArchivePeriod[] {
  return [...model.periods]
    .reverse()
    .map((period) => ({ period, closed: periodPhase(period, model.asOf) === 'closed', retrospectives: retrospectivesOf(model, period) }))
    .filter((entry) => entry.closed || entry.retrospectives.length > 0);
}

/** One change of a key result during a period, with its objective. */
export interface PeriodChange {
  objective: Objective;
  change: KeyResultChange;
  /** The key result as it is now; undefined when it was removed since. */
  kr: KeyResult | undefined;
}

/**
 * The key result changes of a period's objectives after the period started, oldest first
 * (ties by objective id).
 * @example periodChanges(objectivesOfPeriod, portal.history, '2026-Q3')[0] // { objective, change: { date: '2026-07-14', ... }, kr }
 */
export function periodChanges(objectives: readonly Objective[], history: ReadonlyMap<string, Pick<EntryHistory, 'changes'>>, period: string): PeriodChange[] {
  return objectives
    .flatMap((objective) =>
      changesAfterStart(history.get(objective.id)?.changes ?? [], period).map((change) => ({
        objective,
        change,
        kr: objective.keyResults.find((kr) => kr.id === change.keyResultId),
      })),
    )
    .sort((a, b) => a.change.date.localeCompare(b.change.date) || a.objective.id.localeCompare(b.objective.id));
}
