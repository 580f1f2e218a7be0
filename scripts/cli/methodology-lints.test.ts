import { describe, expect, test } from 'vitest';
import { loadContentSet } from '../../src/lib/content/load-content.ts';
import { addCadences, lintMethodology, lintObjectiveShape } from './methodology-lints.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';

function contentOf(files: Record<string, string>): Parameters<typeof lintMethodology>[0] {
  const { content, problems } = loadContentSet(Object.entries(files).map(([path, text]) => ({ path, displayPath: path, text })));
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return content;
}

/**
 * The date-dependent warnings of a content folder given as `{ path: text }` at a date, as
 * formatted lines (the shape warnings, which lintMethodology includes, are tested below).
 */
function lint(files: Record<string, string>, asOf: string): string[] {
  const content = contentOf(files);
  const shape = new Set(lintObjectiveShape(content).map(formatProblem));
  return lintMethodology(content, asOf).map(formatProblem).filter((line) => !shape.has(line));
}

/** The shape warnings of a content folder, as formatted lines. */
function lintShape(files: Record<string, string>): string[] {
  return lintObjectiveShape(contentOf(files)).map(formatProblem);
}

const objective = (period: string, keyResults: string, extra = ''): string => `---\ntitle: Grow\nperiod: ${period}\nteam: sales\n${extra}key_results:\n${keyResults}---\n`;
const MEASURED = '  - {id: deals, title: Deals from 1 to 9, start: 1, target: 9, checkins: [{date: 2026-08-10, value: 3}]}\n';
const MILESTONE = '  - {id: launch, title: Launch, type: milestone}\n';
const kpi = (cadence: string, data: string): string => `---\ntitle: NPS\ncadence: ${cadence}\n${data}---\n`;
const RETRO = '---\ntitle: Q3\nperiod: 2026-Q3\n---\n';

describe('lintMethodology', () => {
  test.each([
    ['a measured key result in an open period', { 'objectives/a.md': objective('2026-Q3', MEASURED) }, '2026-08-20', []],
    [
      'an objective whose only key result is a milestone',
      { 'objectives/a.md': objective('2026-Q3', MILESTONE) },
      '2026-08-20',
      ['objectives/a.md: key_results: the only key result is a milestone: tasks, not outcomes Add a key result that measures the outcome, "from X to Y".'],
    ],
    [
      'an objective whose key results are all milestones',
      { 'objectives/a.md': objective('2026-Q3', MILESTONE + MILESTONE.replace('launch', 'ship')) },
      '2026-08-20',
      ['objectives/a.md: key_results: all 2 key results are milestones: tasks, not outcomes Add a key result that measures the outcome, "from X to Y".'],
    ],
    ['a draft with milestones only', { 'objectives/a.md': objective('2026-Q3', MILESTONE, 'draft: true\n') }, '2026-08-20', []],
    [
      'a key result without a check-in for 11 days (weekly: stale after 10.5)',
      { 'objectives/a.md': objective('2026-Q3', MEASURED) },
      '2026-08-21',
      ['objectives/a.md: key_results[0].checkins: no update for 11 days: the last update is from 2026-08-10, no owner (checkin_cadence weekly: stale after 10.5 days) Check in: okr checkin a deals <value>.'],
    ],
    [
      'a stale key result names its owner',
      { 'people/ana.md': '---\nname: Ana Lima\n---\n', 'objectives/a.md': objective('2026-Q3', MEASURED.replace('start: 1,', 'owner: ana, start: 1,')) },
      '2026-08-21',
      ['objectives/a.md: key_results[0].checkins: no update for 11 days: the last update is from 2026-08-10, owner Ana Lima (ana) (checkin_cadence weekly: stale after 10.5 days) Check in: okr checkin a deals <value>.'],
    ],
    [
      'a key result without any value once a whole cadence has passed',
      { 'portal.yaml': 'checkin_cadence: biweekly\n', 'objectives/a.md': objective('2026-Q3', '  - {id: deals, title: Deals from 1 to 9, start: 1, target: 9}\n') },
      '2026-07-15',
      ['objectives/a.md: key_results[0].checkins: no update for 14 days: no value since the period started on 2026-07-01, no owner (checkin_cadence biweekly: stale after 21 days) Check in: okr checkin a deals <value>.'],
    ],
    ['a key result with a biweekly cadence, 11 days after its check-in', { 'portal.yaml': 'checkin_cadence: biweekly\n', 'objectives/a.md': objective('2026-Q3', MEASURED) }, '2026-08-21', []],
    ['a stale key result of a cancelled objective', { 'objectives/a.md': objective('2026-Q3', MEASURED, 'status: cancelled\n') }, '2026-09-01', []],
    [
      'a check-in after the as-of date',
      { 'objectives/a.md': objective('2026-Q3', MEASURED) },
      '2026-08-05',
      ['objectives/a.md: key_results[0].checkins[0].date: 2026-08-10 is after the as-of date 2026-08-05'],
    ],
    [
      'a closed period without a retrospective',
      { 'objectives/b.md': objective('2026-Q3', MEASURED), 'objectives/a.md': objective('2026-Q3', MEASURED) },
      '2026-10-05',
      ['objectives/a.md: period 2026-Q3 is closed and has 2 objectives but no published retrospective Write one: okr close 2026-Q3 scaffolds it, or okr new retrospective --period 2026-Q3.'],
    ],
    ['a closed period with a retrospective', { 'objectives/a.md': objective('2026-Q3', MEASURED), 'retrospectives/2026-q3.md': RETRO }, '2026-10-05', []],
    [
      'a closed period whose retrospective is a draft',
      { 'objectives/a.md': objective('2026-Q3', MEASURED), 'retrospectives/2026-q3.md': RETRO.replace('---\n', '---\ndraft: true\n').replace(/^---\ndraft: true\n/, '---\n').replace('period: 2026-Q3\n', 'period: 2026-Q3\ndraft: true\n') },
      '2026-10-05',
      ['objectives/a.md: period 2026-Q3 is closed and has 1 objective but no published retrospective Write one: okr close 2026-Q3 scaffolds it, or okr new retrospective --period 2026-Q3.'],
    ],
    ['a monthly KPI measured last month', { 'kpis/nps.md': kpi('monthly', 'data: [{date: 2026-10-01, value: 40}]\n') }, '2026-11-23', []],
    [
      'a monthly KPI silent for two months',
      { 'kpis/nps.md': kpi('monthly', 'data: [{date: 2026-09-01, value: 40}]\n') },
      '2026-11-23',
      ['kpis/nps.md: data: the latest value is from 2026-09-01, more than 2 months before 2026-11-23 Add the missing values with okr kpi add or okr import.'],
    ],
    [
      'a weekly KPI silent for fifteen days',
      { 'kpis/nps.md': kpi('weekly', 'data: [{date: 2026-11-08, value: 40}]\n') },
      '2026-11-23',
      ['kpis/nps.md: data: the latest value is from 2026-11-08, more than 2 weeks before 2026-11-23 Add the missing values with okr kpi add or okr import.'],
    ],
    ['a KPI without values', { 'kpis/nps.md': kpi('quarterly', '') }, '2026-11-23', ['kpis/nps.md: data: has no values yet (cadence quarterly) Add one with okr kpi add <kpi> <value>.']],
  ])('%s', (_, files, asOf, expected) => {
    expect(lint(files, asOf)).toEqual(expected);
  });
});

describe('addCadences', () => {
  test.each([
    ['2026-11-08', 'weekly', 2, '2026-11-22'],
    ['2026-08-31', 'monthly', 2, '2026-10-31'],
    ['2026-12-31', 'monthly', 2, '2027-02-28'],
    ['2026-11-15', 'quarterly', 2, '2027-05-15'],
  ] as const)('%s plus %s cadences x %i', (date, cadence, count, expected) => {
    expect(addCadences(date, cadence, count)).toBe(expected);
  });
});

describe('lintObjectiveShape', () => {
  const TWO = '  - {id: deals, title: Deals from 1 to 9, start: 1, target: 9}\n  - {id: churn, title: Churn from 5% to 3%, start: 5, target: 3, unit: "%"}\n';
  const goal = (fields: string, keyResults = TWO): string => `---\n${fields}${fields.includes('team:') ? '' : 'team: sales\n'}key_results:\n${keyResults}---\n`;
  const TEAMS = {
    'teams/acme.md': '---\nname: Acme\n---\n',
    'teams/sales.md': '---\nname: Sales\nparent: acme\n---\n',
    'teams/emea.md': '---\nname: EMEA sales\nparent: sales\n---\n',
  };

  test.each([
    ['an outcome with two measured key results', { 'objectives/a.md': goal('title: Customers renew without a call\nperiod: 2026-Q3\n') }, []],
    [
      'a title that names a task',
      { 'objectives/a.md': goal('title: Migrate billing to Stripe\nperiod: 2026-Q3\n') },
      ['objectives/a.md: title: "Migrate billing to Stripe" names a task, not an outcome Say what is different when it is done, and make the task a key result or leave it to the plan.'],
    ],
    ['a task word later in the title', { 'objectives/a.md': goal('title: Customers never wait for a fix\nperiod: 2026-Q3\n') }, []],
    [
      'one key result',
      { 'objectives/a.md': goal('title: Grow\nperiod: 2026-Q3\n', '  - {id: deals, title: Deals from 1 to 9, start: 1, target: 9}\n') },
      ['objectives/a.md: key_results: has 1 key result; 2 to 5 show from more than one side that the objective is reached'],
    ],
    [
      'a target equal to its start',
      { 'objectives/a.md': goal('title: Grow\nperiod: 2026-Q3\n', `${TWO}  - {id: nps, title: NPS at 40, start: 40, target: 40}\n`) },
      ['objectives/a.md: key_results[2].target: equals start (40): the key result asks for no change Set the target you aim for, or type: maintain to hold a level.'],
    ],
    ['a maintained level', { 'objectives/a.md': goal('title: Grow\nperiod: 2026-Q3\n', `${TWO}  - {id: nps, title: NPS at 40, type: maintain, start: 40, target: 40}\n`) }, []],
    [
      'two key results with one title (case and spaces aside)',
      { 'objectives/a.md': goal('title: Grow\nperiod: 2026-Q3\n', `${TWO}  - {id: deals-2, title: " deals FROM 1 to 9", start: 1, target: 9}\n`) },
      ['objectives/a.md: key_results[2].title: "deals FROM 1 to 9" is also the title of key_results[0]'],
    ],
    [
      'a parent in another quarter',
      { 'objectives/p.md': goal('title: Grow\nperiod: 2026-Q2\n'), 'objectives/c.md': goal('title: Sell\nperiod: 2026-Q3\nparent: p\n') },
      ['objectives/c.md: parent: p is an objective of 2026-Q2, this one of 2026-Q3 Align to an objective of the same period: roll-ups and the alignment tree are per period.'],
    ],
    ['a parent of the same quarter', { 'objectives/p.md': goal('title: Grow\nperiod: 2026-Q3\n'), 'objectives/c.md': goal('title: Sell\nperiod: 2026-Q3\nparent: p\n') }, []],
    [
      'a team objective aligned straight to the company while its department has objectives',
      {
        ...TEAMS,
        'objectives/co.md': goal('title: Grow\nperiod: 2026-Q3\nteam: acme\n'),
        'objectives/sales.md': goal('title: Sell more\nperiod: 2026-Q3\nteam: sales\nparent: co\n'),
        'objectives/emea.md': goal('title: Win EMEA\nperiod: 2026-Q3\nteam: emea\nparent: co\n'),
      },
      ['objectives/emea.md: parent: aligns to co of acme, past sales, which has objectives in 2026-Q3 Align to an objective of sales, so that the cascade reads level by level.'],
    ],
    [
      'the same cascade when the department has no objectives that period',
      { ...TEAMS, 'objectives/co.md': goal('title: Grow\nperiod: 2026-Q3\nteam: acme\n'), 'objectives/emea.md': goal('title: Win EMEA\nperiod: 2026-Q3\nteam: emea\nparent: co\n') },
      [],
    ],
    [
      'an aspirational objective graded 1.0 that no retrospective mentions',
      { 'objectives/moon.md': goal('title: Land on the moon\nperiod: 2026-Q3\nkind: aspirational\nscore: 1\n'), 'retrospectives/q3.md': '---\ntitle: Q3\nperiod: 2026-Q3\n---\nA fine quarter.\n' },
      ['objectives/moon.md: score: an aspirational objective graded 1.0, and no retrospective of 2026-Q3 mentions it Aspirational objectives succeed at 0.6 to 0.7: say in the retrospective why this one was reached in full, or make it committed next time.'],
    ],
    [
      'the same objective when the retrospective says why',
      { 'objectives/moon.md': goal('title: Land on the moon\nperiod: 2026-Q3\nkind: aspirational\nscore: 1\n'), 'retrospectives/q3.md': '---\ntitle: Q3\nperiod: 2026-Q3\n---\nWe did *land on the Moon*: the target was too low.\n' },
      [],
    ],
    [
      'every key result graded 1.0 counts as graded 1.0',
      { 'objectives/moon.md': goal('title: Land on the moon\nperiod: 2026-Q3\nkind: aspirational\n', TWO.replaceAll('}', ', score: 1}')) },
      ['objectives/moon.md: score: an aspirational objective graded 1.0, and no retrospective of 2026-Q3 mentions it Aspirational objectives succeed at 0.6 to 0.7: say in the retrospective why this one was reached in full, or make it committed next time.'],
    ],
    ['a committed objective graded 1.0', { 'objectives/moon.md': goal('title: Land on the moon\nperiod: 2026-Q3\nscore: 1\n') }, []],
    ['a draft that names a task', { 'objectives/a.md': goal('title: Migrate billing\nperiod: 2026-Q3\ndraft: true\n') }, []],
  ])('%s', (_, files, expected) => {
    expect(lintShape(files as Record<string, string>)).toEqual(expected);
  });

  test('okr check reports them with the date-dependent warnings', () => {
    const content = contentOf({ 'objectives/a.md': goal('title: Migrate billing to Stripe\nperiod: 2026-Q3\n') });
    expect(lintMethodology(content, '2026-08-01').map((problem) => problem.code)).toContain('task-title');
  });
});
