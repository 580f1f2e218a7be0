/**
 * Builds the Pagefind search index during `astro build`, so that every build (npm run build,
 * a plain astro build, CI) ships a working /search/ page. The index is made from search
 * documents built from the scored model (src/lib/search/search-documents.ts), not from the rendered
 * pages: it starts in `astro:build:setup`, and the Pagefind process indexes and writes
 * `<outDir>/pagefind/` on the second core while Vite bundles and Astro renders;
 * `astro:build:done` waits for it and fails the build if it failed.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { searchDocuments, type SearchDocument } from '../lib/search/search-documents.ts';
import { bodyHtmlOf, buildModelOnce } from '../loader/content-source.ts';
import { buildStopped } from './build-failure.ts';
import { i18nFor } from '../lib/i18n/index.ts';

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
 * Indexes search documents into `<outDir>/pagefind/`. Exported for tests and the benchmark.
 * @example const { pages, seconds, bytes } = await indexDocuments('/tmp/site/dist', searchDocuments(model));
 */
export async function indexDocuments(outDir: string, documents: readonly SearchDocument[], language = 'en'): Promise<IndexSummary> {
  const started = performance.now();
  const outputPath = join(outDir, INDEX_FOLDER);
  try {
    const pages = await buildIndex(outDir, outputPath, documents, language);
    return { pages, seconds: (performance.now() - started) / 1000, bytes: await folderSize(outputPath), outputPath };
  } finally {
    await pagefind.close();
  }
}

/**
 * If the Pagefind binary dies (it panics on an unwritable folder), its Node API never
 * settles, nothing keeps Node running, and the process would end with exit code 0, without
 * an index and without an error. Racing a `beforeExit` listener against the indexing was
 * fragile (it fires whenever the loop is briefly empty); instead, the one moment that
 * cannot come early: if the process exits while indexing is unsettled, the build failed.
 */
function failOnExitWhilePending(outDir: string, indexing: Promise<unknown>, logger: AstroIntegrationLogger): void {
  let settled = false;
  const onExit = (): void => {
    if (settled) return;
    logger.error(new SearchIndexError(outDir, 'indexing', ['Pagefind stopped without finishing (see its message above)']).message);
    process.exitCode = 1;
  };
  process.once('exit', onExit);
  const done = (): void => {
    settled = true;
    process.off('exit', onExit);
  };
  indexing.then(done, done);
}

/**
 * Runs Pagefind over the documents in the portal's language (its stemming and word
 * splitting; the search page loads the index of that language); returns the number of pages indexed.
 */
async function buildIndex(outDir: string, outputPath: string, documents: readonly SearchDocument[], language: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new SearchIndexError(outDir, 'starting Pagefind', errors);
  // All documents go out at once: the Pagefind process takes them in order, one by one.
  const added = await Promise.all(documents.map((document) => index.addHTMLFile({ url: document.url, content: document.html })));
  const addErrors = added.flatMap((result, position) => result.errors.map((error) => `${documents[position]!.url}: ${error}`));
  if (addErrors.length > 0) throw new SearchIndexError(outDir, 'reading search documents', addErrors);
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
 * The search-index integration: starts indexing in `astro:build:setup` (after Astro emptied
 * the output folder, before bundling), into the folder Astro builds into (so PORTAL_OUT_DIR
 * and base paths just work), and waits for it in `astro:build:done`.
 * @example integrations: [contentCheck(), mdx(), sitemap(), searchIndex()]
 */
export function searchIndex(): AstroIntegration {
  let outDir: URL | undefined;
  let indexing: Promise<IndexSummary> | undefined;
  const start = (dir: URL, logger: AstroIntegrationLogger): Promise<IndexSummary> => {
    const outputDir = fileURLToPath(dir);
    const model = buildModelOnce();
    const documents = searchDocuments(model, bodyHtmlOf);
    const running = indexDocuments(outputDir, documents, i18nFor(model.settings.locale).lang).catch((error: unknown) => {
      throw error instanceof SearchIndexError ? error : new SearchIndexError(outputDir, 'indexing', [String(error)]);
    });
    // Failures surface in astro:build:done; until then, keep Node from calling them unhandled.
    running.catch(() => {});
    failOnExitWhilePending(outputDir, running, logger);
    return running;
  };
  return {
    name: 'okr-portal:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:setup': ({ logger }) => {
        if (outDir) indexing ??= start(outDir, logger);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Without the setup hook (not expected with Astro 7) the index is built now.
        const current = indexing ?? start(dir, logger);
        indexing = undefined;
        let summary: IndexSummary;
        try {
          summary = await current;
        } catch (error) {
          throw buildStopped((error as Error).message, 'Check that the output folder (PORTAL_OUT_DIR) is writable; PORTAL_DEBUG=1 shows the stack trace.', error);
        }
        if (summary.pages === 0) logger.warn('pagefind: no content pages to index; /search/ will find nothing');
        logger.info(formatIndexSummary(summary));
      },
    },
  };
}

/** Pages that made it into the index, as Pagefind counts them. */
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
