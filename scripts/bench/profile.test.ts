import { describe, expect, test } from 'vitest';
import { readPagefindLine, readPhases } from './profile.ts';

describe('readPhases', () => {
  test.each([
    ['content check', '16:27:52 [okr-portal:content-check] content OK: /x/content for the public audience, as of 2026-11-23 (5521 files checked in 5.12 s)', [{ name: 'content check', seconds: 5.12 }]],
    ['types', '16:27:58 [types] Generated 4.30s', [{ name: 'content sync and types', seconds: 4.3 }]],
    ['two vite builds: server, then client', '[vite] ✓ built in 1.94s\n[vite] ✓ built in 786ms', [
      { name: 'server bundle (vite)', seconds: 1.94 },
      { name: 'client bundle (vite)', seconds: 0.786 },
    ]],
    ['page rendering, not the [build] summary', '16:28:02 ✓ Completed in 1.02s.\n16:28:02 [build] ✓ Completed in 3.88s.', [{ name: 'render pages', seconds: 1.02 }]],
    ['minutes in the total', '[build] 5782 page(s) built in 1m 10s', [{ name: 'astro total', seconds: 70 }]],
    ['colour codes', '\x1b[2m17:22:49\x1b[22m [okr-portal:search-index] pagefind: indexed 5510 pages in 9.34 s, index 5695 KB', [{ name: 'pagefind index', seconds: 9.34 }]],
    ['static files', '[okr-portal:static-files] wrote 20750 badges, embeds and KPI CSVs in 6.10 s (0.02 s after rendering)', [{ name: 'badges, embeds, CSVs (after rendering)', seconds: 0.02 }]],
  ])('%s', (_, log, phases) => {
    expect(readPhases(log)).toEqual(phases);
  });
});

test('readPagefindLine', () => {
  expect(readPagefindLine('x\n12:00 [okr-portal:search-index] pagefind: indexed 71 pages in 0.47 s, index 766 KB\n')).toBe('indexed 71 pages in 0.47 s, index 766 KB');
  expect(readPagefindLine('no index here')).toBeUndefined();
});
