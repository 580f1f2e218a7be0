/**
 * Builds test/fixtures/retro under a base path and checks the period reports' numbers, the
 * MDX retrospective with every component, the archive, the feeds (valid XML, absolute links
 * under the base path), that hidden entries leave no trace, and that an MDX retrospective
 * naming an unknown id fails the build with the file, the position and the id.
 */
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';

const ENV = { PORTAL_AS_OF: '2026-10-15', PORTAL_SITE: 'https://example.org', PORTAL_BASE: '/okrs' };

/** Visible text of some HTML, whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The HTML from the `<h2>` with this text up to the next `<h2>`. */
function section(html: string, heading: string): string {
  const parts = html.split(/<h2\b/);
  const part = parts.find((candidate) => textOf(`<h2${candidate}`).startsWith(heading));
  if (!part) throw new Error(`no section "${heading}"`);
  return `<h2${part}`;
}

let site: BuiltSite;
beforeAll(() => {
  site = buildSite('test/fixtures/retro', ENV);
  if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
});

describe('period report /periods/2026-Q3/report/', () => {
  let html: string;
  beforeAll(() => {
    html = site.read('periods/2026-Q3/report/index.html');
  });

  test('summarises the 5 public objectives', () => {
    expect(textOf(html)).toContain('Objectives 5 Average score 0.55 Green 2 Yellow 1 Red 2');
    expect(textOf(html)).toContain('1 check-in was recorded after the period ended');
  });

  test('shows the grade distribution as a table with numbers', () => {
    const text = textOf(section(html, 'Grade distribution'));
    expect(text).toContain('Green (≥ 0.70) 2 (40%) 2 0');
    expect(text).toContain('Yellow (0.40–0.70) 1 (20%) 0 1');
    expect(text).toContain('Red (< 0.40) 2 (40%) 1 1');
  });

  test('scores departments as the mean of their teams’ objectives', () => {
    const text = textOf(section(html, 'Scores by department and team'));
    expect(text).toContain('Retro Inc (company objectives) 1 Score 0.80');
    expect(text).toContain('Operations (department) 1 Score 0.00');
    expect(text).toContain('Product (department) 2 Score 0.83');
    expect(text).toContain('Web 1 0.65');
    expect(text).toContain('Individual objectives 1 Score 0.30');
  });

  test('lists committed misses and the aspirational sweet spot', () => {
    const misses = textOf(section(html, 'Committed objectives below 1.0'));
    expect(misses).toMatch(/Keep the lights on Operations Score 0\.00.*Grow the business Retro Inc Final score 0\.80/);
    expect(misses).not.toContain('Launch version 2');
    const sweetSpot = textOf(section(html, 'Aspirational objectives in the sweet spot'));
    expect(sweetSpot).toContain('Make the web app fast Web Score 0.65');
    expect(sweetSpot).not.toContain('Learn Rust');
  });

  test('lists the KPI that changed status, with start and end', () => {
    const text = textOf(section(html, 'KPIs that changed status'));
    expect(text).toContain('Net promoter score ↑ improved ■ Critical 15 · 1 Jun 2026 ● Healthy 45 · 1 Sept 2026 +30');
    expect(text).not.toContain('Page latency');
  });

  test('lists carried-over objectives and the retrospectives, with links under the base path', () => {
    const carried = section(html, 'Carried over to Q4 2026');
    expect(textOf(carried)).toContain('Launch version 2');
    expect(textOf(carried)).toContain('Grow version 2 adoption Q4 2026 · continues link');
    expect(textOf(carried)).toContain('Make the Web App fast Q4 2026 · same title');
    const retros = section(html, 'Retrospectives');
    expect(retros).toContain('href="/okrs/retrospectives/2026-q3/company/"');
    expect(retros).toContain('href="/okrs/retrospectives/2026-q3/web/"');
  });

  test('exists for every closed period, even without a retrospective, and not for open ones', () => {
    expect(textOf(site.read('periods/2026-Q2/report/index.html'))).toContain('Nobody has written a retrospective for this period yet.');
    expect(site.exists('periods/2026-Q4/report/index.html')).toBe(false);
    expect(site.read('periods/2026-Q3/index.html')).toContain('href="/okrs/periods/2026-Q3/report/"');
  });
});

describe('MDX retrospective /retrospectives/2026-q3/company/', () => {
  let html: string;
  beforeAll(() => {
    html = site.read('retrospectives/2026-q3/company/index.html');
  });

  test('renders every component', () => {
    expect(textOf(html)).toContain('Scorecard Q3 2026: Product');
    expect(textOf(html)).toMatch(/Launch version 2 Committed Score 1\.00.*Ship version 2/);
    expect(textOf(html)).toContain('Net promoter score in Q3 2026 Start · 1 Jun 2026 15');
    expect(html).toContain('class="sparkline"');
    expect(html).toMatch(/<article class="objective card"[^>]*>[\s\S]*?Make the web app fast/);
    expect(textOf(html)).toContain('Grades of 5 objectives in Q3 2026');
  });

  test('shows code as code, and leaves hidden objectives out without a trace', () => {
    expect(html).toContain('&lt;Objective id=');
    expect(html).not.toContain('Quietly acquire');
    expect(html).not.toContain('2026-q3/secret');
  });

  test('links its period report and the next retrospective', () => {
    expect(html).toContain('href="/okrs/periods/2026-Q3/report/"');
    expect(html).toMatch(/href="\/okrs\/retrospectives\/2026-q3\/web\/" rel="next"/);
  });

  test('is listed in the archive, newest period first, with the reports', () => {
    const archive = textOf(site.read('retrospectives/index.html'));
    expect(archive).toMatch(/Q3 2026 Period report Q3 2026 .* Q3 2026 retrospective Company-wide .* Q3 2026 retrospective: Web Web .* Q2 2026 Period report Q2 2026/);
  });
});

describe('feeds', () => {
  test('rss.xml is valid XML with absolute links under the base path, newest first', () => {
    const xml = site.read('rss.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = new XMLParser().parse(xml).rss.channel as { link: string; item: { title: string; link: string; pubDate: string }[] };
    expect(channel.link).toBe('https://example.org/okrs/');
    expect(channel.item.map((item) => [item.title, item.link, item.pubDate])).toEqual([
      ['Q3 2026 retrospective: Web', 'https://example.org/okrs/retrospectives/2026-q3/web/', 'Tue, 06 Oct 2026 00:00:00 GMT'],
      ['Q3 2026 retrospective', 'https://example.org/okrs/retrospectives/2026-q3/company/', 'Mon, 05 Oct 2026 00:00:00 GMT'],
      ['Period report Q3 2026', 'https://example.org/okrs/periods/2026-Q3/report/', 'Thu, 01 Oct 2026 00:00:00 GMT'],
      ['Period report Q2 2026', 'https://example.org/okrs/periods/2026-Q2/report/', 'Wed, 01 Jul 2026 00:00:00 GMT'],
    ]);
    for (const item of channel.item) {
      expect(existsSync(join(site.outDir, item.link.replace('https://example.org/okrs/', ''), 'index.html'))).toBe(true);
    }
    expect(xml).not.toContain('Quietly acquire');
  });

  test('feed.json lists the same items', () => {
    const feed = site.json<{ feed_url: string; items: { url: string }[] }>('feed.json');
    expect(feed.feed_url).toBe('https://example.org/okrs/feed.json');
    expect(feed.items.map((item) => item.url)).toEqual([
      'https://example.org/okrs/retrospectives/2026-q3/web/',
      'https://example.org/okrs/retrospectives/2026-q3/company/',
      'https://example.org/okrs/periods/2026-Q3/report/',
      'https://example.org/okrs/periods/2026-Q2/report/',
    ]);
  });
});

describe('an MDX retrospective with unknown ids', () => {
  test('fails the build with the file, position, component and id', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'okr-portal-retro-')), 'content');
    cpSync(join(PROJECT_ROOT, 'test/fixtures/retro'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'retrospectives/2026-q3/bad.mdx'),
      '---\ntitle: Bad\nperiod: 2026-Q3\n---\n\n<Objective id="2026-q3/sped" />\n\n<Scoreboard period="2026-Q3" />\n',
    );
    const failed = buildSite(dir, ENV);
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(/retrospectives\/2026-q3\/bad\.mdx:6:1: Objective\.id: "2026-q3\/sped" is not an objective .* Did you mean "2026-q3\/speed"\?/);
    expect(failed.output).toMatch(/bad\.mdx:8:1: <Scoreboard> is not a retrospective component .* Did you mean "Scorecard"\?/);
    expect(failed.output).toContain('nothing was built');
  });
});
