import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SEARCH_ISLAND_MESSAGES } from '../../lib/search/search-query.ts';

/** Message keys the island's scripts pass to `t` as literals (`t('search.…'`). */
const KEY_RE = /\bt\('(search\.[\w.-]+)'/g;
const ISLAND_SOURCES = ['./search-island.ts', './search-render.ts'];

describe('SEARCH_ISLAND_MESSAGES', () => {
  // The island gets only these messages: a key it uses but the page does not send would throw in the browser.
  test('holds every message the island formats', () => {
    const used = ISLAND_SOURCES.flatMap((path) => [...readFileSync(new URL(path, import.meta.url), 'utf8').matchAll(KEY_RE)].map((match) => match[1]!));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((key) => !(SEARCH_ISLAND_MESSAGES as readonly string[]).includes(key))).toEqual([]);
  });
});
