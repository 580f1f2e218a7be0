/**
 * Astro content-layer loaders over the portal's own content pipeline. Entries reach the data
 * store already validated and filtered by audience: a hidden entry is never stored, so no
 * page can render it. Markdown bodies are rendered here with the site's sanitizing pipeline
 * (renderMarkdownBody, not `context.renderMarkdown`: Sätteri and the same plugins, 10x faster);
 * MDX retrospectives are rendered by Astro's MDX integration (deferred).
 */
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName, ContentEntry } from '../lib/content-set.ts';
import { renderMarkdownBody } from '../integrations/markdown.ts';
import { formatReport, sortProblems } from '../lib/problems.ts';
import { readBuildInputs } from './build-inputs.ts';
import { clearContentCache, isAstroBuild, loadContentOnce, renderedBodies, type LoadedContent } from './read-content.ts';

/** What a stored entry's `data` holds: the entry without id and body. */
export type StoredEntry<T> = Omit<ContentEntry<T>, 'id' | 'body'>;

function loadChecked(): LoadedContent {
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

/** One edit at a time: forget the content, then run each collection's latest load. */
function reloadOnEdits(watcher: NonNullable<LoaderContext['watcher']>, root: string, reloads: ReadonlyMap<string, () => Promise<void>>, logger: LoaderContext['logger']): void {
  watcher.add(root);
  let queue = Promise.resolve();
  watcher.on('all', (_event, path) => {
    if (path !== root && !path.startsWith(root + sep)) return;
    queue = queue.then(async () => {
      clearContentCache();
      try {
        for (const reload of reloads.values()) await reload();
      } catch (error) {
        logger.error((error as Error).message);
      }
    });
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
      const bodies = renderedBodies();
      // In `astro build` pages take the model and the bodies from this process (buildModelOnce,
      // renderedBodies), never from the data store, so these collections keep only their
      // rendered bodies there (the next build's cache): Astro serialized and bundled 13 MB of
      // entries at 5,000 objectives that nothing read. Retrospectives render from the store (MDX).
      // The flag is part of the digest, so that `astro dev` never takes a lean entry for a whole one.
      const lean = isAstroBuild() && collection !== 'retrospectives';
      for (const entry of loaded.visible[collection] as ContentEntry<unknown>[]) {
        const { id, body, ...stored } = entry;
        keep.add(id);
        const digest = context.generateDigest(JSON.stringify([lean, stored, body]));
        const existing = context.store.get(id);
        if (existing?.digest === digest) {
          // An unchanged MDX entry must still register its module, or it cannot be rendered
          // from a warm cache (Astro's glob loader does the same).
          if (existing.deferredRender && existing.filePath) context.store.addModuleImport(existing.filePath);
          if (existing.rendered?.html) bodies.set(`${collection}/${id}`, existing.rendered.html);
          continue;
        }
        if (entry.format === 'mdx') {
          const filePath = relative(projectRoot, resolve(loaded.root, entry.path)).split('\\').join('/');
          context.store.set({ id, data: stored as Record<string, unknown>, body, digest, filePath, deferredRender: true });
          continue;
        }
        const rendered = body.trim() ? renderMarkdownBody(body) : undefined;
        if (rendered?.html) bodies.set(`${collection}/${id}`, rendered.html);
        if (lean) context.store.set({ id, data: {}, digest, ...(rendered ? { rendered } : {}) });
        else context.store.set({ id, data: stored as Record<string, unknown>, body, digest, ...(rendered ? { rendered } : {}) });
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
      context.store.set({ id: 'settings', data: { ...loaded.visible.settings } });
    },
  };
}
