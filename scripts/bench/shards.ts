/**
 * `npm run bench -- --shards 4`: a single build against the same site built in shards
 * (PORTAL_SHARD=k/n) and joined with `okr merge`. The shards run one after another, each
 * measured alone, because in CI each is a job on a machine of its own; running them at once
 * on this 2-core VM would measure the VM. Prints each shard's time and peak memory, the
 * slowest shard against the single build (issue 26's target: at most 40% at 8,000
 * objectives in 4 shards), the merge, and whether the merged site equals the single build.
 * `single: false` leaves out the single build (and so the ratios and the comparison), and
 * `merge: false` the merge: for sizes where a single build does not fit the machine and
 * only each shard's peak memory is asked (issue 26: 100,000 objectives in 8 shards).
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../test/support/project-paths.ts';
import { compareTrees } from '../../test/support/tree-diff.ts';
import type { MeasuredRun } from './measure.ts';
import { formatRouteTimes, routeTimes, type RouteTime } from './route-times.ts';

/** Runs one measured step: a label, the command's arguments after node, and its environment. */
export type MeasuredStep = (label: string, args: string[], env: Record<string, string>) => Promise<MeasuredRun>;

export interface ShardFigures {
  /** Absent when the single build was left out. */
  single?: { seconds: number; peakTreeRssMb: number; peakProcessHwmMb: number };
  /** Per shard; `renderSeconds` is the sum of its pages' render times as Astro printed them (how well the plan balanced the pages). */
  shards: { seconds: number; peakTreeRssMb: number; peakProcessHwmMb: number; renderSeconds: number; load: number }[];
  /** The single build's render time by route (what the plan's page costs estimate), or without it the shards' summed. */
  routes: Record<string, RouteTime>;
  /** Absent when the merge was left out. */
  merge?: { seconds: number; peakTreeRssMb: number };
  /** Slowest shard over the single build. */
  slowestRatio?: number;
  /** Slowest shard plus the merge over the single build: the wall time of the CI pipeline's build part. */
  pipelineRatio?: number;
  /** Files that differ between the merged site and the single build, outside pagefind/ (empty: equal); with both. */
  differences?: string[];
  /** Whether pagefind/ is byte-identical too. */
  indexIdentical?: boolean;
}

/** Which steps besides the shards run. */
export interface ShardSteps {
  single: boolean;
  merge: boolean;
}

/**
 * Builds whole, then in `count` shards, in `portalRoot` (a snapshot of the portal), then merges
 * with this checkout's `okr`; `steps` may leave out the single build and the merge.
 * @example await benchmarkShards(4, portalRoot, env, step, astro, { single: true, merge: true })
 */
export async function benchmarkShards(count: number, portalRoot: string, env: (name: string) => Record<string, string>, step: MeasuredStep, astro: string, steps: ShardSteps): Promise<ShardFigures> {
  const single = steps.single ? await step('single build', [astro, 'build'], env('single')) : undefined;
  const shards: MeasuredRun[] = [];
  const loads: number[] = [];
  for (let index = 1; index <= count; index++) {
    loads.push(loadavg()[0]!);
    shards.push(await step(`shard ${index}/${count}`, [astro, 'build'], { ...env(`shard-${index}`), PORTAL_SHARD: `${index}/${count}` }));
    // Each shard's output is kept for the merge; without it, it goes, so that large sizes keep the disk.
    if (!steps.merge) rmSync(env(`shard-${index}`)['PORTAL_OUT_DIR']!, { recursive: true, force: true });
  }
  const figures: ShardFigures = {
    shards: shards.map((run, index) => ({ seconds: run.seconds, peakTreeRssMb: mb(run.peakTreeRss), peakProcessHwmMb: mb(run.peakProcessHwm), renderSeconds: renderSeconds(run.output), load: loads[index]! })),
    routes: Object.fromEntries(single ? routeTimes(single.output) : routeTimes(shards.map((run) => run.output).join('\n'))),
  };
  const slowest = Math.max(...shards.map((run) => run.seconds));
  if (single) {
    figures.single = { seconds: single.seconds, peakTreeRssMb: mb(single.peakTreeRss), peakProcessHwmMb: mb(single.peakProcessHwm) };
    figures.slowestRatio = slowest / single.seconds;
  }
  if (steps.merge) {
    const folders = Array.from({ length: count }, (_, index) => env(`shard-${index + 1}`)['PORTAL_OUT_DIR']!);
    const merged = join(portalRoot, 'dist-merged');
    const merge = await step(`okr merge of ${count} shards`, [join(PROJECT_ROOT, 'scripts/okr.ts'), 'merge', ...folders, '--out', merged], {});
    figures.merge = { seconds: merge.seconds, peakTreeRssMb: mb(merge.peakTreeRss) };
    if (single) {
      const all = compareTrees(env('single')['PORTAL_OUT_DIR']!, merged);
      figures.pipelineRatio = (slowest + merge.seconds) / single.seconds;
      figures.differences = all.filter((line) => !line.startsWith('pagefind/'));
      figures.indexIdentical = !all.some((line) => line.startsWith('pagefind/'));
    }
  }
  return figures;
}

/**
 * The figures as the lines the benchmark prints.
 * @example formatShardFigures(4000, figures)
 */
export function formatShardFigures(n: number, figures: ShardFigures): string[] {
  const { single, shards, merge } = figures;
  const pct = (ratio: number | undefined): string => (ratio === undefined ? '–' : `${Math.round(ratio * 100)}%`);
  const lines = [
    `| N objectives | single build | ${shards.map((_, index) => `shard ${index + 1}/${shards.length}`).join(' | ')} | slowest / single | okr merge | (slowest + merge) / single |`,
    `|---|---|${shards.map(() => '---|').join('')}---|---|---|`,
    `| ${n} | ${single ? `${single.seconds.toFixed(1)} s, ${single.peakTreeRssMb} MB` : '–'} | ${shards.map((run) => `${run.seconds.toFixed(1)} s, ${run.peakTreeRssMb} MB`).join(' | ')} | ${pct(figures.slowestRatio)} | ${merge ? `${merge.seconds.toFixed(1)} s, ${merge.peakTreeRssMb} MB` : '–'} | ${pct(figures.pipelineRatio)} |`,
    `largest process per shard (VmHWM): ${shards.map((run) => `${run.peakProcessHwmMb} MB`).join(', ')}${single ? `; single build ${single.peakProcessHwmMb} MB` : ''}`,
    `load (1 min) as each shard started: ${shards.map((run) => run.load.toFixed(1)).join(', ')}`,
    `rendering (sum of page times) per shard: ${shards.map((run) => `${run.renderSeconds.toFixed(1)} s`).join(', ')}; ${single ? 'single build' : 'all shards'} ${renderSeconds(figures.routes).toFixed(1)} s, by route:`,
    ...formatRouteTimes(new Map(Object.entries(figures.routes))),
  ];
  if (figures.differences) {
    lines.push(`merged site = single build: ${figures.differences.length === 0 ? 'yes, byte for byte' : `NO, ${figures.differences.length} files differ: ${figures.differences.slice(0, 5).join('; ')}`} (outside pagefind/); pagefind/ ${figures.indexIdentical ? 'byte-identical too' : 'differs'}`);
  }
  return lines;
}

/** Seconds of page rendering in a build's output, or in its times by route. */
function renderSeconds(from: string | Record<string, RouteTime>): number {
  const times = typeof from === 'string' ? [...routeTimes(from).values()] : Object.values(from);
  return times.reduce((sum, time) => sum + time.ms, 0) / 1000;
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
