/**
 * The chart islands in a real Chromium, on the demo built as of 2026-11-23 under /okrs:
 * chart.js loads only when a chart scrolls into view, the canvas gets painted, the range
 * switch and a colour-scheme change redraw it, the data table matches the JSON export, and
 * without JavaScript the table is all there is.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import type { BuiltSite } from '../support/build-site.ts';
import { buildDemoOnce } from '../support/shared-build.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const KPI_PATH = 'kpis/customer/churn-rate/';
const OBJECTIVE_PATH = 'objectives/2026-q4/customer/churn/';

interface ExportedKpi {
  id: string;
  data: { date: string; value: number }[];
}

/** Painted pixels of a canvas and a fingerprint of its image, read in the page. */
function canvasPixels(page: Page, selector: string, index = 0): Promise<{ painted: number; colours: number; fingerprint: number }> {
  return page.evaluate(
    ([selector, index]) => {
      const canvas = document.querySelectorAll<HTMLCanvasElement>(selector)[index]!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      let fingerprint = 0;
      const colours = new Set<number>();
      for (let offset = 0; offset < data.length; offset += 4) {
        if (data[offset + 3] === 0) continue;
        painted += 1;
        const colour = (data[offset]! << 16) | (data[offset + 1]! << 8) | data[offset + 2]!;
        colours.add(colour);
        fingerprint = (fingerprint * 31 + colour + offset) % 2_147_483_647;
      }
      return { painted, colours: colours.size, fingerprint };
    },
    [selector, index] as const,
  );
}

describe('chart islands in Chromium', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    site = await buildDemoOnce();
    server = await serveStatic(site.outDir, '/okrs/');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that records console errors, uncaught exceptions and the scripts it loads. */
  async function open(path: string, options: { height?: number; colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: options.height ?? 900 }, colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    const errors: string[] = [];
    const scripts: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    return { page, errors, scripts, close: () => context.close() };
  }

  test('KPI page: chart.js loads only once the chart is in view, then the canvas is painted', async () => {
    const { page, errors, scripts, close } = await open(KPI_PATH, { height: 300 });
    try {
      await page.waitForFunction(() => customElements.get('okr-chart') !== undefined);
      await page.waitForLoadState('networkidle');
      // Precondition: the chart starts below the fold and the observer's 200 px margin.
      expect((await page.locator('okr-chart').boundingBox())!.y).toBeGreaterThan(300 + 200);
      expect(await page.locator('okr-chart[data-ready]').count()).toBe(0);
      expect(scripts.filter((url) => url.includes('render-chart'))).toEqual([]);
      await page.locator('okr-chart').scrollIntoViewIfNeeded();
      await page.locator('okr-chart[data-ready]').waitFor();
      expect(scripts.filter((url) => url.includes('render-chart'))).toHaveLength(1);
      const pixels = await canvasPixels(page, 'okr-chart canvas');
      expect(pixels.painted).toBeGreaterThan(5000);
      expect(pixels.colours).toBeGreaterThan(4);
      await expect(page.locator('okr-chart [role="img"]').getAttribute('aria-label')).resolves.toMatch(/^Line chart of Monthly churn rate: from 1\.9% on 1 Dec 2025 to 2\.9% on 1 Nov 2026\./);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('KPI page: the data table rows match the KPI in /api/v1/kpis.json', async () => {
    const { page, close } = await open(KPI_PATH);
    try {
      const kpi = site.json<ExportedKpi[]>('api/v1/kpis.json').find((entry) => entry.id === 'customer/churn-rate')!;
      const rows = await page.locator('okr-chart table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ date: tr.querySelector('time')!.getAttribute('datetime')!, value: Number(tr.querySelector('[data-value]')!.getAttribute('data-value')) })),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect([...rows].reverse()).toEqual(kpi.data.map(({ date, value }) => ({ date, value })));
    } finally {
      await close();
    }
  });

  test('KPI page: the range switch and a colour-scheme change redraw the chart', async () => {
    const { page, errors, close } = await open(KPI_PATH, { colorScheme: 'light' });
    try {
      await page.locator('okr-chart').scrollIntoViewIfNeeded();
      await page.locator('okr-chart[data-ready]').waitFor();
      const all = await canvasPixels(page, 'okr-chart canvas');
      const quarter = page.getByRole('button', { name: 'Last quarter' });
      await quarter.click();
      await expect(quarter.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(page.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).resolves.toBe('false');
      const lastQuarter = await canvasPixels(page, 'okr-chart canvas');
      expect(lastQuarter.painted).toBeGreaterThan(5000);
      expect(lastQuarter.fingerprint).not.toBe(all.fingerprint);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction((before) => {
        const canvas = document.querySelector<HTMLCanvasElement>('okr-chart canvas')!;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let fingerprint = 0;
        for (let offset = 0; offset < data.length; offset += 4) {
          if (data[offset + 3] === 0) continue;
          fingerprint = (fingerprint * 31 + ((data[offset]! << 16) | (data[offset + 1]! << 8) | data[offset + 2]!) + offset) % 2_147_483_647;
        }
        return fingerprint !== before;
      }, lastQuarter.fingerprint);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('objective page: every numeric key result gets a painted burn-up chart', async () => {
    const { page, errors, close } = await open(OBJECTIVE_PATH);
    try {
      const objective = site.json<{ id: string; key_results: { type: string }[] }[]>('api/v1/objectives.json').find((entry) => entry.id === '2026-q4/customer/churn')!;
      const numeric = objective.key_results.filter((kr) => kr.type !== 'milestone').length;
      const charts = page.locator('okr-chart');
      expect(await charts.count()).toBe(numeric);
      for (let index = 0; index < numeric; index += 1) {
        await charts.nth(index).scrollIntoViewIfNeeded();
        await page.locator('okr-chart').nth(index).and(page.locator('[data-ready]')).waitFor();
        const pixels = await canvasPixels(page, 'okr-chart canvas', index);
        expect(pixels.painted, `chart ${index}`).toBeGreaterThan(3000);
      }
      // Once drawn, the no-JS sparkline gives way to the chart.
      await expect(page.locator('.chart-fallback').first().isVisible()).resolves.toBe(false);
      // The island builds each legend from the spec: lines and zones in words.
      const legend = page.locator('okr-chart').first().locator('ul.legend[aria-label="Legend"] li');
      expect(await legend.allTextContents()).toEqual(['Ideal', 'KPI: Monthly churn rate', 'Target 1.5% (healthy zone)', 'As of 23 Nov 2026']);
      expect(await legend.locator('svg[aria-hidden="true"] .swatch').count()).toBe(5);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('without JavaScript: no chart frame, the tables and the sparkline fallback are shown', async () => {
    const kpiPage = await open(KPI_PATH, { javaScriptEnabled: false });
    try {
      await expect(kpiPage.page.locator('[data-chart-frame]').isVisible()).resolves.toBe(false);
      await expect(kpiPage.page.locator('[data-chart-controls]').isVisible()).resolves.toBe(false);
      await expect(kpiPage.page.locator('okr-chart table').isVisible()).resolves.toBe(true);
    } finally {
      await kpiPage.close();
    }
    const objectivePage = await open(OBJECTIVE_PATH, { javaScriptEnabled: false });
    try {
      await expect(objectivePage.page.locator('.chart-fallback svg[role="img"]').first().isVisible()).resolves.toBe(true);
      // The legend belongs to the drawn chart, so without JavaScript there is none.
      expect(await objectivePage.page.locator('ul.legend').count()).toBe(0);
    } finally {
      await objectivePage.close();
    }
  });
});
