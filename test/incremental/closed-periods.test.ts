/**
 * Issue 20: a closed period's pages never render again unless one of their inputs changes.
 * The retro fixture as of 2026-10-15 has two closed periods (2026-Q2, 2026-Q3) and the current
 * 2026-Q4. After one objective of the current period is edited, the incremental output equals
 * a cold build, and the closed periods' pages (period, changes, report, alignment, each team's
 * alignment) were copied, but the one page of theirs that shows the edited objective: the
 * 2026-Q3 report lists it as carried over.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runChanges, type Change, type ChangeResult } from '../support/incremental-chain.ts';

const EDITED = 'objectives/2026-q4/launch.md';
const TITLE = 'Grow version 2 adoption across every plan';

const CHANGES: Change[] = [
  {
    name: 'the title of an objective of the current period',
    apply: ({ content }) => {
      const path = join(content, EDITED);
      writeFileSync(path, readFileSync(path, 'utf8').replace('title: Grow version 2 adoption', `title: ${TITLE}`));
    },
  },
];

const TEAMS = ['company', 'ops', 'product', 'web'];
const periodPages = (period: string): string[] => [
  `periods/${period}/index.html`,
  `periods/${period}/changes/index.html`,
  `alignment/${period}/index.html`,
  ...TEAMS.map((team) => `alignment/${period}/${team}/index.html`),
];

describe('incremental rebuild after an edit in the current period (retro fixture)', () => {
  let result: ChangeResult;
  let copied: string[];
  beforeAll(() => {
    [result] = runChanges('test/fixtures/retro', { PORTAL_AS_OF: '2026-10-15', PORTAL_SITE: 'https://example.org' }, CHANGES) as [ChangeResult];
    copied = result.copied.map((path) => path.replace(/^\/+/, ''));
  }, 600_000);

  test('the output equals a cold build of the edited content', () => {
    expect(result.differences).toEqual([]);
  });

  test('the pages of the closed periods were copied, not rendered', () => {
    expect(copied).toEqual(expect.arrayContaining([...periodPages('2026-Q2'), 'periods/2026-Q2/report/index.html', ...periodPages('2026-Q3')]));
  });

  test('the pages that show the edited objective rendered again', () => {
    const read = (path: string): string => readFileSync(join(result.incremental.outDir, path), 'utf8');
    // The 2026-Q3 report lists the objectives carried over into 2026-Q4.
    expect(read('periods/2026-Q3/report/index.html')).toContain(TITLE);
    expect(read('periods/2026-Q4/index.html')).toContain(TITLE);
    for (const path of ['periods/2026-Q3/report/index.html', ...periodPages('2026-Q4'), 'objectives/2026-q4/launch/index.html']) expect(copied, path).not.toContain(path);
  });
});
