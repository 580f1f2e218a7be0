import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../loader/read-content.ts';
import { periodPhase } from '../calendar/period.ts';
import { buildPortalModel, type PortalModel } from './portal-model.ts';
import { EXPORT_FILES, timelineGroup, pageKey, sitePages, type RouteName } from './site-pages.ts';

const FIXTURE = resolve(import.meta.dirname, '../../../test/fixtures/retro');

function fixtureModel(asOf = '2026-10-15'): PortalModel {
  const loaded = loadContent({ contentDir: FIXTURE, audience: 'internal' });
  expect(loaded.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return buildPortalModel(loaded.visible, asOf);
}

const model = fixtureModel();
const sources = { snapshotDates: (period: string) => (period === model.periods[0] ? ['2026-07-05', '2026-07-12'] : []), brandingFiles: ['logo.svg'] };
const pages = sitePages(model, sources);
const of = (route: RouteName) => pages.filter((page) => page.route === route);

describe('sitePages on test/fixtures/retro', () => {
  test('one page per objective, KPI, team and person, by id', () => {
    expect(of('objectives').map((page) => page.params.id)).toEqual(model.objectives.map((objective) => objective.id));
    expect(of('kpis').map((page) => page.params.id)).toEqual(model.kpis.map((kpi) => kpi.id));
    expect(of('teams').map((page) => page.params.id)).toEqual(model.teams.map((team) => team.id));
    expect(of('people').map((page) => page.params.id)).toEqual(model.people.map((person) => person.id));
    expect(model.objectives.length).toBeGreaterThan(0);
  });

  test('every period has its overview, changes and alignment; only closed periods a report', () => {
    expect(of('period').map((page) => page.params.period)).toEqual(model.periods);
    expect(of('period-changes')).toHaveLength(model.periods.length);
    expect(of('alignment')).toHaveLength(model.periods.length);
    const closed = model.periods.filter((period) => periodPhase(period, model.asOf) === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.length).toBeLessThan(model.periods.length);
    expect(of('period-report').map((page) => page.params.period)).toEqual(closed);
  });

  test('an alignment page for each team in each period', () => {
    expect(of('alignment-team')).toHaveLength(model.periods.length * model.teams.length);
  });

  test('snapshot pages and exports follow the snapshot dates; branding files and exports are listed', () => {
    expect(of('snapshot').map((page) => page.params)).toEqual([
      { period: model.periods[0], date: '2026-07-05' },
      { period: model.periods[0], date: '2026-07-12' },
    ]);
    expect(of('snapshot-export').map((page) => page.params.date)).toEqual(['2026-07-05', '2026-07-12']);
    expect(of('branding').map((page) => page.params.file)).toEqual(['logo.svg']);
    expect(of('export').map((page) => page.params.file)).toEqual([...EXPORT_FILES]);
  });

  test("a period's overview, snapshot pages and exports form its timeline group; nothing else is grouped", () => {
    const grouped = pages.filter((page) => page.group !== undefined);
    expect(grouped.map((page) => [page.route, page.group])).toEqual([
      ['period', timelineGroup(model.periods[0]!)],
      ...of('snapshot').flatMap((page) => [['snapshot', timelineGroup(page.params.period!)], ['snapshot-export', timelineGroup(page.params.period!)]]),
      ...model.periods.slice(1).map((period) => ['period', timelineGroup(period)]),
    ]);
  });

  test('keys are unique and every cost is at least 1', () => {
    expect(new Set(pages.map((page) => page.key)).size).toBe(pages.length);
    expect(pages.every((page) => page.cost >= 1)).toBe(true);
  });

  test('a page that lists a period costs more than one objective of it', () => {
    const period = of('period')[0]!;
    const objective = of('objectives')[0]!;
    expect(period.cost).toBeGreaterThan(objective.cost);
  });
});

describe('pageKey', () => {
  test('joins the route and the parameter values', () => {
    expect(pageKey('alignment-team', { period: '2026-Q3', team: 'growth' })).toBe('alignment-team:2026-Q3/growth');
    expect(pageKey('objectives', { id: '2026-q3/a' })).toBe('objectives:2026-q3/a');
  });
});
