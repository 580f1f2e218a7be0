import type { APIContext } from 'astro';
import { getPortal } from '../../portal.ts';
import { feedEntries } from '../../lib/export/feed.ts';

/** `/feed.json`: the RSS feed's items as a JSON Feed 1.1. */
export async function GET(context: APIContext): Promise<Response> {
  const portal = await getPortal();
  const absolute = (path: string): string => new URL(path, context.site).href;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${portal.settings.name}: retrospectives and period reports`,
    home_page_url: absolute(portal.url({ kind: 'home' })),
    feed_url: absolute(portal.asset('feed.json')),
    language: portal.i18n.lang,
    items: feedEntries(portal).map((entry) => ({
      id: entry.id,
      url: absolute(portal.url(entry.route)),
      title: entry.title,
      content_text: entry.summary,
      date_published: `${entry.date}T00:00:00Z`,
      tags: entry.categories,
    })),
  };
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
