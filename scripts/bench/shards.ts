/**
 * `npm run bench -- --shards 4`: a single build against the same site built in shards
 * (PORTAL_SHARD=k/n) and joined with `okr merge`. The shards run one after another, each
 * measured alone, because in CI each is a job on a machine of its own; running them at once
 * on this 2-core VM would measure the VM. Prints each shard's time and peak memory, the
 * slowest shard against the single build (issue 26's target: at most 40% at 8,000
 * objectives in 4 shards), the merge, and whether the merged site equals the single build.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../test/support/project-paths.ts';
import { compareTrees } from '../../test/support/tree-diff.ts';
import type { MeasuredRun } from './measure.ts';
import { formatRouteTimes, routeTimes, type RouteTime } from './route-times.ts';

/** Runs one measured step: a label, the command's arguments after node, and its environment. */
export type MeasuredStep = (label: string, args: string[], env: Record<string, string>) => Promise<MeasuredRun>;

export interface ShardFigures {
  single: { seconds: number; peakTreeRssMb: number };
  /** Per shard; `renderSeconds` is the sum of its pages' render times as Astro printed them (how well the plan balanced the pages). */
  shards: { seconds: number; peakTreeRssMb: number; peakProcessHwmMb: number; renderSeconds: number }[];
  /** The single build's render time by route: what the plan's page costs estimate. */
  routes: Record<string, RouteTime>;
  merge: { seconds: number; peakTreeRssMb: number };
  /** Slowest shard over the single build. */
  slowestRatio: number;
  /** Slowest shard plus the merge over the single build: the wall time of the CI pipeline's build part. */
  pipelineRatio: number;
  /** Files that differ between the merged site and the single build, outside pagefind/ (empty: equal). */
  differences: string[];
  /** Whether pagefind/ is byte-identical too. */
  indexIdentical: boolean;
}

/**
 * Builds whole, then in `count` shards, in `portalRoot` (a snapshot of the portal), then merges
 * with this checkout's `okr`.
 * @example await benchmarkShards(4, portalRoot, env, step)
 */
export async function benchmarkShards(count: number, portalRoot: string, env: (name: string) => Record<string, string>, step: MeasuredStep, astro: string): Promise<ShardFigures> {
  const single = await step('single build', [astro, 'build'], env('single'));
  const shards: MeasuredRun[] = [];
  for (let index = 1; index <= count; index++) {
    shards.push(await step(`shard ${index}/${count}`, [astro, 'build'], { ...env(`shard-${index}`), PORTAL_SHARD: `${index}/${count}` }));
  }
  const folders = Array.from({ length: count }, (_, index) => env(`shard-${index + 1}`)['PORTAL_OUT_DIR']!);
  const merged = join(portalRoot, 'dist-merged');
  const merge = await step(`okr merge of ${count} shards`, [join(PROJECT_ROOT, 'scripts/okr.ts'), 'merge', ...folders, '--out', merged], {});
  const all = compareTrees(env('single')['PORTAL_OUT_DIR']!, merged);
  const slowest = Math.max(...shards.map((run) => run.seconds));
  return {
    single: { seconds: single.seconds, peakTreeRssMb: mb(single.peakTreeRss) },
    shards: shards.map((run) => ({ seconds: run.seconds, peakTreeRssMb: mb(run.peakTreeRss), peakProcessHwmMb: mb(run.peakProcessHwm), renderSeconds: renderSeconds(run.output) })),
    routes: Object.fromEntries(routeTimes(single.output)),
    merge: { seconds: merge.seconds, peakTreeRssMb: mb(merge.peakTreeRss) },
    slowestRatio: slowest / single.seconds,
    pipelineRatio: (slowest + merge.seconds) / single.seconds,
    differences: all.filter((line) => !line.startsWith('pagefind/')),
    indexIdentical: !all.some((line) => line.startsWith('pagefind/')),
  };
}

/**
 * The figures as the lines the benchmark prints.
 * @example formatShardFigures(4000, figures)
 */
export function formatShardFigures(n: number, figures: ShardFigures): string[] {
  const { single, shards, merge } = figures;
  const pct = (ratio: number): string => `${Math.round(ratio * 100)}%`;
  return [
    `| N objectives | single build | ${shards.map((_, index) => `shard ${index + 1}/${shards.length}`).join(' | ')} | slowest / single | okr merge | (slowest + merge) / single |`,
    `|---|---|${shards.map(() => '---|').join('')}---|---|---|`,
    `| ${n} | ${single.seconds.toFixed(1)} s, ${single.peakTreeRssMb} MB | ${shards.map((run) => `${run.seconds.toFixed(1)} s, ${run.peakTreeRssMb} MB`).join(' | ')} | ${pct(figures.slowestRatio)} | ${merge.seconds.toFixed(1)} s, ${merge.peakTreeRssMb} MB | ${pct(figures.pipelineRatio)} |`,
    `rendering (sum of page times) per shard: ${shards.map((run) => `${run.renderSeconds.toFixed(1)} s`).join(', ')}; single build ${renderSeconds(figures.routes).toFixed(1)} s, by route:`,
    ...formatRouteTimes(new Map(Object.entries(figures.routes))),
    `merged site = single build: ${figures.differences.length === 0 ? 'yes, byte for byte' : `NO, ${figures.differences.length} files differ: ${figures.differences.slice(0, 5).join('; ')}`} (outside pagefind/); pagefind/ ${figures.indexIdentical ? 'byte-identical too' : 'differs'}`,
  ];
}

/** Seconds of page rendering in a build's output, or in its times by route. */
function renderSeconds(from: string | Record<string, RouteTime>): number {
  const times = typeof from === 'string' ? [...routeTimes(from).values()] : Object.values(from);
  return times.reduce((sum, time) => sum + time.ms, 0) / 1000;
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
