/**
 * Discovers the page kinds of a built site from its HTML files, so that the quality suites
 * visit pages that appear later without a hard-coded list. Each kind is represented by its
 * largest page (the most content, so the most to check); pages that match no known pattern
 * become a kind named after their first folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface PageKind {
  /** e.g. `objective`, `kpi list`, `other:changelog`. */
  kind: string;
  /** The chosen page, relative to dist with `/` separators, e.g. `objectives/2026-q4/x/index.html`. */
  file: string;
  /**
   * The URL path to visit below the base path, e.g. `objectives/2026-q4/x/`; for the 404
   * kind a path that does not exist, as a static host serves 404.html there.
   */
  path: string;
  /** How many pages of this kind exist. */
  count: number;
}

/** Known kinds, in the order the contract lists them; the first matching pattern wins. */
const KIND_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['home', /^index\.html$/],
  ['404', /^404\.html$/],
  ['period list', /^periods\/index\.html$/],
  ['period report', /^periods\/[^/]+\/report\/index\.html$/],
  ['period changes', /^periods\/[^/]+\/changes\/index\.html$/],
  ['period', /^periods\/[^/]+\/index\.html$/],
  ['alignment', /^alignment\/[^/]+\/index\.html$/],
  ['alignment (team)', /^alignment\/[^/]+\/.+\/index\.html$/],
  ['objective', /^objectives\/.+\/index\.html$/],
  ['kpi list', /^kpis\/index\.html$/],
  ['kpi', /^kpis\/.+\/index\.html$/],
  ['kpi filter', /^kpi-(?:categories|teams)\/.+\/index\.html$/],
  ['team list', /^teams\/index\.html$/],
  ['team', /^teams\/.+\/index\.html$/],
  ['people list', /^people\/index\.html$/],
  ['person', /^people\/.+\/index\.html$/],
  ['retrospective list', /^retrospectives\/index\.html$/],
  ['retrospective', /^retrospectives\/.+\/index\.html$/],
  ['search', /^search\/index\.html$/],
  ['tv', /^tv\/index\.html$/],
];

/**
 * Every HTML file below `root`, relative with `/` separators, sorted.
 * @example listHtmlFiles('/tmp/dist') // ['404.html', 'index.html', 'kpis/index.html', ...]
 */
export function listHtmlFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.html')) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  visit(root);
  return files.sort();
}

/**
 * The kind of a page from its file path below dist.
 * @example kindOfPage('kpis/customer/nps/index.html') // 'kpi'
 */
export function kindOfPage(file: string): string {
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(file)) return kind;
  return `other:${file.split('/')[0]}`;
}

/**
 * The URL path of a page below the base path.
 * @example urlPathOfPage('teams/support/index.html') // 'teams/support/'
 */
export function urlPathOfPage(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * One representative page per kind (the largest file of that kind), in contract order.
 * @example discoverPageKinds('/tmp/dist').map((k) => k.kind) // ['home', '404', 'period list', ...]
 */
export function discoverPageKinds(root: string): PageKind[] {
  const byKind = new Map<string, { file: string; size: number; count: number }>();
  for (const file of listHtmlFiles(root)) {
    const kind = kindOfPage(file);
    const size = statSync(join(root, file)).size;
    const best = byKind.get(kind);
    if (!best) byKind.set(kind, { file, size, count: 1 });
    else {
      best.count += 1;
      if (size > best.size) Object.assign(best, { file, size });
    }
  }
  const order = KIND_PATTERNS.map(([kind]) => kind);
  const rank = (kind: string): number => (order.includes(kind) ? order.indexOf(kind) : order.length);
  return [...byKind.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, { file, count }]) => ({ kind, file, path: kind === '404' ? NOT_FOUND_PATH : urlPathOfPage(file), count }));
}

/**
 * The pages the browser suites visit: one per kind, plus the search page with a query (its
 * results, facets and paging only exist then).
 * @example pagesToVisit('/tmp/dist').at(-1) // { kind: 'search results', path: 'search/?q=churn', ... }
 */
export function pagesToVisit(root: string): PageKind[] {
  const kinds = discoverPageKinds(root);
  const search = kinds.find((kind) => kind.kind === 'search');
  return search ? [...kinds, { ...search, kind: 'search results', path: `${search.path}?q=${SEARCH_QUERY}` }] : kinds;
}

const TABLE_RE = /<table\b[\s\S]*?<\/table>/g;
const THEAD_RE = /<thead\b[\s\S]*?<\/thead>/;
const HEADER_CELL_RE = /<th\b[^>]*>([\s\S]*?)<\/th>/g;

/**
 * The kind of a table: its column headers, tags stripped and digits folded
 * (`Date|Value|Note`, `Team|Objectives|Avg. score|●On track|...`), so that the KPI data
 * tables of every KPI are one kind and a report's scorecard another.
 * @example tableKindsOf('<table><thead><tr><th>Date</th><th>Value</th></tr></thead></table>') // ['Date|Value']
 */
export function tableKindsOf(html: string): string[] {
  return [...html.matchAll(TABLE_RE)].map(([table]) => {
    const head = THEAD_RE.exec(table)?.[0] ?? '';
    return [...head.matchAll(HEADER_CELL_RE)].map(([, cell]) => cell!.replace(/<[^>]+>/g, '').trim().replace(/\d+/g, '#')).join('|');
  });
}

/**
 * One page per kind of table in the site (the first page, in path order, that holds it),
 * labelled by the table's columns: the phone suite visits these as well as one page per page
 * kind, since a page kind's largest page need not hold every table that kind can show (a
 * graded key result's table, a person's key results).
 * @example pagesWithEachTableKind('/tmp/dist')[0] // { kind: 'table: Date|Value|Note', path: 'kpis/customer/churn-rate/', ... }
 */
export function pagesWithEachTableKind(root: string): PageKind[] {
  const byTable = new Map<string, PageKind>();
  for (const file of listHtmlFiles(root)) {
    for (const table of tableKindsOf(readFileSync(join(root, file), 'utf8'))) {
      const known = byTable.get(table);
      if (known) known.count += 1;
      else byTable.set(table, { kind: `table: ${table}`, file, path: file === '404.html' ? NOT_FOUND_PATH : urlPathOfPage(file), count: 1 });
    }
  }
  return [...byTable.values()];
}

/** A word the demo's search finds in several kinds of pages. */
export const SEARCH_QUERY = 'churn';

/** A path that no page has: where the e2e suites see the 404 page. */
export const NOT_FOUND_PATH = 'no-such-page/';

/** The fewest page kinds the demo must have for the suites to mean anything. */
export const MIN_PAGE_KINDS = 8;
