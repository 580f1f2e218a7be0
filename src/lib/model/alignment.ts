/**
 * The alignment tree: objectives linked to their parents, from company objectives down to
 * individual ones, with roll-up progress.
 */
import type { Objective, Team } from './portal-model.ts';
import { subtreeIds } from './summaries.ts';

export interface AlignmentNode {
  objective: Objective;
  children: AlignmentNode[];
  /** Mean of the objective's own score and its children's roll-ups. */
  rollup: number;
  /** Number of objectives below this one. */
  descendants: number;
  /** Shown only as context for a filtered tree (an ancestor of a matching objective). */
  context: boolean;
}

export interface AlignmentTree {
  /** Trees rooted at company-level objectives (no parent, owned by a root team). */
  roots: AlignmentNode[];
  /** Trees rooted at objectives without a parent that are not company-level: gaps in the cascade. */
  notAligned: AlignmentNode[];
  /** Number of objectives in the tree, context nodes excluded. */
  count: number;
}

/**
 * The chain of parents from the top-most objective down to the direct parent.
 * Stops at a repeated id, so broken content cannot loop.
 * @example ancestorsOf(byId, '2026-q3/support/efficiency').map((o) => o.id) // ['2026-q3/company']
 */
export function ancestorsOf(byId: ReadonlyMap<string, Objective>, id: string): Objective[] {
  const chain: Objective[] = [];
  const seen = new Set([id]);
  let parentId = byId.get(id)?.parent;
  while (parentId !== undefined && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    chain.unshift(parent);
    seen.add(parentId);
    parentId = parent.parent;
  }
  return chain;
}

/**
 * Whether an objective is company-level: no parent, and owned by a team without a parent.
 * @example isCompanyLevel(objective, teamById) // true for the company's own objectives
 */
export function isCompanyLevel(objective: Objective, teamById: ReadonlyMap<string, Team>): boolean {
  if (objective.parent !== undefined || objective.team === undefined) return false;
  const team = teamById.get(objective.team);
  return team !== undefined && team.parent === undefined;
}

/**
 * Roll-up of a node: the mean of its own score and each child's roll-up (so a node with
 * no children rolls up to its own score).
 * @example rollupOf(0.5, [1, 0]) // 0.5
 */
export function rollupOf(ownScore: number, childRollups: readonly number[]): number {
  return (ownScore + childRollups.reduce((sum, value) => sum + value, 0)) / (1 + childRollups.length);
}

/** What every view of one list of objectives shares: lookups, sorted children, roll-ups. */
interface AlignmentIndex {
  byId: Map<string, Objective>;
  /** Aligned objectives by parent id, sorted by title. */
  childrenOf: Map<string, Objective[]>;
  /** Objectives without a parent in the list, sorted by title. */
  tops: Objective[];
  /** Roll-up of an objective's whole subtree (memoized). */
  rollup(objective: Objective): number;
}

/**
 * Indexes by list: a period's alignment page and its team pages pass the same array, so the
 * index is built once per period rather than once per page (200 team pages at 5,000
 * objectives).
 */
const indexes = new WeakMap<readonly Objective[], AlignmentIndex>();

function indexOf(objectives: readonly Objective[]): AlignmentIndex {
  const cached = indexes.get(objectives);
  if (cached) return cached;
  const byId = new Map(objectives.map((objective) => [objective.id, objective]));
  const childrenOf = new Map<string, Objective[]>();
  for (const objective of objectives) {
    if (objective.parent !== undefined && byId.has(objective.parent)) {
      const siblings = childrenOf.get(objective.parent);
      if (siblings) siblings.push(objective);
      else childrenOf.set(objective.parent, [objective]);
    }
  }
  for (const children of childrenOf.values()) children.sort(compareObjectives);
  const rollups = new Map<string, number>();
  const rollupFor = (objective: Objective, seen: ReadonlySet<string>): number => {
    const known = rollups.get(objective.id);
    if (known !== undefined) return known;
    const path = new Set(seen).add(objective.id);
    const children = (childrenOf.get(objective.id) ?? []).filter((child) => !path.has(child.id));
    const value = rollupOf(objective.score, children.map((child) => rollupFor(child, path)));
    rollups.set(objective.id, value);
    return value;
  };
  const tops = objectives.filter((objective) => objective.parent === undefined || !byId.has(objective.parent)).sort(compareObjectives);
  const index = { byId, childrenOf, tops, rollup: (objective: Objective) => rollupFor(objective, new Set()) };
  indexes.set(objectives, index);
  return index;
}

/**
 * The alignment tree of a period's objectives. With `onlyTeam`, keeps the objectives of that
 * team and its sub-teams (individual objectives by the owner's team), plus their ancestors
 * as context. Roll-ups always cover the whole subtree, also where a filtered view shows only
 * part of it.
 * @example buildAlignmentTree(objectives, teams, people).roots[0].objective.title
 */
export function buildAlignmentTree(
  objectives: readonly Objective[],
  teams: readonly Team[],
  options: { onlyTeam?: string | undefined; personTeam?: ReadonlyMap<string, string | undefined> } = {},
): AlignmentTree {
  const index = indexOf(objectives);
  const teamById = new Map(teams.map((team) => [team.id, team]));
  const matches = matchingIds(objectives, teams, options);
  // A filtered view shows the matches and their ancestors only: nothing else is visited.
  const shown = matches && withAncestors(matches.direct, index.byId);
  const build = (objective: Objective, seen: ReadonlySet<string>): AlignmentNode | undefined => {
    if (seen.has(objective.id) || (shown && !shown.has(objective.id))) return undefined;
    const path = new Set(seen).add(objective.id);
    const children = (index.childrenOf.get(objective.id) ?? [])
      .map((child) => build(child, path))
      .filter((node): node is AlignmentNode => node !== undefined);
    const isMatch = matches === undefined || matches.direct.has(objective.id);
    if (!isMatch && children.length === 0) return undefined;
    const descendants = children.reduce((sum, child) => sum + 1 + child.descendants, 0);
    return { objective, children, rollup: index.rollup(objective), descendants, context: !isMatch };
  };
  const roots: AlignmentNode[] = [];
  const notAligned: AlignmentNode[] = [];
  for (const top of index.tops) {
    const node = build(top, new Set());
    if (!node) continue;
    (isCompanyLevel(top, teamById) ? roots : notAligned).push(node);
  }
  const count = (nodes: AlignmentNode[]): number =>
    nodes.reduce((sum, node) => sum + (node.context ? 0 : 1) + count(node.children), 0);
  return { roots, notAligned, count: count(roots) + count(notAligned) };
}

/** The ids and the ids of all their ancestors in the list. */
function withAncestors(ids: ReadonlySet<string>, byId: ReadonlyMap<string, Objective>): Set<string> {
  const shown = new Set<string>();
  for (const id of ids) {
    let current: string | undefined = id;
    while (current !== undefined && !shown.has(current)) {
      shown.add(current);
      current = byId.get(current)?.parent;
    }
  }
  return shown;
}

function matchingIds(
  objectives: readonly Objective[],
  teams: readonly Team[],
  options: { onlyTeam?: string | undefined; personTeam?: ReadonlyMap<string, string | undefined> },
): { direct: Set<string> } | undefined {
  if (options.onlyTeam === undefined) return undefined;
  const inSubtree = subtreeIds(teams, options.onlyTeam);
  const direct = new Set<string>();
  for (const objective of objectives) {
    const team = objective.team ?? (objective.owner ? options.personTeam?.get(objective.owner) : undefined);
    if (team !== undefined && inSubtree.has(team)) direct.add(objective.id);
  }
  return { direct };
}

function compareObjectives(a: Objective, b: Objective): number {
  return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1);
}

/**
 * The aligned objectives below a node, grouped by the key result of the node's objective that
 * they align to (`parent: <objective>#<kr>`): first those aligned to the objective as a whole,
 * then one group per key result, in the objective's key result order.
 * @example childrenByKeyResult(node) // [{ keyResult: undefined, children: [...] }, { keyResult: { id: 'nps', ... }, children: [...] }]
 */
export function childrenByKeyResult(node: Pick<AlignmentNode, 'objective' | 'children'>): { keyResult: Objective['keyResults'][number] | undefined; children: AlignmentNode[] }[] {
  const whole = node.children.filter((child) => child.objective.parent_key_result === undefined);
  const groups = node.objective.keyResults
    .map((keyResult) => ({ keyResult, children: node.children.filter((child) => child.objective.parent_key_result === keyResult.id) }))
    .filter((group) => group.children.length > 0);
  return [...(whole.length > 0 ? [{ keyResult: undefined, children: whole }] : []), ...groups];
}
