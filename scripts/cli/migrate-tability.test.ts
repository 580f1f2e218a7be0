import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { parseTability } from './migrate-tability.ts';

const SAMPLE = readFileSync(join(import.meta.dirname, '../../test/fixtures/migrate/tability.json'), 'utf8');

function withExport(edit: (json: { plans: Record<string, unknown>[]; objectives: Record<string, unknown>[]; outcomes: Record<string, unknown>[]; checkins: Record<string, unknown>[] }) => void): string {
  const json = JSON.parse(SAMPLE);
  edit(json);
  return JSON.stringify(json, null, 2);
}

describe('parseTability', () => {
  test("reads outcomes as key results: from and to, the score format's unit, the owner, check-ins oldest first, each once", () => {
    const { rows, problems } = parseTability(SAMPLE, 'tability.json', { team: 'Support' });
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.objective, row.keyResult, row.start, row.target, row.unit, row.owner])).toEqual([
      ['Answer every customer within an hour', 'Reduce first response time from 90 to 60 min', 90, 60, undefined, 'Maria Lopez'],
      ['Answer every customer within an hour', 'Raise weekend coverage from 0 to 100%', 0, 100, '%', 'Ben Okafor'],
      ['Answer every customer within an hour', 'Publish the on-call rota', undefined, undefined, undefined, undefined],
    ]);
    expect(rows[0]).toMatchObject({ period: '2026-Q4', team: 'Support', origin: 'outcomes[0]', objectiveBody: 'Slow answers are the first reason customers give for leaving.' });
    expect(rows[0]!.checkins).toEqual([
      { date: '2026-09-28', value: 90, confidence: 0.9, note: 'Baseline, measured before the plan started.' },
      { date: '2026-10-09', value: 82, confidence: 0.9, note: 'Macros for the top ten questions.' },
      { date: '2026-10-16', value: 74, confidence: 0.5, note: 'Rota live on weekdays.' },
    ]);
    expect(rows[1]!.checkins).toEqual([{ date: '2026-10-16', value: 50, confidence: undefined, note: undefined }]);
    expect(rows[2]!.checkins).toBeUndefined();
  });

  test('--period replaces the plan dates, which must otherwise be one calendar quarter', () => {
    const halfYear = withExport((json) => void (json.plans[0]!.finish_at = '2027-03-31'));
    expect(parseTability(halfYear, 'tability.json', { team: 'Support', period: '2027-Q1' }).rows[0]?.period).toBe('2027-Q1');
    expect(parseTability(halfYear, 'tability.json', { team: 'Support' }).problems.map(formatProblem)).toEqual([
      'tability.json:10:20: plans[0].finish_at: plan "Support Q4 2026" does not run for one calendar quarter (2026-10-01 to 2027-03-31); give --period',
    ]);
  });

  test('names every bad field and dangling id by line and JSON path, and keeps no row', () => {
    const broken = withExport((json) => {
      json.outcomes[0]!.to = 'sixty';
      json.outcomes[1]!.objective_id = 'nope';
      json.checkins[0]!.created_at = 'last week';
      json.checkins[1]!.outcome_id = 'gone';
    });
    const { rows, problems } = parseTability(broken, 'tability.json', { team: 'Support' });
    expect(rows).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'tability.json:32:13: outcomes[0].to: must be a number, got "sixty"',
      'tability.json:85:21: checkins[0].created_at: must be a date or timestamp such as 2026-10-09T14:03:11Z, got "last week"',
    ]);
    const dangling = parseTability(withExport((json) => {
      json.outcomes[1]!.objective_id = 'nope';
      json.checkins[1]!.outcome_id = 'gone';
    }), 'tability.json', { team: 'Support' });
    expect(dangling.problems.map(formatProblem)).toEqual([
      'tability.json:89:21: checkins[1].outcome_id: "gone" is not the id of an outcome in outcomes',
      'tability.json:50:23: outcomes[1].objective_id: "nope" is not the id of an objective in objectives',
    ]);
  });

  test('a file that is not JSON is one problem', () => {
    expect(parseTability('{"plans": [', 'tability.json', { team: 'Support' }).problems.map(formatProblem)).toEqual([expect.stringMatching(/^tability\.json: JSON syntax: /)]);
  });
});
