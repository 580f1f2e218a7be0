import { describe, expect, test } from 'vitest';
import { applyKpiFilter, groupKpisByCategory, kpiFilterOptions, kpiFilterPath, type KpiFilter } from './kpi-list.ts';

const kpis = [
  { id: 'mrr', category: 'financial', team: 'finance' },
  { id: 'nps', category: 'customer', team: 'customer' },
  { id: 'churn', category: 'customer', team: 'customer' },
  { id: 'uptime', category: 'operational', team: 'platform' },
  { id: 'misc', category: 'other' },
] as const;
const teams = [
  { id: 'platform', name: 'Platform' },
  { id: 'customer', name: 'Customer Success' },
  { id: 'finance', name: 'Finance' },
  { id: 'sales', name: 'Sales' },
];

describe('groupKpisByCategory', () => {
  test('groups in the schema order and leaves out empty categories', () => {
    expect(groupKpisByCategory(kpis).map((group) => [group.category, group.kpis.map((kpi) => kpi.id)])).toEqual([
      ['financial', ['mrr']],
      ['customer', ['nps', 'churn']],
      ['operational', ['uptime']],
      ['other', ['misc']],
    ]);
  });
});

describe('kpiFilterOptions', () => {
  test('counts categories and teams with KPIs; teams by name', () => {
    expect(kpiFilterOptions(kpis, teams)).toEqual({
      categories: [
        { category: 'financial', count: 1 },
        { category: 'customer', count: 2 },
        { category: 'operational', count: 1 },
        { category: 'other', count: 1 },
      ],
      teams: [
        { id: 'customer', name: 'Customer Success', count: 2 },
        { id: 'finance', name: 'Finance', count: 1 },
        { id: 'platform', name: 'Platform', count: 1 },
      ],
    });
  });
});

describe('applyKpiFilter and kpiFilterPath', () => {
  test.each([
    [{ kind: 'all' }, ['mrr', 'nps', 'churn', 'uptime', 'misc'], 'kpis/'],
    [{ kind: 'category', category: 'customer' }, ['nps', 'churn'], 'kpi-categories/customer/'],
    [{ kind: 'team', team: 'platform' }, ['uptime'], 'kpi-teams/platform/'],
    [{ kind: 'team', team: 'sales' }, [], 'kpi-teams/sales/'],
  ] as [KpiFilter, string[], string][])('%o', (filter, ids, path) => {
    expect(applyKpiFilter(kpis, filter).map((kpi) => kpi.id)).toEqual(ids);
    expect(kpiFilterPath(filter)).toBe(path);
  });
});
