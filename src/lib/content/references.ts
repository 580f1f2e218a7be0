/**
 * Cross-file checks: every referenced id exists, no cycles, parents in the same period, and
 * no id carries the name of a team or person hidden from its readers (hidden-names.ts).
 * Astro only logs dangling references, so the portal checks them itself.
 */
import { checkHiddenNamesInIds } from './hidden-names.ts';
import { comparePeriods } from '../calendar/period.ts';
import { formatFieldPath, quoteValue, type ContentProblem } from './problems.ts';
import { didYouMean } from './suggest.ts';
import type { ContentSet } from './content-set.ts';

type Kind = 'team' | 'person' | 'objective' | 'KPI';

/**
 * All dangling references, cycles and cross-period parents in a content set.
 * @example checkReferences(content) // [{ file: 'content/kpis/nps.md', field: 'owner', ... }]
 */
export function checkReferences(content: ContentSet): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids: Record<Kind, Set<string>> = {
    team: new Set(content.teams.map((entry) => entry.id)),
    person: new Set(content.people.map((entry) => entry.id)),
    objective: new Set(content.objectives.map((entry) => entry.id)),
    KPI: new Set(content.kpis.map((entry) => entry.id)),
  };
  const check = (file: string, path: PropertyKey[], value: string | undefined, kind: Kind): void => {
    if (value === undefined || ids[kind].has(value)) return;
    problems.push({
      file,
      field: formatFieldPath(path),
      severity: 'error',
      code: 'dangling-reference',
      message: `${quoteValue(value)} is not ${kind === 'objective' ? 'an' : 'a'} ${kind} (expected the id of a file in ${folderOf(kind)}/)`,
      hint: didYouMean(value, ids[kind]),
    });
  };

  for (const team of content.teams) {
    check(team.file, ['parent'], team.data.parent, 'team');
    check(team.file, ['lead'], team.data.lead, 'person');
  }
  for (const person of content.people) check(person.file, ['team'], person.data.team, 'team');
  for (const kpi of content.kpis) {
    check(kpi.file, ['team'], kpi.data.team, 'team');
    check(kpi.file, ['owner'], kpi.data.owner, 'person');
  }
  for (const retro of content.retrospectives) check(retro.file, ['team'], retro.data.team, 'team');

  const periodOf = new Map(content.objectives.map((entry) => [entry.id, entry.data.period]));
  const keyResultsOf = new Map(content.objectives.map((entry) => [entry.id, entry.data.key_results.map((kr) => kr.id)]));
  for (const objective of content.objectives) {
    const { file, data } = objective;
    check(file, ['team'], data.team, 'team');
    check(file, ['owner'], data.owner, 'person');
    check(file, ['parent'], data.parent, 'objective');
    check(file, ['continues'], data.continues, 'objective');
    data.contributors.forEach((team, index) => check(file, ['contributors', index], team, 'team'));
    data.key_results.forEach((kr, index) => {
      check(file, ['key_results', index, 'owner'], kr.owner, 'person');
      check(file, ['key_results', index, 'kpi'], kr.kpi, 'KPI');
    });
    const parentKeyResults = data.parent === undefined ? undefined : keyResultsOf.get(data.parent);
    if (data.parent_key_result !== undefined && parentKeyResults !== undefined && !parentKeyResults.includes(data.parent_key_result)) {
      problems.push({
        file,
        field: 'parent',
        severity: 'error',
        code: 'dangling-key-result',
        message: `${quoteValue(data.parent)} has no key result ${quoteValue(data.parent_key_result)} (expected one of: ${parentKeyResults.join(', ')})`,
        hint: didYouMean(data.parent_key_result, new Set(parentKeyResults)),
      });
    }
    const parentPeriod = data.parent === undefined ? undefined : periodOf.get(data.parent);
    if (parentPeriod !== undefined && parentPeriod !== data.period) {
      problems.push({
        file,
        field: 'parent',
        severity: 'error',
        code: 'cross-period-parent',
        message: `${quoteValue(data.parent)} is in period ${parentPeriod}, but this objective is in ${data.period} (an objective aligns to one of the same period)`,
      });
    }
    const continuedPeriod = data.continues === undefined ? undefined : periodOf.get(data.continues);
    if (continuedPeriod !== undefined && comparePeriods(continuedPeriod, data.period) >= 0) {
      problems.push({
        file,
        field: 'continues',
        severity: 'error',
        code: 'continues-not-earlier',
        message: `${quoteValue(data.continues)} is in period ${continuedPeriod}, not before ${data.period} (continues names an objective of an earlier period)`,
      });
    }
  }
  problems.push(...checkHiddenNamesInIds(content));
  problems.push(...cycleProblems(content.teams.map((team) => ({ id: team.id, file: team.file, parent: team.data.parent })), 'team'));
  problems.push(
    ...cycleProblems(content.objectives.map((objective) => ({ id: objective.id, file: objective.file, parent: objective.data.parent })), 'objective'),
  );
  return problems;
}

/**
 * Cycles in parent links, each as the list of ids around it, starting at its smallest id.
 * @example findCycles(new Map([['a', 'b'], ['b', 'a']])) // [['a', 'b']]
 */
export function findCycles(parents: ReadonlyMap<string, string | undefined>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of [...parents.keys()].sort()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let node: string | undefined = start;
    while (node !== undefined && !done.has(node) && !onPath.has(node) && parents.has(node)) {
      path.push(node);
      onPath.add(node);
      node = parents.get(node);
    }
    if (node !== undefined && onPath.has(node)) {
      const cycle = path.slice(path.indexOf(node));
      const smallest = cycle.indexOf([...cycle].sort()[0]!);
      cycles.push([...cycle.slice(smallest), ...cycle.slice(0, smallest)]);
    }
    for (const visited of path) done.add(visited);
  }
  return cycles;
}

function cycleProblems(nodes: { id: string; file: string; parent: string | undefined }[], kind: 'team' | 'objective'): ContentProblem[] {
  const fileOf = new Map(nodes.map((node) => [node.id, node.file]));
  return findCycles(new Map(nodes.map((node) => [node.id, node.parent]))).map((cycle) => ({
    file: fileOf.get(cycle[0]!)!,
    field: 'parent',
    severity: 'error',
    code: 'cycle',
    message: `${kind} parents form a cycle: ${[...cycle, cycle[0]].join(' -> ')} (${kind === 'objective' ? 'an' : 'a'} ${kind} cannot be its own ancestor)`,
  }));
}

function folderOf(kind: Kind): string {
  return { team: 'teams', person: 'people', objective: 'objectives', KPI: 'kpis' }[kind];
}
