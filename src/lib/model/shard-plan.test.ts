import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planShards, rendersPage, shardLoads, type PlannedPage } from './shard-plan.ts';

const pages = (costs: Record<string, number>): PlannedPage[] => Object.entries(costs).map(([key, cost]) => ({ key, cost }));

describe('planShards', () => {
  test.each([
    ['one shard takes every page', { a: 1, b: 5, c: 2 }, 1, { a: 1, b: 1, c: 1 }],
    ['costliest first, each to the least-loaded shard', { a: 3, b: 2, c: 1 }, 2, { a: 1, b: 2, c: 2 }],
    ['a costly page outweighs many cheap ones', { period: 6, o1: 1, o2: 1, o3: 1, o4: 1, o5: 1, o6: 1 }, 2, { period: 1, o1: 2, o2: 2, o3: 2, o4: 2, o5: 2, o6: 2 }],
    ['equal costs go round in key order', { d: 1, b: 1, a: 1, c: 1 }, 3, { a: 1, b: 2, c: 3, d: 1 }],
    ['more shards than pages leave the last ones empty', { a: 1 }, 3, { a: 1 }],
  ])('%s', (_, costs, count, expected) => {
    expect(Object.fromEntries(planShards(pages(costs), count))).toEqual(expected);
  });

  test.each([
    ['work of its own keeps the first shard from the costly pages', { a: 3, b: 2, c: 1 }, 2, 3, { a: 2, b: 1, c: 2 }],
    ['more than all pages leaves the first shard without any', { a: 3, b: 2, c: 1 }, 2, 10, { a: 2, b: 2, c: 2 }],
  ])('firstShardCost: %s', (_, costs, count, firstShardCost, expected) => {
    expect(Object.fromEntries(planShards(pages(costs), count, { firstShardCost }))).toEqual(expected);
  });

  test('places the pages of a group together, by their summed cost', () => {
    const grouped: PlannedPage[] = [
      { key: 'period', cost: 2, group: 'q3' },
      { key: 'snapshot', cost: 2, group: 'q3' },
      { key: 'a', cost: 3 },
      { key: 'b', cost: 1 },
    ];
    // As one page of cost 4 the group goes first, to shard 1; a and b then share shard 2.
    expect(Object.fromEntries(planShards(grouped, 2))).toEqual({ period: 1, snapshot: 1, a: 2, b: 2 });
  });

  test('does not depend on the order the pages come in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ key: fc.string(), cost: fc.integer({ min: 1, max: 50 }) }), { selector: (page) => page.key }), fc.integer({ min: 1, max: 6 }), (list, count) => {
        const reversed = [...list].reverse();
        expect([...planShards(reversed, count)].sort()).toEqual([...planShards(list, count)].sort());
      }),
    );
  });

  test('keeps the shards within one page of each other (greedy bound)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ key: fc.string(), cost: fc.integer({ min: 1, max: 50 }) }), { selector: (page) => page.key, minLength: 1 }), fc.integer({ min: 1, max: 6 }), (list, count) => {
        const loads = shardLoads(list, planShards(list, count), count);
        const heaviest = Math.max(...list.map((page) => page.cost));
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(heaviest);
      }),
    );
  });
});

describe('rendersPage', () => {
  const plan = planShards(pages({ a: 2, b: 1 }), 2);
  test.each([
    [undefined, 'a', true],
    [undefined, 'b', true],
    [{ index: 1, count: 2 }, 'a', true],
    [{ index: 1, count: 2 }, 'b', false],
    [{ index: 2, count: 2 }, 'b', true],
    [{ index: 2, count: 2 }, 'a', false],
    [{ index: 1, count: 2 }, 'unknown', true],
    [{ index: 2, count: 2 }, 'unknown', false],
  ])('shard %j renders %s: %s', (shard, key, expected) => {
    expect(rendersPage(shard, plan, key)).toBe(expected);
  });
});
