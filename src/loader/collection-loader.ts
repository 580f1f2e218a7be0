/**
 * Astro content-layer loaders over the portal's own content pipeline. Entries reach the data
 * store already validated and filtered by audience: a hidden entry is never stored, so no
 * page can render it. Markdown bodies are rendered here with the site's sanitizing pipeline
 * (renderMarkdownBody, not `context.renderMarkdown`: Sätteri and the same plugins, 10x faster);
 * MDX retrospectives are rendered by Astro's MDX integration (deferred).
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName, ContentEntry } from '../lib/content-set.ts';
import { renderMarkdownBody } from '../integrations/markdown.ts';
import { formatReport, sortProblems } from '../lib/problems.ts';
import { readBuildInputs } from './build-inputs.ts';
import { loadContentOnce, renderedBodies, type LoadedContent } from './read-content.ts';

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

/**
 * A loader for one collection of the content folder.
 * @example defineCollection({ loader: portalLoader('objectives') })
 */
export function portalLoader(collection: CollectionName): Loader {
  return {
    name: `okr-portal:${collection}`,
    load: async (context: LoaderContext): Promise<void> => {
      const loaded = loadChecked();
      const projectRoot = fileURLToPath(context.config.root);
      const keep = new Set<string>();
      const bodies = renderedBodies();
      for (const entry of loaded.visible[collection] as ContentEntry<unknown>[]) {
        const { id, body, ...stored } = entry;
        keep.add(id);
        const digest = context.generateDigest(JSON.stringify([stored, body]));
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
        context.store.set({ id, data: stored as Record<string, unknown>, body, digest, ...(rendered ? { rendered } : {}) });
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
    load: async (context: LoaderContext): Promise<void> => {
      const loaded = loadChecked();
      context.store.set({ id: 'settings', data: { ...loaded.visible.settings } });
    },
  };
}
