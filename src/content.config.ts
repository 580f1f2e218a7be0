/**
 * Content collections. Every collection is loaded by the portal's own pipeline (src/loader),
 * which validates all files in one pass and filters them by audience. Pages read the scored
 * model from src/loader/content-source.ts, never entries from the store, so each stored entry
 * carries no data of its own: only its rendered body (Markdown) or its module (MDX), and the
 * digest that tells Astro what changed. The frontmatter schemas live in src/lib/schema and are
 * applied by the loader, where every problem is collected with its file and field.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { portalLoader, settingsLoader } from './loader/collection-loader.ts';

/** What a stored entry's `data` holds: nothing (see above). */
const StoredEntrySchema = z.strictObject({});

export const collections = {
  portal: defineCollection({ loader: settingsLoader(), schema: StoredEntrySchema }),
  teams: defineCollection({ loader: portalLoader('teams'), schema: StoredEntrySchema }),
  people: defineCollection({ loader: portalLoader('people'), schema: StoredEntrySchema }),
  objectives: defineCollection({ loader: portalLoader('objectives'), schema: StoredEntrySchema }),
  kpis: defineCollection({ loader: portalLoader('kpis'), schema: StoredEntrySchema }),
  retrospectives: defineCollection({ loader: portalLoader('retrospectives'), schema: StoredEntrySchema }),
};
