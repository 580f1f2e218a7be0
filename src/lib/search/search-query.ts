/**
 * The state of the search page (query, facet filters, sort) and its round trip through the
 * URL (`/search/?q=churn&team=Support&period=Q4+2026`), the options handed to Pagefind, the
 * safe reading of Pagefind's excerpts, and the catalog messages the search island shows.
 * Shared by the search island and the tests.
 */
import type { MessageKey } from '../i18n/index.ts';

/** The facets, in the order the search page shows them; each is labelled `search.facet.<name>`. */
export const SEARCH_FILTERS = [
  { name: 'type' },
  { name: 'period' },
  { name: 'team' },
  { name: 'department' },
  { name: 'owner' },
  { name: 'status' },
  { name: 'grade' },
  { name: 'kind' },
  { name: 'category' },
] as const;

export type SearchFilterName = (typeof SEARCH_FILTERS)[number]['name'];

/** Sort orders, labelled `search.sort.<value>`; sorting by score lists scored pages (objectives) only. */
export const SEARCH_SORTS = [{ value: 'relevance' }, { value: 'score-desc' }, { value: 'score-asc' }] as const;

export type SearchSort = (typeof SEARCH_SORTS)[number]['value'];

/** The metadata a result shows, in order; those with a key in `search.meta.*` are labelled. */
export const RESULT_META_KEYS = ['type', 'team', 'parent', 'period', 'status', 'progress', 'score', 'latest', 'role', 'lead'] as const;
const LABELLED_META = ['parent', 'progress', 'score', 'latest', 'lead'] as const;

/**
 * Every catalog message the search island formats in the browser (its status lines, counts
 * with their plural forms, facet and sort labels, result metadata): the page hands exactly
 * these to the island, in the portal's language.
 */
export const SEARCH_ISLAND_MESSAGES = [
  'search.status.prompt',
  'search.status.searching',
  'search.summary.count',
  'search.summary.none',
  'search.summary.countFor',
  'search.summary.noneFor',
  'search.summary.filters',
  'search.summary.byScore',
  'search.selected',
  ...SEARCH_FILTERS.map(({ name }) => facetMessage(name)),
  ...LABELLED_META.map((key) => `search.meta.${key}` as const),
] as const satisfies readonly MessageKey[];

/** The messages of the search island. */
export type SearchIslandMessage = (typeof SEARCH_ISLAND_MESSAGES)[number];

/**
 * The message key of a facet's label.
 * @example facetMessage('category') // 'search.facet.category'
 */
export function facetMessage<N extends SearchFilterName>(name: N): `search.facet.${N}` {
  return `search.facet.${name}`;
}

/**
 * The message key of a metadata label in a result, if the metadata is labelled.
 * @example metaMessage('score') // 'search.meta.score'; metaMessage('team') // undefined
 */
export function metaMessage(key: (typeof RESULT_META_KEYS)[number]): `search.meta.${(typeof LABELLED_META)[number]}` | undefined {
  return (LABELLED_META as readonly string[]).includes(key) ? (`search.meta.${key}` as `search.meta.${(typeof LABELLED_META)[number]}`) : undefined;
}

export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilterName, string[]>>;
  sort: SearchSort;
}

const FILTER_NAMES: ReadonlySet<string> = new Set(SEARCH_FILTERS.map((filter) => filter.name));
const SORT_VALUES: ReadonlySet<string> = new Set(SEARCH_SORTS.map((sort) => sort.value));
const PERIOD_LABEL_RE = /^Q([1-4]) (\d{4})$/;
const MARK_RE = /<mark>([\s\S]*?)<\/mark>/g;
const ENTITY_RE = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Reads the search state from a URL's query string; unknown parameters and empty values
 * are ignored, repeated parameters select several values of one facet.
 * @example parseSearchState('?q=churn&team=Support&team=Sales').filters.team // ['Support', 'Sales']
 */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SearchState['filters'] = {};
  for (const { name } of SEARCH_FILTERS) {
    const values = [...new Set(params.getAll(name).filter((value) => value !== ''))];
    if (values.length > 0) filters[name] = values;
  }
  const sort = params.get('sort') ?? '';
  return { query: (params.get('q') ?? '').trim(), filters, sort: SORT_VALUES.has(sort) ? (sort as SearchSort) : 'relevance' };
}

/**
 * The query string of a search state, in a stable order (q, facets, sort), without the `?`.
 * @example searchStateToQuery({ query: 'churn', filters: { period: ['Q4 2026'] }, sort: 'relevance' }) // 'q=churn&period=Q4+2026'
 */
export function searchStateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const { name } of SEARCH_FILTERS) for (const value of state.filters[name] ?? []) params.append(name, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params.toString();
}

/** The options object of `pagefind.search(query, options)`. */
export interface PagefindSearchOptions {
  filters: Record<string, { any: string[] }>;
  sort?: { score: 'asc' | 'desc' };
}

/**
 * Pagefind search options for a state: values of one facet are alternatives (any), facets
 * narrow each other (all).
 * @example pagefindOptions({ query: '', filters: { team: ['Support'] }, sort: 'score-desc' }) // { filters: { team: { any: ['Support'] } }, sort: { score: 'desc' } }
 */
export function pagefindOptions(state: SearchState): PagefindSearchOptions {
  const filters: PagefindSearchOptions['filters'] = {};
  for (const [name, values] of Object.entries(state.filters)) if (FILTER_NAMES.has(name) && values.length > 0) filters[name] = { any: values };
  if (state.sort === 'relevance') return { filters };
  return { filters, sort: { score: state.sort === 'score-asc' ? 'asc' : 'desc' } };
}

/**
 * Whether a state asks for anything (a query or a filter); an empty state shows no results.
 * @example isEmptySearch(parseSearchState('')) // true
 */
export function isEmptySearch(state: SearchState): boolean {
  return state.query === '' && Object.values(state.filters).every((values) => values.length === 0);
}

export interface ExcerptSegment {
  text: string;
  /** The segment matched the query (Pagefind wrapped it in <mark>). */
  marked: boolean;
}

/**
 * Splits a Pagefind excerpt (HTML-escaped text with `<mark>` around matches) into plain-text
 * segments, so that the page can build it with text nodes and never parse it as HTML.
 * @example excerptSegments('a &lt;b&gt; <mark>churn</mark>') // [{ text: 'a <b> ', marked: false }, { text: 'churn', marked: true }]
 */
export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  const push = (html: string, marked: boolean): void => {
    if (html !== '') segments.push({ text: decodeEntities(html), marked });
  };
  let last = 0;
  for (const match of excerpt.matchAll(MARK_RE)) {
    push(excerpt.slice(last, match.index), false);
    push(match[1] ?? '', true);
    last = match.index + match[0].length;
  }
  push(excerpt.slice(last), false);
  return segments;
}

function decodeEntities(html: string): string {
  return html.replace(ENTITY_RE, (entity, decimal?: string, hex?: string, name?: string) => {
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? entity;
  });
}

/** The natural order of the values of some facets (types, statuses, grades, kinds), in the portal's language. */
export type FacetValueOrder = Partial<Record<SearchFilterName, readonly string[]>>;

/**
 * The values of a facet in display order: periods newest first, facets with a natural order
 * (`order`, see facetValueOrder in search-records.ts) in that order, everything else
 * alphabetically in the locale.
 * @example sortFacetValues('period', ['Q3 2026', 'Q1 2027', 'Q4 2026']) // ['Q1 2027', 'Q4 2026', 'Q3 2026']
 */
export function sortFacetValues(name: string, values: readonly string[], order: FacetValueOrder = {}, locale?: string): string[] {
  const natural = order[name as SearchFilterName];
  const rank = (value: string): number => {
    if (natural) return natural.includes(value) ? natural.indexOf(value) : natural.length;
    const period = PERIOD_LABEL_RE.exec(value);
    return name === 'period' && period ? -(Number(period[2]) * 4 + Number(period[1])) : 0;
  };
  return [...values].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, locale));
}
