/**
 * Astro content-layer loaders over the portal's own content pipeline (content-source.ts).
 * Pages never read entries from the data store, in `astro build` or in `astro dev`: they take
 * the model and the bodies from content-source.ts. The store holds what only Astro can use:
 * each entry's rendered body and digest (its cache between builds and its change signal in
 * the dev server), and the MDX retrospectives that Astro's MDX integration renders (deferred).
 * Entries reach the store already validated and filtered by audience: a hidden entry is never
 * stored, so no page can render it. Markdown bodies are rendered with the site's sanitizing
 * pipeline (renderMarkdownBody, not `context.renderMarkdown`: Sätteri and the same plugins,
 * 10x faster). A shard (PORTAL_SHARD) stores only the entries whose pages it renders
 * (src/loader/site-plan.ts): the others' bodies would be rendered, held and written to its
 * cache for no page.
 */
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName, ContentEntry } from '../lib/content/content-set.ts';
import { formatReport, sortProblems } from '../lib/content/problems.ts';
import { readBuildInputs } from './build-inputs.ts';
import { clearContentCache, loadContentOnce, renderedBody, type BuildContent } from './content-source.ts';
import { sitePlanOnce } from './site-plan.ts';

function loadChecked(): BuildContent {
  const { inputs } = readBuildInputs();
  const loaded = loadContentOnce({ contentDir: inputs.contentDir, audience: inputs.audience });
  const { errors } = sortProblems(loaded.problems);
  // The content-check integration stops the build before this; in `astro dev` we refuse
  // to load broken content rather than render half of it.
  if (errors.length > 0) throw new Error(`content has problems:\n${formatReport(errors)}`);
  return loaded;
}

/** Per dev-server watcher: the latest load of each collection, to run again after an edit. */
const reloaders = new WeakMap<object, Map<string, () => Promise<void>>>();

/**
 * In `astro dev`, reloads every collection when a file below the content root changes: the
 * content folder may live outside the project, where Astro watches nothing, and one edit can
 * change any collection (scores, visibility, references). One handler per watcher, so the
 * content is read once per edit; a broken edit is reported and the last good content stays.
 */
function followEdits(context: LoaderContext, root: string, load: () => Promise<void>): void {
  const { watcher } = context;
  if (!watcher) return;
  let reloads = reloaders.get(watcher);
  if (!reloads) {
    reloads = new Map();
    reloaders.set(watcher, reloads);
    reloadOnEdits(watcher, root, reloads, context.logger);
  }
  reloads.set(context.collection, load);
}

/**
 * How long the content folder must stay quiet before it is read again. Editors (and
 * `writeFileSync`) truncate a file and then write it, and the watcher may report only the
 * truncation (chokidar drops a second change of the same file within a few milliseconds):
 * reading at once would report an edit as an empty file and never see the finished one.
 */
const SETTLE_MS = 150;

/** One edit at a time, once the folder is quiet: forget the content, then run each collection's latest load. */
function reloadOnEdits(watcher: NonNullable<LoaderContext['watcher']>, root: string, reloads: ReadonlyMap<string, () => Promise<void>>, logger: LoaderContext['logger']): void {
  watcher.add(root);
  let queue = Promise.resolve();
  let settle: ReturnType<typeof setTimeout> | undefined;
  const reloadAll = async (): Promise<void> => {
    clearContentCache();
    try {
      for (const reload of reloads.values()) await reload();
    } catch (error) {
      logger.error((error as Error).message);
    }
  };
  watcher.on('all', (_event, path) => {
    if (path !== root && !path.startsWith(root + sep)) return;
    clearTimeout(settle);
    settle = setTimeout(() => {
      queue = queue.then(reloadAll);
    }, SETTLE_MS);
  });
}

/**
 * A loader for one collection of the content folder.
 * @example defineCollection({ loader: portalLoader('objectives') })
 */
export function portalLoader(collection: CollectionName): Loader {
  return {
    name: `okr-portal:${collection}`,
    load: async function load(context: LoaderContext): Promise<void> {
      const loaded = loadChecked();
      followEdits(context, loaded.root, () => load(context));
      const projectRoot = fileURLToPath(context.config.root);
      const keep = new Set<string>();
      const { rendersEntry } = sitePlanOnce();
      for (const entry of loaded.visible[collection] as ContentEntry<unknown>[]) {
        if (!rendersEntry(collection, entry.id)) continue;
        const { id, body, ...stored } = entry;
        keep.add(id);
        const digest = context.generateDigest(JSON.stringify([stored, body]));
        const existing = context.store.get(id);
        if (entry.format === 'mdx') {
          // An unchanged MDX entry must still register its module, or it cannot be rendered
          // from a warm cache (Astro's glob loader does the same).
          if (existing?.digest === digest && existing.filePath) context.store.addModuleImport(existing.filePath);
          else {
            const filePath = relative(projectRoot, resolve(loaded.root, entry.path)).split('\\').join('/');
            context.store.set({ id, data: {}, body, digest, filePath, deferredRender: true });
          }
          continue;
        }
        // An unchanged body found in the store is handed over instead of rendered again.
        const known = existing?.digest === digest ? existing.rendered : undefined;
        const rendered = body.trim() ? renderedBody(collection, id, body, known) : undefined;
        if (known) continue;
        context.store.set({ id, data: {}, digest, ...(rendered ? { rendered } : {}) });
      }
      for (const id of context.store.keys()) if (!keep.has(id)) context.store.delete(id);
    },
  };
}

/**
 * A loader for `portal.yaml`: one entry, `settings`.
 * @example defineCollection({ loader: settingsLoader() })
 */
export function settingsLoader(): Loader {
  return {
    name: 'okr-portal:settings',
    load: async function load(context: LoaderContext): Promise<void> {
      const loaded = loadChecked();
      followEdits(context, loaded.root, () => load(context));
      // Only the digest: it tells a dev server that portal.yaml changed.
      context.store.set({ id: 'settings', data: {}, digest: context.generateDigest(JSON.stringify(loaded.visible.settings)) });
    },
  };
}
