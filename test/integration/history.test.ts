/**
 * History from git: a fixture copied into a temporary repository with scripted commits that
 * change a target after the period started; and the same fixture without git.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';
import { buildOutsideGitOnce } from '../support/outside-git.ts';
import { buildOnce } from '../support/shared-build.ts';

function git(cwd: string, args: string[], date: string): void {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z`, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.org', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.org' },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

describe('change history from git', () => {
  let site: BuiltSite;
  beforeAll(() => {
    const repo = mkdtempSync(join(tmpdir(), 'okr-history-'));
    cpSync(join(PROJECT_ROOT, 'test/fixtures/basic'), join(repo, 'content'), { recursive: true });
    git(repo, ['init', '-q', '-b', 'main'], '2026-06-20');
    git(repo, ['add', '.'], '2026-06-20');
    git(repo, ['commit', '-q', '-m', 'Plan Q3'], '2026-06-20');
    const file = join(repo, 'content/objectives/2026-q3/support-efficiency.md');
    // Before the period starts: a change that is history, but not goal drift.
    writeFileSync(file, readFileSync(file, 'utf8').replace('target: 3.0', 'target: 3.5'));
    git(repo, ['commit', '-q', '-am', 'Be realistic about resolution time'], '2026-06-28');
    // After the period started: the goalposts move.
    writeFileSync(file, readFileSync(file, 'utf8').replace('target: 0.5', 'target: 0.8'));
    git(repo, ['commit', '-q', '-am', 'Lower the ticket target'], '2026-08-11');
    // Subjects are published only on request (PORTAL_HISTORY_DETAILS); see trust-history.test.ts.
    site = buildSite(join(repo, 'content'), { PORTAL_AS_OF: '2026-08-16', PORTAL_REPO_URL: 'https://github.com/acme/okrs', PORTAL_HISTORY_DETAILS: 'subjects' });
    expect(site.status, site.output).toBe(0);
  });

  test('shows each change on its key result with the commit', () => {
    const html = site.read('objectives/2026-q3/support-efficiency/index.html');
    expect(html).toMatch(/target changed 0\.5 tickets → 0\.8 tickets on 11 Aug 2026/);
    expect(html).toMatch(/target changed 3 min → 3\.5 min on 28 Jun 2026/);
    expect(html).toMatch(/href="https:\/\/github\.com\/acme\/okrs\/commit\/[0-9a-f]{40}"/);
    expect(html).toContain('Lower the ticket target');
  });

  test('lists only changes after the period started on the changelog page', () => {
    const html = site.read('periods/2026-Q3/changes/index.html');
    expect(html).toContain('Lower the ticket target');
    expect(html).toContain('target: 0.5 tickets → 0.8 tickets');
    expect(html).not.toContain('Be realistic about resolution time');
  });

  test('links "Edit this page" to the file in the repository', () => {
    expect(site.read('objectives/2026-q3/support-efficiency/index.html')).toContain(
      'href="https://github.com/acme/okrs/edit/main/content/objectives/2026-q3/support-efficiency.md"',
    );
  });

  test('builds the same content without git and without history', async () => {
    // The basic fixture outside any repository: the build it shares with search.test.ts and branding.test.ts.
    const noGit = await buildOutsideGitOnce();
    expect(noGit.status, noGit.output).toBe(0);
    expect(noGit.read('objectives/2026-q3/support-efficiency/index.html')).not.toContain('changed');
    expect(noGit.read('periods/2026-Q3/changes/index.html')).toContain('No key result was changed');
  });
});

describe('badges and embeds', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildOnce('test/fixtures/basic', { PORTAL_AS_OF: '2026-08-16', PORTAL_BASE: '/okrs', PORTAL_SITE: 'https://example.org' });
  });

  test.each([
    'badges/objectives/2026-q3/support-efficiency.svg',
    'badges/key-results/2026-q3/support-efficiency/tickets.svg',
    'badges/kpis/support/csat.svg',
    'embed/kpis/support/csat.svg',
  ])('%s is valid XML with an accessible name and no script', (path) => {
    const svg = site.read(path);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="[^"]+"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  test('the objective badge shows the period, title and score', () => {
    expect(site.read('badges/objectives/2026-q3/support-efficiency.svg')).toContain('aria-label="Q3 Make support effortless: 50%"');
  });

  test('exports CSV next to the JSON', () => {
    expect(site.read('api/v1/objectives.csv').split('\n')[0]).toBe('id,title,period,team,owner,parent,kind,visibility,progress,score,grade,status,key_results,url,stale,forecast,parent_key_result');
    expect(site.read('api/v1/key-results.csv')).toContain('2026-q3/support-efficiency,tickets,Tickets per customer from 1.5 to 0.5,decrease,1.5,0.5,1,tickets,1,,,0.5,0.5,0.7,2,/okrs/objectives/2026-q3/support-efficiency/#kr-tickets');
    expect(site.read('api/v1/kpis/support/csat.csv')).toBe('date,value,note\n2026-06-01,8.7,\n2026-07-01,9.1,\n2026-08-01,9.3,New macros\n');
  });

  test('pages show an embed snippet with absolute URLs', () => {
    expect(site.read('objectives/2026-q3/support-efficiency/index.html')).toContain('https://example.org/okrs/badges/objectives/2026-q3/support-efficiency.svg');
  });
});
