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
