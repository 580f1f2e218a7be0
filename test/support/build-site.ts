/**
 * Builds a content folder into a temporary output folder with `astro build`, the way users
 * build, and returns what it printed. Each build gets its own output and cache folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { BUILDS_DIR, PROJECT_ROOT } from './project-paths.ts';
import { logBuild } from './build-log.ts';
import { snapshotProject } from './project-snapshot.ts';

export { BUILDS_DIR, PROJECT_ROOT } from './project-paths.ts';

let workerCheckout: string | undefined;
const CHECKOUT_MAX_AGE_MS = 60 * 60_000;

/**
 * The checkout the builds of this test file run in: the project, or, where test files run two
 * at a time (the integration project sets OKR_TEST_CHECKOUTS in vitest.config.ts), a copy
 * per test worker. Astro keeps a running build's state in `<root>/.astro`, so one checkout
 * builds one site at a time (src/loader/build-lock.ts refuses a second). A copy holds the
 * sources, the config, the demo content and the test fixtures, and links node_modules and
 * .git (history views read the same commits); it is made once per test file, so a file
 * sees the sources as they were when it started, and no file shares it with another.
 * @example spawnSync('astro', ['build'], { cwd: checkoutRoot() })
 */
export function checkoutRoot(): string {
  if (process.env.OKR_TEST_CHECKOUTS !== '1') return PROJECT_ROOT;
  if (workerCheckout) return workerCheckout;
  const parent = join(BUILDS_DIR, 'checkouts');
  mkdirSync(parent, { recursive: true });
  removeOldCheckouts(parent);
  workerCheckout = snapshotProject('checkout-', { under: parent, files: ['test/fixtures'], links: ['.git'] });
  return workerCheckout;
}

/** Checkouts of earlier runs (a test file may still be running in a young one). */
function removeOldCheckouts(parent: string): void {
  for (const name of readdirSync(parent)) {
    const path = join(parent, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > CHECKOUT_MAX_AGE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by another test file
    }
  }
}

export interface BuiltSite {
  outDir: string;
  status: number;
  output: string;
  /** Reads a file of the built site as text. */
  read(path: string): string;
  exists(path: string): boolean;
  json<T = unknown>(path: string): T;
}

/**
 * Builds `contentDir` (absolute, or relative to the project root) in this file's checkout.
 * @example const site = buildSite('test/fixtures/basic', { PORTAL_AS_OF: '2026-08-16' });
 */
export function buildSite(contentDir: string, env: Record<string, string> = {}): BuiltSite {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const work = mkdtempSync(join(BUILDS_DIR, 'build-'));
  const outDir = join(work, 'dist');
  const root = checkoutRoot();
  const started = Date.now();
  const result = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      PORTAL_CONTENT_DIR: resolve(root, contentDir),
      PORTAL_OUT_DIR: outDir,
      PORTAL_CACHE_DIR: join(work, 'cache'),
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  logBuild(contentDir, env, result.status ?? 1, Date.now() - started);
  // Astro colours its log when CI is set, even into a pipe; tests read the plain text.
  return siteAt(outDir, result.status ?? 1, stripVTControlCharacters(`${result.stdout}${result.stderr}`));
}

/** A built site in `outDir`, with what its build printed. */
export function siteAt(outDir: string, status: number, output: string): BuiltSite {
  const read = (path: string): string => readFileSync(join(outDir, path), 'utf8');
  return {
    outDir,
    status,
    output,
    read,
    exists: (path) => existsSync(join(outDir, path)),
    json: <T,>(path: string): T => JSON.parse(read(path)) as T,
  };
}
