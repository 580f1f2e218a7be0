import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { parseSheet, parseSheetPeriod } from './migrate-sheet.ts';

function problemsOf(csv: string, period?: string): string[] {
  return parseSheet(csv, 'okrs.csv', { period }).problems.map(formatProblem);
}

describe('parseSheetPeriod', () => {
  test.each([
    ['2026-Q4', '2026-Q4'],
    ['2026 q4', '2026-Q4'],
    ['Q4 2026', '2026-Q4'],
    ['q1/2027', '2027-Q1'],
    ['Q5 2026', undefined],
    ['FY26', undefined],
  ])('%s is %s', (text, period) => {
    expect(parseSheetPeriod(text)).toBe(period);
  });
});

describe('parseSheet', () => {
  test("reads BurningOKR's export columns, case-insensitively", () => {
    const csv = 'TEAM,Objective,Progress,Corporate Objective,Key Result,Description,Start,End,Actual,Unit\nSupport,Answer faster,40,Delight customers,Response time from 90 to 60,,90,60,74,min\n';
    expect(parseSheet(csv, 'okrs.csv', { period: '2026-Q4' })).toEqual({
      rows: [{ origin: 'line 2', team: 'Support', period: '2026-Q4', objective: 'Answer faster', parent: 'Delight customers', keyResult: 'Response time from 90 to 60', start: 90, target: 60, current: 74, unit: 'min', owner: undefined }],
      problems: [],
    });
  });

  test("reads Peoplebox's import columns, the first owner and the goal cycle", () => {
    const csv = 'Goal Title,Owner Emails,Goal Cycle,Key Result,Starting Value,Target Value,Current Value,Parent Row IDs,Team\nGrow,"a@x.example, b@x.example",Q1 2027,Revenue from 1 to 2,1,2,1.5,,Sales\n';
    const [row] = parseSheet(csv, 'okrs.csv', {}).rows;
    expect(row).toMatchObject({ period: '2027-Q1', owner: 'a@x.example', start: 1, target: 2, current: 1.5 });
  });

  test('a row without start and target is a milestone row', () => {
    const [row] = parseSheet('Team,Objective,Key Result\nSupport,Answer faster,Publish the rota\n', 'okrs.csv', { period: '2026-Q4' }).rows;
    expect(row).toMatchObject({ keyResult: 'Publish the rota', start: undefined, target: undefined });
  });

  test('names every bad cell by line and column, and keeps no bad row', () => {
    const csv = [
      'Team,Objective,Key Result,Start,Target,Actual,Quarter',
      'Support,Answer faster,First response from 90 to 60,90,sixty,74,2026-Q4',
      ',Answer faster,Weekend coverage,0,2,1,2026-Q4',
      'Support,Answer faster,Publish the rota,5,,,Q5 2026',
      'Support,Answer faster,Hire two agents,0,2,1,',
    ].join('\n');
    const { rows, problems } = parseSheet(csv, 'okrs.csv', {});
    expect(rows).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'okrs.csv:2:5: Target: must be a number such as 4.2, got "sixty"',
      'okrs.csv:3:1: Team: is empty',
      'okrs.csv:4:7: Quarter: must be a quarter such as 2026-Q4 or Q4 2026, got "Q5 2026"',
      'okrs.csv:4:5: Target: is empty while Start is set; give both, or neither for a milestone',
      'okrs.csv:5:7: Quarter: is empty (or give --period)',
    ]);
  });

  test('refuses unknown and repeated columns, and a missing required column', () => {
    expect(problemsOf('Team,Objectiv,Key Result\n', '2026-Q4')).toEqual([
      'okrs.csv:1:2: Objectiv: is not a column okr migrate knows (see docs/cli.md, okr migrate; --map names other columns) Did you mean "objective"?',
      'okrs.csv:1:1: header: has no objective column',
    ]);
    expect(problemsOf('Team,Objective,Goal,Key Result\n', '2026-Q4')).toEqual(['okrs.csv:1:3: Goal: means objective, like column 2; keep one of them']);
    expect(problemsOf('Team,Objective,Key Result\n')).toEqual(['okrs.csv:1:1: header: has no period column (or give --period)']);
  });

  test('reports CSV syntax errors as one line', () => {
    expect(problemsOf('Team,Objective,Key Result\n"Support,x,y\n', '2026-Q4')).toHaveLength(1);
  });
});
