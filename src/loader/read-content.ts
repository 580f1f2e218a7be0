/**
 * Node side of content loading: reads the content folder from disk and runs the pure
 * pipeline (parse, validate, check references, lint, filter by audience). The build's
 * content check, the collections' loaders and the `okr` CLI all call this one function.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { filterByAudience, type Audience } from '../lib/audience.ts';
import type { ContentFile, ContentSet } from '../lib/content-set.ts';
import { lintContent } from '../lib/lints.ts';
import { isEntryFile, loadContentSet, type FrontmatterParser } from '../lib/load-content.ts';
import type { ContentProblem } from '../lib/problems.ts';
import { checkReferences } from '../lib/references.ts';
import { checkRetroComponents } from '../lib/retro-components.ts';
import { MAX_FILE_BYTES, parseFrontmatter, withLazyLocate, type ParsedFrontmatter, type PlainFrontmatter } from '../lib/frontmatter.ts';

export interface LoadedContent {
  /** Absolute content root. */
  root: string;
  /** Everything, drafts and every visibility included (for checks and the CLI). */
  all: ContentSet;
  /** What the audience may see. */
  visible: ContentSet;
  problems: ContentProblem[];
  files: ContentFile[];
  /** Files whose frontmatter a worker thread parsed (loadContentInParallel on big folders). */
  parsedInWorker: number;
}

/**
 * Reads every file below the content root, sorted, with `/` separators.
 * @example readContentFiles('content')
 */
export function readContentFiles(contentDir: string, cwd: string = process.cwd()): ContentFile[] {
  const root = resolve(cwd, contentDir);
  const files: ContentFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) {
        const path = relative(root, full).split(sep).join('/');
        const displayPath = relative(cwd, full).split(sep).join('/') || path;
        // Oversized files are not read at all; the parser reports them by their length.
        const text = stat.size > MAX_FILE_BYTES ? ' '.repeat(MAX_FILE_BYTES + 1) : readFileSync(full, 'utf8');
        files.push({ path, displayPath, text });
      }
    }
  };
  walk(root);
  return files;
}

/**
 * Loads, checks and filters a content folder. Never throws for bad content.
 * @example const { visible, problems } = loadContent({ contentDir: 'content', audience: 'public' })
 */
export function loadContent(options: { contentDir: string; audience: Audience; cwd?: string }): LoadedContent {
  return checkContent(options, readFolder(options));
}

/**
 * `loadContent` with the frontmatter of big folders parsed on two threads; the result is the
 * same. For the build, where the content check is the first thing that runs.
 * @example const { visible, problems } = await loadContentInParallel({ contentDir: 'content', audience: 'public' })
 */
export async function loadContentInParallel(options: { contentDir: string; audience: Audience; cwd?: string }): Promise<LoadedContent> {
  const folder = readFolder(options);
  if ('missing' in folder) return checkContent(options, folder);
  const ahead = await parseAhead(folder.files);
  return { ...checkContent(options, folder, ahead?.parse), parsedInWorker: ahead?.parsedInWorker ?? 0 };
}

/** Below this many entry files a worker thread costs more than it saves. */
const PARALLEL_MIN_FILES = 400;
/**
 * The worker's share of the files. It starts late (a thread and its modules take a few
 * hundred milliseconds to load) and a little slower, so the main thread takes more.
 */
const WORKER_SHARE = 0.45;

/**
 * Frontmatter of every entry file, parsed ahead: part on a worker thread, the rest here at
 * the same time. Falls back to parsing on demand if the worker fails.
 */
async function parseAhead(files: readonly ContentFile[]): Promise<{ parse: FrontmatterParser; parsedInWorker: number } | undefined> {
  const entries = files.filter((file) => isEntryFile(file.path));
  if (entries.length < PARALLEL_MIN_FILES) return undefined;
  const split = Math.floor(entries.length * (1 - WORKER_SHARE));
  const theirs = entries.slice(split);
  const fromWorker = new Promise<PlainFrontmatter[] | undefined>((resolve) => {
    const worker = new Worker(new URL('./frontmatter-worker.ts', import.meta.url), { workerData: theirs.map((file) => file.text) });
    worker.once('message', (parsed: PlainFrontmatter[]) => resolve(parsed));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  const parsed = new Map<string, ParsedFrontmatter>();
  for (const file of entries.slice(0, split)) parsed.set(file.path, parseFrontmatter(file.text));
  const plain = await fromWorker;
  if (plain) theirs.forEach((file, index) => parsed.set(file.path, withLazyLocate(file.text, plain[index]!)));
  return { parse: (file) => parsed.get(file.path) ?? parseFrontmatter(file.text), parsedInWorker: plain?.length ?? 0 };
}

type Folder = { root: string; cwd: string; files: ContentFile[] } | { root: string; cwd: string; missing: true };

function readFolder(options: { contentDir: string; cwd?: string }): Folder {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.contentDir);
  let exists = false;
  try {
    exists = statSync(root).isDirectory();
  } catch {
    exists = false;
  }
  if (!exists) return { root, cwd, missing: true };
  return { root, cwd, files: readContentFiles(root, cwd) };
}

function checkContent(options: { audience: Audience }, folder: Folder, parse?: FrontmatterParser): LoadedContent {
  const { root, cwd } = folder;
  if ('missing' in folder) {
    const { content } = loadContentSet([]);
    return {
      root,
      all: content,
      visible: content,
      files: [],
      parsedInWorker: 0,
      problems: [{ file: relative(cwd, root) || root, field: '', severity: 'error', code: 'no-content', message: 'content folder does not exist (set PORTAL_CONTENT_DIR or create content/)' }],
    };
  }
  const { files } = folder;
  const { content, problems } = loadContentSet(files, parse);
  problems.push(...checkReferences(content), ...checkRetroComponents(content, files), ...lintContent(content));
  return { root, all: content, visible: filterByAudience(content, options.audience), problems, files, parsedInWorker: 0 };
}

const CACHE_KEY = Symbol.for('okr-portal.loaded-content');
type Cache = Map<string, LoadedContent>;

/**
 * `loadContent`, memoized per process: the content check and the collections' loaders run
 * in one `astro build` and must see the same files without reading them twice.
 * @example loadContentOnce({ contentDir, audience })
 */
export function loadContentOnce(options: { contentDir: string; audience: Audience }): LoadedContent {
  const { cache, key } = cacheOf(options);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = loadContent(options);
    cache.set(key, loaded);
  }
  return loaded;
}

/**
 * `loadContentOnce` for the first load of a build: parses on two threads.
 * @example const loaded = await loadContentOnceInParallel({ contentDir, audience })
 */
export async function loadContentOnceInParallel(options: { contentDir: string; audience: Audience }): Promise<LoadedContent> {
  const { cache, key } = cacheOf(options);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = await loadContentInParallel(options);
    cache.set(key, loaded);
  }
  return loaded;
}

function cacheOf(options: { contentDir: string; audience: Audience }): { cache: Cache; key: string } {
  const globalCache = globalThis as unknown as Record<symbol, Cache | undefined>;
  return { cache: (globalCache[CACHE_KEY] ??= new Map()), key: `${resolve(options.contentDir)}\0${options.audience}` };
}

/**
 * Forgets memoized content, so that a dev server picks up edits.
 * @example clearContentCache()
 */
export function clearContentCache(): void {
  (globalThis as unknown as Record<symbol, Cache | undefined>)[CACHE_KEY]?.clear();
}
