/**
 * The state of the search page (query, facet filters, sort) and its round trip through the
 * URL (`/search/?q=churn&team=Support&period=Q4+2026`), the options handed to Pagefind, and
 * the safe reading of Pagefind's excerpts. Shared by the search island and the tests.
 */

/** The facets, in the order the search page shows them, with their labels. */
export const SEARCH_FILTERS = [
  { name: 'type', label: 'Type' },
  { name: 'period', label: 'Period' },
  { name: 'team', label: 'Team' },
  { name: 'department', label: 'Department' },
  { name: 'owner', label: 'Owner' },
  { name: 'status', label: 'Status' },
  { name: 'grade', label: 'Grade' },
  { name: 'kind', label: 'Kind' },
  { name: 'category', label: 'KPI category' },
] as const;

export type SearchFilterName = (typeof SEARCH_FILTERS)[number]['name'];

/** Sort orders; sorting by score lists scored pages (objectives) only. */
export const SEARCH_SORTS = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'score-desc', label: 'Score, highest first' },
  { value: 'score-asc', label: 'Score, lowest first' },
] as const;

export type SearchSort = (typeof SEARCH_SORTS)[number]['value'];

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
const VALUE_ORDER: Partial<Record<SearchFilterName, readonly string[]>> = {
  type: ['Objective', 'KPI', 'Team', 'Person', 'Retrospective'],
  status: ['On track', 'At risk', 'Off track', 'Done', 'Cancelled', 'Healthy', 'Warning', 'Critical', 'Untracked', 'No data'],
  grade: ['Green', 'Yellow', 'Red'],
  kind: ['Committed', 'Aspirational'],
};

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

/**
 * The values of a facet in display order: periods newest first, statuses and grades in
 * their natural order, everything else alphabetically.
 * @example sortFacetValues('period', ['Q3 2026', 'Q1 2027', 'Q4 2026']) // ['Q1 2027', 'Q4 2026', 'Q3 2026']
 */
export function sortFacetValues(name: string, values: readonly string[]): string[] {
  const order = VALUE_ORDER[name as SearchFilterName];
  const rank = (value: string): number => {
    if (order) return order.includes(value) ? order.indexOf(value) : order.length;
    const period = PERIOD_LABEL_RE.exec(value);
    return name === 'period' && period ? -(Number(period[2]) * 4 + Number(period[1])) : 0;
  };
  return [...values].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
