/**
 * Issue 18, class 6: git history is published only for the time an entry was visible to the
 * audience. A temporary repository (fixed dates, one author per commit) holds:
 * (a) a private objective committed as "add SECRET_SUBJECT_1", deleted, and a public objective
 *     later created at the same path; (b) a draft with target 987613, changed, then published
 *     with target 50; (c) an objective internal, then public, then changed on a merged branch;
 * (d) an objective without visibility that portal.yaml's default_visibility made public;
 * (e) a private file renamed to a public path; (f) visible changes whose commit subjects
 * name a private objective, by its title and by its id; and a file outside the content root
 * at the same relative path as a visible objective.
 *
 * Two public builds (details off by default, then all details on) are scanned with the
 * privacy scanner for every hidden marker; the windows themselves are checked on the reader
 * (src/loader/git-history.ts) and the pure window logic (src/lib/model/history.ts) for every audience.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Audience } from '../../src/lib/content/audience.ts';
import { parseBuildInputs } from '../../src/lib/content/build-inputs.ts';
import { entryHistory } from '../../src/lib/model/history.ts';
import type { HistoryDetails } from '../../src/lib/content/build-inputs.ts';
import { readTimelines } from '../../src/loader/git-history.ts';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { findTokens, readDist, type DistFile } from '../support/dist-scan.ts';

const AS_OF = '2026-08-16';
const VISIBLE_AUTHOR = 'Vera Visible';
/** Hidden numbers, searched for in every format the portal writes numbers in. */
const HIDDEN_VALUES = [717171, 987613, 876512, 777311, 666211, 555111, 333911, 135791, 246813];
const HIDDEN_TOKENS = [
  ...Array.from({ length: 9 }, (_, index) => `SECRET_SUBJECT_${index + 1}`),
  'SECRET_SUBJECT_OUTSIDE',
  'SECRET_SUBJECT_NAMED',
  'SECRET_SUBJECT_ID',
  'Project Nightingale',
  'SIDE_SUBJECT_1',
  'SIDE_SUBJECT_2',
  ...Array.from({ length: 8 }, (_, index) => `HIDDENAUTHOR_${index + 1}`),
  'HIDDEN_TITLE_REUSED',
  'HIDDEN_TITLE_PLAN',
  'HIDDEN_TITLE_OUTSIDE',
];
const VISIBLE_SUBJECTS = ['VISIBLE_SUBJECT_A', 'VISIBLE_SUBJECT_B', 'VISIBLE_SUBJECT_C', 'VISIBLE_SUBJECT_D', 'VISIBLE_SUBJECT_E', 'VISIBLE_SUBJECT_F', 'VISIBLE_SUBJECT_G', 'VISIBLE_SUBJECT_H'];

const NONE: HistoryDetails = { authors: false, subjects: false };
const OBJ = 'objectives/2026-q3';

/** Only what the test sets: no GIT_* of the caller, no global or system config. */
function gitEnv(date: string, author: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_DATE: `${date}T12:00:00Z`,
    GIT_COMMITTER_DATE: `${date}T12:00:00Z`,
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: 'someone@example.org',
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: 'someone@example.org',
  };
}

function git(repo: string, args: string[], date = '2026-06-01', author = 'Sam Setup'): string {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: gitEnv(date, author) });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function objective(fields: { title: string; target: number; visibility?: string; draft?: boolean }): string {
  return [
    '---',
    `title: ${fields.title}`,
    'period: 2026-Q3',
    'team: acme',
    ...(fields.visibility ? [`visibility: ${fields.visibility}`] : []),
    ...(fields.draft ? ['draft: true'] : []),
    'key_results:',
    '  - id: main',
    '    title: The main result',
    '    start: 0',
    `    target: ${fields.target}`,
    '---',
    'Why it matters.',
    '',
  ].join('\n');
}

/** Writes (or, for null, deletes) files below the repository and commits them. */
function commit(repo: string, date: string, author: string, subject: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(repo, path);
    if (text === null) rmSync(full);
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  git(repo, ['add', '-A'], date, author);
  git(repo, ['commit', '-q', '-m', subject], date, author);
}

/** The scripted repository; the content root is `<repo>/content`. */
function createRepository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'okr-trust-history-'));
  git(repo, ['init', '-q', '-b', 'main']);
  const c = (path: string) => `content/${path}`;
  commit(repo, '2026-06-01', 'Sam Setup', 'Set up', {
    [c('portal.yaml')]: 'name: Trust OKRs\ndefault_visibility: internal\n',
    [c('teams/acme.md')]: '---\nname: Acme\nvisibility: public\n---\n',
  });
  // (a) A private objective, deleted, and later a public one at the same path.
  commit(repo, '2026-06-02', 'HIDDENAUTHOR_1', 'add SECRET_SUBJECT_1', { [c(`${OBJ}/reused.md`)]: objective({ title: 'HIDDEN_TITLE_REUSED', target: 717171, visibility: 'private' }) });
  commit(repo, '2026-06-03', 'HIDDENAUTHOR_2', 'drop SECRET_SUBJECT_2', { [c(`${OBJ}/reused.md`)]: null });
  // (b) A draft's life before publication.
  commit(repo, '2026-06-04', 'HIDDENAUTHOR_3', 'draft SECRET_SUBJECT_3', { [c(`${OBJ}/drafted.md`)]: objective({ title: 'Drafted objective', target: 987613, visibility: 'public', draft: true }) });
  commit(repo, '2026-06-05', 'HIDDENAUTHOR_3', 'rethink SECRET_SUBJECT_4', { [c(`${OBJ}/drafted.md`)]: objective({ title: 'Drafted objective', target: 876512, visibility: 'public', draft: true }) });
  // (c) Internal first.
  commit(repo, '2026-06-06', 'HIDDENAUTHOR_4', 'internal SECRET_SUBJECT_5', { [c(`${OBJ}/opened.md`)]: objective({ title: 'Opened objective', target: 777311, visibility: 'internal' }) });
  commit(repo, '2026-06-07', 'HIDDENAUTHOR_4', 'internal SECRET_SUBJECT_6', { [c(`${OBJ}/opened.md`)]: objective({ title: 'Opened objective', target: 666211, visibility: 'internal' }) });
  // (d) No visibility of its own: internal by portal.yaml's default, for now.
  commit(repo, '2026-06-08', 'HIDDENAUTHOR_5', 'default SECRET_SUBJECT_7', { [c(`${OBJ}/defaulted.md`)]: objective({ title: 'Defaulted objective', target: 555111 }) });
  commit(repo, '2026-06-09', 'HIDDENAUTHOR_5', 'default SECRET_SUBJECT_8', { [c(`${OBJ}/defaulted.md`)]: objective({ title: 'Defaulted objective', target: 45 }) });
  commit(repo, '2026-06-10', VISIBLE_AUTHOR, 'Add reused VISIBLE_SUBJECT_A', { [c(`${OBJ}/reused.md`)]: objective({ title: 'Reused path objective', target: 100, visibility: 'public' }) });
  // (e) A private plan, renamed to a public path below.
  commit(repo, '2026-06-11', 'HIDDENAUTHOR_6', 'plan SECRET_SUBJECT_9', { [c(`${OBJ}/secret-plan.md`)]: objective({ title: 'HIDDEN_TITLE_PLAN', target: 333911, visibility: 'private' }) });
  // Outside the content root, at the same relative path as a visible objective.
  commit(repo, '2026-06-12', 'HIDDENAUTHOR_8', 'outside SECRET_SUBJECT_OUTSIDE', { [`${OBJ}/reused.md`]: objective({ title: 'HIDDEN_TITLE_OUTSIDE', target: 246813, visibility: 'public' }) });
  commit(repo, '2026-06-20', VISIBLE_AUTHOR, 'Publish VISIBLE_SUBJECT_B', { [c(`${OBJ}/drafted.md`)]: objective({ title: 'Drafted objective', target: 50, visibility: 'public' }) });
  commit(repo, '2026-06-21', VISIBLE_AUTHOR, 'Open up VISIBLE_SUBJECT_D', { [c(`${OBJ}/opened.md`)]: objective({ title: 'Opened objective', target: 30, visibility: 'public' }) });
  commit(repo, '2026-06-22', VISIBLE_AUTHOR, 'Default public VISIBLE_SUBJECT_E', { [c('portal.yaml')]: 'name: Trust OKRs\ndefault_visibility: public\n' });
  git(repo, ['mv', `content/${OBJ}/secret-plan.md`, `content/${OBJ}/renamed.md`], '2026-06-23', VISIBLE_AUTHOR);
  commit(repo, '2026-06-23', VISIBLE_AUTHOR, 'Rename VISIBLE_SUBJECT_G', { [c(`${OBJ}/renamed.md`)]: objective({ title: 'Renamed objective', target: 25, visibility: 'public' }) });
  commit(repo, '2026-07-15', VISIBLE_AUTHOR, 'Raise VISIBLE_SUBJECT_A', { [c(`${OBJ}/reused.md`)]: objective({ title: 'Reused path objective', target: 120, visibility: 'public' }) });
  commit(repo, '2026-07-20', VISIBLE_AUTHOR, 'Raise VISIBLE_SUBJECT_C', { [c(`${OBJ}/drafted.md`)]: objective({ title: 'Drafted objective', target: 55, visibility: 'public' }) });
  commit(repo, '2026-07-22', VISIBLE_AUTHOR, 'Lower VISIBLE_SUBJECT_F', { [c(`${OBJ}/defaulted.md`)]: objective({ title: 'Defaulted objective', target: 40 }) });
  // (f) A private objective, and visible changes whose subjects name it.
  commit(repo, '2026-07-23', VISIBLE_AUTHOR, 'Lower SECRET_SUBJECT_NAMED before Project Nightingale Rollout', {
    [c(`${OBJ}/nightingale.md`)]: objective({ title: 'Project Nightingale Rollout', target: 5, visibility: 'private' }),
    [c(`${OBJ}/defaulted.md`)]: objective({ title: 'Defaulted objective', target: 38 }),
  });
  commit(repo, '2026-07-23', VISIBLE_AUTHOR, 'Raise SECRET_SUBJECT_ID for 2026-q3/nightingale', { [c(`${OBJ}/reused.md`)]: objective({ title: 'Reused path objective', target: 125, visibility: 'public' }) });
  // (c, continued) A side branch whose intermediate state never was on main.
  git(repo, ['checkout', '-q', '-b', 'side'], '2026-07-24');
  commit(repo, '2026-07-24', 'HIDDENAUTHOR_7', 'try SIDE_SUBJECT_1', { [c(`${OBJ}/opened.md`)]: objective({ title: 'Opened objective', target: 135791, visibility: 'public' }) });
  commit(repo, '2026-07-25', 'HIDDENAUTHOR_7', 'settle SIDE_SUBJECT_2', { [c(`${OBJ}/opened.md`)]: objective({ title: 'Opened objective', target: 35, visibility: 'public' }) });
  git(repo, ['checkout', '-q', 'main'], '2026-07-28');
  git(repo, ['merge', '-q', '--no-ff', 'side', '-m', 'Merge VISIBLE_SUBJECT_H'], '2026-07-28', VISIBLE_AUTHOR);
  // Repository settings that would run programs or reshape git's output if honoured.
  git(repo, ['config', 'color.ui', 'always']);
  git(repo, ['config', 'log.date', 'relative']);
  git(repo, ['config', 'log.showSignature', 'true']);
  git(repo, ['config', 'diff.renames', 'copies']);
  git(repo, ['config', 'core.pager', `touch ${join(repo, 'PAGER_RAN')}; cat`]);
  return repo;
}

/** A hidden number as written raw or formatted (thousands separators of any locale). */
function numberPattern(value: number): RegExp {
  const digits = String(value);
  return new RegExp(`${digits.slice(0, -3)}[ ,.\u202f\u00a0]?${digits.slice(-3)}`);
}

function hiddenLeaks(files: readonly DistFile[], log: string): string[] {
  // The id of (f)'s private objective, in the output files only: the build log may name any
  // content file in a warning (docs/security.md, "What is guaranteed").
  const leaks = [...findTokens(files, HIDDEN_TOKENS, log), ...findTokens(files, ['nightingale'])];
  if (!log.includes('nightingale.md')) leaks.push('(build log): the scanner no longer sees the private objective of (f)');
  for (const value of HIDDEN_VALUES) {
    const pattern = numberPattern(value);
    for (const file of [...files.map((file) => ({ name: file.path, text: file.text })), { name: '(build log)', text: log }]) {
      if (pattern.test(file.text)) leaks.push(`${file.name}: ${value}`);
    }
  }
  return leaks;
}

/** Date, published or changed, and from → to of an objective's history for an audience. */
function windowOf(timelines: ReturnType<typeof readTimelines>, name: string, audience: Audience): string[] | undefined {
  const history = entryHistory(timelines.get(`${OBJ}/${name}.md`) ?? [], audience, NONE);
  if (!history) return undefined;
  return [`published ${history.published.date}`, ...history.changes.map((change) => `${change.date} ${change.field} ${change.from} -> ${change.to}`)];
}

let repo: string;
let content: string;
let timelines: ReturnType<typeof readTimelines>;
const PATHS = ['reused', 'drafted', 'opened', 'defaulted', 'renamed'].map((name) => `${OBJ}/${name}.md`);

beforeAll(() => {
  repo = createRepository();
  content = join(repo, 'content');
  timelines = readTimelines(content, PATHS, join(repo, '.cache'));
});

describe('the visible window of each objective, read from the repository', () => {
  test.each([
    ['reused', 'public', ['published 2026-06-10', '2026-07-15 target 100 -> 120', '2026-07-23 target 120 -> 125']],
    // (a) Nothing of the deleted private objective, for any audience.
    ['reused', 'private', ['published 2026-06-10', '2026-07-15 target 100 -> 120', '2026-07-23 target 120 -> 125']],
    // (b) Drafts are seen by nobody: no diff from 876512 to 50.
    ['drafted', 'public', ['published 2026-06-20', '2026-07-20 target 50 -> 55']],
    ['drafted', 'private', ['published 2026-06-20', '2026-07-20 target 50 -> 55']],
    // (c) Public from 21 Jun; the merge brings 35 in, the branch's 135791 never was on main.
    ['opened', 'public', ['published 2026-06-21', '2026-07-28 target 30 -> 35']],
    ['opened', 'internal', ['published 2026-06-06', '2026-06-07 target 777311 -> 666211', '2026-06-21 target 666211 -> 30', '2026-07-28 target 30 -> 35']],
    // (d) Public from the commit that changed portal.yaml.
    ['defaulted', 'public', ['published 2026-06-22', '2026-07-22 target 45 -> 40', '2026-07-23 target 40 -> 38']],
    ['defaulted', 'internal', ['published 2026-06-08', '2026-06-09 target 555111 -> 45', '2026-07-22 target 45 -> 40', '2026-07-23 target 40 -> 38']],
    // (e) A rename starts a new history, even for the audience that saw the private plan.
    ['renamed', 'public', ['published 2026-06-23']],
    ['renamed', 'private', ['published 2026-06-23']],
  ] as const)('%s for the %s audience', (name, audience, expected) => {
    expect(windowOf(timelines, name, audience)).toEqual(expected);
  });

  test('the file outside the content root at the same relative path is not read', () => {
    const subjects = (timelines.get(`${OBJ}/reused.md`) ?? []).map((revision) => revision.subject);
    expect(subjects).not.toContain('outside SECRET_SUBJECT_OUTSIDE');
    // portal.yaml's commits are steps of every timeline: they can change what an entry shows.
    expect(subjects).toEqual(['add SECRET_SUBJECT_1', 'drop SECRET_SUBJECT_2', 'Add reused VISIBLE_SUBJECT_A', 'Default public VISIBLE_SUBJECT_E', 'Raise VISIBLE_SUBJECT_A', 'Raise SECRET_SUBJECT_ID for 2026-q3/nightingale']);
  });

  test('GIT_DIR of the environment, colours, relative dates, rename detection and a pager in the repository config change nothing', () => {
    const other = mkdtempSync(join(tmpdir(), 'okr-trust-other-'));
    git(other, ['init', '-q', '-b', 'main']);
    commit(other, '2026-06-01', 'Other', 'other repository', { 'objectives/2026-q3/reused.md': objective({ title: 'Other', target: 1, visibility: 'public' }) });
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = join(other, '.git');
    try {
      const again = readTimelines(content, PATHS, join(repo, '.cache-again'));
      expect(again).toEqual(timelines);
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
    expect(timelines.get(`${OBJ}/reused.md`)?.map((revision) => revision.date)).toEqual(['2026-06-02', '2026-06-03', '2026-06-10', '2026-06-22', '2026-07-15', '2026-07-23']);
    expect(existsSync(join(repo, 'PAGER_RAN'))).toBe(false);
  });

  test('a revision whose blob git cannot give is not visible, and nothing is thrown or printed', () => {
    const broken = mkdtempSync(join(tmpdir(), 'okr-trust-broken-'));
    git(broken, ['init', '-q', '-b', 'main']);
    commit(broken, '2026-07-01', 'Ada', 'one', { 'objectives/2026-q3/a.md': objective({ title: 'A', target: 1, visibility: 'public' }) });
    const blob = git(broken, ['rev-parse', 'HEAD:objectives/2026-q3/a.md']).trim();
    rmSync(join(broken, '.git/objects', blob.slice(0, 2), blob.slice(2)));
    const timeline = readTimelines(broken, ['objectives/2026-q3/a.md'], join(broken, '.cache')).get('objectives/2026-q3/a.md');
    expect(timeline?.map((revision) => revision.entry)).toEqual([{ valid: false }]);
    expect(entryHistory(timeline ?? [], 'private', NONE)).toBeUndefined();
    // Outside any repository: no history, no exception.
    const plain = mkdtempSync(join(tmpdir(), 'okr-trust-plain-'));
    expect(readTimelines(plain, ['objectives/x.md'], join(plain, '.cache')).size).toBe(0);
  });
});

describe('PORTAL_HISTORY_DETAILS', () => {
  test.each([
    [{}, { authors: false, subjects: false }],
    [{ PORTAL_AUDIENCE: 'internal' }, { authors: true, subjects: false }],
    [{ PORTAL_AUDIENCE: 'private' }, { authors: true, subjects: false }],
    [{ PORTAL_HISTORY_DETAILS: 'authors, Subjects' }, { authors: true, subjects: true }],
    [{ PORTAL_HISTORY_DETAILS: 'subjects' }, { authors: false, subjects: true }],
    [{ PORTAL_AUDIENCE: 'internal', PORTAL_HISTORY_DETAILS: 'none' }, { authors: false, subjects: false }],
  ])('%j gives %j', (env, expected) => {
    const { inputs, problems } = parseBuildInputs(env, AS_OF);
    expect(problems).toEqual([]);
    expect(inputs.historyDetails).toEqual(expected);
  });

  test('a bad value is one problem naming the variable, and publishes nothing', () => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_AUDIENCE: 'internal', PORTAL_HISTORY_DETAILS: 'authors,emails' }, AS_OF);
    expect(problems).toEqual([
      { file: 'environment', field: 'PORTAL_HISTORY_DETAILS', severity: 'error', code: 'build-input', message: 'must be none, or a comma-separated list of authors and subjects, got "authors,emails"' },
    ]);
    expect(inputs.historyDetails).toEqual({ authors: false, subjects: false });
  });
});

describe.each([
  { label: 'default details (none for public)', env: {}, details: false },
  { label: 'PORTAL_HISTORY_DETAILS=authors,subjects', env: { PORTAL_HISTORY_DETAILS: 'authors,subjects' }, details: true },
])('a public build with $label', ({ env, details }) => {
  let site: BuiltSite;
  let files: DistFile[];
  beforeAll(() => {
    site = buildSite(content, { PORTAL_AS_OF: AS_OF, PORTAL_REPO_URL: 'https://github.com/acme/okrs', ...env });
    expect(site.status, site.output).toBe(0);
    files = readDist(site.outDir);
  });

  test('no hidden target, subject, author or title appears in any output file or the build log', () => {
    expect(files.filter((file) => file.path.endsWith('.pf_fragment')).length).toBeGreaterThan(0);
    expect(hiddenLeaks(files, site.output)).toEqual([]);
    // The scanner finds what is there: visible titles, also in the compressed search fragments.
    expect(findTokens(files.filter((file) => file.path.endsWith('.pf_fragment')), ['Drafted objective']).length).toBeGreaterThan(0);
  });

  test('objective pages show the visible window: published, then only visible changes', () => {
    const text = (name: string) => site.read(`${OBJ}/${name}/index.html`).replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
    expect(text('reused')).toMatch(/published on 10 Jun 2026 \(commit [0-9a-f]{7}[^)]*\)target changed 100 → 120 on 15 Jul 2026/);
    expect(text('drafted')).toMatch(/published on 20 Jun 2026 \(commit [0-9a-f]{7}[^)]*\)target changed 50 → 55 on 20 Jul 2026/);
    expect(text('opened')).toMatch(/published on 21 Jun 2026 \(commit [0-9a-f]{7}[^)]*\)target changed 30 → 35 on 28 Jul 2026/);
    expect(text('defaulted')).toMatch(/published on 22 Jun 2026 \(commit [0-9a-f]{7}[^)]*\)target changed 45 → 40 on 22 Jul 2026/);
    const changes = site.read('periods/2026-Q3/changes/index.html').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    expect(changes.match(/target: \d+ → \d+/g)).toEqual(['target: 100 → 120', 'target: 50 → 55', 'target: 45 → 40', 'target: 40 → 38', 'target: 120 → 125', 'target: 30 → 35']);
  });

  test(details ? 'subjects and authors of visible commits are published' : 'no subject and no author is published, not even of visible commits', () => {
    const found = findTokens(files, [...VISIBLE_SUBJECTS, VISIBLE_AUTHOR]);
    if (details) {
      expect(findTokens(files, ['VISIBLE_SUBJECT_A', 'VISIBLE_SUBJECT_C', 'VISIBLE_SUBJECT_F', 'VISIBLE_SUBJECT_H', VISIBLE_AUTHOR]).length).toBeGreaterThanOrEqual(5);
    } else {
      expect(found).toEqual([]);
    }
    // The build reads only its own cache: nothing was written into the content root.
    expect(readdirSync(content).sort()).toEqual(['objectives', 'portal.yaml', 'teams']);
  });
});
