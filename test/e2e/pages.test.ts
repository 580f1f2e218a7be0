/**
 * Every page kind of the demo (discovered from dist), served under /okrs/, in Chromium at
 * desktop (1280 px) and mobile (375 px) widths: no console errors, no uncaught exceptions,
 * no failed requests, no horizontal overflow on the phone, and the footer at the window's
 * bottom on short pages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoBrowser, type DemoBrowser } from '../support/demo-browser.ts';
import { buildDemoOnce } from '../support/shared-build.ts';
import { MIN_PAGE_KINDS, pagesToVisit } from '../support/page-kinds.ts';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 375, height: 812 },
] as const;

// The kinds are known only after the build; vitest collects tests before beforeAll runs.
const kinds = pagesToVisit((await buildDemoOnce()).outDir);

describe('every page kind in Chromium', () => {
  let demo: DemoBrowser;
  beforeAll(async () => {
    demo = await startDemoBrowser();
  });
  afterAll(async () => {
    await demo?.close();
  });

  test(`the demo has at least ${MIN_PAGE_KINDS} page kinds`, () => {
    expect(kinds.map((k) => k.kind).length, kinds.map((k) => k.kind).join(', ')).toBeGreaterThanOrEqual(MIN_PAGE_KINDS);
  });

  describe.each([375, 320, 1280])('the header at %i px', (width) => {
    // Retrospectives: its tab is the sixth of seven, beyond a phone's width.
    test.each(['', 'retrospectives/'])('/okrs/%s: the navigation is one row of tabs, the current one in view', async (path) => {
      const context = await demo.browser.newContext({ viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(demo.url(path), { waitUntil: 'networkidle' });
        const layout = await page.evaluate(() => {
          const row = document.querySelector('.site-header .main-nav ul')!.getBoundingClientRect();
          const tabs = [...document.querySelectorAll('.site-header .main-nav a')].map((tab) => ({ box: tab.getBoundingClientRect().toJSON() as DOMRect, current: tab.getAttribute('aria-current') === 'page' }));
          return { row, tabs, header: document.querySelector('.site-header')!.getBoundingClientRect().height, scrollWidth: document.documentElement.scrollWidth };
        });
        expect(layout.tabs).toHaveLength(7);
        const tops = layout.tabs.map((tab) => tab.box.top);
        expect(Math.max(...tops) - Math.min(...tops), 'every tab on one row').toBeLessThan(1);
        expect(layout.row.height).toBeLessThan(layout.tabs[0]!.box.height * 1.5);
        // Brand, search and one row of tabs on a phone (two rows of tabs were 180 px).
        expect(layout.header).toBeLessThan(width < 600 ? 150 : 110);
        for (const tab of layout.tabs) expect(Math.min(tab.box.width, tab.box.height), 'target size (WCAG 2.5.8)').toBeGreaterThanOrEqual(24);
        const current = layout.tabs.find((tab) => tab.current)!;
        expect(current.box.left, 'the current tab in view').toBeGreaterThanOrEqual(layout.row.left - 0.5);
        expect(current.box.right, 'the current tab in view').toBeLessThanOrEqual(layout.row.right + 0.5);
        expect(layout.scrollWidth, 'the page does not scroll sideways').toBeLessThanOrEqual(width);
      } finally {
        await context.close();
      }
    });
  });

  describe.each(VIEWPORTS)('$name ($width px)', (viewport) => {
    test.each(kinds)('$kind: /okrs/$path', async ({ kind, path }) => {
      const context = await demo.browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      const page = await context.newPage();
      const problems: string[] = [];
      const pageUrl = demo.url(path);
      const isDeliberate404 = (url: string): boolean => kind === '404' && url === pageUrl;
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const location = message.location().url;
        if (isDeliberate404(location) && /status of 404/.test(message.text())) return;
        problems.push(`console error: ${message.text()} (${location})`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
      page.on('response', (response) => {
        if (response.status() >= 400 && !isDeliberate404(response.url())) {
          problems.push(`HTTP ${response.status()}: ${response.url()}`);
        }
      });
      try {
        const response = await page.goto(pageUrl, { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(kind === '404' ? 404 : 200);
        expect(await page.locator('h1').count(), 'one <h1> per page').toBe(1);
        // A short page's footer ends the window instead of floating in its middle.
        const footerBottom = await page.evaluate(() => {
          const footer = document.querySelector('.site-footer');
          return footer ? footer.getBoundingClientRect().bottom + window.scrollY : undefined;
        });
        if (footerBottom !== undefined) expect(footerBottom, 'the footer reaches the bottom of the window').toBeGreaterThanOrEqual(viewport.height - 1);
        if (viewport.width === 375) {
          const overflow = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            // The elements whose right edge defines the scroll width are the culprits.
            culprits: [...document.querySelectorAll('body *')]
              .map((element) => ({ element, right: element.getBoundingClientRect().right }))
              .filter(({ right }) => right > window.innerWidth && Math.ceil(right) >= document.documentElement.scrollWidth)
              .slice(0, 5)
              .map(({ element, right }) => `${element.tagName.toLowerCase()}.${element.className} (right ${Math.round(right)} px, position ${getComputedStyle(element).position})`),
          }));
          expect(overflow.scrollWidth, `horizontal overflow at 375 px; widest elements: ${overflow.culprits.join(', ')}`)
            .toBeLessThanOrEqual(overflow.innerWidth);
        }
        expect(problems.join('\n')).toBe('');
      } finally {
        await context.close();
      }
    });
  });
});
