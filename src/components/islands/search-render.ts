/**
 * DOM builders for the search island: facet groups and result items, built with text nodes
 * only. Titles, metadata and excerpts come from content and are never parsed as HTML;
 * Pagefind's <mark> highlights are re-created as elements.
 */
import { RESULT_META_KEYS, SEARCH_FILTERS, excerptSegments, facetMessage, metaMessage, sortFacetValues, type FacetValueOrder } from '../../lib/search/search-query.ts';
import type { Translate } from '../../lib/i18n/messages.ts';

/** What the island's texts need: `t` over the island's messages, the facet orders, the Intl locale. */
export interface SearchWords {
  t: Translate;
  order: FacetValueOrder;
  locale: string;
}

/** What `result.data()` gives for one Pagefind result (the parts used here). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

/** Facets shown open (on narrow screens the whole filter panel starts closed). */
const OPEN_FACETS: ReadonlySet<string> = new Set(['type', 'period', 'team']);

/**
 * One <details> per facet with a checkbox per value and its count, in page order.
 * Values are shown as indexed: the index holds them in the portal's language.
 * @example facets.replaceChildren(...renderFacetGroups(await pagefind.filters(), words));
 */
export function renderFacetGroups(available: Record<string, Record<string, number>>, { t, order, locale }: SearchWords): HTMLDetailsElement[] {
  return SEARCH_FILTERS.filter(({ name }) => Object.keys(available[name] ?? {}).length > 0).map(({ name }) => {
    const label = t(facetMessage(name));
    const details = element('details', { className: 'facet', open: OPEN_FACETS.has(name) });
    const fieldset = element('fieldset');
    fieldset.append(element('legend', { className: 'visually-hidden', textContent: label }));
    for (const value of sortFacetValues(name, Object.keys(available[name] ?? {}), order, locale)) {
      const count = element('span', { className: 'facet-count', textContent: String(available[name]?.[value] ?? '') });
      count.dataset['facetCount'] = '';
      const row = element('label', { className: 'facet-option' });
      row.append(element('input', { type: 'checkbox', name, value }), element('span', { textContent: value }), count);
      fieldset.append(row);
    }
    details.append(element('summary', { textContent: label }), fieldset);
    return details;
  });
}

/**
 * A result item: linked title, a line of facts (type · team · period · status · progress ·
 * score ...) and the excerpt with its highlights.
 * @example list.append(renderResult(await result.data(), words));
 */
export function renderResult(data: PagefindResultData, { t }: Pick<SearchWords, 't'>): HTMLLIElement {
  const item = element('li', { className: 'result' });
  const heading = element('h3', { className: 'result-title' });
  heading.append(element('a', { href: data.url, textContent: data.meta['title'] || data.url }));
  const facts = RESULT_META_KEYS.map((key) => {
    const value = data.meta[key];
    if (!value) return undefined;
    const label = metaMessage(key);
    return label ? `${t(label)} ${value}` : value;
  }).filter((fact): fact is string => fact !== undefined);
  const meta = element('p', { className: 'result-meta', textContent: facts.join(' · ') });
  const excerpt = element('p', { className: 'result-excerpt' });
  for (const segment of excerptSegments(data.excerpt)) {
    excerpt.append(segment.marked ? element('mark', { textContent: segment.text }) : document.createTextNode(segment.text));
  }
  item.append(heading, meta, excerpt);
  return item;
}

/** An element with properties set (textContent, never innerHTML). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), properties);
}
