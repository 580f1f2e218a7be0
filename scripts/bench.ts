/**
 * `npm run bench`: builds a synthetic organisation of N objectives with the portal and, in
 * the same run, a plain-Astro baseline with one minimal page per objective from the same
 * files; prints build time, peak memory, dist size, pages, the Pagefind line, the
 * portal/baseline ratio, phase timings, and rebuilds with the cache kept (into fresh output
 * folders): after editing one objective of the current period, then after adding one KPI
 * value, each with its share of the cold build and how many files Astro copied.
 *
 *   npm run bench                          N = 1,000 and 5,000 (KPIs = N / 20)
 *   npm run bench -- --n 10000 --kpis 500  issue 10's large run (--n may repeat)
 *   npm run bench -- --quick               N = 200 (smoke test)
 *   npm run bench -- --profile             also CPU-profile the portal build of the largest N
 *   npm run bench -- --json out.json       write the figures as JSON too
 *   npm run bench -- --keep                keep the generated folders
 *   npm run bench -- --ref <commit>        benchmark another commit of the portal (default HEAD)
 *   npm run bench -- --portal-only         only the cold portal build (with --profile: profiling)
 *   npm run bench -- --runs 3              cold portal and baseline builds alternate 3 times; the
 *                                          medians are compared (this VM's timings drift by 25% and
 *                                          more within minutes, so one pair of builds can mislead)
 *   npm run bench -- --snapshots off       build the portal with PORTAL_SNAPSHOTS=off (no weekly
 *                                          snapshot pages, exports, timelines or progress charts),
 *                                          to measure what snapshots cost against a default run
 *   npm run bench -- --rebuilds objective  which rebuilds follow the cold builds: objective, kpi
 *                                          (default both, in that order), none
 *   npm run bench -- --shards 4            instead: a single build, the same site in 4 shards
 *                                          (PORTAL_SHARD, one after another) and okr merge; time and
 *                                          peak RSS of each, ratios, and whether merged = single
 *   npm run bench -- --shards 8 --single off --merge off --n 100000
 *                                          the shards alone (no single build, no merge; each shard's
 *                                          output removed after it): their time and peak memory, for
 *                                          sizes where a single build does not fit the machine
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { PROJECT_ROOT } from '../test/support/build-site.ts';
import { snapshotProject } from '../test/support/project-snapshot.ts';
import { createBaselineProject } from './bench/baseline.ts';
import { generateOrganisation, type OrganisationSummary } from './bench/generate.ts';
import { folderStats, runMeasured, type MeasuredRun } from './bench/measure.ts';
import { readPagefindLine, readPhases, summarizeProfile, type Phase } from './bench/profile.ts';
import { benchmarkShards, formatShardFigures } from './bench/shards.ts';

const AS_OF = '2026-11-23';
const NODE = join(PROJECT_ROOT, 'node_modules/.bin/node');
const ASTRO = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

interface BuildFigures {
  seconds: number;
  peakTreeRssMb: number;
  peakProcessHwmMb: number;
  distMb: number;
  pages: number;
  files: number;
  phases: Phase[];
  loadBefore: number;
}

/** The kinds of rebuild: one objective edited (a title and a check-in), one KPI value added. */
const REBUILD_KINDS = ['objective', 'kpi'] as const;
type RebuildKind = (typeof REBUILD_KINDS)[number];

interface Rebuild extends BuildFigures {
  kind: RebuildKind;
  /** Files Astro copied from its cache instead of rendering ("(cached)" or "(restored)"). */
  copied: number;
  /** Seconds over the median cold build's. */
  share: number;
}

interface SizeResult {
  n: number;
  organisation: OrganisationSummary;
  /** The cold portal build with the median time (of --runs builds). */
  portal: BuildFigures & { pagefind: string | undefined };
  /** The baseline build with the median time; absent with --portal-only. */
  baseline?: BuildFigures;
  /** The rebuilds with the cache kept, in the order they ran (each starts from the one before). */
  rebuilds?: Rebuild[];
  /** Median portal time over median baseline time, and the same for peak memory. */
  ratio?: { seconds: number; memory: number };
  /** Every cold build's seconds, in the order they ran (portal, baseline, portal, ...). */
  runs?: { portal: number[]; baseline: number[] };
}

const { values } = parseArgs({
  options: {
    n: { type: 'string', multiple: true },
    kpis: { type: 'string' },
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    ref: { type: 'string', default: 'HEAD' },
    'portal-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    snapshots: { type: 'string', default: 'on' },
    shards: { type: 'string' },
    single: { type: 'string', default: 'on' },
    merge: { type: 'string', default: 'on' },
    rebuilds: { type: 'string', default: REBUILD_KINDS.join(',') },
  },
});
const rebuildKinds = values.rebuilds === 'none' ? [] : values.rebuilds.split(',');
const unknownRebuild = rebuildKinds.find((kind) => !(REBUILD_KINDS as readonly string[]).includes(kind));
if (unknownRebuild !== undefined) throw new Error(`--rebuilds takes ${REBUILD_KINDS.join(', ')} or none, comma-separated; got ${unknownRebuild}`);
for (const option of ['snapshots', 'single', 'merge'] as const) {
  if (!['on', 'off'].includes(values[option])) throw new Error(`--${option} must be on or off, got ${values[option]}`);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, got ${values.runs}`);
const sizes = values.quick ? [200] : (values.n ?? ['1000', '5000']).flatMap((n) => n.split(',')).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 50)) throw new Error(`--n must be whole numbers of at least 50, got ${sizes.join(', ')}`);

console.log(`okr-portal benchmark, ${new Date().toISOString()}`);
console.log(`portal: ${values.ref} = ${gitDescribe(values.ref)}, snapshots ${values.snapshots}`);
console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, node ${process.version}`);
if (values.shards !== undefined) {
  const count = Number(values.shards);
  if (!Number.isInteger(count) || count < 2) throw new Error(`--shards must be a whole number of at least 2, got ${values.shards}`);
  for (const n of sizes) await benchmarkShardedSize(n, values.kpis ? Number(values.kpis) : Math.max(10, Math.round(n / 20)), count);
  process.exit(0);
}
const results: SizeResult[] = [];
for (const n of sizes) {
  const kpis = values.kpis ? Number(values.kpis) : Math.max(10, Math.round(n / 20));
  const profile = values.profile && n === Math.max(...sizes);
  results.push(await benchmarkSize(n, kpis, profile));
}
printSummary(results);
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);

/** The build inputs of one portal build of the bench: its own output and cache folders per `name`. */
function buildEnv(content: string, portalRoot: string, name: string): Record<string, string> {
  return {
    PORTAL_CONTENT_DIR: content,
    PORTAL_OUT_DIR: join(portalRoot, `dist-${name}`),
    PORTAL_CACHE_DIR: join(portalRoot, `.cache-${name}`),
    PORTAL_AS_OF: AS_OF,
    PORTAL_SITE: 'https://example.org',
    PORTAL_SNAPSHOTS: values.snapshots,
  };
}

/** The generated content and the project snapshot of one size go, unless --keep asks to keep them. */
function removeUnlessKept(work: string, portalRoot: string): void {
  if (!values.keep) {
    rmSync(work, { recursive: true, force: true });
    rmSync(portalRoot, { recursive: true, force: true });
  } else {
    console.log(`kept: ${work} and ${portalRoot}`);
  }
}

async function benchmarkSize(n: number, kpis: number, profile: boolean): Promise<SizeResult> {
  const work = mkdtempSync(join(tmpdir(), `okr-portal-bench-${n}-`));
  const content = join(work, 'content');
  const organisation = generateOrganisation(content, { objectives: n, kpis });
  console.log(`\n== N = ${n}: ${organisation.objectives} objectives, ${organisation.keyResults} key results, ${organisation.checkins} check-ins, ` +
    `${organisation.kpis} KPIs (${organisation.kpiValues} weekly values), ${organisation.teams} teams, ${organisation.people} people`);
  // The portal builds from a snapshot of a commit (edits in the checkout do not
  // matter) with its output inside the snapshot (Astro stages chunks in <cwd>/.astro otherwise).
  const portalRoot = snapshotProject(`bench-${n}-`, { ref: values.ref });
  const profileDir = join(work, 'profile');
  try {
    const portalEnv = (run: number): Record<string, string> => buildEnv(content, portalRoot, String(run));
    const portals: (BuildFigures & { pagefind: string | undefined })[] = [];
    const baselines: BuildFigures[] = [];
    // Portal and baseline alternate, each into fresh folders, so that drift hits both alike.
    for (let run = 1; run <= runs; run++) {
      const suffix = runs > 1 ? ` ${run}/${runs}` : '';
      const withProfile = profile && run === 1;
      const portalRun = await build(`portal (cold)${suffix}`, portalRoot, portalEnv(run), withProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
      portals.push({ ...figures(portalRun.run, join(portalRoot, `dist-${run}`), portalRun.load), pagefind: readPagefindLine(portalRun.run.output) });
      if (withProfile) printProfile(profileDir);
      if (values['portal-only']) continue;
      const baselineRoot = join(work, `baseline-${run}`);
      createBaselineProject(baselineRoot, join(content, 'objectives'), join(PROJECT_ROOT, 'node_modules'));
      const baselineRun = await build(`baseline (cold)${suffix}`, baselineRoot, {}, []);
      baselines.push(figures(baselineRun.run, join(baselineRoot, 'dist'), baselineRun.load));
    }
    const portal = median(portals);
    if (values['portal-only']) return { n, organisation, portal };
    const baseline = median(baselines);

    // Same cache folder as the first cold build, fresh output folder: Astro empties an
    // existing output folder first, which on this file system costs more than the cache
    // saves (see docs/performance.md).
    const rebuilds: Rebuild[] = [];
    for (const kind of rebuildKinds as RebuildKind[]) {
      const label = kind === 'objective' ? 'editing one objective' : 'adding one KPI value';
      if (kind === 'objective') editObjective(join(content, organisation.sampleObjective));
      else addKpiValue(join(content, organisation.sampleKpiSeries));
      const out = join(portalRoot, `dist-rebuild-${kind}`);
      const rebuildRun = await build(`portal (rebuild after ${label}, cache kept)`, portalRoot, { ...portalEnv(1), PORTAL_OUT_DIR: out }, []);
      const rebuilt = figures(rebuildRun.run, out, rebuildRun.load);
      // Astro colours the mark; test/support/incremental-chain.ts reads the same lines.
      const copied = stripVTControlCharacters(rebuildRun.run.output).match(/ \((?:cached|restored)\)$/gm)?.length ?? 0;
      rebuilds.push({ kind, ...rebuilt, copied, share: rebuilt.seconds / portal.seconds });
    }
    return {
      n,
      organisation,
      portal,
      baseline,
      rebuilds,
      ratio: { seconds: portal.seconds / baseline.seconds, memory: portal.peakTreeRssMb / baseline.peakTreeRssMb },
      runs: { portal: portals.map((run) => run.seconds), baseline: baselines.map((run) => run.seconds) },
    };
  } finally {
    removeUnlessKept(work, portalRoot);
  }
}

/** Issue 26: the single build against `count` shards and their merge, for one size. */
async function benchmarkShardedSize(n: number, kpis: number, count: number): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), `okr-portal-bench-${n}-`));
  const content = join(work, 'content');
  const organisation = generateOrganisation(content, { objectives: n, kpis });
  console.log(`\n== N = ${n}: ${organisation.objectives} objectives, ${organisation.kpis} KPIs, ${organisation.teams} teams, ${organisation.people} people; ${count} shards`);
  const portalRoot = snapshotProject(`bench-${n}-`, { ref: values.ref });
  try {
    const env = (name: string): Record<string, string> => buildEnv(content, portalRoot, name);
    const step = async (label: string, args: string[], stepEnv: Record<string, string>): Promise<MeasuredRun> => (await measure(label, portalRoot, stepEnv, args)).run;
    const figures = await benchmarkShards(count, portalRoot, env, step, ASTRO, { single: values.single === 'on', merge: values.merge === 'on' });
    console.log('');
    for (const line of formatShardFigures(n, figures)) console.log(line);
  } finally {
    removeUnlessKept(work, portalRoot);
  }
}

async function build(label: string, cwd: string, env: Record<string, string>, nodeFlags: string[]): Promise<{ run: MeasuredRun; load: number }> {
  return measure(label, cwd, env, [...nodeFlags, ASTRO, 'build']);
}

async function measure(label: string, cwd: string, env: Record<string, string>, args: string[]): Promise<{ run: MeasuredRun; load: number }> {
  const load = loadavg()[0]!;
  process.stdout.write(`   ${label}: load ${load.toFixed(1)} … `);
  const run = await runMeasured(NODE, args, {
    cwd,
    env: { ...process.env, ...env, PATH: `${join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', CI: 'true' },
  });
  if (run.status !== 0) {
    console.log('FAILED');
    console.error(run.output.split('\n').slice(-60).join('\n'));
    throw new Error(`${label} failed with exit code ${run.status}`);
  }
  console.log(`${run.seconds.toFixed(1)} s, peak RSS ${mb(run.peakTreeRss)} MB`);
  return { run, load };
}

/**
 * The build with the median time (the lower middle one for an even count).
 * @example median([{ seconds: 3 }, { seconds: 1 }, { seconds: 2 }]) // { seconds: 2 }
 */
export function median<T extends { seconds: number }>(builds: readonly T[]): T {
  const sorted = [...builds].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function figures(run: MeasuredRun, dist: string, loadBefore: number): BuildFigures {
  const stats = folderStats(dist);
  return {
    seconds: run.seconds,
    peakTreeRssMb: mb(run.peakTreeRss),
    peakProcessHwmMb: mb(run.peakProcessHwm),
    distMb: stats.bytes / 2 ** 20,
    pages: stats.pages,
    files: stats.files,
    phases: readPhases(run.output),
    loadBefore,
  };
}

/** A new weekly value at the end of a KPI's series, dated before the bench's as-of date. */
function addKpiValue(path: string): void {
  writeFileSync(path, `${readFileSync(path, 'utf8')}2026-11-20,61.5\n`);
}

/** A realistic edit: a new check-in value and a retitled objective. */
function editObjective(path: string): void {
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.replace(/^title: (.*)$/m, 'title: $1 (edited)').replace(/value: ([\d.]+), confidence/, 'value: 123.4, confidence'));
}

function printProfile(dir: string): void {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  for (const file of files) {
    const summary = summarizeProfile(join(dir, file));
    if (summary.total < 1) continue;
    console.log(`\n   CPU profile ${file}: ${summary.total.toFixed(1)} s sampled`);
    console.log('   self time by package:');
    for (const spot of summary.byPackage) console.log(`     ${pct(spot.share)} ${spot.seconds.toFixed(2).padStart(7)} s  ${spot.label}`);
    console.log('   self time by function:');
    for (const spot of summary.byFunction) console.log(`     ${pct(spot.share)} ${spot.seconds.toFixed(2).padStart(7)} s  ${spot.label}`);
  }
}

function printSummary(all: SizeResult[]): void {
  const rebuildOf = (r: SizeResult, kind: RebuildKind): string => {
    const rebuild = r.rebuilds?.find((candidate) => candidate.kind === kind);
    return rebuild ? `${rebuild.seconds.toFixed(1)} s (${(rebuild.share * 100).toFixed(0)}%, ${rebuild.copied} copied, ${rebuild.peakTreeRssMb} MB)` : '–';
  };
  console.log('\n| N objectives | KPIs | portal build | baseline build | ratio | portal peak RSS | baseline peak RSS | dist (portal / baseline) | pages (portal / baseline) | rebuild after 1 objective edit | rebuild after 1 KPI value | pagefind |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of all) {
    const { portal, baseline, ratio } = r;
    console.log(`| ${r.n} | ${r.organisation.kpis} | ${portal.seconds.toFixed(1)} s | ${baseline ? `${baseline.seconds.toFixed(1)} s` : '–'} | ${ratio ? `${ratio.seconds.toFixed(2)}x` : '–'} | ` +
      `${portal.peakTreeRssMb} MB | ${baseline ? `${baseline.peakTreeRssMb} MB` : '–'} | ${portal.distMb.toFixed(0)} / ${baseline?.distMb.toFixed(0) ?? '–'} MB | ` +
      `${portal.pages} / ${baseline?.pages ?? '–'} | ${rebuildOf(r, 'objective')} | ${rebuildOf(r, 'kpi')} | ${portal.pagefind ?? '–'} |`);
  }
  for (const r of all) {
    if (!r.runs || r.runs.portal.length < 2) continue;
    const list = (seconds: number[]): string => seconds.map((value) => `${value.toFixed(1)} s`).join(', ');
    console.log(`\nN = ${r.n}, ${r.runs.portal.length} alternating runs: portal ${list(r.runs.portal)}; baseline ${list(r.runs.baseline)}; ` +
      `medians ${r.portal.seconds.toFixed(1)} s / ${r.baseline!.seconds.toFixed(1)} s = ${r.ratio!.seconds.toFixed(2)}x; ` +
      `ratios per run ${r.runs.portal.map((value, index) => `${(value / r.runs!.baseline[index]!).toFixed(2)}x`).join(', ')}`);
  }
  for (const r of all) {
    console.log(`\nN = ${r.n} phases (from the build logs):`);
    const builds: [string, BuildFigures | undefined][] = [['portal', r.portal], ['baseline', r.baseline], ...(r.rebuilds ?? []).map((rebuild): [string, BuildFigures] => [`rebuild (${rebuild.kind})`, rebuild])];
    for (const [label, build] of builds) {
      if (build) console.log(`  ${label.padEnd(18)} ${build.phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} s`).join(' · ') || '–'}`);
    }
  }
}

function gitDescribe(ref: string): string {
  return spawnSync('git', ['log', '-1', '--format=%h %cI %s', ref], { cwd: PROJECT_ROOT, encoding: 'utf8' }).stdout.trim();
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1).padStart(5)}%`;
}
