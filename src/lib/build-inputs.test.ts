import { describe, expect, test } from 'vitest';
import { normalizeBase, parseBuildInputs } from './build-inputs.ts';
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
        "environment: PORTAL_SITE: must be an absolute http(s) URL such as https://example.org, got "okrs.example.org"",
      ]
    `);
    expect(inputs).toMatchObject({ audience: 'public', asOf: TODAY });
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
