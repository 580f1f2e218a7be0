/**
 * Snapshots (contract v1.1): the fixture is built as of 2026-10-10 (Q3 closed, Q4 open) and
 * again as of the snapshot Sunday 2026-08-16. A snapshot must hold exactly the values of the
 * build at its date, so the first build's snapshot export is compared, value for value, with
 * the second build's objectives.json, and its page with the second build's period page.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { findTokens, readDist } from '../support/dist-scan.ts';
import { okr, ROOT } from '../cli/run-okr.ts';

const FIXTURE = 'test/fixtures/snapshots';
const ENV = { PORTAL_BASE: '/okrs', PORTAL_SITE: 'https://example.org' };
const Q3_SUNDAYS = ['07-05', '07-12', '07-19', '07-26', '08-02', '08-09', '08-16', '08-23', '08-30', '09-06', '09-13', '09-20', '09-27'].map((day) => `2026-${day}`);

interface ExportedObjective {
  id: string;
  period: string;
  progress: number;
  status: string;
  key_results: { id: string; current: number | null }[];
}

const cards = (page: string): string[] => page.match(/<article class="objective card"[\s\S]*?<\/article>/g) ?? [];
const stats = (page: string): string => /<dl class="stats"[\s\S]*?<\/dl>/.exec(page)?.[0] ?? '';
const snapshotDates = (site: BuiltSite, period: string): string[] =>
  site.exists(`periods/${period}/as-of`) ? readdirSync(join(site.outDir, `periods/${period}/as-of`)).sort() : [];

describe('snapshots', () => {
  let now: BuiltSite;
  let then: BuiltSite;
  beforeAll(() => {
    now = buildSite(FIXTURE, { ...ENV, PORTAL_AS_OF: '2026-10-10' });
    expect(now.status, now.output).toBe(0);
    then = buildSite(FIXTURE, { ...ENV, PORTAL_AS_OF: '2026-08-16' });
    expect(then.status, then.output).toBe(0);
  });

  test('one snapshot per Sunday on or before the as-of date, and the last day of a closed period', () => {
    expect(snapshotDates(now, '2026-Q3')).toEqual([...Q3_SUNDAYS, '2026-09-30']);
    expect(snapshotDates(now, '2026-Q4')).toEqual(['2026-10-04']);
    expect(snapshotDates(then, '2026-Q3')).toEqual(Q3_SUNDAYS.slice(0, 7));
    expect(snapshotDates(then, '2026-Q4')).toEqual([]);
    expect(readdirSync(join(now.outDir, 'api/v1/as-of')).sort()).toEqual([...Q3_SUNDAYS, '2026-09-30', '2026-10-04']);
  });

  test('the snapshot export equals, value for value, the export of a build as of the snapshot date', () => {
    const snapshot = now.json<ExportedObjective[]>('api/v1/as-of/2026-08-16/objectives.json');
    const built = then.json<ExportedObjective[]>('api/v1/objectives.json').filter((objective) => objective.period === '2026-Q3');
    expect(snapshot.map((objective) => objective.id)).toEqual(['2026-q3/launch', '2026-q3/tickets']);
    expect(snapshot).toEqual(built);
    // The comparison means something: later check-ins and KPI points move the values of today.
    const today = now.json<ExportedObjective[]>('api/v1/objectives.json').find((objective) => objective.id === '2026-q3/tickets')!;
    const past = snapshot.find((objective) => objective.id === '2026-q3/tickets')!;
    expect(past.key_results.map((kr) => kr.current)).toEqual([1.1, 31]);
    expect(today.key_results.map((kr) => kr.current)).toEqual([0.6, 42]);
    expect(today.progress).not.toBe(past.progress);
  });

  test('every snapshot both builds have holds the same values', () => {
    for (const date of Q3_SUNDAYS.slice(0, 7)) {
      expect(now.json(`api/v1/as-of/${date}/objectives.json`), date).toEqual(then.json(`api/v1/as-of/${date}/objectives.json`));
    }
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

  test('the snapshot page shows what the period page showed on that day, marked as a snapshot with a way back', () => {
    const snapshot = now.read('periods/2026-Q3/as-of/2026-08-16/index.html');
    const period = then.read('periods/2026-Q3/index.html');
    expect(stats(snapshot)).not.toBe('');
    expect(stats(snapshot)).toBe(stats(period));
    expect(cards(snapshot)).toHaveLength(2);
    expect(cards(snapshot)).toEqual(cards(period));
    const plain = snapshot.replace(/ data-astro-cid-\w+/g, '');
    expect(plain).toContain('<strong>Snapshot.</strong> Q3 2026 as it stood on 16 Aug 2026');
    expect(plain).toContain('href="/okrs/periods/2026-Q3/">See Q3 2026 now</a>');
    expect(plain).toContain('href="/okrs/periods/2026-Q3/as-of/2026-08-09/" rel="prev"');
    expect(plain).toContain('href="/okrs/periods/2026-Q3/as-of/2026-08-23/" rel="next"');
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

  test('PORTAL_SNAPSHOTS=off builds no snapshots, timeline or progress chart', () => {
    const off = buildSite(FIXTURE, { ...ENV, PORTAL_AS_OF: '2026-10-10', PORTAL_SNAPSHOTS: 'off' });
    expect(off.status, off.output).toBe(0);
    expect(off.exists('periods/2026-Q3/as-of')).toBe(false);
    expect(off.exists('api/v1/as-of')).toBe(false);
    expect(off.read('periods/2026-Q3/index.html')).not.toContain('Week by week');
    expect(off.read('objectives/2026-q3/tickets/index.html')).not.toContain('progress-chart');
    expect(off.read('api/v1/objectives.json')).toBe(now.read('api/v1/objectives.json'));
  });
});
