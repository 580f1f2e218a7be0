/**
 * Page metadata of the built demo (issue 24): what search engines and feed readers read
 * besides the pages' content. Every HTML page has a meta description, robots.txt names the
 * sitemap, the noindex TV view stays out of the sitemap, and the RSS feed names its own
 * address. Pages are discovered from dist, so new pages are checked without touching this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDemoOnce, DEMO_BASE, DEMO_ENV, type DemoSite } from '../support/shared-build.ts';
import { listHtmlFiles } from '../support/page-kinds.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SITE = `${DEMO_ENV['PORTAL_SITE']}${DEMO_BASE}`;

let site: DemoSite;

beforeAll(async () => {
  site = await buildDemoOnce();
}, 600_000);

/** The content of every `<meta name="description">` of an HTML document. */
function metaDescriptions(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node && node.tagName === 'meta' && attribute(node, 'name') === 'description') found.push(attribute(node, 'content') ?? '');
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(html));
  return found;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

/** Every `<loc>` of the sitemap files the build wrote. */
function sitemapLocations(): string[] {
  const files = readdirSync(site.outDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  return files.flatMap((name) => [...readFileSync(join(site.outDir, name), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!));
}

describe('page metadata of the demo', () => {
  test('every HTML page has exactly one non-empty meta description', () => {
    const pages = listHtmlFiles(site.outDir);
    expect(pages.length).toBeGreaterThan(50);
    const problems = pages.flatMap((page) => {
      const descriptions = metaDescriptions(readFileSync(join(site.outDir, page), 'utf8'));
      if (descriptions.length !== 1) return [`${page}: ${descriptions.length} meta descriptions`];
      return descriptions[0]!.trim() ? [] : [`${page}: empty meta description`];
    });
    expect(problems).toEqual([]);
  });

  test('a page says what it is and where; objective, KPI and team pages say more', () => {
    const description = (page: string): string => metaDescriptions(readFileSync(join(site.outDir, page), 'utf8'))[0] ?? '';
    const pages = listHtmlFiles(site.outDir);
    const first = (pattern: RegExp): string => pages.find((page) => pattern.test(page))!;
    expect(description('kpis/index.html')).toBe('KPIs, in Acme OKRs: objectives, key results and KPIs.');
    expect(description(first(/^objectives\/.+\/index\.html$/))).toMatch(/: objective of .+ for .+, \d+% progress\.$/);
    expect(description(first(/^kpis\/.+\/index\.html$/))).toMatch(/: KPI of .+, at .+ on .+\.$/);
    expect(description(first(/^teams\/.+\/index\.html$/))).toMatch(/: objectives, KPIs and people of the team in Acme OKRs\.$/);
  });

  test('robots.txt names the sitemap index by its absolute URL', () => {
    const robots = readFileSync(join(site.outDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(new RegExp(`^Sitemap: ${SITE}sitemap-index\\.xml$`, 'm'));
    expect(readFileSync(join(site.outDir, 'sitemap-index.xml'), 'utf8')).toContain(`<loc>${SITE}sitemap-0.xml</loc>`);
  });

  test('the noindex TV view is left out of the sitemap, the other pages are in it', () => {
    expect(readFileSync(join(site.outDir, 'tv/index.html'), 'utf8')).toMatch(/<meta name="robots" content="noindex"/);
    const locations = sitemapLocations();
    expect(locations).toContain(SITE);
    expect(locations).toContain(`${SITE}kpis/`);
    expect(locations.filter((location) => location.startsWith(`${SITE}tv/`))).toEqual([]);
  });

  test('the RSS feed names its own address with atom:link rel="self"', () => {
    const rss = readFileSync(join(site.outDir, 'rss.xml'), 'utf8');
    expect(rss).toMatch(/<rss [^>]*xmlns:atom="http:\/\/www\.w3\.org\/2005\/Atom"/);
    const self = /<atom:link ([^>]*)\/?>/.exec(rss)?.[1] ?? '';
    expect(self).toContain(`href="${SITE}rss.xml"`);
    expect(self).toContain('rel="self"');
    expect(self).toContain('type="application/rss+xml"');
  });
});
