import { describe, expect, test } from 'vitest';
import { buildFolderProblems, normalizeBase, parseBuildInputs, parseShard } from './build-inputs.ts';
import { formatProblem } from './problems.ts';

const TODAY = '2026-11-23';

describe('parseBuildInputs', () => {
  test('defaults: content/, public, today, no site, base /', () => {
    const { inputs, problems } = parseBuildInputs({}, TODAY);
    expect(inputs).toMatchObject({ contentDir: 'content', audience: 'public', asOf: TODAY, site: undefined, base: '/' });
    expect(problems).toEqual([]);
  });

  test('reads every variable', () => {
    const env = {
      PORTAL_CONTENT_DIR: '/srv/okrs ',
      PORTAL_AUDIENCE: 'internal',
      PORTAL_AS_OF: '2026-08-16',
      PORTAL_SITE: 'https://okrs.example.org/',
      PORTAL_BASE: 'okrs',
    };
    const { inputs, problems } = parseBuildInputs(env, TODAY);
    expect(inputs).toMatchObject({ contentDir: '/srv/okrs', audience: 'internal', asOf: '2026-08-16', site: 'https://okrs.example.org', base: '/okrs/' });
    expect(problems).toEqual([]);
  });

  test('treats empty and blank variables as unset', () => {
    expect(parseBuildInputs({ PORTAL_CONTENT_DIR: '', PORTAL_AUDIENCE: ' ', PORTAL_AS_OF: '', PORTAL_SITE: '', PORTAL_BASE: '' }, TODAY)).toEqual(parseBuildInputs({}, TODAY));
  });

  test('reports bad values, naming the variable, and falls back to the defaults', () => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_AUDIENCE: 'everyone', PORTAL_AS_OF: '2026-02-30', PORTAL_SITE: 'okrs.example.org' }, TODAY);
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "environment: PORTAL_AUDIENCE: must be one of public, internal, private, got "everyone"",
        "environment: PORTAL_AS_OF: must be a real date written YYYY-MM-DD, got "2026-02-30"",
        "environment: PORTAL_SITE: must be an http(s) origin such as https://okrs.example.org, got "okrs.example.org"",
      ]
    `);
    expect(inputs).toMatchObject({ audience: 'public', asOf: TODAY });
  });
});

describe('parseShard', () => {
  test.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 4/4 ', { index: 4, count: 4 }],
    ['12/16', { index: 12, count: 16 }],
  ])('reads %j', (raw, expected) => {
    expect(parseShard(raw)).toEqual({ value: expected });
  });

  test.each([undefined, '', '  '])('leaves %j unset: the whole site', (raw) => {
    expect(parseShard(raw)).toEqual({ value: undefined });
  });

  test.each(['0/4', '5/4', '1', '1/0', '01/4', '-1/4', '1/4/2', '1 / 4', 'a/b', '1.5/4', '2/99999999999999999999'])('refuses %j', (raw) => {
    expect(parseShard(raw).value).toBeUndefined();
    expect(parseShard(raw).problem).toBe(`must be k/n with 1 <= k <= n, such as 2/4, got ${JSON.stringify(raw.trim())}`);
  });

  test('a bad value is one problem naming the variable', () => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_SHARD: '5/4' }, TODAY);
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "environment: PORTAL_SHARD: must be k/n with 1 <= k <= n, such as 2/4, got "5/4"",
      ]
    `);
    expect(inputs.shard).toBeUndefined();
  });

  test('PORTAL_SHARD reaches the inputs', () => {
    expect(parseBuildInputs({ PORTAL_SHARD: '3/4' }, TODAY).inputs.shard).toEqual({ index: 3, count: 4 });
    expect(parseBuildInputs({}, TODAY).inputs.shard).toBeUndefined();
  });
});

describe('normalizeBase', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['okrs', '/okrs/'],
    ['/okrs', '/okrs/'],
    ['okrs/', '/okrs/'],
    ['//okrs//', '/okrs/'],
    [' /okrs/ ', '/okrs/'],
    ['/team/okrs', '/team/okrs/'],
  ])('%j -> %j', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });
});

/** A problem line for a variable, as `okr check` and the build print it. */
const line = (variable: string, message: string): string => `environment: ${variable}: ${message}`;
const BASE_RULE = 'must be a URL path such as /okrs, of segments made of letters, digits and - . _ ~ (no empty, "." or ".." segment), got';
const SITE_RULE = 'must be an http(s) origin such as https://okrs.example.org';
const SITE_CHARS = ' (no whitespace, quotes, <, >, backslash, query or fragment)';

describe('parseBuildInputs: PORTAL_BASE', () => {
  test.each([
    ['okrs', '/okrs/'],
    ['/okrs/', '/okrs/'],
    ['/team-okrs/2026', '/team-okrs/2026/'],
    ['/~ada/okrs', '/~ada/okrs/'],
    ['/v1.2', '/v1.2/'],
  ])('accepts %j as %j', (raw, base) => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_BASE: raw }, TODAY);
    expect(problems).toEqual([]);
    expect(inputs.base).toBe(base);
  });

  test.each([
    ['/a/../b'],
    ['..'],
    ['/./okrs'],
    ['//evil.example'],
    ['/okrs//x'],
    ['/okrs?x=1'],
    ['/okrs#top'],
    ['/ok"rs'],
    ["/ok'rs"],
    ['/ok<script>'],
    ['/okrs\\x'],
    ['/ok rs'],
    ['/ok\trs'],
    ['/ok\u0000rs'],
    ['/ok%2e%2e'],
    ['/ökr'],
    ['https://example.org/okrs'],
  ])('refuses %j, naming PORTAL_BASE, and falls back to /', (raw) => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_BASE: raw }, TODAY);
    expect(problems.map(formatProblem)).toEqual([line('PORTAL_BASE', `${BASE_RULE} ${JSON.stringify(raw.trim())}`)]);
    expect(inputs.base).toBe('/');
  });
});

describe('parseBuildInputs: PORTAL_SITE', () => {
  test.each([
    ['https://okrs.example.org', '/', 'https://okrs.example.org'],
    ['https://OKRS.Example.ORG/', '/', 'https://okrs.example.org'],
    ['http://intranet:8080', '/', 'http://intranet:8080'],
    ['https://example.org:443', '/', 'https://example.org'],
    ['https://bücher.example', '/', 'https://xn--bcher-kva.example'],
    ['https://example.org/okrs/', '/okrs/', 'https://example.org'],
    ['https://example.org/okrs', '/okrs/', 'https://example.org'],
  ])('accepts %j (base %j) as the origin %j', (raw, base, site) => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_SITE: raw, PORTAL_BASE: base }, TODAY);
    expect(problems).toEqual([]);
    expect(inputs.site).toBe(site);
  });

  test.each([
    ['okrs.example.org', ''],
    ['ftp://example.org', ''],
    ['javascript:alert(1)', ''],
    ['file:///etc/passwd', ''],
    ['//example.org', ''],
    ['https://', ''],
    ['https://user:secret@example.org', ', without user name or password'],
    ['https://user@example.org', ', without user name or password'],
    ['https://example.org/other', ', without a path (set the path as PORTAL_BASE)'],
    ['https://example.org/?q=1', SITE_CHARS],
    ['https://example.org/#x', SITE_CHARS],
    ['https://example.org/"onmouseover="alert(1)', SITE_CHARS],
    ["https://example.org/'x", SITE_CHARS],
    ['https://example.org/<script>', SITE_CHARS],
    ['https:\\\\evil.example', SITE_CHARS],
    ['https://exa mple.org', SITE_CHARS],
    ['https://example.org\u0000.evil', SITE_CHARS],
    ['https://example.org\n.evil', SITE_CHARS],
  ])('refuses %j, naming PORTAL_SITE', (raw, why) => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_SITE: raw }, TODAY);
    expect(problems.map(formatProblem)).toEqual([line('PORTAL_SITE', `${SITE_RULE}${why}, got ${JSON.stringify(raw.trim())}`)]);
    expect(inputs.site).toBeUndefined();
  });

  test('reports every bad variable at once', () => {
    const { problems } = parseBuildInputs({ PORTAL_BASE: '/../x', PORTAL_SITE: 'ftp://x', PORTAL_AUDIENCE: 'all', PORTAL_HISTORY: 'maybe', PORTAL_SNAPSHOTS: 'no' }, TODAY);
    expect(problems.map((problem) => problem.field)).toEqual(['PORTAL_AUDIENCE', 'PORTAL_BASE', 'PORTAL_SITE', 'PORTAL_HISTORY', 'PORTAL_SNAPSHOTS']);
  });

  test.each([
    [{}, true],
    [{ PORTAL_SNAPSHOTS: 'on' }, true],
    [{ PORTAL_SNAPSHOTS: 'OFF' }, false],
  ])('PORTAL_SNAPSHOTS %j: snapshots %s', (env, snapshots) => {
    expect(parseBuildInputs(env, TODAY).inputs.snapshots).toBe(snapshots);
  });
});

describe('parseBuildInputs: PORTAL_REPO_URL and PORTAL_REPO_BRANCH', () => {
  test.each([
    ['https://github.com/acme/okrs', 'https://github.com/acme/okrs'],
    ['https://github.com/acme/okrs.git/', 'https://github.com/acme/okrs'],
    ['HTTPS://GitLab.com/acme/okrs/-', 'https://gitlab.com/acme/okrs/-'],
    ['http://git.intranet:8080/okrs', 'http://git.intranet:8080/okrs'],
  ])('accepts %j as %j', (raw, repoUrl) => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_REPO_URL: raw }, TODAY);
    expect(problems).toEqual([]);
    expect(inputs.repoUrl).toBe(repoUrl);
  });

  const REPO_RULE = 'must be an http(s) URL such as https://github.com/acme/okrs';
  test.each([
    ['github.com/acme/okrs', ''],
    ['javascript:alert(1)//https://x', ''],
    ['https://token:x-oauth@github.com/acme/okrs', ', without user name or password'],
    ['https://github.com/acme/okrs"onmouseover="alert(1)', SITE_CHARS],
    ['https://github.com/acme/okrs?tab=1', SITE_CHARS],
    ['https://github.com\\evil.example/okrs', SITE_CHARS],
    ['https://github.com/acme/o\tkrs', SITE_CHARS],
  ])('refuses %j, naming PORTAL_REPO_URL, and links nowhere', (raw, why) => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_REPO_URL: raw }, TODAY);
    expect(problems.map(formatProblem)).toEqual([line('PORTAL_REPO_URL', `${REPO_RULE}${why}, got ${JSON.stringify(raw)}`)]);
    expect(inputs.repoUrl).toBeUndefined();
  });

  test.each(['main', 'release/2026', 'v1.2_x'])('accepts the branch %j', (branch) => {
    expect(parseBuildInputs({ PORTAL_REPO_BRANCH: branch }, TODAY)).toMatchObject({ inputs: { repoBranch: branch }, problems: [] });
  });

  test.each(['../../evil', 'a b', 'x"y', '-x', 'a//b', 'a/', '%2e%2e'])('refuses the branch %j, naming PORTAL_REPO_BRANCH', (branch) => {
    const { inputs, problems } = parseBuildInputs({ PORTAL_REPO_BRANCH: branch }, TODAY);
    expect(problems.map(formatProblem)).toEqual([
      line('PORTAL_REPO_BRANCH', `must be a branch name such as main or release/2026 (letters, digits, . _ - and /, no ".."), got ${JSON.stringify(branch)}`),
    ]);
    expect(inputs.repoBranch).toBe('main');
  });
});

describe('buildFolderProblems', () => {
  const guarded = [
    { name: 'the content folder', path: '/p/content' },
    { name: 'the source folder', path: '/p/src' },
    { name: 'the public folder', path: '/p/public' },
    { name: 'the project root', path: '/p', insideAllowed: true },
  ];
  const message = (relation: string, name: string, path: string): string => `must not ${relation} ${name} (${path}); use a folder of its own, such as ./dist`;
  test.each([
    ['/p/dist', undefined],
    ['/p/node_modules/.cache/okr/dist', undefined],
    ['/srv/www/okrs', undefined],
    ['/p/contents', undefined],
    ['/p/content', message('be', 'the content folder', '/p/content')],
    ['/p/content/dist', message('lie inside', 'the content folder', '/p/content')],
    ['/p/src', message('be', 'the source folder', '/p/src')],
    ['/p/src/pages', message('lie inside', 'the source folder', '/p/src')],
    ['/p/public/dist', message('lie inside', 'the public folder', '/p/public')],
    ['/p', message('be', 'the project root', '/p')],
    ['/', message('contain', 'the content folder', '/p/content')],
  ])('PORTAL_OUT_DIR=%j -> %j', (path, expected) => {
    const problems = buildFolderProblems([{ variable: 'PORTAL_OUT_DIR', path }], guarded);
    expect(problems.map((problem) => problem.message)).toEqual(expected ? [expected] : []);
  });

  test('a content folder outside the project is guarded too, and contains counts', () => {
    const problems = buildFolderProblems([{ variable: 'PORTAL_CACHE_DIR', path: '/srv' }], [{ name: 'the content folder', path: '/srv/okrs' }]);
    expect(problems.map(formatProblem)).toEqual([line('PORTAL_CACHE_DIR', message('contain', 'the content folder', '/srv/okrs'))]);
  });
});
