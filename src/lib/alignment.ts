/**
 * The alignment tree: objectives linked to their parents, from company objectives down to
 * individual ones, with roll-up progress.
 */
import type { Objective } from './portal-model.ts';

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
