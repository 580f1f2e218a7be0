/**
 * Node side of content loading: reads the content folder from disk and runs the pure
 * pipeline (parse, validate, check references, lint, filter by audience). The build's
 * content check, the collections' loaders and the `okr` CLI all call this one function.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { filterByAudience, type Audience } from '../lib/audience.ts';
import type { ContentFile, ContentSet } from '../lib/content-set.ts';
import { lintContent } from '../lib/lints.ts';
import { loadContentSet } from '../lib/load-content.ts';
import type { ContentProblem } from '../lib/problems.ts';
import { checkReferences } from '../lib/references.ts';
import { checkRetroComponents } from '../lib/retro-components.ts';
import { MAX_FILE_BYTES } from '../lib/frontmatter.ts';
import { buildPortalModel, type PortalModel } from '../lib/portal-model.ts';
import { readBuildInputs } from './build-inputs.ts';

export interface LoadedContent {
  /** Absolute content root. */
  root: string;
  /** Everything, drafts and every visibility included (for checks and the CLI). */
  all: ContentSet;
  /** What the audience may see. */
  visible: ContentSet;
  problems: ContentProblem[];
  files: ContentFile[];
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
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.contentDir);
  let exists = false;
  try {
    exists = statSync(root).isDirectory();
  } catch {
    exists = false;
  }
  if (!exists) {
    const { content } = loadContentSet([]);
    return {
      root,
      all: content,
      visible: content,
      files: [],
      problems: [{ file: relative(cwd, root) || root, field: '', severity: 'error', code: 'no-content', message: 'content folder does not exist (set PORTAL_CONTENT_DIR or create content/)' }],
    };
  }
  const files = readContentFiles(root, cwd);
  const { content, problems } = loadContentSet(files);
  problems.push(...checkReferences(content), ...checkRetroComponents(content, files), ...lintContent(content));
  return { root, all: content, visible: filterByAudience(content, options.audience), problems, files };
}

/**
 * State shared by every copy of this module in the process: Astro loads it in the config,
 * in the content loaders and in the prerender bundle, each a separate module instance.
 */
const shared = globalThis as unknown as Record<symbol, unknown>;

const CACHE_KEY = Symbol.for('okr-portal.loaded-content');
type Cache = Map<string, LoadedContent>;

/**
 * `loadContent`, memoized per process: the content check and the collections' loaders run
 * in one `astro build` and must see the same files without reading them twice.
 * @example loadContentOnce({ contentDir, audience })
 */
export function loadContentOnce(options: { contentDir: string; audience: Audience }): LoadedContent {
  const cache = (shared[CACHE_KEY] ??= new Map()) as Cache;
  const key = `${resolve(options.contentDir)}\0${options.audience}`;
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = loadContent(options);
    cache.set(key, loaded);
  }
  return loaded;
}

const COMMAND_KEY = Symbol.for('okr-portal.astro-command');

/**
 * Remembers which Astro command runs this process (`build`, `dev`, `sync`, ...): the
 * content-check integration learns it first, and the loaders store less in a build.
 * @example rememberAstroCommand('build'); isAstroBuild() // true
 */
export function rememberAstroCommand(command: string): void {
  shared[COMMAND_KEY] = command;
}

/**
 * Whether this process runs `astro build`, whose pages read the model and the bodies of this
 * process, never the data store (which then holds only rendered bodies). Asked of the command,
 * not of import.meta.env.DEV, which a build with NODE_ENV=development sets.
 * @example rememberAstroCommand('dev'); isAstroBuild() // false
 */
export function isAstroBuild(): boolean {
  return shared[COMMAND_KEY] === 'build';
}

const MODEL_KEY = Symbol.for('okr-portal.build-model');

/**
 * The scored model of this build's visible content, for the integrations that write files
 * beside the pages (badges, embeds, CSVs, the search index): computed once per process from
 * the same pipeline as the pages, outside Astro's collections, as soon as the build starts.
 * @example const model = buildModelOnce();
 */
export function buildModelOnce(): PortalModel {
  const { inputs } = readBuildInputs();
  const { visible } = loadContentOnce({ contentDir: inputs.contentDir, audience: inputs.audience });
  const cached = shared[MODEL_KEY] as { visible: unknown; asOf: string; model: PortalModel } | undefined;
  if (cached && cached.visible === visible && cached.asOf === inputs.asOf) return cached.model;
  const model = buildPortalModel(visible, inputs.asOf);
  shared[MODEL_KEY] = { visible, asOf: inputs.asOf, model };
  return model;
}

/**
 * Forgets memoized content, so that a dev server picks up edits.
 * @example clearContentCache()
 */
export function clearContentCache(): void {
  (shared[CACHE_KEY] as Cache | undefined)?.clear();
}

const RENDERED_KEY = Symbol.for('okr-portal.rendered-bodies');

/**
 * The sanitized HTML of every Markdown body the loaders rendered (or found unchanged in the
 * cache) in this process, by `collection/id`: pages and the search index use them in a build
 * without reading the data store back or rendering Markdown a second time. MDX bodies render
 * later, per page, and are absent.
 * @example renderedBodies().get('objectives/2026-q3/support/efficiency')
 */
export function renderedBodies(): Map<string, string> {
  return (shared[RENDERED_KEY] ??= new Map()) as Map<string, string>;
}
