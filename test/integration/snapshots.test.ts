/**
 * Snapshots (contract v1.1): the fixture built as of 2026-10-10 (Q3 closed, Q4 open) has a
 * snapshot per Sunday, pages marked as snapshots, a timeline on the period page and weekly
 * progress on objective pages, in the sitemap and out of the search index. That a snapshot
 * holds exactly the values of a build at its date, and what PORTAL_SNAPSHOTS=off leaves out,
 * are compared with other builds in test/long/snapshots.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { BuiltSite } from '../support/build-site.ts';
import { findTokens, readDist } from '../support/dist-scan.ts';
import { buildSnapshotsNowOnce, Q3_SUNDAYS, SNAPSHOTS_FIXTURE as FIXTURE, snapshotDates, stats, type ExportedObjective } from '../support/snapshots-fixture.ts';
import { okr, ROOT } from '../cli/run-okr.ts';

describe('snapshots', () => {
  let now: BuiltSite;
  beforeAll(async () => {
    now = await buildSnapshotsNowOnce();
  });

  test('one snapshot per Sunday on or before the as-of date, and the last day of a closed period', () => {
    expect(snapshotDates(now, '2026-Q3')).toEqual([...Q3_SUNDAYS, '2026-09-30']);
    expect(snapshotDates(now, '2026-Q4')).toEqual(['2026-10-04']);
    expect(readdirSync(join(now.outDir, 'api/v1/as-of')).sort()).toEqual([...Q3_SUNDAYS, '2026-09-30', '2026-10-04']);
  });

  test('a snapshot page is marked as a snapshot, with a way back and to its neighbours', () => {
    const snapshot = now.read('periods/2026-Q3/as-of/2026-08-16/index.html');
    expect(stats(snapshot)).not.toBe('');
    const plain = snapshot.replace(/ data-astro-cid-\w+/g, '');
    expect(plain).toContain('<strong>Snapshot.</strong> Q3 2026 as it stood on 16 Aug 2026');
    expect(plain).toContain('href="/okrs/periods/2026-Q3/">See Q3 2026 now</a>');
    expect(plain).toContain('href="/okrs/periods/2026-Q3/as-of/2026-08-09/" rel="prev"');
    expect(plain).toContain('href="/okrs/periods/2026-Q3/as-of/2026-08-23/" rel="next"');
  });

  test('okr status --as-of <date> prints the numbers of the snapshot', async () => {
    const run = (args: string[]) => okr(['status', '--content', join(ROOT, FIXTURE), '--as-of', '2026-08-16', '--audience', 'public', ...args], { cwd: ROOT });
    const json = await run(['--json']);
    expect(json.status, json.stderr).toBe(0);
    const withoutUrl = (records: object[]) => records.map((record) => ({ ...record, url: undefined }));
    const { period, objectives } = JSON.parse(json.stdout) as { period: string; objectives: ExportedObjective[] };
    expect(period).toBe('2026-Q3');
    expect(withoutUrl(objectives)).toEqual(withoutUrl(now.json<ExportedObjective[]>('api/v1/as-of/2026-08-16/objectives.json')));
    const text = (await run([])).stdout;
    expect(text).toContain('2 objectives · mean score 0.28 · 1 on-track, 1 off-track');
    expect(now.read('periods/2026-Q3/as-of/2026-08-16/index.html')).toMatch(/Average progress<\/dt><dd[^>]*>28%<\/dd>/);
  });

  test('the period page has a timeline of every snapshot with the week\'s movers', () => {
    const page = now.read('periods/2026-Q3/index.html');
    const links = [...page.matchAll(/href="\/okrs\/periods\/2026-Q3\/as-of\/([\d-]+)\/"/g)].map((match) => match[1]);
    expect(links).toEqual([...Q3_SUNDAYS, '2026-09-30'].reverse());
    expect(page).toContain('Week by week');
    expect(page).toMatch(/href="\/okrs\/objectives\/2026-q3\/tickets\/">Fewer tickets, faster answers<\/a>/);
  });

  test('each objective page shows its weekly progress as an SVG and a table', () => {
    const page = now.read('objectives/2026-q3/tickets/index.html');
    expect(page).toContain('<svg class="progress-chart" role="img"');
    expect(page.match(/<tr><td><a href="\/okrs\/periods\/2026-Q3\/as-of\//g)).toHaveLength(14);
  });

  test('snapshot pages are in the sitemap, not in the search index, and hidden objectives appear nowhere', () => {
    const sitemap = now.read('sitemap-0.xml');
    expect(sitemap).toContain('https://example.org/okrs/periods/2026-Q3/as-of/2026-08-16/');
    const files = readDist(now.outDir);
    const search = files.filter((file) => file.path.startsWith('pagefind/'));
    expect(search.length).toBeGreaterThan(0);
    expect(findTokens(search, ['/as-of/'])).toEqual([]);
    expect(findTokens(files, ['hidden reorganisation', 'hidden-plan'], now.output)).toEqual([]);
  });
});
