/**
 * Snapshots compared with other builds of the snapshots fixture: a snapshot must hold exactly
 * the values of the build at its date (the 2026-10-10 build's snapshot export and page against
 * a build as of the snapshot Sunday 2026-08-16), and PORTAL_SNAPSHOTS=off leaves out the
 * snapshots, the timeline and the progress chart and changes nothing else. The 2026-10-10
 * build is the one test/integration/snapshots.test.ts reads.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { buildSnapshotsNowOnce, cards, Q3_SUNDAYS, SNAPSHOTS_ENV as ENV, SNAPSHOTS_FIXTURE as FIXTURE, snapshotDates, stats, type ExportedObjective } from '../support/snapshots-fixture.ts';

describe('snapshots against the builds at their dates', () => {
  let now: BuiltSite;
  let then: BuiltSite;
  beforeAll(async () => {
    now = await buildSnapshotsNowOnce();
    then = buildSite(FIXTURE, { ...ENV, PORTAL_AS_OF: '2026-08-16' });
    expect(then.status, then.output).toBe(0);
  });

  test('a build as of a Sunday has the snapshots up to that day, the later build those up to its own', () => {
    expect(snapshotDates(now, '2026-Q3')).toEqual([...Q3_SUNDAYS, '2026-09-30']);
    expect(snapshotDates(then, '2026-Q3')).toEqual(Q3_SUNDAYS.slice(0, 7));
    expect(snapshotDates(then, '2026-Q4')).toEqual([]);
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
