/**
 * Keyboard-only use of the demo: Tab through the header (skip link first, focus always
 * visible), search from the header box, and open/close the alignment tree's details with
 * Enter and Space.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { focusIndicator, startDemoBrowser, type DemoBrowser } from '../support/demo-browser.ts';
import { SEARCH_QUERY } from '../support/page-kinds.ts';

const HEADER_TAB_LIMIT = 15;

describe('keyboard only', () => {
  let demo: DemoBrowser;
  let page: Page;
  beforeAll(async () => {
    demo = await startDemoBrowser();
  });
  afterAll(async () => {
    await demo?.close();
  });

  beforeAll(async () => {
    page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  test('the first Tab reaches a visible skip link that moves focus to the main content', async () => {
    await page.goto(demo.url(''), { waitUntil: 'networkidle' });
    await page.keyboard.press('Tab');
    const focused = await focusIndicator(page);
    expect(focused.text).toMatch(/skip/i);
    expect(focused.visible, 'skip link is on screen when focused').toBe(true);
    expect(focused.indicator, 'skip link shows a focus outline').toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
    expect(inMain, 'Tab after the skip link lands inside <main>').toBe(true);
  });

  test('every header control gets a visible focus indicator, in order, including the search box', async () => {
    await page.goto(demo.url(''), { waitUntil: 'networkidle' });
    const walk: string[] = [];
    let reachedSearch = false;
    for (let i = 0; i < HEADER_TAB_LIMIT; i += 1) {
      await page.keyboard.press('Tab');
      const inHeader = await page.evaluate(() => Boolean(document.activeElement?.closest('header, .skip-link')));
      if (!inHeader) break;
      const focused = await focusIndicator(page);
      walk.push(`${focused.tag} "${focused.text}"`);
      expect(focused.visible, `focused element is on screen: ${walk.at(-1)}`).toBe(true);
      expect(focused.indicator, `focused element shows a focus indicator: ${walk.at(-1)}`).toBe(true);
      if (await page.evaluate(() => document.activeElement?.matches('input[type="search"], input[name="q"]'))) reachedSearch = true;
    }
    expect(walk.length, `header tab order: ${walk.join(' → ')}`).toBeGreaterThan(2);
    expect(reachedSearch, `the search box is reachable with Tab: ${walk.join(' → ')}`).toBe(true);
  });

  test('typing in the header search box and pressing Enter opens the search page with the query', async () => {
    await page.goto(demo.url(''), { waitUntil: 'networkidle' });
    const box = page.locator('header input[type="search"], header input[name="q"]').first();
    await box.focus();
    await page.keyboard.type(SEARCH_QUERY);
    await Promise.all([page.waitForURL(/\/search\//), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/okrs/search/');
    expect(url.searchParams.get('q')).toBe(SEARCH_QUERY);
    const response = await page.goto(page.url(), { waitUntil: 'networkidle' });
    expect(response?.status(), 'the search page exists').toBe(200);
  });

  test('search results are reachable with Tab and open with Enter', async () => {
    await page.goto(demo.url(`search/?q=${SEARCH_QUERY}`), { waitUntil: 'networkidle' });
    const results = page.locator('main ol a[href], main ul[data-search-results] a[href], [data-search-results] a[href]');
    await results.first().waitFor({ timeout: 20_000 });
    const input = page.locator('main input[type="search"]').first();
    await input.focus();
    expect(await input.inputValue(), 'the query is kept in the search box').toBe(SEARCH_QUERY);
    let onResult = false;
    const walk: string[] = [];
    for (let i = 0; i < 60 && !onResult; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await focusIndicator(page);
      walk.push(focused.tag);
      expect(focused.indicator, `focused element shows a focus indicator: ${focused.tag} "${focused.text}"`).toBe(true);
      onResult = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-search-results]')));
    }
    expect(onResult, `a result is reachable with Tab from the search box: ${walk.join(' → ')}`).toBe(true);
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await Promise.all([page.waitForURL(href), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).not.toBe('/okrs/search/');
  });

  test('the alignment tree opens and closes with Enter and Space', async () => {
    const alignment = demo.kinds.find((k) => k.kind === 'alignment');
    if (!alignment) {
      console.log('no alignment page in this build: skipped');
      return;
    }
    await page.goto(demo.url(alignment.path), { waitUntil: 'networkidle' });
    const summaries = await page.locator('main details > summary').count();
    if (summaries === 0) {
      console.log('the alignment page has no <details>: nothing to toggle');
      return;
    }
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    let onSummary = false;
    for (let i = 0; i < 80 && !onSummary; i += 1) {
      await page.keyboard.press('Tab');
      onSummary = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY');
    }
    expect(onSummary, 'a <summary> of the tree is reachable with Tab').toBe(true);
    const focused = await focusIndicator(page);
    expect(focused.indicator, `the focused summary shows a focus indicator: ${focused.tag}`).toBe(true);
    const isOpen = (): Promise<boolean> => page.evaluate(() => (document.activeElement?.parentElement as HTMLDetailsElement).open);
    const before = await isOpen();
    await page.keyboard.press('Enter');
    expect(await isOpen(), 'Enter toggles the details').toBe(!before);
    await page.keyboard.press('Space');
    expect(await isOpen(), 'Space toggles the details back').toBe(before);
  });

  test('the TV view shows one slide at a time, names it, and its buttons pause and move on', async () => {
    await page.goto(demo.url('tv/'), { waitUntil: 'networkidle' });
    const visible = (): Promise<number> => page.locator('.tv-slide:visible').count();
    expect(await visible()).toBe(1);
    const slides = await page.locator('.tv-slide').count();
    expect(slides).toBeGreaterThan(1);
    const position = page.locator('.tv-position');
    expect(await position.textContent()).toBe(`1 of ${slides}: Company`);
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await position.textContent()).toMatch(new RegExp(`^2 of ${slides}: \\S`));
    const pause = page.locator('[data-action="pause"]');
    await pause.click();
    expect(await pause.getAttribute('aria-pressed')).toBe('true');
    expect(await pause.textContent()).toBe('Resume');
  });
});
