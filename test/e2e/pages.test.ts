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
