/**
 * The shard plan: which of n parallel builds (PORTAL_SHARD=k/n) renders which page. Every
 * shard computes the same plan from the whole content, so the parts are disjoint and
 * together are the whole site; the pages are spread by their estimated rendering cost, not
 * by count, because a period overview costs hundreds of objective pages.
 */
import type { Shard } from '../content/build-inputs.ts';

/** A page of a route with parameters, as the plan sees it. */
export interface PlannedPage {
  /** Unique among all pages: the route's name and the page's parameters, e.g. `objectives:growth/nps`. */
  key: string;
  /** Estimated rendering cost, in units of a plain page; only ratios matter. */
  cost: number;
}

/** The shard (1..count) of each page key. */
export type ShardPlan = ReadonlyMap<string, number>;

/**
 * Assigns pages to `count` shards: costliest first, each to the shard with the least cost
 * so far (the lowest-numbered on a tie); pages of equal cost in key order. `firstShardCost`
 * is work that only the first shard does (the pages without parameters), which it starts
 * with, so that the others take more of the pages with parameters. The result
 * depends only on the keys and costs, never on the order they come in, so every shard of a
 * build computes the same plan.
 * @example planShards([{ key: 'a', cost: 3 }, { key: 'b', cost: 2 }, { key: 'c', cost: 1 }], 2)
 * // Map { 'a' => 1, 'b' => 2, 'c' => 2 }
 */
export function planShards(pages: readonly PlannedPage[], count: number, options: { firstShardCost?: number } = {}): ShardPlan {
  const ordered = [...pages].sort((a, b) => b.cost - a.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const loads = Array.from({ length: count }, (_, index) => (index === 0 ? (options.firstShardCost ?? 0) : 0));
  const plan = new Map<string, number>();
  for (const page of ordered) {
    let least = 0;
    for (let shard = 1; shard < count; shard++) if (loads[shard]! < loads[least]!) least = shard;
    loads[least]! += page.cost;
    plan.set(page.key, least + 1);
  }
  return plan;
}

/**
 * Whether a shard renders a page: every build without PORTAL_SHARD renders all of them; a
 * page the plan does not know (none, by construction) goes to the first shard, so that no
 * page is lost.
 * @example rendersPage(undefined, plan, 'objectives:growth') // true
 */
export function rendersPage(shard: Shard | undefined, plan: ShardPlan, key: string): boolean {
  return shard === undefined || (plan.get(key) ?? 1) === shard.index;
}

/**
 * The estimated cost of each shard under a plan, for reports and the benchmark.
 * @example shardLoads([{ key: 'a', cost: 3 }], planShards([{ key: 'a', cost: 3 }], 2), 2) // [3, 0]
 */
export function shardLoads(pages: readonly PlannedPage[], plan: ShardPlan, count: number): number[] {
  const loads = Array.from({ length: count }, () => 0);
  for (const page of pages) loads[(plan.get(page.key) ?? 1) - 1]! += page.cost;
  return loads;
}
