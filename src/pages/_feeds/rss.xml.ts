import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getPortal } from '../../portal.ts';
import { feedEntries } from '../../lib/export/feed.ts';
import { escapeHtml } from '../../lib/render/html.ts';

/** `/rss.xml`: retrospectives and period reports, with absolute links under the base path. */
export async function GET(context: APIContext): Promise<Response> {
  const portal = await getPortal();
  const absolute = (path: string): string => new URL(path, context.site).href;
  const name = portal.settings.organization ?? portal.settings.name;
  return rss({
    title: `${portal.settings.name}: retrospectives and period reports`,
    description: `Quarterly retrospectives and OKR period reports of ${name}.`,
    site: absolute(portal.url({ kind: 'home' })),
    trailingSlash: true,
    items: feedEntries(portal).map((entry) => ({
      title: entry.title,
      link: absolute(portal.url(entry.route)),
      pubDate: new Date(`${entry.date}T00:00:00Z`),
      description: entry.summary,
      categories: entry.categories,
    })),
    // The feed names its own address (RSS Best Practices, atom:link rel="self"), so that a
    // reader that got it passed on still knows where to fetch it; the W3C validator asks for it.
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${portal.i18n.lang}</language><atom:link href="${escapeHtml(absolute(portal.url({ kind: 'rss' })))}" rel="self" type="application/rss+xml"/>`,
  });
}
