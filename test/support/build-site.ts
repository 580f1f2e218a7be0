/**
 * Builds a content folder into a temporary output folder with `astro build`, the way users
 * build, and returns what it printed. Each build gets its own output and cache folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where builds go. It must be inside the project: for an outDir outside the current
 * directory Astro stages prerendered chunks in the shared `<project>/.astro/.prerender/` and
 * deletes it afterwards, so concurrent builds break each other (ERR_MODULE_NOT_FOUND).
 */
export const BUILDS_DIR = join(PROJECT_ROOT, 'node_modules/.cache/okr-portal-builds');

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
 * Builds `contentDir` (absolute, or relative to the project root).
 * @example const site = buildSite('test/fixtures/basic', { PORTAL_AS_OF: '2026-08-16' });
 */
export function buildSite(contentDir: string, env: Record<string, string> = {}): BuiltSite {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const work = mkdtempSync(join(BUILDS_DIR, 'build-'));
  const outDir = join(work, 'dist');
  const result = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      PORTAL_CONTENT_DIR: resolve(PROJECT_ROOT, contentDir),
      PORTAL_OUT_DIR: outDir,
      PORTAL_CACHE_DIR: join(work, 'cache'),
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const read = (path: string): string => readFileSync(join(outDir, path), 'utf8');
  return {
    outDir,
    status: result.status ?? 1,
    // Astro colours its log when CI is set, even into a pipe; tests read the plain text.
    output: stripVTControlCharacters(`${result.stdout}${result.stderr}`),
    read,
    exists: (path) => existsSync(join(outDir, path)),
    json: <T,>(path: string): T => JSON.parse(read(path)) as T,
  };
}
