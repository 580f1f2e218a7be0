import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { filterByAudience } from '../content/audience.ts';
import { loadContentSet } from '../content/load-content.ts';
import { buildPortalModel, type PortalModel } from '../model/portal-model.ts';
import { i18nFor } from '../i18n/index.ts';
import {
  departmentOf,
  facetValueOrder,
  searchRecordOfKpi,
  searchRecordOfObjective,
  searchRecordOfPerson,
  searchRecordOfRetrospective,
  searchRecordOfTeam,
} from './search-records.ts';

const en = i18nFor('en');

/** A public, scored model from frontmatter objects: `{ 'teams/acme.md': {...} }`. */
function modelOf(entries: Record<string, Record<string, unknown>>, asOf = '2026-08-16'): PortalModel {
  const files = Object.entries(entries).map(([path, data]) => ({ path, displayPath: `content/${path}`, text: path.endsWith('.yaml') ? stringify(data) : `---\n${stringify(data)}---\n` }));
  const { content, problems } = loadContentSet(files);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return buildPortalModel(filterByAudience(content, 'public'), asOf);
}

const model = modelOf({
  'portal.yaml': { default_visibility: 'public' },
  'teams/acme.md': { name: 'Acme Corp' },
  'teams/customer.md': { name: 'Customer Success', parent: 'acme', lead: 'sofia' },
  'teams/support.md': { name: 'Support', parent: 'customer' },
  'teams/sales.md': { name: 'Sales', parent: 'acme' },
  'teams/secret.md': { name: 'Skunkworks', parent: 'acme', visibility: 'internal' },
  'people/sofia.md': { name: 'Sofia Rossi', team: 'customer', role: 'VP Customer Success' },
  'people/carl.md': { name: 'Carl Mendes', team: 'support' },
  'people/hidden.md': { name: 'Hidden Person', team: 'support', visibility: 'internal' },
  'objectives/2026-q3/churn.md': {
    title: 'Cut churn',
    period: '2026-Q3',
    team: 'customer',
    contributors: ['sales', 'secret'],
    kind: 'aspirational',
    key_results: [
      { id: 'rate', title: 'Churn from 3 to 1', start: 3, target: 1, current: 2, owner: 'carl' },
      { id: 'alerts', title: 'Alerts live', type: 'milestone', done: true, owner: 'hidden' },
      { id: 'plans', title: 'Save plans', start: 0, target: 10, current: 5, owner: 'carl' },
    ],
  },
  'objectives/2026-q3/mine.md': { title: 'Learn German', period: '2026-Q3', owner: 'carl', key_results: [{ id: 'a', title: 'A2', type: 'milestone' }] },
  'kpis/churn.md': { title: 'Churn rate', team: 'support', owner: 'sofia', category: 'customer', unit: '%', direction: 'lower-is-better', target: 1.5, threshold: 2.5, data: [{ date: '2026-08-01', value: 3.1 }] },
  'kpis/bare.md': { title: 'Bare KPI' },
  'retrospectives/2026-q3.md': { title: 'Q3 retro', period: '2026-Q3' },
  'retrospectives/2026-q3-support.md': { title: 'Support Q3', period: '2026-Q3', team: 'support' },
});

const objective = (id: string) => model.objectiveById.get(id)!;
const team = (id: string) => model.teamById.get(id)!;

describe('searchRecordOfObjective', () => {
  const record = searchRecordOfObjective(objective('2026-q3/churn'), model, en);

  test('has human-readable filter values for every facet', () => {
    expect(record.filters).toEqual({
      type: ['Objective'],
      period: ['Q3 2026'],
      team: ['Customer Success', 'Sales'],
      department: ['Customer Success', 'Sales'],
      owner: ['Carl Mendes'],
      status: ['On track'],
      grade: ['Yellow'],
      kind: ['Aspirational'],
    });
  });

  test('a stale objective is also under "Needs an update" (no check-in for 46 days, weekly cadence)', () => {
    const stale = modelOf({
      'portal.yaml': { default_visibility: 'public' },
      'teams/acme.md': { name: 'Acme Corp' },
      'objectives/2026-q3/quiet.md': { title: 'Quiet', period: '2026-Q3', team: 'acme', key_results: [{ id: 'a', title: 'A from 0 to 1', start: 0, target: 1 }] },
    });
    expect(searchRecordOfObjective(stale.objectiveById.get('2026-q3/quiet')!, stale, en).filters.status).toEqual(['Off track', 'Needs an update']);
  });

  test('shows type, team, period, progress, score and status in results', () => {
    expect(record.meta).toEqual({ type: 'Objective', team: 'Customer Success', period: 'Q3 2026', progress: '67%', score: '0.67', status: 'On track' });
  });

  test('sorts by score as a number', () => {
    expect(record.sort).toEqual({ score: '0.6667' });
  });

  test('leaves no trace of hidden teams and people', () => {
    expect(JSON.stringify(record)).not.toMatch(/Skunkworks|Hidden Person/);
  });

  test("files an individual objective under its owner's team", () => {
    const mine = searchRecordOfObjective(objective('2026-q3/mine'), model, en);
    expect([mine.filters.team, mine.filters.department, mine.filters.owner, mine.meta['team']]).toEqual([['Support'], ['Customer Success'], ['Carl Mendes'], 'Support']);
  });
});

describe('searchRecordOfKpi', () => {
  test.each([
    [
      'a tracked KPI',
      'churn',
      { type: ['KPI'], team: ['Support'], department: ['Customer Success'], owner: ['Sofia Rossi'], status: ['Critical'], category: ['Customer'] },
      { type: 'KPI', team: 'Support', status: 'Critical', latest: '3.1%' },
    ],
    ['a bare KPI', 'bare', { type: ['KPI'], status: ['No data'], category: ['Other'] }, { type: 'KPI', status: 'No data' }],
  ])('describes %s', (_, id, filters, meta) => {
    const record = searchRecordOfKpi(model.kpiById.get(id)!, model, en);
    expect(record.filters).toEqual(filters);
    expect(record.meta).toEqual(meta);
    expect(record.sort).toEqual({});
  });
});

describe('searchRecordOfTeam', () => {
  test.each([
    ['the company root', 'acme', { type: ['Team'], team: ['Acme Corp'] }, { type: 'Team' }],
    ['a department', 'customer', { type: ['Team'], team: ['Customer Success'], department: ['Customer Success'] }, { type: 'Team', parent: 'Acme Corp', lead: 'Sofia Rossi' }],
    ['a sub-team', 'support', { type: ['Team'], team: ['Support'], department: ['Customer Success'] }, { type: 'Team', parent: 'Customer Success' }],
  ])('describes %s', (_, id, filters, meta) => {
    const record = searchRecordOfTeam(team(id), model, en);
    expect(record.filters).toEqual(filters);
    expect(record.meta).toEqual(meta);
  });
});

describe('searchRecordOfPerson', () => {
  test('files a person under their team and department', () => {
    const record = searchRecordOfPerson(model.personById.get('sofia')!, model, en);
    expect(record.filters).toEqual({ type: ['Person'], team: ['Customer Success'], department: ['Customer Success'] });
    expect(record.meta).toEqual({ type: 'Person', team: 'Customer Success', role: 'VP Customer Success' });
  });
});

describe('searchRecordOfRetrospective', () => {
  test.each([
    ['a company-wide retrospective', '2026-q3', { type: ['Retrospective'], period: ['Q3 2026'] }, 'Company-wide'],
    ['a team retrospective', '2026-q3-support', { type: ['Retrospective'], period: ['Q3 2026'], team: ['Support'], department: ['Customer Success'] }, 'Support'],
  ])('describes %s', (_, id, filters, teamName) => {
    const record = searchRecordOfRetrospective(model.retrospectives.find((retro) => retro.id === id)!, model, en);
    expect(record.filters).toEqual(filters);
    expect(record.meta).toEqual({ type: 'Retrospective', team: teamName, period: 'Q3 2026' });
  });
});

describe('departmentOf', () => {
  test.each([
    ['acme', undefined],
    ['customer', 'Customer Success'],
    ['support', 'Customer Success'],
    ['sales', 'Sales'],
  ])('%s is in department %s', (id, expected) => {
    expect(departmentOf(team(id), model)?.name).toBe(expected);
  });
});

describe('search records in the portal\'s language', () => {
  const de = i18nFor('de');

  test('type, status, grade and kind are the German labels, numbers written the German way', () => {
    const record = searchRecordOfObjective(objective('2026-q3/churn'), model, de);
    expect(record.filters.type).toEqual(['Ziel']);
    expect(record.filters.kind).toEqual(['Ambitioniert']);
    expect(record.meta['score']).toMatch(/^\d,\d\d$/);
    expect(record.meta['progress']).toMatch(/^\d+\u00a0%$/);
    expect(facetValueOrder(de).status).toContain(record.filters.status![0]);
    expect(facetValueOrder(de).grade).toContain(record.filters.grade![0]);
  });

  test('the facet order names the values the records use, English ones in English', () => {
    expect(facetValueOrder(en)).toEqual({
      type: ['Objective', 'KPI', 'Team', 'Person', 'Retrospective'],
      status: ['On track', 'At risk', 'Off track', 'Done', 'Cancelled', 'Healthy', 'Warning', 'Critical', 'No target set', 'No data', 'Needs an update'],
      grade: ['Green', 'Yellow', 'Red'],
      kind: ['Committed', 'Aspirational'],
    });
    expect(facetValueOrder(i18nFor('nb')).type).toEqual(['Mål', 'KPI', 'Team', 'Person', 'Retrospektiv']);
  });
});
