/**
 * The site's robots.txt: everything may be crawled (noindex pages such as the TV view say so
 * in their own `<meta name="robots">`, which a crawler only reads when it may fetch the page),
 * and the sitemap is named when the build knows its site, since robots.txt needs an absolute URL.
 */

/**
 * robots.txt, naming the sitemap index when there is one.
 * @example robotsTxt('https://example.org/okrs/sitemap-index.xml') // 'User-agent: *\nAllow: /\n\nSitemap: https://example.org/okrs/sitemap-index.xml\n'
 */
export function robotsTxt(sitemapUrl: string | undefined): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (sitemapUrl) lines.push('', `Sitemap: ${sitemapUrl}`);
  return `${lines.join('\n')}\n`;
}
