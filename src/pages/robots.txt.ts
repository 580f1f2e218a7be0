import type { APIRoute } from 'astro';
import { getPortal } from '../portal.ts';
import { robotsTxt } from '../lib/export/robots.ts';

/** `/robots.txt`, naming the sitemap index that @astrojs/sitemap writes when PORTAL_SITE is set. */
export const GET: APIRoute = async () => {
  const portal = await getPortal();
  return new Response(robotsTxt(portal.absolute('sitemap-index.xml')), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
