import { describe, expect, test } from 'vitest';
import { contentSet, type ContentSpec } from '../../../test/support/content-files.ts';
import { filterByAudience } from '../content/audience.ts';
import { buildPortalModel, keyResultsMeasuring, phaseOf, pointsInPeriod } from './portal-model.ts';

// Hand-computed values at 2026-08-16, half-way through Q3 2026 (elapsed 0.5):
// 2026-q3/support/efficiency
//   tickets    decrease 1.5 -> 0.5, from KPI value 1.0 inside Q3          progress 0.5
//   resolution decrease 5.5 -> 3.0, last check-in by date 4.5            progress 0.4
//   csat       maintain >= 9, current 9.1, weight 2                      progress 1
//   objective  (0.5 + 0.4 + 2 x 1) / 4 = 0.725, green, on-track (>= 0.45)
// 2026-q3/company
//   launch     milestone done                                             score 1
//   demos      increase 0 -> 100, current 80, manual score 0.3            score 0.3
//   objective  (1 + 0.3) / 2 = 0.65, yellow, on-track
// 2026-q3/late: 0 -> 10 at 1 (the check-in of 2026-10-05 is after the as-of date) = 0.1, off-track (< 0.3),
//   manual score 0.9 -> green; as of 2026-10-15 that late check-in counts: 0.2
// 2026-q4/next: decrease 1.0 -> 0.5, KPI value 0.4 of 2026-10-01 is after the as-of date -> start, 0, upcoming -> on-track;
//   as of 2026-10-15: 1
const SPEC: ContentSpec = {
  'portal.yaml': { default_visibility: 'public' },
  'teams/acme.md': { name: 'Acme' },
  'teams/customer.md': { name: 'Customer', parent: 'acme' },
  'teams/support.md': { name: 'Support', parent: 'customer' },
  'people/ana.md': { name: 'Ana', team: 'support' },
  'kpis/tickets.md': {
    title: 'Tickets per customer',
    direction: 'lower-is-better',
    target: 0.5,
    threshold: 2,
    visibility: 'internal',
    data: [
      { date: '2026-08-01', value: 1.0 },
      { date: '2026-06-01', value: 1.5 },
      { date: '2026-10-01', value: 0.4 },
    ],
  },
  'kpis/csat.md': { title: 'CSAT', target: 9, threshold: 8 },
  'kpis/csat.csv': 'date,value\n2026-07-01,8.4\n2026-08-01,7.5\n',
  'objectives/2026-q3/company.md': {
    title: 'Be the easiest to work with',
    period: '2026-Q3',
    team: 'acme',
    key_results: [
      { id: 'launch', title: 'Launch the portal', type: 'milestone', done: true },
      { id: 'demos', title: 'Demos from 0 to 100', start: 0, target: 100, current: 80, score: 0.3 },
    ],
  },
  'objectives/2026-q3/support/efficiency.md': {
    title: 'Support that scales',
    period: '2026-Q3',
    team: 'support',
    parent: '2026-q3/company',
    key_results: [
      { id: 'tickets', title: 'Tickets per customer from 1.5 to 0.5', start: 1.5, target: 0.5, kpi: 'tickets' },
      {
        id: 'resolution',
        title: 'Resolution time from 5.5 to 3.0 min',
        start: 5.5,
        target: 3.0,
        unit: 'min',
        checkins: [
          { date: '2026-08-10', value: 4.5, confidence: 0.6 },
          { date: '2026-07-10', value: 5.0, confidence: 0.8, note: 'New macros' },
        ],
      },
      { id: 'csat', title: 'Keep CSAT at 9 or more', type: 'maintain', target: 9, current: 9.1, weight: 2 },
    ],
  },
  'objectives/2026-q3/late.md': {
    title: 'Late starter',
    period: '2026-Q3',
    team: 'support',
    parent: '2026-q3/company',
    score: 0.9,
    key_results: [
      {
        id: 'guides',
        title: 'Guides from 0 to 10',
        start: 0,
        target: 10,
        checkins: [
          { date: '2026-07-15', value: 1 },
          { date: '2026-10-05', value: 2 },
        ],
      },
    ],
  },
  'objectives/2026-q3/cancelled.md': {
    title: 'Dropped',
    period: '2026-Q3',
    owner: 'ana',
    status: 'cancelled',
    key_results: [{ id: 'x', title: 'X from 0 to 1', start: 0, target: 1 }],
  },
  'objectives/2026-q4/next.md': {
    title: 'Support that scales further',
    period: '2026-Q4',
    team: 'support',
    continues: '2026-q3/support/efficiency',
    key_results: [{ id: 'tickets', title: 'Tickets per customer from 1.0 to 0.5', start: 1.0, target: 0.5, kpi: 'tickets' }],
  },
  'retrospectives/2026-q2.md': { title: 'Q2', period: '2026-Q2' },
};

const CONTENT = contentSet(SPEC);
const model = buildPortalModel(filterByAudience(CONTENT, 'internal'), '2026-08-16');
const objective = (id: string) => model.objectiveById.get(id)!;

describe('buildPortalModel', () => {
  test.each([
    ['tickets', 1.0, 'kpi', 0.5],
    ['resolution', 4.5, 'checkin', 0.4],
    ['csat', 9.1, 'manual', 1],
  ])('key result %s: current %d from %s, progress %d', (id, current, source, progress) => {
    const kr = objective('2026-q3/support/efficiency').keyResults.find((keyResult) => keyResult.id === id)!;
    expect(kr).toMatchObject({ current, currentSource: source, objectiveId: '2026-q3/support/efficiency' });
    expect(kr.progress).toBeCloseTo(progress, 12);
    expect(kr.score).toBeCloseTo(progress, 12);
  });

  test.each([
    ['2026-q3/support/efficiency', 0.725, 0.725, 'green', 'on-track'],
    ['2026-q3/company', 0.65, 0.65, 'yellow', 'on-track'],
    ['2026-q3/late', 0.1, 0.9, 'green', 'off-track'],
    ['2026-q3/cancelled', 0, 0, 'red', 'cancelled'],
    ['2026-q4/next', 0, 0, 'red', 'on-track'],
  ])('objective %s: progress %d, score %d, %s, %s', (id, progress, score, grade, status) => {
    const scored = objective(id);
    expect(scored.progress).toBeCloseTo(progress, 12);
    expect(scored.score).toBeCloseTo(score, 12);
    expect({ grade: scored.grade, status: scored.status }).toEqual({ grade, status });
  });

  test('a manual KR score counts instead of its progress', () => {
    expect(objective('2026-q3/company').keyResults[1]).toMatchObject({ progress: 0.8, score: 0.3 });
  });

  test('a manual objective score is its finalScore; status still follows progress', () => {
    expect(objective('2026-q3/late')).toMatchObject({ finalScore: 0.9, score: 0.9, status: 'off-track' });
    expect(objective('2026-q3/company').finalScore).toBeUndefined();
  });

  test('check-ins are sorted by date and marked late after the period', () => {
    expect(objective('2026-q3/support/efficiency').keyResults[1]!.checkins.map((checkin) => [checkin.date, checkin.late])).toEqual([
      ['2026-07-10', false],
      ['2026-08-10', false],
    ]);
    const later = buildPortalModel(filterByAudience(CONTENT, 'internal'), '2026-10-15');
    expect(later.objectiveById.get('2026-q3/late')!.keyResults[0]!.checkins.map((checkin) => checkin.late)).toEqual([false, true]);
  });

  test('the confidence is the one of the latest check-in', () => {
    expect(objective('2026-q3/support/efficiency').keyResults[1]!.confidence).toBe(0.6);
    expect(objective('2026-q3/support/efficiency').keyResults[0]!.confidence).toBeUndefined();
  });

  test('statuses follow the as-of date', () => {
    const later = buildPortalModel(filterByAudience(CONTENT, 'internal'), '2026-10-15');
    expect(later.objectives.map((scored) => [scored.id, scored.status])).toEqual([
      ['2026-q3/cancelled', 'cancelled'],
      ['2026-q3/company', 'done'],
      ['2026-q3/late', 'done'],
      ['2026-q3/support/efficiency', 'done'],
      ['2026-q4/next', 'on-track'],
    ]);
    expect(later.currentPeriod).toBe('2026-Q4');
  });

  test('links children and continuedBy, sorted by id', () => {
    expect(objective('2026-q3/company').children).toEqual(['2026-q3/late', '2026-q3/support/efficiency']);
    expect(objective('2026-q3/support/efficiency').continuedBy).toEqual(['2026-q4/next']);
    expect(objective('2026-q4/next').children).toEqual([]);
  });

  test('KPIs: sorted data, latest value, status, and the key results they measure', () => {
    const tickets = model.kpiById.get('tickets')!;
    expect(tickets.data.map((point) => point.date)).toEqual(['2026-06-01', '2026-08-01']);
    expect(tickets).toMatchObject({ latest: { date: '2026-08-01', value: 1.0 }, status: 'warning' });
    expect(tickets.keyResults).toEqual([
      { objectiveId: '2026-q3/support/efficiency', keyResultId: 'tickets' },
      { objectiveId: '2026-q4/next', keyResultId: 'tickets' },
    ]);
    expect(model.kpiById.get('csat')).toMatchObject({ latest: { date: '2026-08-01', value: 7.5 }, status: 'critical', keyResults: [] });
  });

  test('teams: children and ancestors from the root down', () => {
    expect(model.teamById.get('support')).toMatchObject({ ancestors: ['acme', 'customer'], children: [] });
    expect(model.teamById.get('acme')).toMatchObject({ ancestors: [], children: ['customer'] });
  });

  test('periods: every period with objectives or retrospectives, and the current one, oldest first', () => {
    expect(model.currentPeriod).toBe('2026-Q3');
    expect(model.periods).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
  });

  test('current_period from portal.yaml wins over the as-of date', () => {
    const content = contentSet({ ...SPEC, 'portal.yaml': { current_period: '2027-Q1' } });
    expect(buildPortalModel(content, '2026-08-16')).toMatchObject({ currentPeriod: '2027-Q1', periods: ['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1'] });
  });

  test('custom grading bands apply', () => {
    const content = contentSet({ ...SPEC, 'portal.yaml': { grading: { red_below: 0.7, green_from: 0.8 } } });
    expect(buildPortalModel(content, '2026-08-16').objectiveById.get('2026-q3/company')!.grade).toBe('red');
  });

  test('people and retrospectives', () => {
    expect(model.personById.get('ana')).toMatchObject({ name: 'Ana', team: 'support', role: undefined });
    expect(model.retrospectives).toMatchObject([{ id: '2026-q2', period: '2026-Q2', format: 'md' }]);
  });

  describe('when the audience cannot see the linked KPI', () => {
    const publicModel = buildPortalModel(filterByAudience(CONTENT, 'public'), '2026-08-16');
    const efficiency = publicModel.objectiveById.get('2026-q3/support/efficiency')!;

    test('the KR no longer uses KPI values and falls back to its start', () => {
      expect(efficiency.keyResults[0]).toMatchObject({ kpi: undefined, current: 1.5, currentSource: 'start', progress: 0 });
    });

    test('the objective progress changes accordingly: (0 + 0.4 + 2) / 4 = 0.6', () => {
      expect(efficiency.progress).toBeCloseTo(0.6, 12);
    });

    test('the KPI is gone', () => {
      expect(publicModel.kpis.map((kpi) => kpi.id)).toEqual(['csat']);
    });
  });
});

describe('buildPortalModel: contract v1.1', () => {
  // Q3 2026 at 2026-08-16, weekly cadence: a key result is stale after 10.5 days without a value.
  const spec: ContentSpec = {
    'portal.yaml': { default_visibility: 'public' },
    'teams/acme.md': { name: 'Acme' },
    'objectives/2026-q3/company.md': {
      title: 'Delight customers',
      period: '2026-Q3',
      team: 'acme',
      key_results: [
        // 0 -> 100 at one a day: forecast 91 of 100; last check-in 2026-08-01, 15 days old: stale
        { id: 'nps', title: 'NPS from 0 to 100', start: 0, target: 100, weight: 3, checkins: [{ date: '2026-07-01', value: 0 }, { date: '2026-08-01', value: 31 }] },
        // graded, latest grade 0.5, projected 0.8; fresh (6 days)
        {
          id: 'spec',
          title: 'Publish the spec',
          type: 'graded',
          checkins: [
            { date: '2026-07-15', value: 0.2, projected: 0.6 },
            { date: '2026-08-10', value: 0.5, projected: 0.8 },
          ],
        },
      ],
    },
    'objectives/2026-q3/uptime.md': {
      title: 'Keep the lights on',
      period: '2026-Q3',
      team: 'acme',
      parent: '2026-q3/company#nps',
      key_results: [{ id: 'uptime', title: 'Uptime between 99.5 and 100 %', type: 'maintain', min: 99.5, max: 100, checkins: [{ date: '2026-08-14', value: 99.7 }] }],
    },
  };
  const model = buildPortalModel(filterByAudience(contentSet(spec), 'public'), '2026-08-16');
  const company = model.objectiveById.get('2026-q3/company')!;
  const uptime = model.objectiveById.get('2026-q3/uptime')!;

  test('a key result without an update for 15 days is stale, and so is its objective', () => {
    expect(company.keyResults[0]).toMatchObject({ lastUpdate: '2026-08-01', stale: true, staleDays: 15 });
    expect(company.keyResults[1]).toMatchObject({ lastUpdate: '2026-08-10', stale: false });
    expect(company).toMatchObject({ stale: true, staleDays: 15 });
    expect(uptime).toMatchObject({ stale: false, staleDays: undefined });
  });

  test('forecasts: 0.91 for the key result, (3 x 0.91 + 0.5) / 4 for the objective', () => {
    expect(company.keyResults[0]!.forecast).toBeCloseTo(0.91, 12);
    expect(company.keyResults[1]!.forecast).toBeUndefined();
    expect(company.forecast).toBeCloseTo((3 * 0.91 + 0.5) / 4, 12);
    expect(uptime.forecast).toBeUndefined();
  });

  test('a graded key result scores its latest grade and keeps the latest projected grade', () => {
    expect(company.keyResults[1]).toMatchObject({ current: 0.5, progress: 0.5, score: 0.5, projected: 0.8 });
    expect(company.keyResults[0]!.projected).toBeUndefined();
  });

  test('a maintain range holds at 99.7', () => {
    expect(uptime.keyResults[0]).toMatchObject({ min: 99.5, max: 100, progress: 1 });
  });

  test('an objective aligned to a key result is a child of the objective and listed on the key result', () => {
    expect(uptime).toMatchObject({ parent: '2026-q3/company', parent_key_result: 'nps' });
    expect(company.children).toEqual(['2026-q3/uptime']);
    expect(company.keyResults[0]!.alignedObjectives).toEqual(['2026-q3/uptime']);
    expect(company.keyResults[1]!.alignedObjectives).toEqual([]);
  });

  test('checkin_cadence: monthly keeps the 15-day-old key result fresh', () => {
    const monthly = buildPortalModel(filterByAudience(contentSet({ ...spec, 'portal.yaml': { default_visibility: 'public', checkin_cadence: 'monthly' } }), 'public'), '2026-08-16');
    expect(monthly.objectiveById.get('2026-q3/company')!.stale).toBe(false);
  });
});

describe('buildPortalModel: the as-of cutoff (contract v1.1)', () => {
  const later = buildPortalModel(filterByAudience(CONTENT, 'internal'), '2026-10-15');

  test('check-ins dated after the as-of date are dropped before scoring', () => {
    expect(objective('2026-q3/late').keyResults[0]).toMatchObject({ current: 1, checkins: [{ date: '2026-07-15' }] });
    expect(later.objectiveById.get('2026-q3/late')!.keyResults[0]).toMatchObject({ current: 2, progress: 0.2 });
  });

  test('KPI points dated after the as-of date are dropped from the KPI and from the key results it measures', () => {
    expect(objective('2026-q4/next').keyResults[0]).toMatchObject({ current: 1.0, currentSource: 'start', progress: 0 });
    expect(later.objectiveById.get('2026-q4/next')!.keyResults[0]).toMatchObject({ current: 0.4, currentSource: 'kpi', progress: 1 });
    expect(later.kpiById.get('tickets')).toMatchObject({ latest: { date: '2026-10-01', value: 0.4 }, status: 'healthy' });
  });

  test('a point dated on the as-of date counts', () => {
    const onTheDay = buildPortalModel(filterByAudience(CONTENT, 'internal'), '2026-10-01');
    expect(onTheDay.kpiById.get('tickets')!.latest).toEqual({ date: '2026-10-01', value: 0.4 });
  });
});

describe('phaseOf', () => {
  test.each([
    ['2026-Q2', 'closed'],
    ['2026-Q3', 'open'],
    ['2026-Q4', 'upcoming'],
  ])('%s is %s at 2026-08-16', (period, phase) => {
    expect(phaseOf({ asOf: '2026-08-16' }, period)).toBe(phase);
  });
});

describe('pointsInPeriod', () => {
  test('keeps the points inside the period, first and last day included', () => {
    const points = ['2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01'].map((date, value) => ({ date, value }));
    expect(pointsInPeriod(points, '2026-Q3').map((point) => point.date)).toEqual(['2026-07-01', '2026-09-30']);
  });
});

describe('keyResultsMeasuring', () => {
  test('finds the key results that measure a KPI, with their objectives', () => {
    const tickets = model.kpis.find((kpi) => kpi.id === 'tickets')!;
    expect(keyResultsMeasuring(tickets, model.objectiveById).map(({ objective, kr }) => [objective.id, kr.id])).toEqual([
      ['2026-q3/support/efficiency', 'tickets'],
      ['2026-q4/next', 'tickets'],
    ]);
  });

  test('is empty for a KPI that no key result measures', () => {
    const csat = model.kpis.find((kpi) => kpi.id === 'csat')!;
    expect(keyResultsMeasuring(csat, model.objectiveById)).toEqual([]);
  });
});
