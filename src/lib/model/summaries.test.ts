import { describe, expect, test } from 'vitest';
import { contentSet } from '../../../test/support/content-files.ts';
import { buildPortalModel } from './portal-model.ts';
import { departmentObjectives, groupByTeam, sortTeamsByName, subtreeIds, summarizeObjectives, teamObjectivesByPeriod, teamOrder } from './summaries.ts';

const milestone = (done: boolean): object => ({ id: 'm', title: 'Ship it', type: 'milestone', done });
const objective = (team: string | undefined, done: boolean, extra: object = {}): object => ({
  title: `Objective of ${team ?? 'ana'}`,
  period: '2026-Q3',
  ...(team ? { team } : { owner: 'ana' }),
  key_results: [milestone(done)],
  ...extra,
});

// Org chart: Acme -> (Sales, Customer -> (Support, Onboarding)); names sort Customer before Sales.
const model = buildPortalModel(
  contentSet({
    'teams/acme.md': { name: 'Acme' },
    'teams/sales.md': { name: 'Sales', parent: 'acme' },
    'teams/customer.md': { name: 'Customer', parent: 'acme' },
    'teams/support.md': { name: 'Support', parent: 'customer' },
    'teams/onboarding.md': { name: 'Onboarding', parent: 'customer' },
    'teams/lab.md': { name: 'Lab' },
    'people/ana.md': { name: 'Ana' },
    'objectives/a.md': objective('support', true),
    'objectives/b.md': objective('acme', false),
    'objectives/c.md': objective(undefined, true),
    'objectives/d.md': objective('support', false, { status: 'cancelled' }),
    'objectives/e.md': objective('sales', false, { score: 0.5 }),
  }),
  '2026-08-16',
);

describe('summarizeObjectives', () => {
  test('counts by status and grade and averages the scores', () => {
    expect(summarizeObjectives(model.objectives)).toEqual({
      count: 5,
      averageScore: (1 + 0 + 1 + 0 + 0.5) / 5,
      byStatus: { 'on-track': 2, 'at-risk': 0, 'off-track': 2, done: 0, cancelled: 1 },
      byGrade: { green: 2, yellow: 1, red: 2 },
    });
  });

  test('has no average without objectives', () => {
    expect(summarizeObjectives([])).toMatchObject({ count: 0, averageScore: undefined });
  });
});

describe('teamOrder', () => {
  test('lists roots by name, each followed by its sub-teams depth first, by name', () => {
    expect(teamOrder(model.teams)).toEqual(['acme', 'customer', 'onboarding', 'support', 'sales', 'lab']);
  });

  test('treats a team whose parent is not there as a root', () => {
    const orphaned = model.teams
      .filter((team) => team.id !== 'customer')
      .map((team) => ({ ...team, children: team.children.filter((id) => id !== 'customer') }));
    expect(teamOrder(orphaned)).toEqual(['acme', 'sales', 'lab', 'onboarding', 'support']);
  });
});

describe('groupByTeam', () => {
  test('groups objectives in org-chart order, individual ones last', () => {
    expect(groupByTeam(model.objectives, model.teams).map((group) => [group.team?.id, group.objectives.map((o) => o.id)])).toEqual([
      ['acme', ['b']],
      ['support', ['a', 'd']],
      ['sales', ['e']],
      [undefined, ['c']],
    ]);
  });
});

describe('subtreeIds', () => {
  test.each([
    ['customer', ['customer', 'onboarding', 'support']],
    ['support', ['support']],
    ['acme', ['acme', 'customer', 'onboarding', 'sales', 'support']],
    ['unknown', ['unknown']],
  ])('%s -> %j', (root, ids) => {
    expect([...subtreeIds(model.teams, root)].sort()).toEqual(ids);
  });
});

describe('departmentObjectives', () => {
  test('lists the departments in team order with their subtrees’ objectives, empty ones left out', () => {
    const groups = departmentObjectives(model.objectives, model.teams);
    expect(groups.map((group) => [group.department.id, group.objectives.map((objective) => objective.id)])).toEqual([
      ['customer', ['a', 'd']],
      ['sales', ['e']],
    ]);
  });

  test('is empty without objectives', () => {
    expect(departmentObjectives([], model.teams)).toEqual([]);
  });
});

describe('teamObjectivesByPeriod', () => {
  const periods = buildPortalModel(
    contentSet({
      'teams/support.md': { name: 'Support' },
      'teams/sales.md': { name: 'Sales' },
      'objectives/q2.md': { ...objective('support', true), period: '2026-Q2' },
      'objectives/q4.md': { ...objective('support', false), period: '2026-Q4' },
      'objectives/helped.md': { ...objective('sales', false), period: '2026-Q2', contributors: ['support'] },
      'objectives/other.md': { ...objective('sales', false), period: '2026-Q3' },
    }),
    '2026-08-16',
  );

  test('groups owned and contributed objectives by period, newest first', () => {
    expect(teamObjectivesByPeriod(periods.objectives, 'support').map((group) => [group.period, group.objectives.map((objective) => objective.id)])).toEqual([
      ['2026-Q4', ['q4']],
      ['2026-Q2', ['helped', 'q2']],
    ]);
  });

  test('is empty for a team without objectives', () => {
    expect(teamObjectivesByPeriod(periods.objectives, 'nobody')).toEqual([]);
  });
});

describe('sortTeamsByName', () => {
  test('sorts by name without changing its input', () => {
    const teams = [{ name: 'Sales' }, { name: 'Customer' }, { name: 'Onboarding' }];
    expect(sortTeamsByName(teams).map((team) => team.name)).toEqual(['Customer', 'Onboarding', 'Sales']);
    expect(teams[0]!.name).toBe('Sales');
  });
});
