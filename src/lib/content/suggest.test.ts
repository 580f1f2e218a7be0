import { describe, expect, test } from 'vitest';
import { didYouMean, editDistance, suggestClosest } from './suggest.ts';

describe('editDistance', () => {
  test.each([
    ['kitten', 'sitting', 3],
    ['titel', 'title', 2],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['same', 'same', 0],
  ])('%s -> %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('suggestClosest', () => {
  const ids = ['grow-activation', 'nps', '2026-q3/support/efficiency', '2026-q3/company'];

  test.each([
    ['grow-actvation', 'grow-activation'],
    ['GROW-ACTIVATION', 'grow-activation'],
    ['efficiency', '2026-q3/support/efficiency'],
    ['2026-q3/compny', '2026-q3/company'],
    ['npz', 'nps'],
    ['churn', undefined],
    ['completely-different', undefined],
  ])('%s -> %s', (value, suggestion) => {
    expect(suggestClosest(value, ids)).toBe(suggestion);
  });

  test('returns undefined without candidates', () => {
    expect(suggestClosest('title', [])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  test.each([
    ['titel', ['title', 'period'], 'Did you mean "title"?'],
    ['key_result', ['key_results'], 'Did you mean "key_results"?'],
    ['budget', ['name', 'parent', 'lead'], undefined],
  ])('%s among %j', (value, candidates, hint) => {
    expect(didYouMean(value, candidates)).toBe(hint);
  });
});
