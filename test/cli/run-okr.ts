/**
 * Runs the `okr` CLI as a child process against temp copies of fixtures.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NODE = join(ROOT, 'node_modules/.bin/node');
export const OKR = join(ROOT, 'scripts/okr.ts');

export interface OkrResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A fresh copy of a fixture folder (`basic` or `cli/<name>`), as the current directory of a
 * test run: returns the folder.
 */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'okr-cli-'));
  cpSync(join(ROOT, 'test/fixtures', name), join(dir, 'content'), { recursive: true });
  return dir;
}

/** Runs `okr <args>` in `cwd` with a clean portal environment (no colour unless asked). */
export function okr(args: readonly string[], options: { cwd: string; env?: Record<string, string>; input?: string }): OkrResult {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('PORTAL_') && key !== 'FORCE_COLOR' && key !== 'NO_COLOR') env[key] = value;
  }
  const result = spawnSync(NODE, [OKR, ...args], { cwd: options.cwd, env: { ...env, NO_COLOR: '1', ...options.env }, encoding: 'utf8', input: options.input ?? '' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below a folder with its text, for "nothing changed" assertions. */
export function snapshotFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/**
 * The line-level difference of two texts that differ only by inserted lines: the inserted
 * lines, or undefined when any original line changed or moved out of order.
 */
export function insertedLines(before: string, after: string): string[] | undefined {
  const old = before.split('\n');
  const now = after.split('\n');
  const inserted: string[] = [];
  let i = 0;
  for (const line of now) {
    if (i < old.length && line === old[i]) i++;
    else inserted.push(line);
  }
  return i === old.length ? inserted : undefined;
}
