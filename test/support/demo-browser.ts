/**
 * What every e2e suite needs: the shared demo build, served under /okrs/ by the static
 * server, a headless Chromium, and the page kinds discovered from dist.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { buildDemoOnce, DEMO_BASE, type DemoSite } from './shared-build.ts';
import { discoverPageKinds, type PageKind } from './page-kinds.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface DemoBrowser {
  site: DemoSite;
  server: StaticServer;
  browser: Browser;
  kinds: PageKind[];
  /** The URL of a path below the base path. */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Builds (or reuses) the demo, serves it and launches Chromium.
 * @example const demo = await startDemoBrowser(); const page = await demo.browser.newPage();
 */
export async function startDemoBrowser(): Promise<DemoBrowser> {
  const site = await buildDemoOnce();
  const server = await serveStatic(site.outDir, DEMO_BASE);
  const browser = await launchChromium();
  return {
    site,
    server,
    browser,
    kinds: discoverPageKinds(site.outDir),
    url: (path) => `${server.url}${path}`,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Whether an element would show a focus indicator: an outline or a box shadow. */
export async function focusIndicator(page: Page): Promise<{ tag: string; text: string; visible: boolean; indicator: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', text: '', visible: false, indicator: false };
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '') + (element.className && typeof element.className === 'string' ? `.${element.className.split(/\s+/)[0]}` : ''),
      text: (element.textContent ?? '').trim().slice(0, 40),
      visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
      indicator: outline || shadow,
    };
  });
}
