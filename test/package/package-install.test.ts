/**
 * The portal as a package: the tarball of `npm pack`, installed into an empty repository as a
 * new user would (`npm install <tarball>`, from npm's cache when it has the packages), runs
 * `okr init`, `okr check`, `okr migrate` and `okr build` from the system's Node, with no Astro config and no
 * src/ in the repository.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../cli/run-okr.ts';

/** The environment of a user's shell: no PORTAL_ variables, and no Node of this repository on the PATH. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('PORTAL_') && !key.startsWith('npm_') && !key.startsWith('VITEST') && key !== 'NODE_OPTIONS') env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.startsWith(ROOT) && !dir.includes(`${join('node_modules', '.bin')}`)).join(delimiter);
  return { ...env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: userEnv(env), encoding: 'utf8', input: '' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

let work: string;
let repo: string;
let packed: string[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'okr-package-'));
  const pack = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT).stdout) as [{ filename: string; files: { path: string }[] }];
  packed = pack[0].files.map((file) => file.path);
  repo = join(work, 'acme-okrs');
  run('mkdir', [repo], work);
  writeFileSync(join(repo, 'package.json'), '{ "name": "acme-okrs", "private": true }\n');
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, pack[0].filename)], repo);
});

// An installation is a few hundred MB.
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  test('ships the portal and its CLI, and none of the tests, demo content or tools', () => {
    expect(packed).toEqual(expect.arrayContaining(['astro.config.mjs', 'scripts/okr.mjs', 'scripts/strip-types.mjs', 'src/content.config.ts', 'public/favicon.svg', 'docs/content-format.md']));
    expect(packed.filter((path) => /\.test\.ts$|^test\/|^content\/|^scripts\/bench|^\.github\//.test(path))).toEqual([]);
  });

  test('installed into an empty repository: okr init, check, migrate and build from the system Node', () => {
    const okr = join(repo, 'node_modules/.bin/okr');
    run(okr, ['init', '--name', 'Acme Corp', '--period', '2026-Q4'], repo);
    expect(run(okr, ['check', '--as-of', '2026-10-02'], repo).stdout).toBe('0 errors, 0 warnings\n');
    run(okr, ['migrate', join(ROOT, 'test/fixtures/migrate/peoplebox.csv'), '--write', '--as-of', '2026-10-02'], repo);
    run(okr, ['build'], repo, { PORTAL_AS_OF: '2026-10-02', PORTAL_AUDIENCE: 'internal' });
    expect(readdirSync(repo).sort()).toEqual(['.github', '.gitignore', 'README.md', 'content', 'dist', 'node_modules', 'package-lock.json', 'package.json']);
    const home = readFileSync(join(repo, 'dist/index.html'), 'utf8');
    expect(home).toContain('Acme Corp');
    expect(home).toContain('Show every team what matters this quarter');
    expect(existsSync(join(repo, 'dist/objectives/2026-q4/company/example/index.html'))).toBe(true);
    // The migrated objective is internal (portal.yaml's default), so the internal build has it.
    expect(readFileSync(join(repo, 'dist/objectives/2026-q4/support/answer-every-customer-within-an-hour/index.html'), 'utf8')).toContain('Weekend coverage from 0 to 2 agents');
    expect(existsSync(join(repo, 'dist/pagefind/pagefind.js'))).toBe(true);
  });

  test('PORTAL_OUT_DIR moves the output', () => {
    run(join(repo, 'node_modules/.bin/okr'), ['build'], repo, { PORTAL_AS_OF: '2026-10-02', PORTAL_OUT_DIR: 'site' });
    expect(existsSync(join(repo, 'site/index.html'))).toBe(true);
  });
});
