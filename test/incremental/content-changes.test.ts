/**
 * Incremental builds after content edits: a check-in, a KPI value, a team's and a person's
 * name. After each, the incremental output must equal a cold build byte for byte, and pages
 * the edit does not reach must have been copied (so the test sees the cache at work).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runChanges, type Change, type ChangeResult } from '../support/incremental-chain.ts';

const edit = (file: string, from: string | RegExp, to: string): Change['apply'] => ({ content }) => {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file}: ${String(from)} not found`);
  writeFileSync(path, changed);
};

const CHANGES: Change[] = [
  { name: 'a check-in', apply: edit('objectives/2026-q3/support-efficiency.md', '      - {date: 2026-08-14, value: 4.25}', '      - {date: 2026-08-14, value: 4.25}\n      - {date: 2026-08-15, value: 3.9}') },
  { name: 'a KPI value', apply: edit('kpis/support/csat.md', '  - {date: 2026-08-01, value: 9.3, note: New macros}', '  - {date: 2026-08-01, value: 9.3, note: New macros}\n  - {date: 2026-08-15, value: 8.8}') },
  { name: "a team's name", apply: edit('teams/support.md', 'name: Support', 'name: Customer Care') },
  { name: "a person's name", apply: edit('people/ada.md', 'name: Ada Lovelace', 'name: Ada King') },
];

describe('incremental rebuilds after content edits (basic fixture)', () => {
  let results: ChangeResult[];
  beforeAll(() => {
    results = runChanges('test/fixtures/basic', { PORTAL_AS_OF: '2026-08-16', PORTAL_SITE: 'https://example.org' }, CHANGES);
  }, 600_000);

  test.each(CHANGES.map((change, index) => [change.name, index] as const))('after %s the output equals a cold build, and untouched pages were copied', (_, index) => {
    const result = results[index]!;
    expect(result.differences).toEqual([]);
    expect(result.copied.length).toBeGreaterThan(0);
  });

  test('a check-in leaves the snapshots before its date alone (issue 21: past snapshots never render again)', () => {
    const copied = results[0]!.copied.map((path) => path.replace(/^\/+/, ''));
    expect(copied.some((path) => path.includes('periods/2026-Q3/as-of/2026-08-09/'))).toBe(true);
    // The snapshot of 2026-08-16 includes the check-in of the 15th: rendered again.
    expect(copied.some((path) => path.includes('periods/2026-Q3/as-of/2026-08-16/'))).toBe(false);
  });

  test('each edit reached the pages that show it', () => {
    const page = (index: number, path: string): string => readFileSync(join(results[index]!.cold.outDir, path), 'utf8');
    expect(page(0, 'objectives/2026-q3/support-efficiency/index.html')).toContain('3.9');
    expect(page(1, 'kpis/support/csat/index.html')).toContain('8.8');
    expect(page(2, 'objectives/2026-q3/support-efficiency/index.html')).toContain('Customer Care');
    expect(page(3, 'teams/company/index.html')).toContain('Ada King');
  });
});
