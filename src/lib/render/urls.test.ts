import { describe, expect, test } from 'vitest';
import { routePath, routeUrl, type Route } from './urls.ts';

// The contract's URLs, relative to the base path, with a trailing slash.
const ROUTES: [Route, string][] = [
  [{ kind: 'home' }, ''],
  [{ kind: 'periods' }, 'periods/'],
  [{ kind: 'period', period: '2026-Q3' }, 'periods/2026-Q3/'],
  [{ kind: 'report', period: '2026-Q3' }, 'periods/2026-Q3/report/'],
  [{ kind: 'snapshot', period: '2026-Q3', date: '2026-08-16' }, 'periods/2026-Q3/as-of/2026-08-16/'],
  [{ kind: 'snapshot-api', date: '2026-08-16' }, 'api/v1/as-of/2026-08-16/objectives.json'],
  [{ kind: 'objective', id: '2026-q3/support/efficiency' }, 'objectives/2026-q3/support/efficiency/'],
  [{ kind: 'kpis' }, 'kpis/'],
  [{ kind: 'kpi', id: 'support/tickets-per-customer' }, 'kpis/support/tickets-per-customer/'],
  [{ kind: 'teams' }, 'teams/'],
  [{ kind: 'team', id: 'support' }, 'teams/support/'],
  [{ kind: 'people' }, 'people/'],
  [{ kind: 'person', id: 'maria-lopez' }, 'people/maria-lopez/'],
  [{ kind: 'alignment', period: '2026-Q3' }, 'alignment/2026-Q3/'],
  [{ kind: 'alignment', period: '2026-Q3', team: 'support' }, 'alignment/2026-Q3/support/'],
  [{ kind: 'retrospectives' }, 'retrospectives/'],
  [{ kind: 'retrospective', id: '2026-q3/company' }, 'retrospectives/2026-q3/company/'],
  [{ kind: 'search' }, 'search/'],
  [{ kind: 'rss' }, 'rss.xml'],
  [{ kind: 'api', file: 'objectives.json' }, 'api/v1/objectives.json'],
];

describe('routePath', () => {
  test.each(ROUTES)('%j -> %j', (route, path) => {
    expect(routePath(route)).toBe(path);
  });
});

describe('routeUrl', () => {
  test.each(ROUTES)('%j under / and /okrs/', (route, path) => {
    expect(routeUrl('/', route)).toBe(`/${path}`);
    expect(routeUrl('/okrs/', route)).toBe(`/okrs/${path}`);
  });

  test('home under /okrs/ keeps the trailing slash', () => {
    expect(routeUrl('/okrs/', { kind: 'home' })).toBe('/okrs/');
  });
});
