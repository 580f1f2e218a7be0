/**
 * Builds shared between test files: the demo organisation (e2e, quality, charts) and the
 * fixtures that several suites read. A build takes seconds of both cores, so the result is
 * cached (in BUILDS_DIR/shared), keyed by the content folder, the build environment and a
 * fingerprint of the sources (paths, sizes and mtimes of src/, content/, public/, the config
 * files and the content folder): any edit makes a fresh build. Concurrent test files wait for
 * each other through a lock directory instead of building twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildSite, siteAt, type BuiltSite } from './build-site.ts';
import { BUILDS_DIR, PROJECT_FILES, PROJECT_ROOT } from './project-paths.ts';

/** The build inputs every quality suite uses for the demo. */
export const DEMO_ENV: Readonly<Record<string, string>> = {
  PORTAL_AS_OF: '2026-11-23',
  PORTAL_BASE: '/okrs',
  PORTAL_SITE: 'https://example.org',
};

/** The build inputs of the XSS fixture (test/fixtures/hostile/xss), shared by hostile.test.ts and the e2e XSS suite. */
export const XSS_ENV: Readonly<Record<string, string>> = { PORTAL_AS_OF: '2026-08-16', PORTAL_SITE: 'https://example.org' };

/** The base path the demo is built and served under. */
export const DEMO_BASE = '/okrs/';

/** The content folder of the demo. */
export const DEMO_CONTENT = 'content';

export interface DemoSite {
  /** The built dist/ folder (read-only: other suites share it). */
  outDir: string;
  /** What `astro build` printed. */
  output: string;
  /** The fingerprint of the sources it was built from (see fingerprintSources). */
  sources: string;
}

/** A shared build: a BuiltSite whose dist/ other suites read too (never write to it). */
export type SharedSite = BuiltSite & DemoSite;

const CACHE_ROOT = join(BUILDS_DIR, 'shared');
/** What shapes a build: the project files it reads, and the locked dependencies. */
const SOURCES = [...PROJECT_FILES, 'package-lock.json'];
const LOCK_STALE_MS = 10 * 60_000;
const ENTRY_MAX_AGE_MS = 6 * 60 * 60_000;

/**
 * Builds the demo once per source state and environment, or returns the cached build.
 * Throws with the build output when the build fails.
 * @example const { outDir } = await buildDemoOnce(); const server = await serveStatic(outDir, DEMO_BASE);
 */
export function buildDemoOnce(env: Record<string, string> = { ...DEMO_ENV }): Promise<SharedSite> {
  return buildOnce(DEMO_CONTENT, env);
}

/**
 * Builds a content folder of the project (the demo or a fixture) once per source state and
 * environment, for every test file that reads the same build: a build costs seconds of both
 * cores, reading one costs nothing. Throws with the build output when the build fails, so
 * suites that test failing builds, or that change the output, use buildSite.
 * @example const site = await buildOnce('test/fixtures/basic', { PORTAL_AS_OF: '2026-08-16' });
 */
export function buildOnce(contentDir: string, env: Record<string, string>): Promise<SharedSite> {
  // Within one test file, sources edited by someone else mid-run must not cause a second build.
  const memoKey = JSON.stringify([contentDir, env]);
  let site = builtInThisProcess.get(memoKey);
  if (!site) {
    site = buildOrReuse(contentDir, env);
    builtInThisProcess.set(memoKey, site);
    site.catch(() => builtInThisProcess.delete(memoKey));
  }
  return site;
}

const builtInThisProcess = new Map<string, Promise<SharedSite>>();

async function buildOrReuse(contentDir: string, env: Record<string, string>): Promise<SharedSite> {
  const sources = fingerprintSources(contentDir);
  const key = createHash('sha256').update(JSON.stringify([contentDir, env])).update(sources).digest('hex').slice(0, 16);
  const entry = join(CACHE_ROOT, key);
  const lock = `${entry}.lock`;
  mkdirSync(CACHE_ROOT, { recursive: true });
  for (;;) {
    const cached = readCached(entry, sources);
    if (cached) return cached;
    if (tryLock(lock)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    const cached = readCached(entry, sources);
    if (cached) return cached;
    removeOldEntries();
    const site = buildSite(contentDir, env);
    if (site.status !== 0) throw new Error(`build of ${contentDir} failed (exit ${site.status}):\n${site.output}`);
    mkdirSync(entry, { recursive: true });
    renameSync(site.outDir, join(entry, 'dist'));
    rmSync(dirname(site.outDir), { recursive: true, force: true });
    writeFileSync(join(entry, 'build.log'), site.output);
    return readCached(entry, sources)!;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readCached(entry: string, sources: string): SharedSite | undefined {
  const log = join(entry, 'build.log');
  if (!existsSync(log)) return undefined;
  return { ...siteAt(join(entry, 'dist'), 0, readFileSync(log, 'utf8')), sources };
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
    } catch {
      // the holder just released it
    }
    return false;
  }
}

function removeOldEntries(): void {
  for (const name of readdirSync(CACHE_ROOT)) {
    const path = join(CACHE_ROOT, name);
    try {
      if (!name.endsWith('.lock') && Date.now() - statSync(path).mtimeMs > ENTRY_MAX_AGE_MS) {
        rmSync(path, { recursive: true, force: true });
      }
    } catch {
      // removed by another process
    }
  }
}

/**
 * A hash of the paths, sizes and mtimes of everything that shapes the build of a content
 * folder of the project: the sources, and the folder itself.
 * @example fingerprintSources() // 'f3a9…' (changes when any source file changes)
 */
export function fingerprintSources(contentDir = DEMO_CONTENT): string {
  const lines: string[] = [];
  const visit = (path: string): void => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return;
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else {
      lines.push(`${path}\t${stats.size}\t${stats.mtimeMs}`);
    }
  };
  // resolve, not join: a content folder may be an absolute path outside the project.
  for (const source of new Set([...SOURCES, contentDir])) visit(resolve(PROJECT_ROOT, source));
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
