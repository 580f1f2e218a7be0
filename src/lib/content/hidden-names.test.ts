import { describe, expect, test } from 'vitest';
import { contentSet, type ContentSpec } from '../../../test/support/content-files.ts';
import { checkHiddenNamesInIds, hiddenNames, withoutHiddenNames } from './hidden-names.ts';

const ORG: ContentSpec = {
  'portal.yaml': { default_visibility: 'public' },
  'teams/acme.md': { name: 'Acme' },
  'teams/labs.md': { name: 'Labs', visibility: 'internal' },
  'people/spy.md': { name: 'Spy', visibility: 'private' },
};
const kpi = (visibility: string): object => ({ title: 'Churn', visibility });

describe('hiddenNames', () => {
  test.each([
    ['public', ['labs', 'spy']],
    ['internal', ['spy']],
    ['private', []],
  ] as const)('for %s readers: %j', (visibility, names) => {
    expect([...hiddenNames(contentSet(ORG), visibility).keys()].sort()).toEqual(names);
  });
});

describe('withoutHiddenNames', () => {
  test.each([
    ['2026-q3/labs/grow', 'public', '2026-q3/grow'],
    ['2026-q3/labs/grow', 'internal', '2026-q3/labs/grow'],
    ['labs', 'public', undefined],
    ['2026-q3/labss/grow', 'public', '2026-q3/labss/grow'],
  ] as const)('%s for %s readers is %s', (id, visibility, expected) => {
    expect(withoutHiddenNames(id, contentSet(ORG), visibility)).toBe(expected);
  });
});

describe('checkHiddenNamesInIds', () => {
  test.each([
    ['kpis/labs/churn.md', 'public', ['labs']],
    ['kpis/labs/spy.md', 'public', ['labs', 'spy']],
    ['kpis/labs/spy.md', 'internal', ['spy']],
    ['kpis/labs/churn.md', 'internal', []],
    ['kpis/labs/churn.md', 'private', []],
    ['kpis/lab/churn.md', 'public', []],
  ] as const)('%s (%s) names %j', (path, visibility, segments) => {
    const problems = checkHiddenNamesInIds(contentSet({ ...ORG, [path]: kpi(visibility) }));
    expect(problems.map((problem) => [problem.file, problem.field, problem.message.match(/^path segment "([^"]+)"/)![1]])).toEqual(segments.map((segment) => [`content/${path}`, 'id', segment]));
  });
});

describe('nested teams and key result ids', () => {
  const NESTED: ContentSpec = {
    ...ORG,
    'teams/acme/secret-ops.md': { name: 'Secret ops', visibility: 'internal', parent: 'acme' },
  };
  const objective = (keyResultId: string, visibility = 'public'): object => ({
    title: 'Grow',
    period: '2026-Q3',
    team: 'acme',
    visibility,
    key_results: [{ id: 'fine', title: 'A', start: 0, target: 1 }, { id: keyResultId, title: 'B', start: 0, target: 1 }],
  });

  test('the public parent of a hidden team names nothing hidden: neither the parent nor an entry in its folder is an error', () => {
    expect([...hiddenNames(contentSet(NESTED), 'public').keys()].sort()).toEqual(['labs', 'secret-ops', 'spy']);
    expect(checkHiddenNamesInIds(contentSet({ ...NESTED, 'objectives/2026-q3/acme/grow.md': objective('ok') }))).toEqual([]);
  });

  test.each([
    ['secret-ops', 'public', ['secret-ops']],
    ['labs', 'public', ['labs']],
    ['labs', 'internal', []],
    ['spy', 'internal', ['spy']],
    ['secret-opsx', 'public', []],
  ] as const)('key result id %j in a %s objective names %j (it is the badge file name)', (keyResultId, visibility, names) => {
    const problems = checkHiddenNamesInIds(contentSet({ ...NESTED, 'objectives/2026-q3/grow.md': objective(keyResultId, visibility) }));
    expect(problems.map((problem) => [problem.field, problem.message.match(/^"([^"]+)" is the id of/)?.[1]])).toEqual(names.map((name) => ['key_results[1].id', name]));
  });
});
