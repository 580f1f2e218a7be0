import { describe, expect, test } from 'vitest';
import { contentSet } from '../../../test/support/content-files.ts';
import { exportKpis, exportObjectives, exportPeople, exportTeams } from './export.ts';
import { buildPortalModel } from '../model/portal-model.ts';

const model = buildPortalModel(
  contentSet({
    'teams/acme.md': { name: 'Acme', lead: 'ana' },
    'teams/support.md': { name: 'Support', parent: 'acme' },
    'people/ana.md': { name: 'Ana', role: 'CEO' },
    'people/bo.md': { name: 'Bo' },
    'kpis/tickets.md': {
      title: 'Tickets per customer',
      team: 'support',
      owner: 'ana',
      category: 'customer',
      unit: 'tickets',
      direction: 'lower-is-better',
      target: 0.5,
      threshold: 2,
      data: [
        { date: '2026-08-01', value: 1, note: 'Hidden in the export' },
        { date: '2026-07-01', value: 1.2 },
      ],
    },
    'kpis/bare.md': { title: 'Bare' },
    'objectives/2026-q3/company.md': {
      title: 'Company',
      period: '2026-Q3',
      team: 'acme',
      key_results: [{ id: 'launch', title: 'Launch', type: 'milestone', done: true }],
    },
    'objectives/2026-q3/support.md': {
      title: 'Support that scales',
      period: '2026-Q3',
      owner: 'ana',
      parent: '2026-q3/company',
      kind: 'aspirational',
      key_results: [
        { id: 'tickets', title: 'Tickets from 1.5 to 0.5', start: 1.5, target: 0.5, unit: 'tickets', kpi: 'tickets', weight: 2 },
        { id: 'r', title: 'R from 0 to 3', start: 0, target: 3, checkins: [{ date: '2026-08-01', value: 1 }] },
      ],
    },
  }),
  '2026-08-16',
);

const OBJECTIVE_KEYS = ['id', 'title', 'period', 'team', 'owner', 'parent', 'kind', 'visibility', 'progress', 'score', 'grade', 'status', 'url', 'key_results'];
const KEY_RESULT_KEYS = ['id', 'title', 'type', 'start', 'target', 'current', 'unit', 'weight', 'kpi', 'progress', 'score'];
const KPI_KEYS = ['id', 'title', 'team', 'owner', 'category', 'unit', 'direction', 'target', 'threshold', 'status', 'latest', 'url', 'data'];
const TEAM_KEYS = ['id', 'name', 'parent', 'lead', 'url'];

const keysOf = (record: object): string[] => Object.keys(record).sort();

describe('exportObjectives', () => {
  const records = exportObjectives(model, '/okrs/') as Record<string, unknown>[];

  test('every record has exactly the contract keys, and every key result too', () => {
    for (const record of records) {
      expect(keysOf(record)).toEqual([...OBJECTIVE_KEYS].sort());
      for (const kr of record.key_results as object[]) expect(keysOf(kr)).toEqual([...KEY_RESULT_KEYS].sort());
    }
  });

  test('missing values are null, numbers unrounded, url under the base', () => {
    expect(records[0]).toEqual({
      id: '2026-q3/company',
      title: 'Company',
      period: '2026-Q3',
      team: 'acme',
      owner: null,
      parent: null,
      kind: 'committed',
      visibility: 'internal',
      progress: 1,
      score: 1,
      grade: 'green',
      status: 'on-track',
      url: '/okrs/objectives/2026-q3/company/',
      key_results: [{ id: 'launch', title: 'Launch', type: 'milestone', start: null, target: null, current: null, unit: null, weight: 1, kpi: null, progress: 1, score: 1 }],
    });
  });

  test('a KR from a KPI and one from a check-in, with the unrounded weighted progress', () => {
    const record = records[1]!;
    expect(record).toMatchObject({ team: null, owner: 'ana', parent: '2026-q3/company', kind: 'aspirational' });
    expect(record.key_results).toEqual([
      { id: 'tickets', title: 'Tickets from 1.5 to 0.5', type: 'decrease', start: 1.5, target: 0.5, current: 1, unit: 'tickets', weight: 2, kpi: 'tickets', progress: 0.5, score: 0.5 },
      { id: 'r', title: 'R from 0 to 3', type: 'increase', start: 0, target: 3, current: 1, unit: null, weight: 1, kpi: null, progress: 1 / 3, score: 1 / 3 },
    ]);
    expect(record.progress).toBe((2 * 0.5 + 1 / 3) / 3);
  });

  test('survives JSON without losing keys (no undefined values)', () => {
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
  });
});

describe('exportKpis', () => {
  const records = exportKpis(model, '/') as Record<string, unknown>[];

  test('every record has exactly the contract keys', () => {
    for (const record of records) expect(keysOf(record)).toEqual([...KPI_KEYS].sort());
  });

  test('a KPI without anything set has nulls, no-data and an empty series', () => {
    expect(records[0]).toEqual({
      id: 'bare',
      title: 'Bare',
      team: null,
      owner: null,
      category: 'other',
      unit: null,
      direction: 'higher-is-better',
      target: null,
      threshold: null,
      status: 'no-data',
      latest: null,
      url: '/kpis/bare/',
      data: [],
    });
  });

  test('data points are {date, value} sorted by date, without notes', () => {
    expect(records[1]).toMatchObject({
      status: 'warning',
      latest: { date: '2026-08-01', value: 1 },
      data: [
        { date: '2026-07-01', value: 1.2 },
        { date: '2026-08-01', value: 1 },
      ],
    });
    expect(JSON.stringify(records[1])).not.toContain('Hidden');
  });
});

describe('exportTeams', () => {
  test('records are {id, name, parent, lead, url} with nulls', () => {
    const records = exportTeams(model, '/okrs/');
    for (const record of records) expect(keysOf(record)).toEqual([...TEAM_KEYS].sort());
    expect(records).toEqual([
      { id: 'acme', name: 'Acme', parent: null, lead: 'ana', url: '/okrs/teams/acme/' },
      { id: 'support', name: 'Support', parent: 'acme', lead: null, url: '/okrs/teams/support/' },
    ]);
  });
});

describe('exportPeople', () => {
  test('records are {id, name, team, role, url} with nulls', () => {
    expect(exportPeople(model, '/')).toEqual([
      { id: 'ana', name: 'Ana', team: null, role: 'CEO', url: '/people/ana/' },
      { id: 'bo', name: 'Bo', team: null, role: null, url: '/people/bo/' },
    ]);
  });
});
