/**
 * Output URLs, as the content contract fixes them (relative to the base path, trailing slash).
 */

export type Route =
  | { kind: 'home' }
  | { kind: 'period'; period: string }
  | { kind: 'periods' }
  | { kind: 'objective'; id: string }
  | { kind: 'kpi'; id: string }
  | { kind: 'kpis' }
  | { kind: 'team'; id: string }
  | { kind: 'teams' }
  | { kind: 'person'; id: string }
  | { kind: 'people' }
  | { kind: 'alignment'; period: string; team?: string | undefined }
  | { kind: 'retrospective'; id: string }
  | { kind: 'retrospectives' }
  | { kind: 'report'; period: string }
  | { kind: 'snapshot'; period: string; date: string }
  | { kind: 'snapshot-api'; date: string }
  | { kind: 'search' }
  | { kind: 'rss' }
  | { kind: 'api'; file: string };

/**
 * The path of a route below the base path, without the leading slash.
 * @example routePath({ kind: 'objective', id: '2026-q3/support/efficiency' }) // 'objectives/2026-q3/support/efficiency/'
 */
export function routePath(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '';
    case 'period':
      return `periods/${route.period}/`;
    case 'periods':
      return 'periods/';
    case 'objective':
      return `objectives/${route.id}/`;
    case 'kpi':
      return `kpis/${route.id}/`;
    case 'kpis':
      return 'kpis/';
    case 'team':
      return `teams/${route.id}/`;
    case 'teams':
      return 'teams/';
    case 'person':
      return `people/${route.id}/`;
    case 'people':
      return 'people/';
    case 'alignment':
      return route.team ? `alignment/${route.period}/${route.team}/` : `alignment/${route.period}/`;
    case 'retrospective':
      return `retrospectives/${route.id}/`;
    case 'retrospectives':
      return 'retrospectives/';
    case 'report':
      return `periods/${route.period}/report/`;
    case 'snapshot':
      return `periods/${route.period}/as-of/${route.date}/`;
    case 'snapshot-api':
      return `api/v1/as-of/${route.date}/objectives.json`;
    case 'search':
      return 'search/';
    case 'rss':
      return 'rss.xml';
    case 'api':
      return `api/v1/${route.file}`;
  }
}

/**
 * A route's URL under a base path (`/` or `/okrs/`).
 * @example routeUrl('/okrs/', { kind: 'team', id: 'support' }) // '/okrs/teams/support/'
 */
export function routeUrl(base: string, route: Route): string {
  return `${base}${routePath(route)}`;
}
