/**
 * The charts in a real Chromium, on the demo built as of 2026-11-23 under /okrs: every chart
 * is a build-time SVG, shown without JavaScript and in print; chart.js loads only on the
 * first interaction (pointer, focus) and paints its canvas in the SVG's box, without a layout
 * shift (CLS < 0.02 at 1280 and 375 px); the range switch and a colour-scheme change redraw
 * it; the data table matches the JSON export.
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

  test('KPI page: chart.js loads only on the first interaction with the chart, then the canvas is painted over the SVG', async () => {
    const { page, errors, scripts, close } = await open(KPI_PATH);
    try {
      await page.waitForFunction(() => customElements.get('okr-chart') !== undefined);
      await page.locator('okr-chart').scrollIntoViewIfNeeded();
      await page.waitForLoadState('networkidle');
      // In view, but untouched: the build-time SVG is the chart, chart.js is not loaded.
      expect(await page.locator('okr-chart[data-ready]').count()).toBe(0);
      expect(scripts.filter((url) => url.includes('render-chart'))).toEqual([]);
      await expect(page.locator('okr-chart .chart-svg').isVisible()).resolves.toBe(true);
      await page.locator('okr-chart .chart-frame').hover();
      await page.locator('okr-chart[data-ready]').waitFor();
      expect(scripts.filter((url) => url.includes('render-chart'))).toHaveLength(1);
      const pixels = await canvasPixels(page, 'okr-chart canvas');
      expect(pixels.painted).toBeGreaterThan(5000);
      expect(pixels.colours).toBeGreaterThan(4);
      // Drawn in exactly the box of the SVG's frame, which stays the chart's named image.
      const [frame, canvas] = await Promise.all([page.locator('okr-chart .chart-frame').boundingBox(), page.locator('okr-chart canvas').boundingBox()]);
      expect(canvas).toEqual(frame);
      await expect(page.locator('okr-chart [role="img"]').getAttribute('aria-label')).resolves.toMatch(/^Line chart of Monthly churn rate: from 1\.9% on 1 Dec 2025 to 2\.9% on 1 Nov 2026\./);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('KPI page: keyboard focus on the chart loads chart.js too', async () => {
    const { page, errors, close } = await open(KPI_PATH);
    try {
      await page.locator('okr-chart button[data-range-min]').first().focus();
      await page.locator('okr-chart[data-ready]').waitFor();
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
      await page.locator('okr-chart .chart-frame').hover();
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
        await charts.nth(index).locator('.chart-frame').hover();
        await page.locator('okr-chart').nth(index).and(page.locator('[data-ready]')).waitFor();
        const pixels = await canvasPixels(page, 'okr-chart canvas', index);
        expect(pixels.painted, `chart ${index}`).toBeGreaterThan(3000);
      }
      // Once drawn, the canvas stands in for the SVG in the same place.
      await expect(page.locator('okr-chart .chart-svg').first().isVisible()).resolves.toBe(false);
      // Each legend is in the HTML: lines and zones in words.
      const legend = page.locator('okr-chart').first().locator('ul.legend[aria-label="Legend"] li');
      expect(await legend.allTextContents()).toEqual(['Ideal', 'KPI: Monthly churn rate', 'Target 1.5% (healthy zone)', 'As of 23 Nov 2026']);
      expect(await legend.locator('svg[aria-hidden="true"] .swatch').count()).toBe(5);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  /** Whether the chart SVGs of a page are shown with a size, and whether their canvases are. */
  function chartBoxes(page: Page): Promise<{ svg: { width: number; height: number; visible: boolean }[]; canvasShown: boolean[] }> {
    return page.evaluate(() => {
      const shown = (element: Element): boolean => {
        const style = getComputedStyle(element);
        return style.display !== 'none' && style.visibility !== 'hidden' && element.getBoundingClientRect().width > 0;
      };
      return {
        svg: [...document.querySelectorAll('okr-chart .chart-svg')].map((svg) => ({ ...svg.getBoundingClientRect().toJSON(), visible: shown(svg) }) as { width: number; height: number; visible: boolean }),
        canvasShown: [...document.querySelectorAll('okr-chart canvas')].map(shown),
      };
    });
  }

  test('without JavaScript: every chart is its SVG, with its legend and data tables; the range switch is not shown', async () => {
    for (const [path, count] of [[KPI_PATH, 1], [OBJECTIVE_PATH, 3]] as const) {
      const { page, close } = await open(path, { javaScriptEnabled: false });
      try {
        const { svg, canvasShown } = await chartBoxes(page);
        expect(svg, path).toHaveLength(count);
        for (const box of svg) expect(box, path).toMatchObject({ visible: true, width: expect.toSatisfy((width: number) => width > 200), height: expect.toSatisfy((height: number) => height > 100) });
        expect(canvasShown).toEqual(svg.map(() => false));
        await expect(page.locator('ul.legend').first().isVisible()).resolves.toBe(true);
        await expect(page.locator('okr-chart table').first().isVisible()).resolves.toBe(true);
        if (path === KPI_PATH) await expect(page.locator('okr-chart .ranges').isVisible()).resolves.toBe(false);
      } finally {
        await close();
      }
    }
  });

  test('in print: every chart shows as its SVG, also one that chart.js has drawn on screen, and charts below the fold too', async () => {
    for (const path of [KPI_PATH, OBJECTIVE_PATH]) {
      // A dark screen: paper must get the light colours all the same.
      const { page, close } = await open(path, { height: 400, colorScheme: 'dark' });
      try {
        await page.locator('okr-chart .chart-frame').first().hover();
        await page.locator('okr-chart[data-ready]').first().waitFor();
        await page.emulateMedia({ media: 'print' });
        const { svg, canvasShown } = await chartBoxes(page);
        expect(svg.length, path).toBeGreaterThan(0);
        for (const box of svg) expect(box, path).toMatchObject({ visible: true, width: expect.toSatisfy((width: number) => width > 200), height: expect.toSatisfy((height: number) => height > 100) });
        expect(canvasShown.some(Boolean), path).toBe(false);
        // Paper gets the light tokens (tokens.css), whatever the screen's scheme: the pale band tints.
        const fill = await page.locator('okr-chart .chart-svg .band').first().evaluate((band) => getComputedStyle(band).fill);
        expect(['rgb(221, 243, 231)', 'rgb(251, 227, 228)']).toContain(fill);
      } finally {
        await close();
      }
    }
  });

  describe.each([1280, 375])('layout shift at %i px', (width) => {
    test.each([KPI_PATH, OBJECTIVE_PATH])('%s: CLS over the load and drawing the chart on hover stays under 0.02', async (path) => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: 'light' });
      try {
        const page = await context.newPage();
        await page.addInitScript(() => {
          const shifts: number[] = [];
          (window as unknown as { okrShifts: number[] }).okrShifts = shifts;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value);
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
        const chart = page.locator('okr-chart').first();
        await chart.scrollIntoViewIfNeeded();
        await chart.locator('.chart-frame').hover();
        await page.locator('okr-chart[data-ready]').first().waitFor();
        const frame = await chart.locator('.chart-frame').boundingBox();
        await page.mouse.move(frame!.x + frame!.width * 0.7, frame!.y + frame!.height / 2);
        // Two frames, so that shifts of the last paint are reported.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        // Precondition: Chromium reports layout shifts at all, or the sum below would be 0 anyway.
        expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('layout-shift'))).toBe(true);
        const shifts = await page.evaluate(() => (window as unknown as { okrShifts: number[] }).okrShifts);
        expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.02);
      } finally {
        await context.close();
      }
    });
  });
});
