/**
 * Search in Chromium: the demo built and served under /okrs/, a query typed into /search/,
 * team and period filters that land in the URL (and come back with Back), sorting by score,
 * following a result; the no-JavaScript fallback; and a fixture objective titled with markup
 * that must show as text without running anything.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const BASE = '/okrs/';
const XSS_TITLE = '<img src=x onerror=alert(1)>';
const CHURN_OBJECTIVE = 'Cut monthly churn to 1.5% through a proactive onboarding program';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Served build of a content folder under /okrs/. */
async function serveBuild(contentDir: string): Promise<StaticServer> {
  const site = buildSite(contentDir, { PORTAL_AS_OF: '2026-11-23', PORTAL_BASE: '/okrs' });
  expect(site.status, site.output).toBe(0);
  return serveStatic(site.outDir, BASE);
}

/** Opens a page that records requests, failed requests (not those aborted by navigating away) and dialogs. */
async function openPage(): Promise<{ page: Page; requests: string[]; failures: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const failures: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`failed ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  return { page, requests, failures, dialogs };
}

const statusText = (page: Page) => page.locator('[data-search-status]').textContent();
const resultTitles = (page: Page) => page.locator('[data-search-results] .result-title a').allTextContents();

async function waitForStatus(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-search-status]')?.textContent ?? ''), pattern.source);
}

describe('search on the demo under /okrs/', () => {
  let server: StaticServer;
  let page: Page;
  let requests: string[];
  let failures: string[];
  beforeAll(async () => {
    server = await serveBuild('content');
    ({ page, requests, failures } = await openPage());
  });
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });

  test('typing a query lists matching objectives and KPIs and announces the count', async () => {
    await page.goto(`${server.url}search/`);
    const input = page.getByLabel('Search objectives, key results, KPIs, teams, people and retrospectives');
    await input.waitFor({ state: 'visible' });
    await expect(page.locator('[data-search-fallback]').isHidden()).resolves.toBe(true);
    await input.fill('churn');
    await waitForStatus(page, /^\d+ results for “churn”$/);
    const titles = await resultTitles(page);
    expect(titles).toContain(CHURN_OBJECTIVE);
    expect(titles).toContain('Monthly churn rate');
    expect(await statusText(page)).toBe(`${titles.length} results for “churn”`);
    expect(await page.locator('[data-search-status]').getAttribute('role')).toBe('status');
    expect(new URL(page.url()).searchParams.get('q')).toBe('churn');
    const firstExcerpt = page.locator('[data-search-results] .result-excerpt').first();
    expect(await firstExcerpt.locator('mark').first().textContent()).toMatch(/churn/i);
  });

  test('team and period filters narrow the results and live in the URL', async () => {
    await page.getByRole('checkbox', { name: /^Customer Success/ }).first().check();
    await waitForStatus(page, /with 1 filter$/);
    expect(new URL(page.url()).searchParams.getAll('team')).toEqual(['Customer Success']);
    await page.getByRole('checkbox', { name: /^Q4 2026/ }).check();
    await waitForStatus(page, /with 2 filters$/);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/okrs/search/');
    expect([url.searchParams.get('q'), url.searchParams.get('team'), url.searchParams.get('period')]).toEqual(['churn', 'Customer Success', 'Q4 2026']);
    expect(await resultTitles(page)).toEqual([CHURN_OBJECTIVE]);
    expect(await page.locator('[data-search-results] .result-meta').first().textContent()).toMatch(/^Objective · Customer Success · Q4 2026 · /);
  });

  test('Back restores the previous filters and results', async () => {
    await page.goBack();
    await waitForStatus(page, /with 1 filter$/);
    expect(new URL(page.url()).searchParams.get('period')).toBeNull();
    expect(await page.getByRole('checkbox', { name: /^Q4 2026/ }).isChecked()).toBe(false);
    expect((await resultTitles(page)).length).toBeGreaterThan(1);
  });

  test('sorting by score lists objectives, highest score first', async () => {
    await page.getByLabel('Sort by').selectOption('score-desc');
    await waitForStatus(page, /sorted by score/);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('score-desc');
    const metas = await page.locator('[data-search-results] .result-meta').allTextContents();
    expect(metas.length).toBeGreaterThan(1);
    expect(metas.every((meta) => meta.startsWith('Objective'))).toBe(true);
    const scores = metas.map((meta) => Number(/score (\d\.\d\d)/.exec(meta)?.[1]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('a shared URL opens with its query and filters, and a result leads to its page', async () => {
    await page.goto(`${server.url}search/?q=churn&team=Customer+Success&period=Q4+2026`);
    await waitForStatus(page, /^1 result for “churn” with 2 filters$/);
    expect(await page.getByRole('checkbox', { name: /^Q4 2026/ }).isChecked()).toBe(true);
    await Promise.all([page.waitForURL(/\/objectives\//), page.getByRole('link', { name: CHURN_OBJECTIVE }).click()]);
    expect(new URL(page.url()).pathname).toBe('/okrs/objectives/2026-q4/customer/churn/');
    expect(await page.locator('h1').textContent()).toBe(CHURN_OBJECTIVE);
  });

  test('the header search box on any page sends the query to the search page', async () => {
    await page.goto(`${server.url}teams/`);
    await page.locator('header input[name="q"]').fill('onboarding');
    await Promise.all([page.waitForURL(/\/search\/\?q=onboarding/), page.locator('header input[name="q"]').press('Enter')]);
    await waitForStatus(page, /results? for “onboarding”$/);
    expect((await resultTitles(page)).length).toBeGreaterThan(0);
  });

  test('loaded the index, wasm and fragments from /okrs/pagefind/ without errors', () => {
    const pagefindFiles = requests.filter((url) => url.includes('/pagefind/')).map((url) => new URL(url).pathname);
    for (const file of [/^\/okrs\/pagefind\/pagefind\.js$/, /^\/okrs\/pagefind\/wasm\.en\.pagefind$/, /^\/okrs\/pagefind\/fragment\/.+\.pf_fragment$/, /^\/okrs\/pagefind\/filter\/.+\.pf_filter$/]) {
      expect(pagefindFiles.some((path) => file.test(path)), `${file} in ${pagefindFiles.join(', ')}`).toBe(true);
    }
    expect(pagefindFiles.every((path) => path.startsWith('/okrs/pagefind/'))).toBe(true);
    expect(failures).toEqual([]);
  });

  test('without JavaScript the page says search needs it and links to the browse pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}search/?q=churn`);
    expect(await noJs.locator('[data-search-fallback]').textContent()).toContain('Search needs JavaScript.');
    expect(await noJs.locator('[data-search-form]').isHidden()).toBe(true);
    const links = await noJs.locator('[data-search-fallback] a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toEqual(['/okrs/periods/', '/okrs/teams/', '/okrs/kpis/', '/okrs/people/', '/okrs/retrospectives/']);
    await context.close();
  });
});

describe('search shows markup in titles as text', () => {
  let server: StaticServer;
  beforeAll(async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'okr-portal-xss-')), 'content');
    cpSync(join(PROJECT_ROOT, 'test/fixtures/basic'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'objectives/2026-q3/markup.md'),
      `---\ntitle: "${XSS_TITLE}"\nperiod: 2026-Q3\nteam: support\nkey_results:\n  - {id: kr, title: "Escape <b>everything</b>", type: milestone}\n---\nA zebra crossing for <script>alert(2)</script> markup.\n`,
    );
    server = await serveBuild(dir);
  });
  afterAll(async () => {
    await server?.close();
  });

  test('no dialog fires, the title is text, and no element is injected', async () => {
    const { page, dialogs, failures } = await openPage();
    await page.goto(`${server.url}search/?q=zebra`);
    await waitForStatus(page, /^1 result for “zebra”$/);
    const link = page.locator('[data-search-results] .result-title a');
    expect(await link.textContent()).toBe(XSS_TITLE);
    expect(await page.locator('[data-search-results] img, [data-search-results] script, [data-search-results] b').count()).toBe(0);
    const input = page.getByLabel('Search objectives, key results, KPIs, teams, people and retrospectives');
    await input.fill(XSS_TITLE);
    await waitForStatus(page, /for “<img src=x onerror=alert\(1\)>”$/);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(failures.filter((failure) => !failure.includes('/x'))).toEqual([]);
    await page.close();
  });
});
