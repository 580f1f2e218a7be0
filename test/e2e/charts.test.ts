/**
 * The charts in a real Chromium, on the demo built as of 2026-11-23 under /okrs: every chart
 * is a build-time SVG, shown without JavaScript and in print; the island's code loads only on
 * the first interaction (pointer, focus) and adds tooltips (pointer and arrow keys, read out by
 * a live region) and the range switch, which redraws the SVG with the build's renderer, without
 * a layout shift (CLS < 0.02 at 1280 and 375 px); the data table matches the JSON export.
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

/** The centre of the n-th point of the n-th chart's SVG, in page coordinates. */
async function pointCentre(page: Page, index: number | 'last', chart = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([index, chart]) => {
      const points = document.querySelectorAll('okr-chart')[chart]!.querySelectorAll('.chart-svg .pt');
      const box = points[index === 'last' ? points.length - 1 : index]!.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    },
    [index, chart] as const,
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

  test('KPI page: the chart code loads only on the first interaction; hovering the latest point shows its tooltip', async () => {
    const { page, errors, scripts, close } = await open(KPI_PATH);
    try {
      await page.waitForFunction(() => customElements.get('okr-chart') !== undefined);
      await page.locator('okr-chart').scrollIntoViewIfNeeded();
      await page.waitForLoadState('networkidle');
      // In view, but untouched: the build-time SVG is the chart, no chart code is loaded.
      expect(await page.locator('okr-chart[data-ready]').count()).toBe(0);
      expect(scripts.filter((url) => url.includes('interactive-chart'))).toEqual([]);
      await expect(page.locator('okr-chart .chart-tip').count()).resolves.toBe(0);
      await page.locator('okr-chart .chart-frame').hover();
      await page.locator('okr-chart[data-ready]').waitFor();
      expect(scripts.filter((url) => url.includes('interactive-chart'))).toHaveLength(1);
      // Near the latest point, not on it: the nearest point on the time axis is found.
      const last = await pointCentre(page, 'last');
      await page.mouse.move(last.x - 3, last.y + 40);
      const tip = page.locator('okr-chart .chart-tip');
      await tip.waitFor();
      const kpi = site.json<ExportedKpi[]>('api/v1/kpis.json').find((entry) => entry.id === 'customer/churn-rate')!;
      const latest = kpi.data.at(-1)!;
      expect(latest).toMatchObject({ date: '2026-11-01', value: 2.9 });
      expect(await tip.locator('strong, span').allTextContents()).toEqual(['1 Nov 2026', expect.stringMatching(/^2\.9% · Critical$/), expect.any(String)]);
      // Inside the chart's frame, and the SVG stays the chart (its named image) under it.
      const [frame, box] = await Promise.all([page.locator('okr-chart .chart-frame').boundingBox(), tip.boundingBox()]);
      expect(box!.x).toBeGreaterThanOrEqual(frame!.x - 0.5);
      expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 0.5);
      // Never over the point it explains.
      const covers = last.x >= box!.x && last.x <= box!.x + box!.width && last.y >= box!.y && last.y <= box!.y + box!.height;
      expect(covers).toBe(false);
      await expect(page.locator('okr-chart .chart-svg').isVisible()).resolves.toBe(true);
      await expect(page.locator('okr-chart [role="img"]').getAttribute('aria-label')).resolves.toMatch(/^Line chart of Monthly churn rate: from 1\.9% on 1 Dec 2025 to 2\.9% on 1 Nov 2026\./);
      // The first point, at the other end.
      const first = await pointCentre(page, 0);
      await page.mouse.move(first.x + 2, first.y);
      await expect(tip.locator('strong').textContent()).resolves.toBe('1 Dec 2025');
      await page.mouse.move(1, 1);
      await expect(tip.isVisible()).resolves.toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('KPI page: the plot takes keyboard focus, the arrow keys step through the points and a live region reads them', async () => {
    const { page, errors, close } = await open(KPI_PATH);
    try {
      const plot = page.locator('okr-chart .chart-svg');
      await expect(plot.getAttribute('tabindex')).resolves.toBe('0');
      // Tab order: the plot is reached from the element before it.
      await plot.focus();
      await page.locator('okr-chart[data-ready]').waitFor();
      const live = page.locator('okr-chart [aria-live="polite"]');
      await page.keyboard.press('End');
      await expect(live.textContent()).resolves.toMatch(/^1 Nov 2026, 2\.9% · Critical/);
      await page.keyboard.press('Home');
      await expect(live.textContent()).resolves.toMatch(/^1 Dec 2025, 1\.9%/);
      await page.keyboard.press('ArrowRight');
      await expect(live.textContent()).resolves.toMatch(/^1 Jan 2026, /);
      await page.keyboard.press('ArrowLeft');
      await expect(live.textContent()).resolves.toMatch(/^1 Dec 2025, /);
      // A ring marks the point, on the first point's place.
      const [ring, first] = await Promise.all([page.locator('okr-chart .chart-ring').boundingBox(), pointCentre(page, 0)]);
      expect(Math.abs(ring!.x + ring!.width / 2 - first.x)).toBeLessThan(2);
      expect(Math.abs(ring!.y + ring!.height / 2 - first.y)).toBeLessThan(2);
      await page.keyboard.press('Escape');
      await expect(page.locator('okr-chart .chart-tip').isVisible()).resolves.toBe(false);
      // The range buttons are reachable too and load the code on focus.
      await page.locator('okr-chart button[data-range-min]').first().focus();
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

  test('KPI page: the range switch redraws the SVG for the range; a colour-scheme change recolours it', async () => {
    const { page, errors, close } = await open(KPI_PATH, { colorScheme: 'light' });
    try {
      const drawn = (): Promise<{ points: number; ticks: string[]; stroke: string }> =>
        page.locator('okr-chart .chart-svg').evaluate((svg) => ({
          points: svg.querySelectorAll('.pt').length,
          ticks: [...svg.querySelectorAll('text.tick[text-anchor="middle"]')].filter((tick) => getComputedStyle(tick).display !== 'none').map((tick) => tick.textContent!),
          stroke: getComputedStyle(svg.querySelector('.line-primary')!).stroke,
        }));
      const all = await drawn();
      const kpi = site.json<ExportedKpi[]>('api/v1/kpis.json').find((entry) => entry.id === 'customer/churn-rate')!;
      expect(all.points).toBe(kpi.data.length);
      await page.locator('okr-chart .chart-frame').hover();
      await page.locator('okr-chart[data-ready]').waitFor();
      const quarter = page.getByRole('button', { name: 'Last quarter' });
      await quarter.click();
      await expect(quarter.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(page.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).resolves.toBe('false');
      const lastQuarter = await drawn();
      // The KPI is monthly: the last quarter before the as-of date holds 3 or 4 of its values.
      expect(lastQuarter.points).toBeGreaterThanOrEqual(3);
      expect(lastQuarter.points).toBeLessThanOrEqual(4);
      expect(lastQuarter.ticks[0]).not.toBe(all.ticks[0]);
      expect(lastQuarter.ticks.at(-1)).toBe('Nov');
      // The tooltips follow the range: the first point drawn is the first one reachable.
      await page.locator('okr-chart .chart-svg').focus();
      await page.keyboard.press('Home');
      const firstShown = kpi.data.at(-lastQuarter.points)!;
      expect(firstShown.date.slice(0, 7)).toMatch(/^2026-(0[89]|1[01])$/);
      await expect(page.locator('okr-chart [aria-live="polite"]').textContent()).resolves.toMatch(/^1 [A-Z][a-z]+ 2026, /);
      await page.getByRole('button', { name: 'All' }).click();
      expect((await drawn()).points).toBe(all.points);
      // Colours are the page's tokens: a dark scheme recolours the same drawing.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect((await drawn()).stroke).not.toBe(all.stroke);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('objective page: every numeric key result gets a burn-up chart with tooltips', async () => {
    const { page, errors, close } = await open(OBJECTIVE_PATH);
    try {
      const objective = site.json<{ id: string; key_results: { type: string }[] }[]>('api/v1/objectives.json').find((entry) => entry.id === '2026-q4/customer/churn')!;
      const numeric = objective.key_results.filter((kr) => kr.type !== 'milestone').length;
      const charts = page.locator('okr-chart');
      expect(await charts.count()).toBe(numeric);
      for (let index = 0; index < numeric; index += 1) {
        await charts.nth(index).locator('.chart-frame').hover();
        await page.locator('okr-chart').nth(index).and(page.locator('[data-ready]')).waitFor();
        const point = await pointCentre(page, 'last', index);
        await page.mouse.move(point.x, point.y);
        const tip = charts.nth(index).locator('.chart-tip');
        await tip.waitFor();
        expect((await tip.locator('strong').textContent())!, `chart ${index}`).toMatch(/^\d{1,2} [A-Z][a-z]+ 2026/);
        expect(await tip.locator('span').count(), `chart ${index}`).toBeGreaterThan(0);
      }
      await expect(page.locator('okr-chart .chart-svg').first().isVisible()).resolves.toBe(true);
      // Each legend is in the HTML: lines and zones in words.
      const legend = page.locator('okr-chart').first().locator('ul.legend[aria-label="Legend"] li');
      expect(await legend.allTextContents()).toEqual(['Ideal', 'KPI: Monthly churn rate', 'Target 1.5% (healthy zone)', 'As of 23 Nov 2026']);
      expect(await legend.locator('svg[aria-hidden="true"] .swatch').count()).toBe(5);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  /** Whether the chart SVGs of a page are shown with a size, and whether their tooltips are. */
  function chartBoxes(page: Page): Promise<{ svg: { width: number; height: number; visible: boolean }[]; tipShown: boolean[] }> {
    return page.evaluate(() => {
      const shown = (element: Element): boolean => {
        const style = getComputedStyle(element);
        return style.display !== 'none' && style.visibility !== 'hidden' && element.getBoundingClientRect().width > 0;
      };
      return {
        svg: [...document.querySelectorAll('okr-chart .chart-svg')].map((svg) => ({ ...svg.getBoundingClientRect().toJSON(), visible: shown(svg) }) as { width: number; height: number; visible: boolean }),
        tipShown: [...document.querySelectorAll('okr-chart .chart-tip')].map(shown),
      };
    });
  }

  test('without JavaScript: every chart is its SVG, with its legend and data tables; the range switch is not shown', async () => {
    for (const [path, count] of [[KPI_PATH, 1], [OBJECTIVE_PATH, 3]] as const) {
      const { page, close } = await open(path, { javaScriptEnabled: false });
      try {
        const { svg, tipShown } = await chartBoxes(page);
        expect(svg, path).toHaveLength(count);
        for (const box of svg) expect(box, path).toMatchObject({ visible: true, width: expect.toSatisfy((width: number) => width > 200), height: expect.toSatisfy((height: number) => height > 100) });
        expect(tipShown).toEqual([]);
        // Not focusable without the script that gives its keys a meaning.
        expect(await page.locator('okr-chart .chart-svg[tabindex]').count()).toBe(0);
        await expect(page.locator('ul.legend').first().isVisible()).resolves.toBe(true);
        await expect(page.locator('okr-chart table').first().isVisible()).resolves.toBe(true);
        if (path === KPI_PATH) await expect(page.locator('okr-chart .ranges').isVisible()).resolves.toBe(false);
      } finally {
        await close();
      }
    }
  });

  test('in print: every chart shows as its SVG, without the tooltip shown on screen, and charts below the fold too', async () => {
    for (const path of [KPI_PATH, OBJECTIVE_PATH]) {
      // A dark screen: paper must get the light colours all the same.
      const { page, close } = await open(path, { height: 400, colorScheme: 'dark' });
      try {
        await page.locator('okr-chart .chart-frame').first().hover();
        await page.locator('okr-chart[data-ready]').first().waitFor();
        const point = await pointCentre(page, 'last');
        await page.mouse.move(point.x, point.y);
        await page.locator('okr-chart .chart-tip').first().waitFor();
        await page.emulateMedia({ media: 'print' });
        const { svg, tipShown } = await chartBoxes(page);
        expect(svg.length, path).toBeGreaterThan(0);
        for (const box of svg) expect(box, path).toMatchObject({ visible: true, width: expect.toSatisfy((width: number) => width > 200), height: expect.toSatisfy((height: number) => height > 100) });
        expect(tipShown, path).toEqual([false]);
        // Paper gets the light tokens (tokens.css), whatever the screen's scheme: the pale band tints.
        const fill = await page.locator('okr-chart .chart-svg .band').first().evaluate((band) => getComputedStyle(band).fill);
        expect(['rgb(221, 243, 231)', 'rgb(251, 227, 228)']).toContain(fill);
      } finally {
        await close();
      }
    }
  });

  describe.each([1280, 375])('layout shift at %i px', (width) => {
    test.each([KPI_PATH, OBJECTIVE_PATH])('%s: CLS over the load and tooltips following the pointer stays under 0.02', async (path) => {
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
        // Moving across the chart: the tooltip moves by transforms, which are no layout shift.
        for (const at of [0.2, 0.5, 0.7, 0.95]) await page.mouse.move(frame!.x + frame!.width * at, frame!.y + frame!.height / 2, { steps: 4 });
        await chart.locator('.chart-tip').waitFor();
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
