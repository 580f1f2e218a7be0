/**
 * Incremental builds after changes outside one entry: portal.yaml, the as-of date, git
 * history (with and without a content change), and the portal's own code. After each, the incremental output must equal a cold
 * build byte for byte. A change every page shows must leave no page copied.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runChanges, type Change, type ChangeResult } from '../support/incremental-chain.ts';

function git(cwd: string, args: string[], date = '2026-06-20'): void {
  const stamp = `${date}T12:00:00Z`;
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.org', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.org' },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

const replaceIn = (path: string, from: string, to: string): void => {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path}: "${from}" not found`);
  writeFileSync(path, text.replace(from, to));
};

const CHANGES: Change[] = [
  { name: 'portal.yaml', everyPage: true, apply: ({ content }) => replaceIn(join(content, 'portal.yaml'), 'name: Fixture OKRs', 'name: Fixture Goals') },
  // Every page shows the as-of date but the past snapshots, which show their own (asserted below).
  { name: 'the as-of date', apply: ({ env }) => void (env.PORTAL_AS_OF = '2026-08-30') },
  {
    name: 'git history (a target changed after the period started)',
    apply: ({ content }) => {
      replaceIn(join(content, 'objectives/2026-q3/onboarding.md'), '    target: 1\n', '    target: 2\n');
      git(content, ['commit', '-q', '-am', 'Onboarding aims lower'], '2026-07-20');
    },
  },
  { name: 'git history only (a commit subject reworded)', apply: ({ content }) => git(content, ['commit', '-q', '--amend', '-m', 'Onboarding aims at two days'], '2026-07-20') },
  { name: 'the code (a catalog string)', everyPage: true, apply: ({ checkout }) => replaceIn(join(checkout, 'src/lib/i18n/catalogs/en.ts'), "'frame.skip': 'Skip to content'", "'frame.skip': 'Skip to the content'") },
  // Astro keeps cached pages when only the config changes: the config's fingerprint in every key.
  { name: 'the build configuration', everyPage: true, apply: ({ checkout }) => replaceIn(join(checkout, 'astro.config.mjs'), "trailingSlash: 'always',", "trailingSlash: 'always', // edited") },
];

describe('incremental rebuilds after frame changes (basic fixture in a git repository)', () => {
  let results: ChangeResult[];
  beforeAll(() => {
    const env = { PORTAL_AS_OF: '2026-08-16', PORTAL_SITE: 'https://example.org', PORTAL_REPO_URL: 'https://github.com/acme/okrs', PORTAL_HISTORY_DETAILS: 'subjects' };
    results = runChanges('test/fixtures/basic', env, CHANGES, {
      prepare: (content) => {
        git(content, ['init', '-q', '-b', 'main']);
        git(content, ['add', '.']);
        git(content, ['commit', '-q', '-m', 'Plan Q3']);
      },
    });
  }, 600_000);

  test.each(CHANGES.map((change, index) => [change.name, index] as const))('after %s the output equals a cold build', (_, index) => {
    const result = results[index]!;
    expect(result.differences).toEqual([]);
    if (result.change.everyPage) expect(result.copied).toEqual([]);
    else expect(result.copied.length).toBeGreaterThan(0);
  });

  test('a later as-of date renders every page again but the past snapshots, which show their own date', () => {
    const copied = results[1]!.copied.map((path) => path.replace(/^\/+/, ''));
    expect(copied.length).toBeGreaterThan(0);
    // 2026-08-16 was the last snapshot: it gains a "week after" link.
    const days = ['07-05', '07-12', '07-19', '07-26', '08-02', '08-09'];
    const past = days.map((day) => `periods/2026-Q3/as-of/2026-${day}/index.html`);
    expect(copied.filter((path) => path.endsWith('.html') && !past.includes(path))).toEqual([]);
    // The exports show no date: a snapshot's export, and the list of teams, stay as they were.
    expect(copied).toEqual(expect.arrayContaining([...days, '08-16'].map((day) => `api/v1/as-of/2026-${day}/objectives.json`)));
    expect(copied).toContain('api/v1/teams.json');
  });

  test('each change reached the output', () => {
    const page = (index: number, path: string): string => readFileSync(join(results[index]!.cold.outDir, path), 'utf8');
    expect(page(0, 'index.html')).toContain('Fixture Goals');
    expect(page(2, 'periods/2026-Q3/changes/index.html')).toContain('Onboarding aims lower');
    expect(page(3, 'objectives/2026-q3/onboarding/index.html')).toContain('Onboarding aims at two days');
    expect(page(4, 'index.html')).toContain('Skip to the content');
  });
});
