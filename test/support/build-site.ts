/**
 * Builds a content folder into a temporary output folder with `astro build`, the way users
 * build, and returns what it printed. Each build gets its own output and cache folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

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
  const work = mkdtempSync(join(tmpdir(), 'okr-portal-build-'));
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
    output: `${result.stdout}${result.stderr}`,
    read,
    exists: (path) => existsSync(join(outDir, path)),
    json: <T,>(path: string): T => JSON.parse(read(path)) as T,
  };
}
