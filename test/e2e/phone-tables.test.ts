/**
 * Phones keep the key columns of every table in view: at 375 px, on every page kind of the
 * demo and on a page with each kind of table (by its column headers; details opened, as a
 * reader would), each visible cell of each table lies inside the
 * viewport and inside the box that clips the table (its scrolling wrapper), so no score,
 * status or average sits scrolled out of sight. Secondary columns may give way (class
 * col-minor), but never more than half of a table's columns, and no row runs past the last
 * column header (a cell spanning a hidden column would).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoBrowser, type DemoBrowser } from '../support/demo-browser.ts';
import { buildDemoOnce } from '../support/shared-build.ts';
import { pagesToVisit, pagesWithEachTableKind } from '../support/page-kinds.ts';

const { outDir } = await buildDemoOnce();
const tableKinds = pagesWithEachTableKind(outDir);
const kinds = [...pagesToVisit(outDir), ...tableKinds];

describe('tables at 375 px', () => {
  let demo: DemoBrowser;
  beforeAll(async () => {
    demo = await startDemoBrowser();
  });
  afterAll(async () => {
    await demo?.close();
  });

  test('the demo has every kind of table the issue names (report scorecard, home team table, periods list, person tables)', () => {
    const tables = tableKinds.map(({ kind }) => kind);
    for (const columns of ['Objective / key result|Kind|Score', 'Team|Objectives|Avg. score', 'Period|State|Objectives|Avg. score', 'Key result|Objective|Period|Progress']) {
      expect(tables.some((kind) => kind.includes(columns)), `${columns} in ${tables.join(', ')}`).toBe(true);
    }
  });

  test.each(kinds)('$kind: /okrs/$path', async ({ path }) => {
    const page = await demo.browser.newPage({ viewport: { width: 375, height: 812 } });
    try {
      await page.goto(demo.url(path), { waitUntil: 'load' });
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => { details.open = true; }));
      const problems = await page.evaluate(() =>
        [...document.querySelectorAll('table')].flatMap((table) => {
          const name = table.caption?.textContent?.trim() || [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim()).join(' | ');
          let clip = table.parentElement;
          while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
          // The clipping box without its border: a cell under the border is cut as well.
          const box = clip ? clip.getBoundingClientRect() : undefined;
          const left = Math.max(0, box ? box.left + (clip?.clientLeft ?? 0) : 0);
          const right = Math.min(window.innerWidth, box && clip ? box.left + clip.clientLeft + clip.clientWidth : window.innerWidth);
          const cut = [...table.querySelectorAll('th, td')]
            .map((cell) => ({ cell, rect: cell.getBoundingClientRect() }))
            .filter(({ rect }) => rect.width > 0 && (rect.right > right + 0.5 || rect.left < left - 0.5))
            .map(({ cell, rect }) => `"${cell.textContent?.trim().slice(0, 30)}" (${Math.round(rect.left)}–${Math.round(rect.right)} px)`);
          const headers = [...table.querySelectorAll('thead th')];
          const hidden = headers.filter((th) => th.getBoundingClientRect().width === 0).length;
          // A row that spans a hidden column pushes its last cell into a column with no header.
          const headerRight = Math.max(...headers.map((th) => th.getBoundingClientRect().right));
          const beyond = headers.length
            ? [...table.querySelectorAll('tbody th, tbody td')].filter((cell) => cell.getBoundingClientRect().width > 0 && cell.getBoundingClientRect().right > headerRight + 0.5)
            : [];
          return [
            ...(cut.length ? [`${name}: ${cut.length} cells outside ${Math.round(left)}–${Math.round(right)} px, e.g. ${cut.slice(0, 3).join(', ')}`] : []),
            ...(beyond.length ? [`${name}: ${beyond.length} cells right of the last column header, e.g. "${beyond[0]!.textContent?.trim().slice(0, 30)}"`] : []),
            ...(hidden * 2 > headers.length ? [`${name}: ${hidden} of ${headers.length} columns hidden`] : []),
          ];
        }),
      );
      expect(problems.join('\n')).toBe('');
    } finally {
      await page.close();
    }
  });
});
