/**
 * What a person owns: objectives and key results, newest period first. Person pages ask once
 * per person; scanning every objective for each of them was O(people × objectives), 1.5 s of
 * the build at 5,000 objectives and 211 people, so the index is built once per objective list.
 */
import { comparePeriods } from '../calendar/period.ts';
import type { KeyResult, Objective } from './portal-model.ts';

export interface Ownership {
  /** Objectives owned, newest period first, then in the order of the list given. */
  objectives: Objective[];
  /** Key results owned (in anyone's objectives), newest period first. */
  keyResults: { objective: Objective; kr: KeyResult }[];
}

const indexes = new WeakMap<readonly Objective[], Map<string, Ownership>>();

/**
 * The objectives and key results a person owns among `objectives`.
 * @example ownedBy(portal.objectives, 'ada').keyResults.map(({ kr }) => kr.id)
 */
export function ownedBy(objectives: readonly Objective[], personId: string): Ownership {
  let index = indexes.get(objectives);
  if (!index) {
    index = indexOwners(objectives);
    indexes.set(objectives, index);
  }
  return index.get(personId) ?? { objectives: [], keyResults: [] };
}

function indexOwners(objectives: readonly Objective[]): Map<string, Ownership> {
  const index = new Map<string, Ownership>();
  const of = (personId: string): Ownership => {
    let ownership = index.get(personId);
    if (!ownership) {
      ownership = { objectives: [], keyResults: [] };
      index.set(personId, ownership);
    }
    return ownership;
  };
  for (const objective of objectives) {
    if (objective.owner !== undefined) of(objective.owner).objectives.push(objective);
    for (const kr of objective.keyResults) if (kr.owner !== undefined) of(kr.owner).keyResults.push({ objective, kr });
  }
  // Stable sorts: within a period, the order of the list given stays.
  for (const ownership of index.values()) {
    ownership.objectives.sort((a, b) => comparePeriods(b.period, a.period));
    ownership.keyResults.sort((a, b) => comparePeriods(b.objective.period, a.objective.period));
  }
  return index;
}
