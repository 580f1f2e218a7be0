import { describe, expect, test } from 'vitest';
import { contentSet } from '../../../test/support/content-files.ts';
import { exportKpis, exportObjectives, exportPeople, exportTeams } from './export.ts';
import { keyResultsCsv, objectivesCsv } from './csv-export.ts';
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

const OBJECTIVE_KEYS = ['id', 'title', 'period', 'team', 'owner', 'parent', 'kind', 'visibility', 'progress', 'score', 'grade', 'status', 'url', 'key_results', 'stale', 'forecast', 'parent_key_result'];
const KEY_RESULT_KEYS = ['id', 'title', 'type', 'start', 'target', 'current', 'unit', 'weight', 'kpi', 'progress', 'score', 'stale', 'last_update', 'forecast', 'min', 'max', 'projected'];
/** The contract v1.1 key result fields of a key result that has none of them. */
const NO_V11 = { stale: false, last_update: null, forecast: null, min: null, max: null, projected: null };
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
      stale: false,
      forecast: null,
      parent_key_result: null,
      url: '/okrs/objectives/2026-q3/company/',
      key_results: [{ id: 'launch', title: 'Launch', type: 'milestone', start: null, target: null, current: null, unit: null, weight: 1, kpi: null, progress: 1, score: 1, ...NO_V11 }],
    });
  });

  test('a KR from a KPI and one from a check-in, with the unrounded weighted progress', () => {
    const record = records[1]!;
    expect(record).toMatchObject({ team: null, owner: 'ana', parent: '2026-q3/company', kind: 'aspirational' });
    expect(record.key_results).toEqual([
      // Both stale at 2026-08-16: the KPI's latest point and the check-in are 15 days old (weekly: more than 10.5).
      { id: 'tickets', title: 'Tickets from 1.5 to 0.5', type: 'decrease', start: 1.5, target: 0.5, current: 1, unit: 'tickets', weight: 2, kpi: 'tickets', progress: 0.5, score: 0.5, ...NO_V11, stale: true, last_update: '2026-08-01' },
      { id: 'r', title: 'R from 0 to 3', type: 'increase', start: 0, target: 3, current: 1, unit: null, weight: 1, kpi: null, progress: 1 / 3, score: 1 / 3, ...NO_V11, stale: true, last_update: '2026-08-01' },
    ]);
    expect(record.progress).toBe((2 * 0.5 + 1 / 3) / 3);
  });

  test('contract v1.1: stale, forecast, min/max, projected and the parent key result', () => {
    const v11 = exportObjectives(
      buildPortalModel(
        contentSet({
          'teams/acme.md': { name: 'Acme' },
          'objectives/2026-q3/company.md': {
            title: 'Company',
            period: '2026-Q3',
            team: 'acme',
            key_results: [
              { id: 'nps', title: 'NPS from 0 to 100', start: 0, target: 100, checkins: [{ date: '2026-07-01', value: 0 }, { date: '2026-08-01', value: 31 }] },
              { id: 'spec', title: 'Spec', type: 'graded', checkins: [{ date: '2026-08-10', value: 0.5, projected: 0.8 }] },
            ],
          },
          'objectives/2026-q3/ops.md': {
            title: 'Ops',
            period: '2026-Q3',
            team: 'acme',
            parent: '2026-q3/company#nps',
            key_results: [{ id: 'uptime', title: 'Uptime 99.5 to 100', type: 'maintain', min: 99.5, max: 100, current: 99.9 }],
          },
        }),
        '2026-08-16',
      ),
      '/',
    ) as { stale: boolean; forecast: number | null; parent_key_result: string | null; key_results: Record<string, unknown>[] }[];
    const [company, ops] = v11;
    expect(company).toMatchObject({ stale: true, parent_key_result: null });
    expect(company!.forecast).toBeCloseTo((0.91 + 0.5) / 2, 12);
    expect(company!.key_results[0]).toMatchObject({ stale: true, last_update: '2026-08-01', min: null, max: null, projected: null });
    expect(company!.key_results[0]!.forecast).toBeCloseTo(0.91, 12);
    expect(company!.key_results[1]).toMatchObject({ stale: false, last_update: '2026-08-10', forecast: null, projected: 0.8, start: null, target: null });
    expect(ops).toMatchObject({ stale: false, forecast: null, parent: '2026-q3/company', parent_key_result: 'nps' });
    expect(ops!.key_results[0]).toMatchObject({ min: 99.5, max: 100, target: null, stale: false, last_update: null, progress: 1 });
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

describe('objectivesCsv and keyResultsCsv: contract v1.1 columns', () => {
  test('end with stale, forecast, parent_key_result and stale, last_update, forecast, min, max, projected', () => {
    const objectiveRows = objectivesCsv(model, '/').split('\n');
    expect(objectiveRows[0]).toMatch(/,url,stale,forecast,parent_key_result$/);
    expect(objectiveRows[2]).toMatch(/,true,,$/);
    const keyResultRows = keyResultsCsv(model, '/').split('\n');
    expect(keyResultRows[0]).toMatch(/,url,stale,last_update,forecast,min,max,projected$/);
    expect(keyResultRows[1]).toMatch(/#kr-launch,false,,,,,$/);
    expect(keyResultRows[2]).toMatch(/#kr-tickets,true,2026-08-01,,,,$/);
  });
});
