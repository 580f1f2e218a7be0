import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../loader/read-content.ts';
import { feedEntries } from '../export/feed.ts';
import type { KeyResultChange } from './history.ts';
import type { Kpi, Objective } from './portal-model.ts';
import { buildPortalModel, type PortalModel } from './portal-model.ts';
import {
  buildPeriodReport,
  carriedOver,
  chronological,
  gradeDistribution,
  kpiChangeOver,
  periodChanges,
  retrospectiveArchive,
  roundScore,
  scorecardGroups,
} from './report.ts';

const FIXTURE = resolve(import.meta.dirname, '../../../test/fixtures/retro');

function fixtureModel(audience: 'public' | 'internal' = 'public', asOf = '2026-10-15'): PortalModel {
  const loaded = loadContent({ contentDir: FIXTURE, audience });
  expect(loaded.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return buildPortalModel(loaded.visible, asOf);
}

const ids = (objectives: readonly { id: string }[]): string[] => objectives.map((objective) => objective.id);

describe('buildPeriodReport on test/fixtures/retro, Q3 2026, public', () => {
  const report = buildPeriodReport(fixtureModel(), '2026-Q3');

  test('counts the 5 public objectives with a mean score of 0.55', () => {
    expect(report.summary.count).toBe(5);
    expect(report.summary.averageScore).toBeCloseTo(0.55, 10);
    expect(report.summary.byGrade).toEqual({ green: 2, yellow: 1, red: 2 });
  });

  test('scores teams in org-chart order, individual objectives apart', () => {
    expect(report.teams.map((group) => [group.team.id, group.objectives.length, roundScore(group.averageScore), group.grade])).toEqual([
      ['company', 1, 0.8, 'green'],
      ['ops', 1, 0, 'red'],
      ['product', 1, 1, 'green'],
      ['web', 1, 0.65, 'yellow'],
    ]);
    expect(ids(report.individual)).toEqual(['2026-q3/learning']);
  });

  test('rolls departments up as the mean of their teams’ objective scores', () => {
    expect(report.departments.map((d) => [d.team.id, d.objectives.length, d.averageScore, d.teams.map((t) => t.team.id)])).toEqual([
      ['ops', 1, 0, ['ops']],
      ['product', 2, 0.825, ['product', 'web']],
    ]);
  });

  test('keeps the teams that are in no department apart (the company itself)', () => {
    expect(report.outsideDepartments.map((group) => group.team.id)).toEqual(['company']);
  });

  test('distributes grades with committed and aspirational counts', () => {
    expect(report.distribution).toEqual({
      total: 5,
      bands: [
        { grade: 'green', count: 2, share: 0.4, committed: 2, aspirational: 0 },
        { grade: 'yellow', count: 1, share: 0.2, committed: 0, aspirational: 1 },
        { grade: 'red', count: 2, share: 0.4, committed: 1, aspirational: 1 },
      ],
    });
  });

  test('lists committed misses lowest first and aspirational objectives in the sweet spot', () => {
    expect(report.committedMisses.map((o) => [o.id, o.score])).toEqual([
      ['2026-q3/uptime', 0],
      ['2026-q3/grow', 0.8],
    ]);
    expect(report.sweetSpot.map((o) => [o.id, roundScore(o.score)])).toEqual([['2026-q3/speed', 0.65]]);
  });

  test('finds the public KPI that changed status, not the internal one', () => {
    expect(report.kpiChanges.map((c) => [c.kpi.id, c.start?.value, c.end?.value, c.delta, c.startStatus, c.endStatus, c.trend])).toEqual([
      ['nps', 15, 45, 30, 'critical', 'healthy', 'improved'],
    ]);
  });

  test('carries objectives over by continues link and by title', () => {
    expect(report.carriedOver.map((c) => [c.from.id, c.to.id, c.link])).toEqual([
      ['2026-q3/launch', '2026-q4/launch', 'continues'],
      ['2026-q3/speed', '2026-q4/speed', 'title'],
    ]);
  });

  test('links the retrospectives, company-wide first, and counts late check-ins', () => {
    expect(ids(report.retrospectives)).toEqual(['2026-q3/company', '2026-q3/web']);
    expect(report.lateCheckins).toBe(1);
    expect(report.nextPeriod).toBe('2026-Q4');
  });
});

describe('buildPeriodReport, internal audience', () => {
  test('adds the internal objective and KPI', () => {
    const report = buildPeriodReport(fixtureModel('internal'), '2026-Q3');
    expect(report.summary.count).toBe(6);
    expect(report.kpiChanges.map((change) => [change.kpi.id, change.startStatus, change.endStatus])).toEqual([
      ['cost', 'critical', 'healthy'],
      ['nps', 'critical', 'healthy'],
    ]);
  });
});

describe('scorecardGroups', () => {
  const model = fixtureModel();
  test.each<[string, string | undefined, [string | undefined, string[]][]]>([
    ['a department with its teams', 'product', [['product', ['2026-q3/launch']], ['web', ['2026-q3/speed', '2026-q3/learning']]]],
    ['a team with the individual objective of its person, after its own', 'web', [['web', ['2026-q3/speed', '2026-q3/learning']]]],
    ['the whole company, individual objectives last', undefined, [['company', ['2026-q3/grow']], ['ops', ['2026-q3/uptime']], ['product', ['2026-q3/launch']], ['web', ['2026-q3/speed']], [undefined, ['2026-q3/learning']]]],
  ])('%s', (_, team, expected) => {
    expect(scorecardGroups(model, '2026-Q3', team).map((group) => [group.team?.id, ids(group.objectives)])).toEqual(expected);
  });
});

describe('kpiChangeOver', () => {
  const kpi = (data: { date: string; value: number }[]): Kpi =>
    ({ id: 'k', direction: 'lower-is-better', target: 2, threshold: 3, data }) as unknown as Kpi;
  test.each<[string, { date: string; value: number }[], unknown]>([
    ['uses the last value before the period as the start', [{ date: '2026-06-30', value: 3.5 }, { date: '2026-07-15', value: 2.5 }, { date: '2026-09-30', value: 1.5 }], { start: 3.5, end: 1.5, from: 'critical', to: 'healthy', trend: 'improved' }],
    ['falls back to the first value in the period', [{ date: '2026-07-15', value: 2.5 }, { date: '2026-09-01', value: 3.5 }], { start: 2.5, end: 3.5, from: 'warning', to: 'critical', trend: 'worsened' }],
    ['ignores values after the period', [{ date: '2026-07-01', value: 1 }, { date: '2026-10-01', value: 9 }], { start: 1, end: 1, from: 'healthy', to: 'healthy', trend: 'unchanged' }],
    ['has no data without values', [], { start: undefined, end: undefined, from: 'no-data', to: 'no-data', trend: 'unchanged' }],
  ])('%s', (_, data, expected) => {
    const change = kpiChangeOver(kpi(data), '2026-Q3');
    expect({ start: change.start?.value, end: change.end?.value, from: change.startStatus, to: change.endStatus, trend: change.trend }).toEqual(expected);
  });
});

describe('gradeDistribution', () => {
  test('has all three bands, with zero shares when empty', () => {
    expect(gradeDistribution([]).bands.map((band) => [band.grade, band.count, band.share])).toEqual([
      ['green', 0, 0],
      ['yellow', 0, 0],
      ['red', 0, 0],
    ]);
  });
});

describe('carriedOver', () => {
  const objective = (id: string, period: string, title: string, continues?: string): Objective =>
    ({ id, period, title, continues }) as unknown as Objective;
  test('prefers the continues link over a title match and ignores other periods', () => {
    const objectives = [
      objective('q3/a', '2026-Q3', 'Alpha'),
      objective('q3/b', '2026-Q3', 'Beta'),
      objective('q4/a', '2026-Q4', 'Beta', 'q3/a'),
      objective('q4/b', '2026-Q4', ' beta '),
      objective('q1/b', '2027-Q1', 'Beta'),
    ];
    expect(carriedOver(objectives, '2026-Q3').map((c) => [c.from.id, c.to.id, c.link])).toEqual([
      ['q3/a', 'q4/a', 'continues'],
      ['q3/b', 'q4/b', 'title'],
    ]);
  });
});

describe('retrospectives', () => {
  const model = fixtureModel();
  test('orders them oldest first for previous/next links', () => {
    expect(ids(chronological(model.retrospectives))).toEqual(['2026-q3/company', '2026-q3/web']);
  });
  test('archives closed periods (with a report) and periods with retrospectives, newest first', () => {
    expect(retrospectiveArchive(model).map((entry) => [entry.period, entry.closed, ids(entry.retrospectives)])).toEqual([
      ['2026-Q3', true, ['2026-q3/company', '2026-q3/web']],
      ['2026-Q2', true, []],
    ]);
  });
});

describe('feedEntries', () => {
  test('lists retrospectives and reports newest first, dated from the content', () => {
    expect(feedEntries(fixtureModel()).map((entry) => [entry.id, entry.date])).toEqual([
      ['retrospective:2026-q3/web', '2026-10-06'],
      ['retrospective:2026-q3/company', '2026-10-05'],
      ['report:2026-Q3', '2026-10-01'],
      ['report:2026-Q2', '2026-07-01'],
    ]);
  });
  test('summarises a report with its numbers', () => {
    expect(feedEntries(fixtureModel()).find((entry) => entry.kind === 'report')?.summary).toBe(
      'Final scores of 5 objectives in Q3 2026: mean score 0.55; 2 green, 1 yellow, 2 red.',
    );
  });
});

describe('periodChanges', () => {
  const inQ3 = fixtureModel('internal').objectives.filter((objective) => objective.period === '2026-Q3');
  const [first, second] = [...inQ3].sort((a, b) => a.id.localeCompare(b.id));
  const krOf = (objective: Objective | undefined): string => objective!.keyResults[0]!.id;
  const change = (keyResultId: string, date: string): KeyResultChange => ({ keyResultId, field: 'target', from: 1, to: 2, commit: 'abc1234', date, author: 'Ana', subject: 'Raise the target' });

  test('lists changes after the period started, oldest first then by objective id, with the key result as it is now', () => {
    const history = new Map([
      [second!.id, { changes: [change(krOf(second), '2026-08-02'), change('removed', '2026-09-30')] }],
      [first!.id, { changes: [change(krOf(first), '2026-08-02')] }],
    ]);
    expect(periodChanges(inQ3, history, '2026-Q3').map((row) => [row.change.date, row.objective.id, row.kr?.id])).toEqual([
      ['2026-08-02', first!.id, krOf(first)],
      ['2026-08-02', second!.id, krOf(second)],
      ['2026-09-30', second!.id, undefined],
    ]);
  });

  test('skips changes on the first day and before, and objectives without history', () => {
    const history = new Map([[first!.id, { changes: [change(krOf(first), '2026-07-01'), change(krOf(first), '2026-06-15')] }]]);
    expect(periodChanges(inQ3, history, '2026-Q3')).toEqual([]);
  });
});
