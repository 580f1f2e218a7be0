/**
 * <okr-search>: the client side of /search/. Loads Pagefind from `<base>pagefind/`, keeps
 * the query, facets and sort in the URL (shareable; back/forward work), renders results
 * with text nodes only (titles and excerpts are never parsed as HTML), and announces the
 * result count in a live region. Its words come from the page (`data-i18n`: the catalog's
 * messages in the portal's language, plural forms chosen here with Intl.PluralRules). The
 * server-rendered fallback (browse links) shows without JavaScript (<noscript>), and a copy
 * when Pagefind cannot load (`data-unavailable`).
 */
import { translator, type Catalog, type Translate } from '../../lib/i18n/messages.ts';
import { isEmptySearch, pagefindOptions, parseSearchState, searchStateToQuery, type FacetValueOrder, type PagefindSearchOptions, type SearchState } from '../../lib/search/search-query.ts';
import { renderFacetGroups, renderResult, type PagefindResultData, type SearchWords } from './search-render.ts';

interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  totalFilters: Record<string, Record<string, number>>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options: PagefindSearchOptions): Promise<PagefindResponse | null>;
}

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 250;
const NARROW_SCREEN = '(max-width: 48rem)';

/** The `data-i18n` of the island, written by SearchIsland.astro. */
interface SearchI18n {
  locale: string;
  messages: Partial<Catalog>;
  order: FacetValueOrder;
}

/** The island's words from its `data-i18n`; `t` formats numbers and picks plural forms in the locale. */
function wordsOf(json: string | undefined): SearchWords {
  const { locale, messages, order } = JSON.parse(json ?? '{}') as SearchI18n;
  const numbers = new Intl.NumberFormat(locale);
  return { t: translator(messages as Catalog, locale, (value) => numbers.format(value)), order, locale };
}

class OkrSearch extends HTMLElement {
  #ready: Promise<PagefindApi | undefined> = Promise.resolve(undefined);
  #facetsReady = false;
  #state: SearchState = parseSearchState('');
  #results: PagefindResponse['results'] = [];
  #shown = 0;
  #generation = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #words: SearchWords = wordsOf(undefined);

  get #t(): Translate {
    return this.#words.t;
  }

  #part<T extends HTMLElement>(name: string): T {
    const element = this.querySelector<T>(`[data-search-${name}]`);
    if (!element) throw new Error(`okr-search: missing [data-search-${name}]`);
    return element;
  }

  connectedCallback(): void {
    this.#words = wordsOf(this.dataset['i18n']);
    // The filter panel is rendered closed (and empty): opening it on wide screens now moves nothing.
    this.#part<HTMLDetailsElement>('panel').open = !window.matchMedia(NARROW_SCREEN).matches;
    this.#ready = this.#load();
    this.#listen();
    this.#applyUrl();
  }

  /**
   * Loads Pagefind, and the facets beside the first search rather than before it: the results
   * (the page's largest paint) need only the index, the facets are one filter file per facet
   * (nine in the demo), a round trip the results no longer wait for. On failure, puts the
   * fallback back with the reason.
   */
  async #load(): Promise<PagefindApi | undefined> {
    try {
      const base = this.dataset['base'] ?? '/';
      const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
      await pagefind.options({ baseUrl: base, excerptLength: 24 });
      pagefind.filters().then(
        (facets) => {
          this.#renderFacets(facets);
          this.#syncControls();
        },
        (error: unknown) => this.#unavailable(error),
      );
      return pagefind;
    } catch (error) {
      this.#unavailable(error);
      return undefined;
    }
  }

  #unavailable(error: unknown): void {
    this.dataset['unavailable'] = '';
    this.#part('unavailable').hidden = false;
    console.error('okr-search:', error);
  }

  #listen(): void {
    const form = this.#part<HTMLFormElement>('form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#commit('push');
    });
    this.#part<HTMLInputElement>('input').addEventListener('input', () => {
      clearTimeout(this.#typingTimer);
      this.#typingTimer = setTimeout(() => this.#commit('replace'), TYPING_DELAY_MS);
    });
    this.#part<HTMLSelectElement>('sort').addEventListener('change', () => this.#commit('push'));
    this.#part('facets').addEventListener('change', () => this.#commit('push'));
    this.#part('clear').addEventListener('click', () => {
      for (const box of this.#checkboxes()) box.checked = false;
      this.#commit('push');
    });
    this.#part('more').addEventListener('click', () => void this.#showMore());
    window.addEventListener('popstate', () => this.#applyUrl());
  }

  /** URL -> controls -> search (first load, back/forward). */
  #applyUrl(): void {
    this.#state = parseSearchState(window.location.search);
    this.#part<HTMLInputElement>('input').value = this.#state.query;
    this.#part<HTMLSelectElement>('sort').value = this.#state.sort;
    this.#syncControls();
    void this.#search();
  }

  #syncControls(): void {
    for (const box of this.#checkboxes()) box.checked = (this.#state.filters[box.name as keyof SearchState['filters']] ?? []).includes(box.value);
  }

  /** Controls -> URL -> search. */
  #commit(mode: 'push' | 'replace'): void {
    clearTimeout(this.#typingTimer);
    // Until the facets are there, the filters from the URL stand.
    const filters: SearchState['filters'] = this.#facetsReady ? {} : { ...this.#state.filters };
    for (const box of this.#checkboxes()) {
      if (box.checked) (filters[box.name as keyof SearchState['filters']] ??= []).push(box.value);
    }
    const sort = parseSearchState(`sort=${encodeURIComponent(this.#part<HTMLSelectElement>('sort').value)}`).sort;
    const next: SearchState = { query: this.#part<HTMLInputElement>('input').value.trim(), filters, sort };
    const query = searchStateToQuery(next);
    if (query === searchStateToQuery(this.#state)) return;
    this.#state = next;
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    void this.#search();
  }

  async #search(): Promise<void> {
    const generation = ++this.#generation;
    const list = this.#part('results');
    const selected = this.#selectedCount();
    this.#part('filter-count').textContent = selected > 0 ? this.#t('search.selected', { count: selected }) : '';
    if (isEmptySearch(this.#state)) {
      list.replaceChildren();
      this.#results = [];
      this.#part('more').hidden = true;
      this.#announce(this.#t('search.status.prompt'));
      return;
    }
    this.#announce(this.#t('search.status.searching'));
    const pagefind = await this.#ready;
    if (!pagefind || generation !== this.#generation) return;
    const response = await pagefind.search(this.#state.query || null, pagefindOptions(this.#state));
    if (!response || generation !== this.#generation) return;
    this.#results = response.results;
    this.#shown = 0;
    list.replaceChildren();
    this.#updateCounts(response.totalFilters);
    await this.#showMore();
    if (generation === this.#generation) this.#announce(this.#summary(response.results.length));
  }

  async #showMore(): Promise<void> {
    const generation = this.#generation;
    const page = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE);
    const loaded = await Promise.all(page.map((result) => result.data()));
    if (generation !== this.#generation) return;
    const firstNew = this.#shown;
    this.#part('results').append(...loaded.map((data) => renderResult(data, this.#words)));
    this.#shown += loaded.length;
    const more = this.#part('more');
    more.hidden = this.#shown >= this.#results.length;
    if (firstNew > 0) this.#part('results').children[firstNew]?.querySelector('a')?.focus();
  }

  #summary(count: number): string {
    const t = this.#t;
    const { query, sort } = this.#state;
    const filterCount = this.#selectedCount();
    const parts = [
      count === 0
        ? query ? t('search.summary.noneFor', { query }) : t('search.summary.none')
        : query ? t('search.summary.countFor', { count, query }) : t('search.summary.count', { count }),
    ];
    if (filterCount > 0) parts.push(t('search.summary.filters', { count: filterCount }));
    if (sort !== 'relevance') parts.push(t('search.summary.byScore'));
    return parts.join(' ');
  }

  #selectedCount(): number {
    return Object.values(this.#state.filters).reduce((sum, values) => sum + values.length, 0);
  }

  #announce(text: string): void {
    this.#part('status').textContent = text;
  }

  #checkboxes(): HTMLInputElement[] {
    return [...this.#part('facets').querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  }

  #renderFacets(available: Record<string, Record<string, number>>): void {
    const groups = renderFacetGroups(available, this.#words);
    this.#part('facets').replaceChildren(...groups);
    this.#facetsReady = true;
    this.#part('clear').hidden = false;
  }

  /** Shows how many results each facet value has for the current text query alone. */
  #updateCounts(totals: Record<string, Record<string, number>>): void {
    for (const box of this.#checkboxes()) {
      const count = totals[box.name]?.[box.value] ?? 0;
      const label = box.parentElement;
      const badge = label?.querySelector<HTMLElement>('[data-facet-count]');
      if (badge) badge.textContent = String(count);
      label?.classList.toggle('facet-empty', count === 0 && !box.checked);
      if (this.#state.filters[box.name as keyof SearchState['filters']]?.includes(box.value)) label?.closest('details')?.setAttribute('open', '');
    }
  }
}

if (!customElements.get('okr-search')) customElements.define('okr-search', OkrSearch);
