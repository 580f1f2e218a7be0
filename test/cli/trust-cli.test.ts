/**
 * Issue 18, classes 5, 7 and 11: concurrent `okr` edits never lose data, ids carry no hidden
 * names, and generated content respects audiences. Commands run in-process (okr from run-okr.ts)
 * except in the concurrency tests, which need real processes racing for the same files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LOCK_FILE, withContentLock } from '../../scripts/cli/content-lock.ts';
import { editContent, writeChanges } from '../../scripts/cli/content-writes.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { loadContent } from '../../src/loader/read-content.ts';
import { copyFixture, NODE, OKR, okr, snapshotFiles, type OkrResult } from './run-okr.ts';

const AS_OF = ['--as-of', '2026-08-20'];
const OBJECTIVE = 'content/objectives/2026-q3/support/efficiency.md';

/** Runs `okr <args>` as a child process, resolving when it exits. */
function spawnOkr(args: readonly string[], cwd: string): Promise<OkrResult> {
  return new Promise((done) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PORTAL_')));
    const child = spawn(NODE, [OKR, ...args], { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** A project folder whose content/ holds the given files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'okr-trust-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'content', path)), { recursive: true });
    writeFileSync(join(dir, 'content', path), text);
  }
  return dir;
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');
const team = (name: string, visibility: string): string => `---\nname: ${name}\nvisibility: ${visibility}\n---\n`;
const objective = (title: string, visibility: string, extra = '', body = ''): string =>
  `---\ntitle: ${title}\nperiod: 2026-Q3\n${extra}visibility: ${visibility}\nkey_results:\n  - id: a\n    title: Tickets from 10 to 5\n    start: 10\n    target: 5\n---\n${body}`;

/** A folder with a public company, an internal team "secret-team" and a private person. */
const HIDDEN_TEAM = {
  'portal.yaml': 'default_visibility: public\n',
  'teams/company.md': team('Company', 'public'),
  'teams/secret-team.md': team('Secret Team', 'internal'),
  'people/mole.md': '---\nname: Mole Person\nvisibility: private\n---\n',
};

function errorsOf(dir: string, audience: 'public' | 'internal' | 'private' = 'public'): string[] {
  return loadContent({ contentDir: join(dir, 'content'), audience, cwd: dir })
    .problems.filter((problem) => problem.severity === 'error')
    .map(formatProblem);
}

function warningsOf(dir: string): string[] {
  return loadContent({ contentDir: join(dir, 'content'), audience: 'public', cwd: dir })
    .problems.filter((problem) => problem.code === 'quotes-hidden-title')
    .map(formatProblem);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('class 5: concurrent CLI edits never lose data', () => {
  test('8 concurrent okr checkin processes on one key result: all 8 check-ins are in the file', async () => {
    const cwd = copyFixture('cli/authoring');
    const values = ['1.01', '1.02', '1.03', '1.04', '1.05', '1.06', '1.07', '1.08'];
    const results = await Promise.all(values.map((value) => spawnOkr(['checkin', '2026-q3/support/efficiency', 'tickets', value, '--note', `run ${value}`, ...AS_OF], cwd)));
    expect(results.map((result) => [result.status, result.stderr])).toEqual(values.map(() => [0, '']));
    const text = read(cwd, OBJECTIVE);
    for (const value of values) expect(text).toContain(`      - {date: 2026-08-20, value: ${Number(value)}, note: run ${value}}\n`);
    expect(existsSync(join(cwd, 'content', LOCK_FILE))).toBe(false);
  });

  test('every writing command at once on shared files: each one that succeeds has its change in the files', async () => {
    const cwd = copyFixture('cli/authoring');
    writeFileSync(join(cwd, 'rows.csv'), 'objective,key_result,kpi,date,value,confidence,note\n2026-q3/support/efficiency,resolution,,2026-08-18,4.1,,imported\n,,support/csat,2026-08-03,9.4,,\n');
    const runs = [
      ['checkin', '2026-q3/support/efficiency', 'tickets', '0.9', '--note', 'from checkin'],
      ['checkin', '2026-q3/support/efficiency', 'handbook', '1'],
      ['kpi', 'add', 'support/csat', '9.3', '--date', '2026-08-01'],
      ['kpi', 'add', 'support/nps', '36', '--date', '2026-08-01'],
      ['import', 'rows.csv', '--write'],
      ['close', '2026-Q3', '--force', '--no-retrospective'],
      ['new', 'objective', '--title', 'Answer within an hour', '--team', 'support', '--kr', 'First response from 90 to 60 min'],
      ['new', 'kpi', '--title', 'First response time', '--team', 'support', '--csv'],
      ['new', 'team', '--name', 'Customer Care', '--parent', 'company'],
      ['new', 'person', '--name', 'Grace Hopper', '--team', 'support'],
      ['new', 'retrospective', '--period', '2026-Q3', '--team', 'support'],
    ];
    const results = await Promise.all(runs.map((args) => spawnOkr([...args, ...AS_OF], cwd)));
    expect(results.map((result, index) => [runs[index]![0], result.status, result.stderr.replace(/^okr: note: .*\n/m, '')])).toEqual(runs.map((args) => [args[0], 0, '']));
    const objective = read(cwd, OBJECTIVE);
    expect(objective).toContain('      - {date: 2026-08-20, value: 0.9, note: from checkin}\n');
    expect(objective).toContain('      - {date: 2026-08-20, value: 1}\n');
    expect(objective).toContain('      - date: 2026-08-18\n        value: 4.1\n        note: imported\n');
    expect(objective).toMatch(/^score: [\d.]+$/m);
    const csat = read(cwd, 'content/kpis/support/csat.md');
    expect(csat).toContain('  - {date: 2026-08-01, value: 9.3}\n');
    expect(csat).toContain('  - {date: 2026-08-03, value: 9.4}\n');
    expect(read(cwd, 'content/kpis/support/nps.csv')).toMatch(/\n2026-08-01,36,\r?\n$/);
    for (const file of ['objectives/2026-q3/support/answer-within-an-hour.md', 'kpis/support/first-response-time.md', 'kpis/support/first-response-time.csv', 'teams/customer-care.md', 'people/grace-hopper.md', 'retrospectives/2026-q3/support.md']) {
      expect(existsSync(join(cwd, 'content', file)), file).toBe(true);
    }
    expect(errorsOf(cwd)).toEqual([]);
  });

  test('a lock left by a process that is gone is broken, and the edit goes through', async () => {
    const cwd = copyFixture('cli/authoring');
    writeFileSync(join(cwd, 'content', LOCK_FILE), '2147483646\n');
    const result = await okr(['checkin', '2026-q3/support/efficiency', 'tickets', '0.9', ...AS_OF], { cwd });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(read(cwd, OBJECTIVE)).toContain('      - {date: 2026-08-20, value: 0.9}\n');
    expect(existsSync(join(cwd, 'content', LOCK_FILE))).toBe(false);
  });

  test('a lock held by a running process makes a writer wait, then give up with a clear message and no change', () => {
    const cwd = copyFixture('cli/authoring');
    const root = join(cwd, 'content');
    writeFileSync(join(root, LOCK_FILE), `${process.ppid}\n`);
    const before = snapshotFiles(cwd);
    expect(() => withContentLock(root, () => 'never', { waitMs: 100 })).toThrow(
      `${join(root, LOCK_FILE)}: another okr command (pid ${process.ppid}) is still writing this content folder; nothing was written. Run the command again when it has finished, or delete the lock file if no okr command is running`,
    );
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('no write bypasses the lock, and a file changed on disk by another program after the load is not overwritten', async () => {
    const cwd = copyFixture('cli/authoring');
    vi.spyOn(process, 'cwd').mockReturnValue(cwd);
    const options = { content: 'content', asOf: '2026-08-20' };
    const loaded = loadContent({ contentDir: 'content', audience: 'private', cwd });
    expect(() => writeChanges(loaded, new Map([['teams/support.md', 'x']]))).toThrow('writeChanges called outside editContent: content is written only under its lock');
    expect(() =>
      editContent(options, (ctx) => {
        writeFileSync(join(cwd, 'content/teams/support.md'), '---\nname: Support (edited in an editor)\n---\n');
        writeChanges(ctx.loaded, new Map([['teams/support.md', '---\nname: Support\n---\n']]));
      }),
    ).toThrow('content/teams/support.md changed on disk while okr was editing it; nothing was written. Run the command again');
    expect(read(cwd, 'content/teams/support.md')).toBe('---\nname: Support (edited in an editor)\n---\n');
  });
});

describe('class 7: ids carry no hidden names', () => {
  test.each([
    ['a public objective below the internal team\'s name', 'objectives/2026-q3/secret-team/x.md', objective('Grow', 'public', 'team: company\n'), 'content/objectives/2026-q3/secret-team/x.md: id: path segment "secret-team" is the id of team content/teams/secret-team.md, which is internal: this public entry\'s URL would show that name to readers who may not see the team; move the file to a path without "secret-team", or make content/teams/secret-team.md public'],
    ['a public KPI', 'kpis/secret-team/churn.md', '---\ntitle: Churn\nvisibility: public\n---\n', 'content/kpis/secret-team/churn.md: id: path segment "secret-team" is the id of team content/teams/secret-team.md, which is internal: this public entry\'s URL would show that name to readers who may not see the team; move the file to a path without "secret-team", or make content/teams/secret-team.md public'],
    ['a public retrospective', 'retrospectives/2026-q3/secret-team.md', '---\ntitle: Q3\nperiod: 2026-Q3\nvisibility: public\n---\n', 'content/retrospectives/2026-q3/secret-team.md: id: path segment "secret-team" is the id of team content/teams/secret-team.md, which is internal: this public entry\'s URL would show that name to readers who may not see the team; move the file to a path without "secret-team", or make content/teams/secret-team.md public'],
    ['a public person named like the hidden team', 'people/secret-team.md', '---\nname: S. Team\nvisibility: public\n---\n', 'content/people/secret-team.md: id: path segment "secret-team" is the id of team content/teams/secret-team.md, which is internal: this public entry\'s URL would show that name to readers who may not see the team; move the file to a path without "secret-team", or make content/teams/secret-team.md public'],
    ['an internal objective below a private person\'s id', 'objectives/2026-q3/mole/x.md', objective('Grow', 'internal', 'team: company\n'), 'content/objectives/2026-q3/mole/x.md: id: path segment "mole" is the id of person content/people/mole.md, which is private: this internal entry\'s URL would show that name to readers who may not see the person; move the file to a path without "mole", or make content/people/mole.md internal'],
  ])('%s is an error naming both files, for every audience', (_, path, text, message) => {
    const dir = project({ ...HIDDEN_TEAM, [path]: text });
    expect(errorsOf(dir, 'public')).toEqual([message]);
    expect(errorsOf(dir, 'private')).toEqual([message]);
  });

  test('entries no more visible than the team, and drafts, may carry its name', () => {
    const dir = project({
      ...HIDDEN_TEAM,
      'objectives/2026-q3/secret-team/plan.md': objective('Plan', 'internal', 'team: secret-team\n'),
      'objectives/2026-q3/secret-team/draft.md': objective('Draft', 'public', 'team: company\ndraft: true\n'),
      'objectives/2026-q3/secret-teams/other.md': objective('Other', 'public', 'team: company\n'),
    });
    expect(errorsOf(dir)).toEqual([]);
  });

  test('okr new proposes ids without the hidden team\'s name, and refuses an --id with it', async () => {
    const cwd = project(HIDDEN_TEAM);
    const made = await okr(['new', 'objective', '--title', 'Ship the thing', '--team', 'secret-team', '--visibility', 'public', '--period', '2026-Q3', '--kr', 'Tickets from 10 to 5', ...AS_OF], { cwd });
    expect(made).toEqual({ status: 0, stdout: 'created content/objectives/2026-q3/ship-the-thing.md\nNext: okr checkin 2026-q3/ship-the-thing tickets <value>\n', stderr: '' });
    const kpi = await okr(['new', 'kpi', '--title', 'Churn', '--team', 'secret-team', '--visibility', 'public', ...AS_OF], { cwd });
    expect(kpi.stdout).toBe('created content/kpis/churn.md\nNext: okr kpi add churn <value>\n');
    const before = snapshotFiles(cwd);
    const refused = await okr(['new', 'kpi', '--title', 'Churn', '--id', 'secret-team/churn', '--visibility', 'public', ...AS_OF], { cwd });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'okr: nothing was written: the change would make the content invalid:\nerror   content/kpis/secret-team/churn.md: id: path segment "secret-team" is the id of team content/teams/secret-team.md, which is internal: this public entry\'s URL would show that name to readers who may not see the team; move the file to a path without "secret-team", or make content/teams/secret-team.md public\n',
    );
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('the demo content follows the rule', () => {
    expect(loadContent({ contentDir: 'content', audience: 'public' }).problems.filter((problem) => problem.code === 'hidden-name-in-id')).toEqual([]);
  });
});

describe('class 11: generated content respects audiences', () => {
  const PERIOD = {
    ...HIDDEN_TEAM,
    'objectives/2026-q3/company/open.md': objective('Open goal', 'public', 'team: company\n'),
    'objectives/2026-q3/company/inner.md': objective('Inner goal of the board', 'internal', 'team: company\n'),
    'objectives/2026-q3/plan.md': objective('Secret plan', 'internal', 'team: secret-team\n'),
  };

  test('okr close scaffolds a retrospective with an explicit visibility that lists only what its readers may see', async () => {
    const cwd = project(PERIOD);
    const result = await okr(['close', '2026-Q3', '--as-of', '2026-10-02'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  content/retrospectives/2026-q3/company.md: new retrospective (visibility: public, draft: true; lists 1 of 3 objectives, leaving out 2 that public readers may not see; write it, then remove draft)\n');
    const retro = read(cwd, 'content/retrospectives/2026-q3/company.md');
    expect(retro.split('## What went well')[0]).toBe('---\ntitle: Q3 2026 retrospective\nperiod: 2026-Q3\ndate: 2026-10-02\nvisibility: public\ndraft: true\n---\n## Results\n\n- Open goal: 0.00\n\n');
    expect(retro).not.toContain('Inner goal');
    expect(retro).not.toContain('Secret plan');
  });

  test('okr new retrospective for a hidden team: a public one names neither the team nor its objectives', async () => {
    const cwd = project(PERIOD);
    const result = await okr(['new', 'retrospective', '--period', '2026-Q3', '--team', 'secret-team', '--visibility', 'public', ...AS_OF], { cwd });
    expect(result).toEqual({ status: 0, stdout: 'created content/retrospectives/2026-q3.md\n', stderr: '' });
    expect(read(cwd, 'content/retrospectives/2026-q3.md').split('## What went well')[0]).toBe(
      '---\ntitle: Q3 2026 retrospective\nperiod: 2026-Q3\nteam: secret-team\ndate: 2026-08-20\nvisibility: public\n---\n## Results\n\n- (no objectives)\n\n',
    );
    const internal = await okr(['new', 'retrospective', '--period', '2026-Q3', '--team', 'secret-team', '--visibility', 'internal', ...AS_OF], { cwd });
    expect(internal.stdout).toBe('created content/retrospectives/2026-q3/secret-team.md\n');
    expect(read(cwd, 'content/retrospectives/2026-q3/secret-team.md')).toContain('title: "Q3 2026 retrospective: Secret Team"\n');
  });

  test('every okr new writes an explicit visibility, the folder default when not given', async () => {
    const cwd = project({ ...HIDDEN_TEAM, 'portal.yaml': 'default_visibility: internal\n' });
    await okr(['new', 'team', '--name', 'Care', ...AS_OF], { cwd });
    await okr(['new', 'person', '--name', 'Grace Hopper', '--visibility', 'public', ...AS_OF], { cwd });
    expect(read(cwd, 'content/teams/care.md')).toBe('---\nname: Care\nvisibility: internal\n---\n<!-- What this team does. -->\n');
    expect(read(cwd, 'content/people/grace-hopper.md')).toBe('---\nname: Grace Hopper\nvisibility: public\n---\n');
    const bad = await okr(['new', 'team', '--name', 'Ops', '--visibility', 'secret', ...AS_OF], { cwd });
    expect([bad.status, bad.stderr]).toEqual([2, 'okr: --visibility must be public, internal or private, got "secret"\n']);
  });

  test('a public body that quotes the exact title of a hidden entry is a warning naming both files', () => {
    const dir = project({
      ...PERIOD,
      'objectives/2026-q3/draft.md': objective('Project Nightingale', 'public', 'team: company\ndraft: true\n'),
      'kpis/open.md': '---\ntitle: Open KPI\nvisibility: public\n---\nAs planned in the Secret plan and Project Nightingale, with Mole Person.\n',
      'kpis/inner.md': '---\ntitle: Inner KPI\nvisibility: internal\n---\nMole Person said the Inner goal of the board is fine.\n',
      'kpis/fine.md': '---\ntitle: Fine KPI\nvisibility: public\n---\nThe Secret planning, a secret plan, and the Inner goal of the boardroom.\n',
    });
    expect(warningsOf(dir)).toEqual([
      'content/kpis/open.md: body: quotes "Secret plan", the title of content/objectives/2026-q3/plan.md, which is internal: readers of this public entry may not see it; rephrase, or make content/objectives/2026-q3/plan.md public',
      'content/kpis/open.md: body: quotes "Project Nightingale", the title of content/objectives/2026-q3/draft.md, which is a draft: readers of this public entry may not see it; rephrase, or make content/objectives/2026-q3/draft.md public',
      'content/kpis/open.md: body: quotes "Mole Person", the name of content/people/mole.md, which is private: readers of this public entry may not see it; rephrase, or make content/people/mole.md public',
      'content/kpis/inner.md: body: quotes "Mole Person", the name of content/people/mole.md, which is private: readers of this internal entry may not see it; rephrase, or make content/people/mole.md internal',
    ]);
  });
});
