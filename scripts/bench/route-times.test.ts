import { describe, expect, test } from 'vitest';
import { formatRouteTimes, routeTimes } from './route-times.ts';

describe('routeTimes', () => {
  test.each([
    ['/objectives/2026-q3/a/index.html', 'objectives'],
    ['/kpis/index.html', 'whole-site'],
    ['/kpis/customer/nps/index.html', 'kpis'],
    ['/periods/index.html', 'whole-site'],
    ['/periods/2026-Q3/index.html', 'period'],
    ['/periods/2026-Q3/changes/index.html', 'period-changes'],
    ['/periods/2026-Q2/report/index.html', 'period-report'],
    ['/periods/2026-Q3/as-of/2026-07-05/index.html', 'snapshot'],
    ['/api/v1/as-of/2026-07-05/objectives.json', 'snapshot-export'],
    ['/api/v1/objectives.json', 'export'],
    ['/api/v1/objectives.csv', 'whole-site'],
    ['/alignment/2026-Q3/index.html', 'alignment'],
    ['/alignment/2026-Q3/growth/index.html', 'alignment-team'],
    ['/kpi-teams/growth/index.html', 'kpi-team'],
    ['/retrospectives/2026-q3/index.html', 'retrospective'],
    ['/retrospectives/index.html', 'whole-site'],
    ['/branding/logo.svg', 'branding'],
    ['/404.html', 'whole-site'],
  ])('%s is a page of %s', (file, route) => {
    expect([...routeTimes(`12:00:01   ├─ ${file} (+3ms)`).keys()]).toEqual([route]);
  });

  test('sums pages and times of a route, in ms and s, and skips pages restored from the cache', () => {
    const output = ['  ├─ /objectives/a/index.html (+12ms)', '  ├─ /objectives/b/index.html (+1.50s)', '  ├─ /objectives/c/index.html (cached)', '  ├─ /index.html (+8ms)'].join('\n');
    expect(Object.fromEntries(routeTimes(output))).toEqual({ objectives: { pages: 2, ms: 1512 }, 'whole-site': { pages: 1, ms: 8 } });
  });

  test('reads the coloured lines that Astro prints with CI set', () => {
    const output = '\u001b[2m19:18:33\u001b[22m   \u001b[34m├─\u001b[39m \u001b[2m/objectives/a/index.html\u001b[22m \u001b[2m(+137ms)\u001b[22m ';
    expect(Object.fromEntries(routeTimes(output))).toEqual({ objectives: { pages: 1, ms: 137 } });
  });
});

test('formatRouteTimes: costliest route first, with its share', () => {
  expect(formatRouteTimes(new Map([['kpis', { pages: 2, ms: 100 }], ['objectives', { pages: 4, ms: 300 }]])).slice(2)).toEqual([
    '| objectives | 4 | 0.3 s | 75.0 ms | 75% |',
    '| kpis | 2 | 0.1 s | 50.0 ms | 25% |',
  ]);
});
