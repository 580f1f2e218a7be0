/**
 * The sitemap (@astrojs/sitemap) with the portal's options, in one place for the two that
 * write it: a whole build (astro.config.mjs) and `okr merge`, which writes it for a sharded
 * build from the pages every shard rendered (scripts/cli/shard-merge.ts), with the same
 * integration, so that the files are the same.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { pathToFileURL } from 'node:url';

/** Pages below the base path that carry `<meta name="robots" content="noindex">` (src/pages/tv.astro). */
export const NOINDEX_PATHS = ['tv/'];

/**
 * The sitemap integration. Pages marked noindex (the TV view) stay out of it: listing them
 * would ask crawlers to index what the page itself forbids.
 * @example integrations: [siteMap({ base: '/' })]
 */
export function siteMap({ base }: { base: string }): AstroIntegration {
  return sitemap({ filter: (page) => !NOINDEX_PATHS.includes(new URL(page).pathname.slice(base.length)) });
}

/**
 * Writes the sitemap of a site into `outDir` as `astro build` would, from the pathnames of
 * its pages (as Astro's `astro:build:done` hands them over). Runs the integration's own hooks
 * with the settings of astro.config.mjs that it reads.
 * @example await writeSiteMap('/tmp/merged', { site: 'https://okrs.example.org', base: '/', pages: ['', 'search/'] }, logger)
 */
export async function writeSiteMap(outDir: string, options: { site: string; base: string; pages: readonly string[] }, logger: AstroIntegrationLogger): Promise<void> {
  const { hooks } = siteMap({ base: options.base });
  const config = { site: options.site, base: options.base, trailingSlash: 'always', build: { format: 'directory' } };
  // The hooks read only these fields; the rest of Astro's config and of the hook options is not theirs.
  type Hook = (options: Record<string, unknown>) => Promise<void> | void;
  await (hooks['astro:routes:resolved'] as Hook | undefined)?.({ routes: [], logger });
  await (hooks['astro:config:done'] as Hook | undefined)?.({ config, logger });
  await (hooks['astro:build:done'] as Hook)({ dir: pathToFileURL(`${outDir.replace(/\/?$/, '/')}`), pages: options.pages.map((pathname) => ({ pathname })), assets: new Map(), logger });
}
