/**
 * Runs the `okr` CLI against temp copies of fixtures: in this process (`okr`, the same code
 * as the binary from `runCli` on: a child process costs about half a second of Node start and
 * module loading, and the suite runs dozens), or as a child process (`okrProcess`) where the
 * process itself is under test (what the binary reads from its own environment, exit codes of
 * the shim).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { vi } from 'vitest';
import { runCli } from '../../scripts/program.ts';

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

interface OkrOptions {
  cwd: string;
  env?: Record<string, string>;
}

/** The variables the CLI reads, removed before a run so that the caller's own never leak in. */
const isCliVariable = (key: string): boolean => key.startsWith('PORTAL_') || key === 'FORCE_COLOR' || key === 'NO_COLOR';

/**
 * Runs `okr <args>` in this process, in `cwd`, with a clean portal environment (no colour
 * unless asked) and no terminal, capturing what it writes.
 * @example const { status, stdout } = await okr(['check', '--as-of', '2026-08-20'], { cwd: copyFixture('basic') });
 */
export async function okr(args: readonly string[], options: OkrOptions): Promise<OkrResult> {
  const output = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') => (chunk: string | Uint8Array): boolean => ((output[stream] += String(chunk)), true);
  const directory = process.cwd();
  const terminal = process.stdin.isTTY;
  vi.spyOn(process.stdout, 'write').mockImplementation(capture('stdout') as typeof process.stdout.write);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture('stderr') as typeof process.stderr.write);
  for (const key of Object.keys(process.env)) if (isCliVariable(key)) vi.stubEnv(key, undefined);
  for (const [key, value] of Object.entries({ NO_COLOR: '1', ...options.env })) vi.stubEnv(key, value);
  process.stdin.isTTY = false;
  process.chdir(options.cwd);
  try {
    const status = await runCli(args);
    return { status, ...output };
  } finally {
    process.chdir(directory);
    process.stdin.isTTY = terminal;
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
}

/** Runs `okr <args>` as a child process, in `cwd`, with a clean portal environment (no colour unless asked). */
export function okrProcess(args: readonly string[], options: OkrOptions & { input?: string }): OkrResult {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !isCliVariable(key)) env[key] = value;
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
