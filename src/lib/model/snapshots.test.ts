import { describe, expect, test } from 'vitest';
import { contentSet } from '../../../test/support/content-files.ts';
import { buildPeriodTimeline, buildSnapshot, periodStandings, timelineContent } from './snapshots.ts';
import { buildPortalModel } from './portal-model.ts';

// Q3 2026 (92 days from Wednesday 2026-07-01). Snapshot Sundays up to 2026-07-26: 07-05, 07-12, 07-19, 07-26.
// Elapsed share on those days: 4/92, 11/92, 18/92, 25/92 (0.043, 0.120, 0.196, 0.272).
// steady: 0 -> 100, check-ins 10 (07-03), 30 (07-20):   progress 0.1, 0.1, 0.1, 0.3
//   status: 0.1 >= 0.9 x 0.043, 0.1 >= 0.9 x 0.120 = 0.108? no, >= 0.6 x 0.120: at-risk;
//   07-19: 0.1 < 0.6 x 0.196 = 0.117: off-track; 07-26: 0.3 >= 0.245: on-track
//   grade (red below 0.4, green from 0.7): red throughout
// nps KPI 20 (07-01), 45 (07-25); quiet: 20 -> 50 measured by it: progress 0, 0, 0, 25/30 = 0.833 (green);
//   off-track from the first Sunday (0 < 0.6 x 0.043), on-track on 07-26
const CONTENT = contentSet({
  'portal.yaml': { default_visibility: 'public' },
  'teams/t.md': { name: 'T' },
  'kpis/nps.md': { title: 'NPS', data: [{ date: '2026-07-01', value: 20 }, { date: '2026-07-25', value: 45 }] },
  'objectives/2026-q3/steady.md': {
    title: 'Steady',
    period: '2026-Q3',
    team: 't',
    key_results: [{ id: 'x', title: 'X from 0 to 100', start: 0, target: 100, checkins: [{ date: '2026-07-03', value: 10 }, { date: '2026-07-20', value: 30 }] }],
  },
  'objectives/2026-q3/quiet.md': { title: 'Quiet', period: '2026-Q3', team: 't', key_results: [{ id: 'n', title: 'NPS from 20 to 50', start: 20, target: 50, kpi: 'nps' }] },
  'objectives/2026-q2/old.md': { title: 'Old', period: '2026-Q2', team: 't', key_results: [{ id: 'm', title: 'M', type: 'milestone', done: true }] },
});

describe('buildSnapshot', () => {
  test('holds the objectives of the period, with the values of a full build at that date', () => {
    const snapshot = buildSnapshot(CONTENT, '2026-Q3', '2026-07-19');
    const full = buildPortalModel(CONTENT, '2026-07-19');
    expect(snapshot.objectives.map((objective) => objective.id)).toEqual(['2026-q3/quiet', '2026-q3/steady']);
    for (const objective of snapshot.objectives) expect(objective).toEqual(full.objectiveById.get(objective.id));
    expect(snapshot.asOf).toBe('2026-07-19');
  });
});

describe('buildPeriodTimeline', () => {
  const timeline = buildPeriodTimeline(CONTENT, '2026-Q3', '2026-07-28');

  test('one standing per snapshot date and objective', () => {
    expect(timeline.dates).toEqual(['2026-07-05', '2026-07-12', '2026-07-19', '2026-07-26']);
    expect(timeline.standings.get('2026-q3/steady')!.map((standing) => [standing.progress, standing.status])).toEqual([
      [0.1, 'on-track'],
      [0.1, 'at-risk'],
      [0.1, 'off-track'],
      [0.3, 'on-track'],
    ]);
    expect(timeline.standings.get('2026-q3/quiet')!.map((standing) => standing.grade)).toEqual(['red', 'red', 'red', 'green']);
  });

  test('the expected progress is the elapsed share of the period on each date', () => {
    expect(timeline.standings.get('2026-q3/steady')!.map((standing) => standing.expected)).toEqual([4 / 92, 11 / 92, 18 / 92, 25 / 92]);
  });

  test('movers: objectives whose status or grade changed since the snapshot before', () => {
    expect(timeline.weeks.map((week) => [week.date, week.movers.map((mover) => `${mover.id}: ${mover.from.status}/${mover.from.grade} -> ${mover.to.status}/${mover.to.grade}`)])).toEqual([
      ['2026-07-05', []],
      ['2026-07-12', ['2026-q3/steady: on-track/red -> at-risk/red']],
      ['2026-07-19', ['2026-q3/steady: at-risk/red -> off-track/red']],
      ['2026-07-26', ['2026-q3/quiet: off-track/red -> on-track/green', '2026-q3/steady: off-track/red -> on-track/red']],
    ]);
  });

  test('a period that has not started has no snapshots', () => {
    expect(buildPeriodTimeline(CONTENT, '2026-Q4', '2026-07-28')).toMatchObject({ dates: [], weeks: [], standings: new Map() });
  });
});

describe('periodStandings', () => {
  test("an objective's standings are the timeline's, whichever of the period's objectives are scored with it", () => {
    const whole = buildPeriodTimeline(CONTENT, '2026-Q3', '2026-07-28').standings;
    const some = periodStandings(CONTENT, '2026-Q3', '2026-07-28', (id) => id === '2026-q3/steady');
    expect([...some.keys()]).toEqual(['2026-q3/steady']);
    expect(some.get('2026-q3/steady')).toEqual(whole.get('2026-q3/steady'));
  });
});

describe('buildPeriodTimeline onSnapshot', () => {
  test('sees each snapshot date once, in order, with the objectives of that date', () => {
    const seen: [string, string[]][] = [];
    const timeline = buildPeriodTimeline(CONTENT, '2026-Q3', '2026-07-28', (date, snapshot) => {
      expect(snapshot.objectives).toEqual(buildSnapshot(CONTENT, '2026-Q3', date).objectives);
      seen.push([date, snapshot.objectives.map((objective) => objective.id)]);
    });
    expect(seen).toEqual(timeline.dates.map((date) => [date, ['2026-q3/quiet', '2026-q3/steady']]));
    expect(seen.map(([date]) => date)).toEqual(['2026-07-05', '2026-07-12', '2026-07-19', '2026-07-26']);
  });
});

describe('timelineContent', () => {
  // A second KPI that no objective of Q3 measures, and a Q2 objective that measures it.
  const more = contentSet({
    'portal.yaml': { default_visibility: 'public' },
    'teams/t.md': { name: 'T' },
    'kpis/nps.md': { title: 'NPS', data: [{ date: '2026-07-01', value: 20 }, { date: '2026-07-25', value: 45 }] },
    'kpis/churn.md': { title: 'Churn', data: [{ date: '2026-07-01', value: 5 }] },
    'objectives/2026-q3/quiet.md': { title: 'Quiet', period: '2026-Q3', team: 't', key_results: [{ id: 'n', title: 'NPS from 20 to 50', start: 20, target: 50, kpi: 'nps' }] },
    'objectives/2026-q2/old.md': { title: 'Old', period: '2026-Q2', team: 't', key_results: [{ id: 'c', title: 'Churn from 9 to 4', start: 9, target: 4, kpi: 'churn' }] },
  });

  test('holds the objectives of the period and only the KPIs they measure', () => {
    const content = timelineContent(more, '2026-Q3');
    expect(content.objectives.map((entry) => entry.id)).toEqual(['2026-q3/quiet']);
    expect(content.kpis.map((entry) => entry.id)).toEqual(['nps']);
    expect(content.teams).toBe(more.teams);
    expect(timelineContent(more, '2026-Q2').kpis.map((entry) => entry.id)).toEqual(['churn']);
  });

  test('the timeline from it equals the one the snapshots of the whole content give', () => {
    buildPeriodTimeline(more, '2026-Q3', '2026-07-28', (date, snapshot) => {
      expect(snapshot.objectives).toEqual(buildSnapshot(more, '2026-Q3', date).objectives);
    });
    expect(buildPeriodTimeline(timelineContent(more, '2026-Q3'), '2026-Q3', '2026-07-28')).toEqual(buildPeriodTimeline(more, '2026-Q3', '2026-07-28'));
  });
});
