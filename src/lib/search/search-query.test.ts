import { describe, expect, test } from 'vitest';
import { excerptSegments, isEmptySearch, pagefindOptions, parseSearchState, searchStateToQuery, sortFacetValues, type SearchState } from './search-query.ts';

describe('parseSearchState', () => {
  test.each<[string, string, SearchState]>([
    ['an empty query string', '', { query: '', filters: {}, sort: 'relevance' }],
    ['a query', '?q=+churn+', { query: 'churn', filters: {}, sort: 'relevance' }],
    ['facets, repeated for several values', '?q=mql&team=Support&team=Sales&period=Q4+2026', { query: 'mql', filters: { team: ['Support', 'Sales'], period: ['Q4 2026'] }, sort: 'relevance' }],
    ['a sort order', '?sort=score-asc', { query: '', filters: {}, sort: 'score-asc' }],
    ['an unknown sort as relevance', '?sort=title', { query: '', filters: {}, sort: 'relevance' }],
    ['unknown parameters, empty and duplicate values by ignoring them', '?foo=1&team=&team=A&team=A', { query: '', filters: { team: ['A'] }, sort: 'relevance' }],
    ['encoded names with commas and ampersands', '?team=People+%26+Operations&owner=Doe%2C+Jane', { query: '', filters: { team: ['People & Operations'], owner: ['Doe, Jane'] }, sort: 'relevance' }],
  ])('reads %s', (_, search, expected) => {
    expect(parseSearchState(search)).toEqual(expected);
  });
});

describe('searchStateToQuery', () => {
  test.each<[string, SearchState, string]>([
    ['nothing for an empty state', { query: '', filters: {}, sort: 'relevance' }, ''],
    ['q, then facets in page order, then sort', { query: 'churn', filters: { period: ['Q4 2026'], type: ['Objective'] }, sort: 'score-desc' }, 'q=churn&type=Objective&period=Q4+2026&sort=score-desc'],
    ['one parameter per value', { query: '', filters: { team: ['Support', 'People & Operations'] }, sort: 'relevance' }, 'team=Support&team=People+%26+Operations'],
  ])('writes %s', (_, state, expected) => {
    expect(searchStateToQuery(state)).toBe(expected);
  });

  test('round-trips through parseSearchState', () => {
    const state: SearchState = { query: 'a <b> & "c"', filters: { owner: ['Doe, Jane'], grade: ['Red', 'Green'] }, sort: 'score-asc' };
    expect(parseSearchState(searchStateToQuery(state))).toEqual(state);
  });
});

describe('pagefindOptions', () => {
  test.each<[string, SearchState, unknown]>([
    ['no filters and no sort for relevance', { query: 'x', filters: {}, sort: 'relevance' }, { filters: {} }],
    ['values of a facet as alternatives', { query: '', filters: { team: ['A', 'B'], period: ['Q4 2026'] }, sort: 'relevance' }, { filters: { team: { any: ['A', 'B'] }, period: { any: ['Q4 2026'] } } }],
    ['score, highest first', { query: '', filters: {}, sort: 'score-desc' }, { filters: {}, sort: { score: 'desc' } }],
    ['score, lowest first', { query: '', filters: {}, sort: 'score-asc' }, { filters: {}, sort: { score: 'asc' } }],
  ])('gives %s', (_, state, expected) => {
    expect(pagefindOptions(state)).toEqual(expected);
  });
});

describe('isEmptySearch', () => {
  test.each([
    ['', true],
    ['?sort=score-desc', true],
    ['?q=x', false],
    ['?team=Support', false],
  ])('%s is empty: %s', (search, expected) => {
    expect(isEmptySearch(parseSearchState(search))).toBe(expected);
  });
});

describe('excerptSegments', () => {
  test.each([
    ['plain text', 'no match here', [{ text: 'no match here', marked: false }]],
    [
      'marked matches',
      'cut <mark>churn</mark> to 1.5%, <mark>churn</mark>',
      [
        { text: 'cut ', marked: false },
        { text: 'churn', marked: true },
        { text: ' to 1.5%, ', marked: false },
        { text: 'churn', marked: true },
      ],
    ],
    ['escaped markup as text', '&lt;img src=x onerror=alert(1)&gt; <mark>x</mark>', [{ text: '<img src=x onerror=alert(1)> ', marked: false }, { text: 'x', marked: true }]],
    ['numeric and named entities', '&#39;a&#x27; &quot;b&quot; &amp;amp; &apos;', [{ text: `'a' "b" &amp; '`, marked: false }]],
    ['unknown entities and stray tags verbatim', '&nbsp;<b>x</b>', [{ text: '&nbsp;<b>x</b>', marked: false }]],
    ['an empty excerpt as nothing', '', []],
  ])('reads %s', (_, excerpt, expected) => {
    expect(excerptSegments(excerpt)).toEqual(expected);
  });
});

describe('sortFacetValues', () => {
  test.each([
    ['period', ['Q3 2026', 'Q1 2027', 'Q4 2026', 'Q4 2025'], ['Q1 2027', 'Q4 2026', 'Q3 2026', 'Q4 2025']],
    ['status', ['Done', 'Critical', 'At risk', 'On track'], ['On track', 'At risk', 'Done', 'Critical']],
    ['type', ['Team', 'KPI', 'Objective'], ['Objective', 'KPI', 'Team']],
    ['grade', ['Red', 'Green', 'Yellow'], ['Green', 'Yellow', 'Red']],
    ['grade', ['Rot', 'Grün', 'Gelb'], ['Grün', 'Gelb', 'Rot']],
    ['kind', ['Unknown', 'Aspirational'], ['Aspirational', 'Unknown']],
    ['team', ['Support', 'Acme Corp', 'Sales'], ['Acme Corp', 'Sales', 'Support']],
  ])('orders %s values %j', (name, values, expected) => {
    const order = { status: ['On track', 'At risk', 'Off track', 'Done', 'Critical'], type: ['Objective', 'KPI', 'Team'], grade: name === 'grade' && values[0] === 'Rot' ? ['Grün', 'Gelb', 'Rot'] : ['Green', 'Yellow', 'Red'], kind: ['Committed', 'Aspirational'] };
    expect(sortFacetValues(name, values, order)).toEqual(expected);
  });

  test('sorts other values alphabetically in the locale', () => {
    expect(sortFacetValues('team', ['Øst', 'Zulu', 'Alfa'], {}, 'nb')).toEqual(['Alfa', 'Zulu', 'Øst']);
    expect(sortFacetValues('team', ['Øst', 'Zulu', 'Alfa'], {}, 'en')).toEqual(['Alfa', 'Øst', 'Zulu']);
  });
});
