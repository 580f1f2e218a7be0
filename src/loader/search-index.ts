/**
 * The search index: search documents (src/lib/search/search-documents.ts) indexed by the
 * Pagefind Node API into `<outDir>/pagefind/`. The build runs it while Astro renders
 * (src/integrations/pagefind.ts); `okr merge` runs it over the documents of a sharded build
 * (scripts/cli/shard-merge.ts), so both write the same index from the same documents.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchDocument } from '../lib/search/search-documents.ts';

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
