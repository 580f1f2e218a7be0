/**
 * Charts in the built demo (under /okrs): the JS budget (pages without charts ship no
 * JavaScript, a KPI page loads under 2 KB before anyone touches its chart and under 35 KB
 * gzipped with its tooltips and range switch), the build-time SVG of every chart with its legend, the chart
 * data blocks, the data tables, sparklines and the static KPI filter pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import type { BuiltSite } from '../support/build-site.ts';
import { buildDemoOnce } from '../support/shared-build.ts';
import { listHtmlFiles } from '../support/page-kinds.ts';
import type { ChartSpec } from '../../src/lib/charts/chart-spec.ts';

/** A KPI page with its chart's code loaded, issue 24's budget (docs/performance.md, "Chart bundle"). */
const KPI_PAGE_BUDGET_BYTES = 35 * 1024;
/** The loader that runs on page load: the chart code waits for the first interaction with a chart. */
const EAGER_BUDGET_BYTES = 2 * 1024;
const SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const DATA_TYPES = new Set(['application/json', 'application/ld+json']);
/** Pages that are interactive by design and have their own island: search, and the TV view that rotates. */
const OTHER_ISLAND_PAGES = new Set(['search/index.html', 'tv/index.html']);

interface Script {
  attributes: string;
  body: string;
  src: string | undefined;
  type: string | undefined;
}

function scriptsOf(html: string): Script[] {
  return [...html.matchAll(SCRIPT_RE)].map(([, attributes = '', body = '']) => ({
    attributes,
    body,
    src: /\bsrc="([^"]+)"/.exec(attributes)?.[1],
    type: /\btype="([^"]+)"/.exec(attributes)?.[1],
  }));
}

/** A module and everything it imports, statically or (with `dynamic`) also lazily. */
function moduleGraph(outDir: string, entry: string, options: { dynamic: boolean }): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const statics = [...code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.\/[^"'`]+)["'`]/g)];
    const dynamics = options.dynamic ? [...code.matchAll(/import\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g)] : [];
    for (const [, path] of [...statics, ...dynamics]) visit(join(file, '..', path!));
  };
  visit(join(outDir, entry));
  return [...seen];
}

const gzipped = (files: string[]): number => files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);

describe('charts in the built demo', () => {
  let site: BuiltSite;
  let pages: { path: string; html: string }[];
  beforeAll(async () => {
    site = await buildDemoOnce();
    pages = listHtmlFiles(site.outDir).map((path) => ({ path, html: site.read(path) }));
  });

  describe('JS budget', () => {
    test('pages without charts ship no JavaScript at all', () => {
      const withoutCharts = pages.filter((page) => !page.html.includes('<okr-chart') && !OTHER_ISLAND_PAGES.has(page.path));
      expect(withoutCharts.length).toBeGreaterThan(20);
      const offenders = withoutCharts.flatMap((page) =>
        scriptsOf(page.html)
          .filter((script) => !DATA_TYPES.has(script.type ?? ''))
          .map((script) => `${page.path}: <script${script.attributes}>`),
      );
      expect(offenders).toEqual([]);
    });

    test('chart pages have no inline executable script, only module files and JSON data blocks', () => {
      const chartPages = pages.filter((page) => page.html.includes('<okr-chart'));
      expect(chartPages.length).toBeGreaterThan(10);
      for (const page of chartPages) {
        for (const script of scriptsOf(page.html)) {
          if (DATA_TYPES.has(script.type ?? '')) continue;
          expect(script, page.path).toMatchObject({ type: 'module', body: '' });
          expect(script.src, page.path).toMatch(/^\/okrs\/_astro\/[\w.-]+\.js$/);
        }
      }
    });

    test('a KPI page loads under 2 KB of gzipped JavaScript, 35 KB with the chart code, which it imports only lazily', () => {
      const html = site.read('kpis/customer/churn-rate/index.html');
      const entries = scriptsOf(html).flatMap((script) => (script.src ? [script.src.replace('/okrs/', '')] : []));
      expect(entries).toHaveLength(1);
      const eager = entries.flatMap((entry) => moduleGraph(site.outDir, entry, { dynamic: false }));
      const all = [...new Set(entries.flatMap((entry) => moduleGraph(site.outDir, entry, { dynamic: true })))];
      const chartCode = all.filter((file) => /interactive-chart/.test(file));
      expect(chartCode.length, 'the chart code is loaded by a dynamic import').toBe(1);
      expect(eager.filter((file) => chartCode.includes(file)), 'the chart code is not loaded eagerly').toEqual([]);
      expect(gzipped(eager)).toBeLessThan(EAGER_BUDGET_BYTES);
      expect(gzipped(all)).toBeLessThan(KPI_PAGE_BUDGET_BYTES);
    });

    test('the chart code is the SVG renderer of the build, and no chart library', () => {
      const html = site.read('kpis/customer/churn-rate/index.html');
      const entry = scriptsOf(html).find((script) => script.src)!.src!.replace('/okrs/', '');
      const code = moduleGraph(site.outDir, entry, { dynamic: true }).map((file) => readFileSync(file, 'utf8')).join('\n');
      // chart-svg.ts's markup, drawn again in the browser for the range switch.
      expect(code).toContain('preserveAspectRatio="none"');
      expect(code).not.toMatch(/getContext\(|LineController|new Chart\b/);
    });
  });

  describe('KPI page', () => {
    let html: string;
    let spec: ChartSpec;
    beforeAll(() => {
      html = site.read('kpis/customer/churn-rate/index.html');
      const block = /<script type="application\/json" data-chart-spec>([\s\S]*?)<\/script>/.exec(html)?.[1];
      spec = JSON.parse(block!) as ChartSpec;
    });

    test('the chart data block holds the whole series, the levels and the quarter boundaries', () => {
      const kpi = site.json<{ id: string; data: { value: number }[] }[]>('api/v1/kpis.json').find((entry) => entry.id === 'customer/churn-rate')!;
      const values = spec.series[0]!.points.flatMap((point) => (point.y === null ? [] : [point.y]));
      expect(values).toEqual(kpi.data.map((point) => point.value));
      expect(spec.levels.map((level) => level.label)).toEqual(['Target ≤ 1.5%', 'Critical > 2.5%']);
      expect(spec.markers.map((marker) => marker.label)).toEqual(['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']);
    });

    test('the data block carries values and facts, not the tooltips and the name the island derives', () => {
      const critical = spec.series[0]!.points.find((point) => point.tone === 'critical');
      expect(critical).toEqual({ x: expect.any(Number), y: expect.any(Number), tone: 'critical', note: expect.any(String) });
      expect(Object.keys(spec)).not.toContain('summary');
      expect(JSON.stringify(spec)).not.toMatch(/"(lines|style|radius)"/);
    });

    test('the chart is a build-time SVG with role="img" and a name, shown without JavaScript, and nothing drawn beside it', () => {
      expect(html).toMatch(/<div class="chart-frame gutter-\d+"><svg class="chart-svg" role="img" aria-label="Line chart of Monthly churn rate: from 1\.9% on 1 Dec 2025 to 2\.9% on 1 Nov 2026\.[^"]*">/);
      expect(html).not.toMatch(/<[^>]+class="chart-(?:frame|controls)[^"]*"[^>]*\bhidden\b/);
      expect(html).not.toContain('<canvas');
    });

    test('the SVG draws every value of the series, the unit once and month ticks that read as months', () => {
      const svg = /<svg class="chart-svg"[\s\S]*?<\/svg><\/div><div class="chart-controls"/.exec(html)![0];
      const values = spec.series[0]!.points.filter((point) => point.y !== null).length;
      expect(svg.match(/class="pt pt-kpi/g)).toHaveLength(values);
      expect(svg.match(/<text class="unit"[^>]*>%<\/text>/g)).toHaveLength(1);
      const ticks = [...svg.matchAll(/<text class="tick[^"]*"[^>]*text-anchor="(?:end|middle)">([^<]+)<\/text>/g)].map((match) => match[1]!);
      expect(ticks.filter((tick) => tick.includes('%'))).toEqual([]);
      expect(ticks).toContain('Dec 2025');
      expect(ticks.filter((tick) => /^[A-Z][a-z]+ \d{2}$/.test(tick)), 'no "Oct 26", which reads as a day').toEqual([]);
    });

    test('the legend is in the HTML, in words', () => {
      const legend = /<ul class="legend" aria-label="Legend">([\s\S]*?)<\/ul>/.exec(html)![1]!;
      expect([...legend.matchAll(/<\/(?:svg|span)>([^<]+)<\/li>/g)].map((match) => match[1]!.replace(/&gt;/g, '>'))).toEqual(['Actual', 'healthy, warning, critical', 'Target ≤ 1.5% (healthy zone)', 'Critical > 2.5% (critical zone)', 'Quarter start']);
    });

    test('the data table is rendered at build time, one row per value', () => {
      expect(html.match(/<time datetime="\d{4}-\d{2}-\d{2}"/g)).toHaveLength(12);
      expect(html).toMatch(/<summary[^>]*>Data table: all values \(12\)<\/summary>/);
    });

    test('the range switch offers the ranges that cut the series', () => {
      expect([...html.matchAll(/<button type="button" data-range-min="\d+" aria-pressed="(?:true|false)"[^>]*>([^<]+)<\/button>/g)].map((match) => match[1])).toEqual(['Last quarter', 'All']);
    });
  });

  describe('objective page', () => {
    test('every numeric key result has a burn-up chart with a fallback; milestones have none', () => {
      const html = site.read('objectives/2026-q4/customer/churn/index.html');
      const sections = html.split('<section class="kr card').slice(1);
      expect(sections.map((section) => section.includes('<okr-chart'))).toEqual([true, true, true, false]);
      expect(sections[0]).toContain('aria-label="Burn-up chart of Cut monthly churn from 3.2% to 1.5%: KPI values from 3.2% on 1 Oct 2026 to 2.9% on 1 Nov 2026');
      expect(sections[0]).toContain('Monthly churn rate in the period (2)');
      expect(sections[1]).toMatch(/<svg class="chart-svg" role="img" aria-label="Burn-up chart of [^"]*: check-ins from 9% on 2 Oct 2026 to 62% on 20 Nov 2026/);
      expect(sections[1]).toContain('<ul class="legend" aria-label="Legend"><li>');
      // The SVG replaced the sparkline that stood in for the chart without JavaScript.
      expect(sections.join('')).not.toContain('class="sparkline');
    });
  });

  describe('KPI tiles and list pages', () => {
    test('tiles have a sparkline with a text alternative and the change over the last period', () => {
      const html = site.read('kpis/index.html');
      expect(html).toMatch(/<svg class="sparkline[^"]*" role="img" aria-label="Monthly churn rate, last 12 months: from 1\.9% on 1 Dec 2025 to 2\.9% on 1 Nov 2026"/);
      expect(html).toMatch(/<strong[^>]*>\+0\.1 pts<\/strong> <span class="muted"[^>]*>since 1 Sept 2026<\/span> · worse/);
    });

    test('home and team pages show sparklines in KPI tiles', () => {
      expect(site.read('index.html')).toContain('<svg class="sparkline');
      expect(site.read('teams/customer/index.html')).toContain('<svg class="sparkline');
    });

    test('filter pages exist per category and per team, linked from the list, current one marked', () => {
      const list = site.read('kpis/index.html');
      expect(list).toContain('href="/okrs/kpi-categories/customer/"');
      expect(list).toContain('href="/okrs/kpi-teams/customer/"');
      const category = site.read('kpi-categories/customer/index.html');
      expect(category).toMatch(/href="\/okrs\/kpi-categories\/customer\/" aria-current="page"/);
      expect(category.match(/class="kpi-tile/g)).toHaveLength(3);
      const team = site.read('kpi-teams/customer/index.html');
      expect(team.match(/class="kpi-tile/g)).toHaveLength(2);
      expect(team).toContain('Monthly churn rate');
    });
  });
});
