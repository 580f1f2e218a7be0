/**
 * The RSS and JSON feeds, only when the build knows its site (PORTAL_SITE): feed readers need
 * absolute links, and a feed that points at localhost or at nothing is worse than none. The
 * routes live in src/pages/_feeds/ (the underscore keeps Astro from routing them by itself).
 */
import type { AstroIntegration } from 'astro';

/**
 * The feeds integration.
 * @example integrations: [feeds({ site: inputs.site })]
 */
export function feeds({ site }: { site: string | undefined }): AstroIntegration {
  return {
    name: 'okr-portal:feeds',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (!site) return;
        injectRoute({ pattern: '/rss.xml', entrypoint: new URL('../pages/_feeds/rss.xml.ts', import.meta.url), prerender: true });
        injectRoute({ pattern: '/feed.json', entrypoint: new URL('../pages/_feeds/feed.json.ts', import.meta.url), prerender: true });
      },
    },
  };
}
