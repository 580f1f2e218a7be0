/**
 * The search index that `astro build` writes for the basic fixture plus an objective with
 * markup in its title (test/support/outside-git.ts): only content pages, with their filters and metadata, no
 * hidden entries, and a search page whose script is external and loads nowhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import type { BuiltSite } from '../support/build-site.ts';
import { buildOutsideGitOnce, XSS_TITLE } from '../support/outside-git.ts';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => path.split('\\').join('/'))
    .sort();
}

function readFragments(outDir: string): Fragment[] {
  const dir = join(outDir, 'pagefind/fragment');
  return readdirSync(dir).map((file) => {
    const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
  });
}

describe('search index of the basic fixture', () => {
  let site: BuiltSite;
  let fragments: Fragment[];
  let indexedPages: string[];
  beforeAll(async () => {
    // The basic fixture plus an objective titled with markup, in the build it shares with
    // branding.test.ts and history.test.ts.
    site = await buildOutsideGitOnce();
    expect(site.status, site.output).toBe(0);
    fragments = readFragments(site.outDir);
    // The entry pages of the five content collections (their list pages are not indexed).
    indexedPages = htmlFiles(site.outDir).filter((path) => /^(objectives|kpis|teams|people|retrospectives)\/.+\/index\.html$/.test(path));
  });

  test('writes the Pagefind bundle into <outDir>/pagefind/', () => {
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.en.pagefind']) expect(site.exists(file), file).toBe(true);
  });

  test('indexes exactly the objective, KPI, team, person and retrospective pages', () => {
    const sections = new Set(indexedPages.map((path) => path.split('/')[0]));
    expect([...sections].sort()).toEqual(['kpis', 'objectives', 'people', 'retrospectives', 'teams']);
    expect(indexedPages).toContain('objectives/2026-q3/markup/index.html');
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(indexedPages.map((path) => `/${path.replace(/index\.html$/, '')}`).sort());
  });

  test('leaves home, lists, alignment, reports, search and 404 out of the index', () => {
    const others = htmlFiles(site.outDir).filter((path) => !indexedPages.includes(path));
    for (const path of ['index.html', '404.html', 'search/index.html', 'teams/index.html', 'kpis/index.html', 'people/index.html', 'periods/2026-Q3/index.html']) {
      expect(others, path).toContain(path);
    }
    expect(others.some((path) => path.startsWith('alignment/'))).toBe(true);
  });

  test('prints the index summary line for the benchmark', () => {
    expect(site.output).toMatch(new RegExp(`pagefind: indexed ${fragments.length} pages in \\d+\\.\\d\\d s, index \\d+ KB`));
  });

  test('keeps navigation, breadcrumbs and footers out of the indexed text', () => {
    const fragment = fragments.find((candidate) => candidate.url === '/objectives/2026-q3/support-efficiency/')!;
    expect(fragment.content).toContain('Make support effortless');
    expect(fragment.content).not.toMatch(/Skip to content|Figures as of|JSON export|Alignment/);
  });

  test('keeps check-in notes but not the numbers and dates of data tables, charts or embed snippets', () => {
    const objective = fragments.find((candidate) => candidate.url === '/objectives/2026-q3/support-efficiency/')!;
    expect(objective.content).toContain('Macros shipped');
    expect(objective.content).not.toMatch(/14 Aug 2026|Embed|Markdown/);
    const kpi = fragments.find((candidate) => candidate.url === '/kpis/support/csat/')!;
    expect(kpi.content).toContain('How happy customers are');
    expect(kpi.content).not.toContain('8.7');
  });

  test('files an objective under readable filters, with meta and a score sort key', () => {
    const fragment = fragments.find((candidate) => candidate.url === '/objectives/2026-q3/support-efficiency/')!;
    expect(fragment.filters).toEqual({
      type: ['Objective'],
      period: ['Q3 2026'],
      team: ['Support'],
      department: ['Support'],
      status: ['On track'],
      grade: ['Yellow'],
      kind: ['Aspirational'],
    });
    expect(fragment.meta).toMatchObject({ title: 'Make support effortless', type: 'Objective', team: 'Support', period: 'Q3 2026', progress: '50%', score: '0.50', status: 'On track' });
    // Sort keys live in the index, not the fragment: the e2e search test sorts by score.
  });

  test('files KPIs, teams, people and retrospectives by type', () => {
    const types = Object.fromEntries(fragments.map((fragment) => [fragment.url, fragment.filters['type']]));
    expect(types).toMatchObject({
      '/kpis/support/csat/': ['KPI'],
      '/teams/support/': ['Team'],
      '/people/ada/': ['Person'],
      '/retrospectives/2026-q3/': ['Retrospective'],
    });
    expect(fragments.find((fragment) => fragment.url === '/kpis/support/csat/')!.meta).toMatchObject({ status: 'Healthy' });
  });

  test('stores a title with markup as text, and never indexes hidden entries', () => {
    const fragment = fragments.find((candidate) => candidate.url === '/objectives/2026-q3/markup/')!;
    expect(fragment.meta['title']).toBe(XSS_TITLE);
    expect(JSON.stringify(fragments)).not.toMatch(/restructuring/i);
  });

  test('ships the search script, external, on /search/ only', () => {
    const searchPage = site.read('search/index.html');
    const scripts = [...searchPage.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="[^"]+\.js"/);
      expect(body?.trim()).toBe('');
    }
    const islandScript = /src="([^"]*SearchIsland[^"]*)"/.exec(searchPage)?.[1];
    expect(islandScript).toBeDefined();
    const pagesWithIsland = htmlFiles(site.outDir).filter((path) => site.read(path).includes('SearchIsland'));
    expect(pagesWithIsland).toEqual(['search/index.html']);
  });

  test('explains without JavaScript that search needs it, with the browse pages', () => {
    const searchPage = site.read('search/index.html');
    expect(searchPage).toContain('Search needs JavaScript.');
    for (const href of ['/periods/', '/teams/', '/kpis/', '/people/', '/retrospectives/']) expect(searchPage).toContain(`href="${href}"`);
  });

  test('sends the header search box to /search/?q=', () => {
    expect(site.read('index.html')).toMatch(/<form[^>]*class="header-search"[^>]*action="\/search\/"[^>]*method="get"/);
  });
});
