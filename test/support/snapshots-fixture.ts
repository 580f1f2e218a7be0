/**
 * The snapshots fixture (contract v1.1) and what its suites share: the build as of 2026-10-10
 * (Q3 closed, Q4 open), shared between test/integration/snapshots.test.ts and the comparisons
 * with other builds in test/long/snapshots.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltSite } from './build-site.ts';
import { buildOnce, type SharedSite } from './shared-build.ts';

export const SNAPSHOTS_FIXTURE = 'test/fixtures/snapshots';
export const SNAPSHOTS_ENV = { PORTAL_BASE: '/okrs', PORTAL_SITE: 'https://example.org' };
export const Q3_SUNDAYS = ['07-05', '07-12', '07-19', '07-26', '08-02', '08-09', '08-16', '08-23', '08-30', '09-06', '09-13', '09-20', '09-27'].map((day) => `2026-${day}`);

export interface ExportedObjective {
  id: string;
  period: string;
  progress: number;
  status: string;
  key_results: { id: string; current: number | null }[];
}

export const cards = (page: string): string[] => page.match(/<article class="objective card"[\s\S]*?<\/article>/g) ?? [];
export const stats = (page: string): string => /<dl class="stats"[\s\S]*?<\/dl>/.exec(page)?.[0] ?? '';
export const snapshotDates = (site: BuiltSite, period: string): string[] =>
  site.exists(`periods/${period}/as-of`) ? readdirSync(join(site.outDir, `periods/${period}/as-of`)).sort() : [];

/** The fixture built as of 2026-10-10, once for every suite that reads it. */
export function buildSnapshotsNowOnce(): Promise<SharedSite> {
  return buildOnce(SNAPSHOTS_FIXTURE, { ...SNAPSHOTS_ENV, PORTAL_AS_OF: '2026-10-10' });
}
