/**
 * The incremental-build equivalence check: a copy of a fixture is built cold with a cache
 * that is kept, then for each change in turn the change is applied, the site is rebuilt with
 * the kept cache (incrementally), and built again cold with a fresh cache; the two outputs
 * must be equal byte for byte. Each change starts from the state the previous one left.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDS_DIR, buildSite, checkoutRoot, type BuiltSite } from './build-site.ts';
import { compareTrees } from './tree-diff.ts';

export interface Change {
  /** What changes, for the test name. */
  name: string;
  /** Applies the change below `content` (or to the checkout's sources); may change the build inputs. */
  apply(folders: { content: string; checkout: string; env: Record<string, string> }): void;
  /** Whether every page shows what changed (the frame), so none may be copied. */
  everyPage?: boolean;
}

export interface ChangeResult {
  change: Change;
  incremental: BuiltSite;
  cold: BuiltSite;
  /** Differences between the incremental and the cold output (none when equal). */
  differences: string[];
  /** Files Astro copied from the cache in the incremental build (pages, exports, branding files). */
  copied: string[];
}

/**
 * Runs the chain over a copy of `fixture` and returns one result per change.
 * @example const results = runChanges('test/fixtures/basic', { PORTAL_AS_OF: '2026-08-16' }, [renameTeam]);
 */
export function runChanges(fixture: string, baseEnv: Record<string, string>, changes: readonly Change[], options: { prepare?: (content: string) => void } = {}): ChangeResult[] {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const work = mkdtempSync(join(BUILDS_DIR, 'incremental-'));
  const content = join(work, 'content');
  cpSync(join(checkoutRoot(), fixture), content, { recursive: true });
  options.prepare?.(content);
  const env = { ...baseEnv };
  const kept = { PORTAL_OUT_DIR: join(work, 'kept', 'dist'), PORTAL_CACHE_DIR: join(work, 'kept', 'cache') };
  const first = buildSite(content, { ...env, ...kept });
  if (first.status !== 0) throw new Error(`the first build failed:\n${first.output}`);
  return changes.map((change, index) => {
    change.apply({ content, checkout: checkoutRoot(), env });
    const incremental = { ...buildSite(content, { ...env, ...kept }), outDir: kept.PORTAL_OUT_DIR };
    const coldDirs = { PORTAL_OUT_DIR: join(work, `cold-${index}`, 'dist'), PORTAL_CACHE_DIR: join(work, `cold-${index}`, 'cache') };
    const cold = { ...buildSite(content, { ...env, ...coldDirs }), outDir: coldDirs.PORTAL_OUT_DIR };
    for (const site of [incremental, cold]) if (site.status !== 0) throw new Error(`a build after "${change.name}" failed:\n${site.output}`);
    const copied = copiedFiles(incremental.output);
    return { change, incremental, cold, differences: compareTrees(incremental.outDir, cold.outDir), copied };
  });
}

/**
 * The files an incremental build copied instead of rendering, from Astro's log: each output
 * file it generates is a line `├─ /path`, followed by "(cached)" or "(restored)" when copied.
 * @example copiedFiles('  ├─ /teams/a/index.html (cached)') // ['/teams/a/index.html']
 */
export function copiedFiles(output: string): string[] {
  return [...output.matchAll(/(\/\S+) \((?:cached|restored)\)/g)].map((match) => match[1]!);
}
