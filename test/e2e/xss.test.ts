/**
 * Hostile content in a real browser, and the Content-Security-Policy of public/_headers.
 *
 * 1. The XSS fixture (test/fixtures/hostile/xss: payloads in every text field, in bodies, KPI
 *    CSVs, file formats) is built and every page, SVG and feed is opened in Chromium WITHOUT a
 *    CSP, so escaping alone must keep it inert: no dialog, no page error, no element with an
 *    event handler, no payload image, also after the search island renders results.
 * 2. The demo is served with the headers of public/_headers and one page of every kind is
 *    opened (chart tooltips shown and ranges redrawn, a search run): no CSP violation and no console error.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';
import { buildDemoOnce, buildOnce, DEMO_BASE, XSS_ENV } from '../support/shared-build.ts';
import { discoverPageKinds, listHtmlFiles } from '../support/page-kinds.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

/**
 * The headers of one `_headers` rule (Netlify/Cloudflare format: a path line, then indented
 * `Name: value` lines).
 */
function readHeadersFile(path: string, rule: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inRule = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      inRule = line.trim() === rule;
      continue;
    }
    const [name, ...value] = line.trim().split(':');
    if (inRule && name) headers[name.trim()] = value.join(':').trim();
  }
  return headers;
}

interface Observed {
  dialogs: string[];
  errors: string[];
}

interface ObservedPage {
  page: Page;
  /** Opens a URL and returns what happened while it loaded (dialogs, errors, CSP violations). */
  visit(url: string): Promise<Observed>;
}

/** A page that records dialogs, page errors, console errors and CSP violations. */
async function observedPage(browser: Browser): Promise<ObservedPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  let observed: Observed = { dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    observed.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => observed.errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') observed.errors.push(`console: ${message.text()}`);
  });
  // Runs through the DevTools protocol, so the CSP does not block it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return {
    page,
    visit: async (url) => {
      observed = { dialogs: [], errors: [] };
      await page.goto(url, { waitUntil: 'networkidle' });
      // Chart islands load their code on the first interaction (here a focus on each); then
      // every tooltip is shown (End, then the arrow keys back) and every range drawn again in
      // the browser, so that what they write from the content runs too.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.evaluate(() => {
        for (const chart of document.querySelectorAll('okr-chart')) chart.dispatchEvent(new FocusEvent('focusin'));
      });
      await page.waitForFunction(() => document.querySelectorAll('okr-chart:not([data-ready])').length === 0);
      await page.evaluate(() => {
        for (const chart of document.querySelectorAll('okr-chart')) {
          for (const button of chart.querySelectorAll<HTMLButtonElement>('button[data-range-min]')) button.click();
          const plot = chart.querySelector('.chart-svg')!;
          const steps = plot.querySelectorAll('.pt').length + 1;
          plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
          for (let step = 0; step < steps; step += 1) plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
        }
      });
      await page.waitForLoadState('networkidle');
      return observed;
    },
  };
}

/** Waits until the search island shows result links. */
function waitForSearchResults(page: Page): Promise<unknown> {
  return page.waitForFunction(() => document.querySelectorAll('main a[href*="/objectives/"], main a[href*="/teams/"], main a[href*="/kpis/"]').length > 0, undefined, { timeout: 30_000 });
}

/** Elements that only an injected payload would create, found in the live DOM. */
function findInjectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`<${element.localName} ${attribute.name}>`);
        if (/^\s*(javascript|vbscript|data):/i.test(attribute.value) && ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name)) {
          found.push(`<${element.localName} ${attribute.name}="${attribute.value.slice(0, 40)}">`);
        }
      }
      if (['iframe', 'object', 'embed', 'frame'].includes(element.localName)) found.push(`<${element.localName}>`);
    }
    return found;
  });
}

describe.skipIf(!hasChromium())('XSS payloads in every field are inert in Chromium', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  let tab: ObservedPage;
  beforeAll(async () => {
    site = await buildOnce('test/fixtures/hostile/xss', XSS_ENV);
    server = await serveStatic(site.outDir, '/');
    browser = await launchChromium();
    tab = await observedPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = (): string[] => listHtmlFiles(site.outDir).map((file) => file.replace(/index\.html$/, ''));

  test('every page opens without a dialog, an error or an injected element', { timeout: 600_000 }, async () => {
    expect(pages().length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const path of pages()) {
      const observed = await tab.visit(`${server.url}${path}`);
      const injected = await findInjectedElements(tab.page);
      // A sanitized <img src="x"> (its onerror removed) is a broken image, not injected code.
      const errors = observed.errors.filter((error) => !/Failed to load resource/.test(error));
      problems.push(...[...observed.dialogs, ...errors, ...injected].map((problem) => `/${path}: ${problem}`));
    }
    expect(problems).toEqual([]);
  });

  test('the payloads show as text', async () => {
    await tab.visit(`${server.url}objectives/2026-q3/company/`);
    const text = await tab.page.locator('main').innerText();
    expect(text).toContain(`<script>alert('xss-objective-title')</script>`);
    expect(text).toContain(`"><img src=x onerror=alert('xss-kr-title')> from 1 to 2`);
  });

  test('search results render payloads as text', async () => {
    if (!site.exists('search/index.html')) return;
    const observed = await tab.visit(`${server.url}search/?q=alert`);
    await waitForSearchResults(tab.page);
    expect([...observed.dialogs, ...observed.errors, ...(await findInjectedElements(tab.page))]).toEqual([]);
  });

  test('SVG badges, charts and feeds opened directly run nothing', { timeout: 600_000 }, async () => {
    const files = ['rss.xml', 'feed.json', 'sitemap-0.xml'].filter((file) => site.exists(file));
    const svgs = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.svg') && !file.endsWith('favicon.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of [...files, ...svgs]) {
      const observed = await tab.visit(`${server.url}${file.split('\\').join('/')}`);
      const errors = observed.errors.filter((error) => !/Failed to load resource/.test(error));
      problems.push(...[...observed.dialogs, ...errors].map((problem) => `${file}: ${problem}`));
    }
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasChromium())('the Content-Security-Policy of public/_headers', () => {
  const headers = readHeadersFile(join(PROJECT_ROOT, 'public/_headers'), '/*');
  let server: StaticServer;
  let browser: Browser;
  let tab: ObservedPage;
  let kinds: ReturnType<typeof discoverPageKinds>;
  beforeAll(async () => {
    const demo = await buildDemoOnce();
    kinds = discoverPageKinds(demo.outDir);
    server = await serveStatic(demo.outDir, DEMO_BASE, { headers });
    browser = await launchChromium();
    tab = await observedPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('declares the policy the issue asks for', () => {
    const csp = headers['Content-Security-Policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/);
    expect(Object.keys(headers)).toEqual(expect.arrayContaining(['X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy']));
  });

  test('the observer reports violations (self-check with an inline style and script)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'okr-portal-csp-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title><p style="color:red">x</p><script>document.title = "ran"</script>');
    const probe = await serveStatic(root, '/', { headers });
    try {
      const observed = await tab.visit(probe.url);
      expect(observed.errors.filter((error) => error.includes('CSP violation')).length).toBeGreaterThanOrEqual(2);
      expect(await tab.page.title()).toBe('x');
    } finally {
      await probe.close();
    }
  });

  test('the server sends it', async () => {
    const response = await fetch(server.url);
    expect(response.headers.get('content-security-policy')).toBe(headers['Content-Security-Policy']);
  });

  test('every page kind loads under it without a violation or console error', { timeout: 600_000 }, async () => {
    expect(kinds.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const { kind, path } of kinds) {
      const observed = await tab.visit(`${server.url}${path}`);
      // The 404 kind is served with status 404, which Chromium reports as a console error.
      const errors = observed.errors.filter((error) => !(kind === '404' && /404/.test(error)));
      problems.push(...[...observed.dialogs, ...errors].map((problem) => `${kind} (/okrs/${path}): ${problem}`));
    }
    expect(problems).toEqual([]);
  });

  test('a search runs under it (Pagefind WebAssembly)', async () => {
    if (!kinds.some((kind) => kind.kind === 'search')) return;
    const observed = await tab.visit(`${server.url}search/?q=support`);
    await waitForSearchResults(tab.page);
    expect([...observed.dialogs, ...observed.errors]).toEqual([]);
  });
});
