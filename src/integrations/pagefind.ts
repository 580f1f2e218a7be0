/**
 * Builds the Pagefind search index during `astro build`, so that every build (npm run build,
 * a plain astro build, CI) ships a working /search/ page. The index is made from search
 * documents built from the scored model (src/lib/search/search-documents.ts), not from the rendered
 * pages: it starts in `astro:build:setup`, and the Pagefind process indexes and writes
 * `<outDir>/pagefind/` on the second core while Vite bundles and Astro renders;
 * `astro:build:done` waits for it and fails the build if it failed. Pagefind itself is driven
 * by src/loader/search-index.ts, which `okr merge` uses too.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { searchDocuments } from '../lib/search/search-documents.ts';
import { indexDocuments, formatIndexSummary, SearchIndexError, type IndexSummary } from '../loader/search-index.ts';
import { bodyHtmlOf, buildModelOnce } from '../loader/content-source.ts';
import { buildStopped } from './build-failure.ts';
import { i18nFor } from '../lib/i18n/index.ts';

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

