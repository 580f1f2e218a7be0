/**
 * Builds the Pagefind search index as the last step of `astro build`, so that every build
 * (npm run build, a plain astro build, CI) ships a working /search/ page. Only pages whose
 * layout marked their main content with `data-pagefind-body` (objectives, KPIs, teams,
 * people, retrospectives) end up in the index; see BaseLayout and SearchMeta.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The folders of the built site that hold content pages; everything else is never read. */
export const INDEXED_SECTIONS = ['objectives', 'kpis', 'teams', 'people', 'retrospectives'] as const;
/**
 * Parts of content pages that stay out of the indexed text (filters and meta still count):
 * decoration, chart controls, embed snippets, and the numbers and dates of data tables,
 * which only add noise to excerpts and thousands of unique "words" to the index (on the
 * 5,000-objective benchmark they took about 40% of the indexing time). Check-in notes stay
 * searchable. test/integration/search.test.ts checks that these selectors still match.
 */
export const EXCLUDED_SELECTORS = [
  'svg',
  '[aria-hidden="true"]',
  '.chart-controls',
  '.embed',
  '.kpi-data',
  '.checkins thead',
  '.checkins caption',
  '.checkins td.num',
  '.checkins time',
];
/** The folder below the output folder that the index is written to. */
export const INDEX_FOLDER = 'pagefind';

export interface IndexSummary {
  /** Pages in the index. */
  pages: number;
  /** Wall time of indexing and writing, in seconds. */
  seconds: number;
  /** Total size of the files written to <outDir>/pagefind/, in bytes. */
  bytes: number;
  /** Where the index was written. */
  outputPath: string;
}

/** Indexing failed; the message names the output folder and what Pagefind reported. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
  constructor(outDir: string, step: string, errors: readonly string[]) {
    super(`Search index: ${step} failed for ${outDir}: ${errors.join('; ') || 'no details from Pagefind'}`);
  }
}

/**
 * Indexes the content pages of a built site into `<outDir>/pagefind/`. Exported for the
 * benchmark, which wants the figures without parsing logs.
 * @example const { pages, seconds, bytes } = await indexSite('/tmp/site/dist');
 */
export async function indexSite(outDir: string): Promise<IndexSummary> {
  const started = performance.now();
  const outputPath = join(outDir, INDEX_FOLDER);
  // If the Pagefind binary dies (it panics on an unwritable folder), its Node API never
  // settles and the build would end without an index and without an error: fail instead.
  let onStopped = (): void => {};
  const stopped = new Promise<never>((_, reject) => {
    onStopped = () => reject(new SearchIndexError(outDir, 'indexing', ['Pagefind stopped without finishing (see its message above)']));
  });
  process.once('beforeExit', onStopped);
  try {
    const pages = await Promise.race([buildIndex(outDir, outputPath), stopped]);
    return { pages, seconds: (performance.now() - started) / 1000, bytes: await folderSize(outputPath), outputPath };
  } finally {
    process.off('beforeExit', onStopped);
    await pagefind.close();
  }
}

/** Runs Pagefind on the content sections of `outDir`; returns the number of pages indexed. */
async function buildIndex(outDir: string, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: EXCLUDED_SELECTORS });
  if (!index) throw new SearchIndexError(outDir, 'starting Pagefind', errors);
  const added = await index.addDirectory({ path: outDir, glob: `{${INDEXED_SECTIONS.join(',')}}/**/*.html` });
  if (added.errors.length > 0) throw new SearchIndexError(outDir, 'reading pages', added.errors);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new SearchIndexError(outDir, `writing ${outputPath}`, written.errors);
  return indexedPageCount(outputPath);
}

/**
 * The stable log line that the benchmark reads.
 * @example formatIndexSummary({ pages: 42, seconds: 0.314, bytes: 217_000, outputPath }) // 'pagefind: indexed 42 pages in 0.31 s, index 212 KB'
 */
export function formatIndexSummary(summary: Pick<IndexSummary, 'pages' | 'seconds' | 'bytes'>): string {
  return `pagefind: indexed ${summary.pages} pages in ${summary.seconds.toFixed(2)} s, index ${Math.round(summary.bytes / 1024)} KB`;
}

/**
 * The search-index integration: runs Pagefind in `astro:build:done`, on the folder Astro
 * built into (so PORTAL_OUT_DIR and base paths just work), and fails the build if it fails.
 * @example integrations: [contentCheck(), mdx(), sitemap(), searchIndex()]
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'okr-portal:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        let summary: IndexSummary;
        try {
          summary = await indexSite(outDir);
        } catch (error) {
          const failure = error instanceof SearchIndexError ? error : new SearchIndexError(outDir, 'indexing', [String(error)]);
          logger.error(failure.message);
          throw failure;
        }
        if (summary.pages === 0) logger.warn('pagefind: no content pages to index; /search/ will find nothing');
        logger.info(formatIndexSummary(summary));
      },
    },
  };
}

/** Pages that made it into the index (addDirectory also counts files without data-pagefind-body). */
async function indexedPageCount(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

async function folderSize(path: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
