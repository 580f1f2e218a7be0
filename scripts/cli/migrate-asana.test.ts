import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { parseAsana } from './migrate-asana.ts';

const SAMPLE = readFileSync(join(import.meta.dirname, '../../test/fixtures/migrate/asana.json'), 'utf8');

function withGoals(edit: (goals: Record<string, unknown>[]) => void): string {
  const json = JSON.parse(SAMPLE);
  edit(json.data);
  return JSON.stringify(json, null, 2);
}

describe('parseAsana', () => {
  test('leaf sub-goals are key results of their parent (by parent_goals or goal_relationships); other goals are objectives', () => {
    const { rows, problems } = parseAsana(SAMPLE, 'asana.json', { team: 'Company' });
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.origin, row.team, row.objective, row.parent, row.keyResult])).toEqual([
      ['data[4]', 'Company', 'Grow recurring revenue', undefined, 'ARR from 10 to 14 M€'],
      ['data[2]', 'Customer Success', 'Keep the customers we have', 'Grow recurring revenue', 'Monthly churn from 3% to 1.5%'],
      ['data[3]', 'Customer Success', 'Keep the customers we have', 'Grow recurring revenue', 'Run a quarterly business review with every top account'],
    ]);
  });

  test("a metric's initial, target and current values are start, target and current; percentages from fractions, currencies by code", () => {
    const { rows } = parseAsana(SAMPLE, 'asana.json', { team: 'Company' });
    expect(rows[0]).toMatchObject({ start: 10, target: 14, current: 11.5, unit: 'EUR', owner: 'Grace Kim', period: '2026-Q4', objectiveBody: 'Revenue that renews is what funds the roadmap.' });
    expect(rows[1]).toMatchObject({ start: 3, target: 1.5, current: 2.2, unit: '%', owner: 'Maria Lopez' });
    expect(rows[2]).toMatchObject({ done: true, owner: 'Ben Okafor' });
    expect(rows[2]).not.toHaveProperty('target');
  });

  test('a goal without a metric or key-result sub-goals is an objective with one milestone; dropped goals are cancelled', () => {
    const text = withGoals((goals) => {
      goals.splice(2);
      goals[1]!.status = 'dropped';
    });
    const { rows } = parseAsana(text, 'asana.json', { team: 'Company' });
    expect(rows.map((row) => [row.objective, row.keyResult, row.done, row.objectiveStatus])).toEqual([
      ['Grow recurring revenue', 'Grow recurring revenue', false, undefined],
      ['Keep the customers we have', 'Keep the customers we have', false, 'cancelled'],
    ]);
  });

  test('names a workspace goal without --team, a time period of more than a quarter and a bad metric by line and JSON path', () => {
    const text = withGoals((goals) => {
      (goals[1]!.time_period as Record<string, unknown>).end_on = '2027-03-31';
      (goals[2]!.metric as Record<string, unknown>).target_number_value = '1.5%';
    });
    const { rows, problems } = parseAsana(text, 'asana.json', {});
    expect(rows).toEqual([]);
    expect(problems.map(formatProblem)).toEqual(['asana.json:95:32: data[2].metric.target_number_value: must be a number, got "1.5%"']);
    const periods = parseAsana(withGoals((goals) => void ((goals[1]!.time_period as Record<string, unknown>).end_on = '2027-03-31')), 'asana.json', {});
    expect(periods.problems.map(formatProblem)).toEqual([
      'asana.json:15:15: data[0].team: is not set (a workspace goal); give --team for goals without a team',
      'asana.json:46:22: data[1].time_period: time period "Q4 FY26" (2026-10-01 to 2027-03-31) is not one calendar quarter; give --period',
    ]);
  });
});
