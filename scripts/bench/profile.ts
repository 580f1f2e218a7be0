/**
 * Reading a build: phase timings from Astro's log lines, and the hottest functions and
 * packages of a V8 CPU profile (`node --cpu-prof`).
 */
import { readFileSync } from 'node:fs';

export interface Phase {
  name: string;
  seconds: number;
}

/**
 * Log lines that end a phase, with the duration they report. Astro prints the server and
 * the client bundle as two `[vite] ✓ built in` lines, and the page rendering as a bare
 * `✓ Completed in` line after "generating static routes".
 */
const PHASE_PATTERNS: ReadonlyArray<readonly [string | readonly string[], RegExp]> = [
  ['content check', /content OK: .* checked in ([\d.]+) (s)\)$/],
  ['content sync and types', /^\[types\] Generated ([\d.]+)(ms|s)/],
  [['server bundle (vite)', 'client bundle (vite)'], /^\[vite\] ✓ built in ([\d.]+)(ms|s)/],
  ['render pages', /^✓ Completed in ([\d.]+)(ms|s)/],
  // Written while pages render; what it adds to the build is the wait after rendering.
  ['badges, embeds, CSVs (after rendering)', /wrote \d+ badges, embeds and KPI CSVs in [\d.]+ s \(([\d.]+) (s) after rendering\)/],
  ['pagefind index', /pagefind: indexed \d+ pages in ([\d.]+) (s)/],
  ['astro total', /^\[build\] \d+ page\(s\) built in ((?:\d+m )?[\d.]+)(ms|s)/],
];

/**
 * The phases a build log reports, in order of appearance.
 * @example readPhases('12:00:01 [types] Generated 7.39s') // [{ name: 'content sync and types', seconds: 7.39 }]
 */
export function readPhases(output: string): Phase[] {
  const phases: Phase[] = [];
  const seen = new Map<RegExp, number>();
  for (const line of output.split('\n')) {
    const text = line.replace(/\x1b\[[0-9;]*m/g, '').replace(/^\d\d:\d\d:\d\d\s+/, '').trim();
    for (const [names, pattern] of PHASE_PATTERNS) {
      const match = pattern.exec(text);
      if (!match) continue;
      const count = seen.get(pattern) ?? 0;
      seen.set(pattern, count + 1);
      const name = typeof names === 'string' ? names : (names[count] ?? names[names.length - 1]!);
      phases.push({ name, seconds: toSeconds(match[1]!, match[2]!) });
    }
  }
  return phases;
}

/** Astro prints `793ms`, `10.73s` or, past a minute, `1m 7s`. */
function toSeconds(value: string, unit: string): number {
  const [minutes, seconds] = value.includes('m ') ? value.split('m ') : ['0', value];
  return Number(minutes) * 60 + Number(seconds) / (unit === 'ms' ? 1000 : 1);
}

/**
 * The `pagefind:` summary line the portal prints, if any.
 * @example readPagefindLine('… pagefind: indexed 71 pages in 0.47 s, index 766 KB') // 'indexed 71 pages in 0.47 s, index 766 KB'
 */
export function readPagefindLine(output: string): string | undefined {
  return /pagefind: (indexed [^\n]*)/.exec(output)?.[1]?.trim();
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface HotSpot {
  label: string;
  seconds: number;
  share: number;
}

/**
 * Self time per function and per package (or project file) of a `.cpuprofile`.
 * @example summarizeProfile('/tmp/prof/CPU.123.cpuprofile').byPackage[0] // { label: 'astro', seconds: 12.3, share: 0.31 }
 */
export function summarizeProfile(path: string, top = 15): { total: number; byFunction: HotSpot[]; byPackage: HotSpot[] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of selfMicros) {
    const frame = nodes.get(id)!.callFrame;
    total += micros;
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '(native)';
    const fn = `${frame.functionName || '(anonymous)'} ${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    const area = packageOf(frame.url, frame.functionName);
    byPackage.set(area, (byPackage.get(area) ?? 0) + micros);
  }
  const rank = (map: Map<string, number>): HotSpot[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([label, micros]) => ({ label, seconds: micros / 1e6, share: micros / total }));
  return { total: total / 1e6, byFunction: rank(byFunction), byPackage: rank(byPackage) };
}

/** Benchmark and test builds run from snapshots of the project in okr-portal-builds/<name>/. */
const SNAPSHOT = /^.*\/okr-portal-builds\/[^/]+\//;

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '').replace(SNAPSHOT, '/project/');
  const nodeModules = path.lastIndexOf('/node_modules/');
  if (nodeModules >= 0) return path.slice(nodeModules + '/node_modules/'.length);
  const src = path.indexOf('/src/');
  return src >= 0 ? path.slice(src + 1) : path;
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName === '(garbage collector)' ? '(garbage collector)' : functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '').replace(SNAPSHOT, '/project/');
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path.slice(path.lastIndexOf('/node_modules/')));
  if (match) return match[1]!;
  if (path.startsWith('node:')) return 'node (internals)';
  const src = path.indexOf('/src/');
  if (src >= 0) return `project ${path.slice(src + 1).split('/').slice(0, 2).join('/')}`;
  if (path.includes('/.prerender/') || path.includes('/chunks/')) return 'built pages (prerender chunks)';
  return path;
}
