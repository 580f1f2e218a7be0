/**
 * Reproducible builds: the same content, code and PORTAL_AS_OF give the same bytes. A cold
 * build of a copy of the sources, in another folder, is compared file by file with the shared
 * demo build (test/support/shared-build.ts); nothing is excluded. Two whole builds make this
 * one of the long checks (`npm run test:long`, run by `.ci/run`), beside the shard and the
 * incremental equivalences.
 */
import { rmSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { listHtmlFiles } from '../support/page-kinds.ts';
import { buildSnapshot, snapshotProject } from '../support/project-snapshot.ts';
import { buildDemoOnce, DEMO_ENV, type DemoSite } from '../support/shared-build.ts';
import { compareTrees, listFiles } from '../support/tree-diff.ts';

let site: DemoSite;
beforeAll(async () => {
  site = await buildDemoOnce();
});

test('a cold build in another folder is byte-identical to the shared demo build (nothing excluded)', () => {
  // A snapshot of the sources: edits made meanwhile (by people working in this checkout)
  // cannot change one build and not the other, and the checkout's path must not leak; git
  // is linked, as in the shared build's checkout, so both read the same history. The
  // other build is the demo every suite shares (built in a checkout of its own, or reused
  // from an earlier run of the same sources, which must give the same bytes all the same).
  const root = snapshotProject('repro-', { links: ['.git'] });
  try {
    const again = buildSnapshot(root, { ...DEMO_ENV });
    expect(again.status, again.output).toBe(0);
    expect(compareTrees(site.outDir, again.outDir).join('\n')).toBe('');
    expect(listFiles(again.outDir).length).toBeGreaterThan(listHtmlFiles(site.outDir).length);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
