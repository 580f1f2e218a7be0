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
  /**
   * Pages of one group go to the same shard, as one unit of their summed cost: pages that
   * need the same costly computation (a period's snapshot timeline), which a shard then
   * does once instead of every shard doing it.
   */
  group?: string | undefined;
}

/** The shard (1..count) of each page key. */
export type ShardPlan = ReadonlyMap<string, number>;

/**
 * Assigns pages to `count` shards: costliest first, each to the shard with the least cost
 * so far (the lowest-numbered on a tie); pages of equal cost in key order. The pages of a
 * `group` are placed together, as one page of their summed cost keyed by the group.
 * `firstShardCost` is work that only the first shard does (the pages without parameters),
 * which it starts with, so that the others take more of the pages with parameters. The
 * result depends only on the keys, groups and costs, never on the order they come in, so
 * every shard of a build computes the same plan.
 * @example planShards([{ key: 'a', cost: 3 }, { key: 'b', cost: 2 }, { key: 'c', cost: 1 }], 2)
 * // Map { 'a' => 1, 'b' => 2, 'c' => 2 }
 */
export function planShards(pages: readonly PlannedPage[], count: number, options: { firstShardCost?: number } = {}): ShardPlan {
  const units = new Map<string, { key: string; cost: number; pages: string[] }>();
  for (const page of pages) {
    const key = page.group === undefined ? page.key : `\0${page.group}`;
    const unit = units.get(key);
    if (unit) {
      unit.cost += page.cost;
      unit.pages.push(page.key);
    } else units.set(key, { key, cost: page.cost, pages: [page.key] });
  }
  const ordered = [...units.values()].sort((a, b) => b.cost - a.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const loads = Array.from({ length: count }, (_, index) => (index === 0 ? (options.firstShardCost ?? 0) : 0));
  const plan = new Map<string, number>();
  for (const unit of ordered) {
    let least = 0;
    for (let shard = 1; shard < count; shard++) if (loads[shard]! < loads[least]!) least = shard;
    loads[least]! += unit.cost;
    for (const key of unit.pages) plan.set(key, least + 1);
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
