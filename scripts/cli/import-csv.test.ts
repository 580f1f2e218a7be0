import { describe, expect, test } from 'vitest';
import { parseImportCsv, parseNumberText, resolveImportRows } from './import-csv.ts';
import { loadContentSet } from '../../src/lib/content/load-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';

describe('parseNumberText', () => {
  test.each([
    ['4.2', 4.2],
    [' -1 ', -1],
    ['1e3', 1000],
    ['.5', 0.5],
    ['', undefined],
    ['0x10', undefined],
    ['1,5', undefined],
    ['70%', undefined],
    ['Infinity', undefined],
    ['1e999', undefined],
  ])('reads "%s" as %s', (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });
});

describe('parseImportCsv', () => {
  test('reads check-ins and KPI values, with their line numbers', () => {
    const csv = 'objective,key_result,kpi,date,value,confidence,note\n2026-q3/a,deals,,2026-08-01,3,0.7,"Two, signed"\n\n,,nps,2026-08-01,41,,\n';
    expect(parseImportCsv(csv, 'in.csv')).toEqual({
      rows: [
        { kind: 'checkin', line: 2, objective: '2026-q3/a', keyResult: 'deals', checkin: { date: '2026-08-01', value: 3, confidence: 0.7, note: 'Two, signed' } },
        { kind: 'kpi', line: 4, kpi: 'nps', point: { date: '2026-08-01', value: 41 } },
      ],
      problems: [],
    });
  });

  test('reports every bad row with its line', () => {
    const csv = [
      'Objective,Key_Result,Date,Value,Confidence,Note',
      'a,deals,2026-08-01,3,,',
      'a,deals,2026-02-30,3,,',
      'a,deals,2026-08-01,three,,',
      'a,deals,2026-08-01,3,70%,',
      'a,,2026-08-01,3,1.5,',
      ',deals,2026-08-01,3,,',
      'a,deals,2026-08-01,3,,,extra',
    ].join('\n');
    expect(parseImportCsv(csv, 'in.csv').problems.map(formatProblem)).toEqual([
      'in.csv:3:1: date: must be a real date written YYYY-MM-DD, got "2026-02-30"',
      'in.csv:4:1: value: must be a number such as 4.2, got "three"',
      'in.csv:5:1: confidence: must be a number from 0 to 1, got "70%" Write a share: 0.7 for 70%.',
      'in.csv:6:1: key_result: is empty (the id of a key result of the objective)',
      'in.csv:6:1: confidence: must be a number from 0 to 1, got "1.5"',
      'in.csv:7:1: objective: is empty (fill objective and key_result for a check-in, or kpi for a KPI value)',
      'in.csv:8:1: row: has 7 columns, the header has 6',
    ]);
  });

  test.each([
    ['an unknown column', 'kpi,date,value,comment\n', ['in.csv:1:1: header: "comment" is not an import column (expected objective, key_result, kpi, date, value, confidence, note)']],
    ['a misspelt column', 'kpi,date,vlaue\n', ['in.csv:1:1: header: "vlaue" is not an import column (expected objective, key_result, kpi, date, value, confidence, note) Did you mean "value"?', 'in.csv:1:1: header: must name the columns objective,key_result,date,value (check-ins) or kpi,date,value (KPI values), got "kpi,date,vlaue"']],
    ['a confidence for a KPI value', 'kpi,date,value,confidence\nnps,2026-08-01,4,0.5\n', ['in.csv:2:1: confidence: is only for check-ins; leave it empty for KPI values']],
  ])('rejects %s', (_, csv, expected) => {
    expect(parseImportCsv(csv, 'in.csv').problems.map(formatProblem)).toEqual(expected);
  });
});

describe('resolveImportRows', () => {
  const { content } = loadContentSet([
    { path: 'objectives/2026-q3/a.md', displayPath: 'objectives/2026-q3/a.md', text: '---\ntitle: A\nperiod: 2026-Q3\nteam: x\nkey_results:\n  - {id: deals, title: Deals from 1 to 9, start: 1, target: 9}\n---\n' },
    { path: 'kpis/nps.md', displayPath: 'kpis/nps.md', text: '---\ntitle: NPS\ndata: [{date: 2026-08-01, value: 40}]\n---\n' },
  ]);

  test('accepts rows that apply and names every row that does not', () => {
    const csv = [
      'objective,key_result,kpi,date,value',
      '2026-q3/a,deals,,2026-08-01,3',
      '2026-q3/b,deals,,2026-08-01,3',
      '2026-q3/a,deal,,2026-08-01,3',
      '2026-q3/a,deals,,2026-06-30,3',
      ',,nps,2026-09-01,41',
      ',,nps,2026-09-01,42',
      ',,nps,2026-08-01,42',
      ',,npss,2026-08-01,42',
    ].join('\n');
    const { rows, problems } = parseImportCsv(csv, 'in.csv');
    expect(problems).toEqual([]);
    expect(resolveImportRows(rows, content, 'in.csv').map(formatProblem)).toEqual([
      'in.csv:3:1: objective: "2026-q3/b" is not an objective Did you mean "2026-q3/a"?',
      'in.csv:4:1: key_result: "deal" is not a key result of 2026-q3/a (it has deals) Did you mean "deals"?',
      'in.csv:5:1: date: 2026-06-30 is before period 2026-Q3 starts (2026-07-01)',
      'in.csv:7:1: date: nps already has a value for 2026-09-01',
      'in.csv:8:1: date: nps already has a value for 2026-08-01',
      'in.csv:9:1: kpi: "npss" is not a KPI Did you mean "nps"?',
    ]);
  });

  test('a note for a KPI whose sidecar has no note column is a problem of that row', () => {
    const { rows } = parseImportCsv('kpi,date,value,note\nnps,2026-09-01,41,Survey v2\nnps,2026-10-01,42,\n', 'in.csv');
    const noNoteColumn = new Map([['nps', 'content/kpis/nps.csv']]);
    expect(resolveImportRows(rows, content, 'in.csv', noNoteColumn).map(formatProblem)).toEqual([
      'in.csv:2:1: note: nps keeps its values in content/kpis/nps.csv, which has no note column (add ",note" to its header line, or leave the note empty)',
    ]);
    expect(resolveImportRows(rows, content, 'in.csv')).toEqual([]);
  });
});
