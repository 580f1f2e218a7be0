/**
 * Summaries that several pages show: objectives grouped by team, status counts, averages.
 */
import type { Objective, Team } from './portal-model.ts';
import type { ObjectiveStatus } from '../content/schema/objective.ts';
import type { Grade } from './progress.ts';
import { comparePeriods, groupByPeriod } from '../calendar/period.ts';

export interface ObjectiveSummary {
  count: number;
  /** Mean score, or undefined without objectives. */
  averageScore: number | undefined;
  byStatus: Record<ObjectiveStatus, number>;
  byGrade: Record<Grade, number>;
}

/**
 * Counts and mean score of a list of objectives.
 * @example summarizeObjectives(objectives).byStatus['at-risk'] // 2
 */
export function summarizeObjectives(objectives: readonly Objective[]): ObjectiveSummary {
  const byStatus: Record<ObjectiveStatus, number> = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, done: 0, cancelled: 0 };
  const byGrade: Record<Grade, number> = { green: 0, yellow: 0, red: 0 };
  let total = 0;
  for (const objective of objectives) {
    byStatus[objective.status] += 1;
    byGrade[objective.grade] += 1;
    total += objective.score;
  }
  return { count: objectives.length, averageScore: objectives.length ? total / objectives.length : undefined, byStatus, byGrade };
}

/**
 * Team ids in org-chart order: each root, then its sub-teams depth first, by name.
 * @example teamOrder(teams) // ['acme', 'customer', 'support', ...]
 */
export function teamOrder(teams: readonly Team[]): string[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const order: string[] = [];
  const visit = (team: Team): void => {
    if (order.includes(team.id)) return;
    order.push(team.id);
    for (const child of sortTeamsByName(team.children.flatMap((id) => byId.get(id) ?? []))) visit(child);
  };
  for (const root of sortTeamsByName(teams.filter((team) => !team.parent || !byId.has(team.parent)))) visit(root);
  return order;
}

/**
 * Teams by name: the order of sibling teams everywhere (team order, org chart).
 * @example sortTeamsByName([{ name: 'Sales' }, { name: 'Customer' }]) // [{ name: 'Customer' }, { name: 'Sales' }]
 */
export function sortTeamsByName<T extends { name: string }>(teams: readonly T[]): T[] {
  return [...teams].sort((a, b) => a.name.localeCompare(b.name));
}

export interface TeamGroup {
  /** The team, or undefined for individual objectives without a team. */
  team: Team | undefined;
  objectives: Objective[];
}

/**
 * Objectives grouped by their team in org-chart order; objectives without a team come last.
 * @example groupByTeam(objectives, teams)[0].team.name // 'Acme Corp'
 */
export function groupByTeam(objectives: readonly Objective[], teams: readonly Team[]): TeamGroup[] {
  const byTeam = new Map<string | undefined, Objective[]>();
  for (const objective of objectives) byTeam.set(objective.team, [...(byTeam.get(objective.team) ?? []), objective]);
  const teamById = new Map(teams.map((team) => [team.id, team]));
  const groups: TeamGroup[] = [];
  for (const id of teamOrder(teams)) {
    const list = byTeam.get(id);
    if (list) groups.push({ team: teamById.get(id), objectives: list });
  }
  const individual = byTeam.get(undefined);
  if (individual) groups.push({ team: undefined, objectives: individual });
  return groups;
}

/**
 * A team and all teams below it.
 * @example subtreeIds(teams, 'customer') // Set { 'customer', 'support', 'onboarding' }
 */
export function subtreeIds(teams: readonly Team[], rootId: string): Set<string> {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const ids = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(byId.get(id)?.children ?? []));
  }
  return ids;
}

/**
 * The departments (teams right below the company) in team order, each with the objectives
 * of its whole subtree; departments without objectives are left out.
 * @example departmentObjectives(objectivesOfPeriod, teams)[0] // { department: { id: 'customer', ... }, objectives: [...] }
 */
export function departmentObjectives(objectives: readonly Objective[], teams: readonly Team[]): { department: Team; objectives: Objective[] }[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  return teamOrder(teams)
    .map((id) => byId.get(id)!)
    .filter((team) => team.ancestors.length === 1)
    .map((department) => {
      const ids = subtreeIds(teams, department.id);
      return { department, objectives: objectives.filter((objective) => objective.team !== undefined && ids.has(objective.team)) };
    })
    .filter((group) => group.objectives.length > 0);
}

/**
 * A team's objectives, those it owns and those it contributes to, by period, the newest
 * period first.
 * @example teamObjectivesByPeriod(objectives, 'support')[0] // { period: '2026-Q4', objectives: [...] }
 */
export function teamObjectivesByPeriod(objectives: readonly Objective[], teamId: string): { period: string; objectives: Objective[] }[] {
  const own = objectives.filter((objective) => objective.team === teamId || objective.contributors.includes(teamId));
  return [...groupByPeriod(own)].sort(([a], [b]) => comparePeriods(b, a)).map(([period, list]) => ({ period, objectives: list }));
}
