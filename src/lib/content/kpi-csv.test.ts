import { describe, expect, test } from 'vitest';
import { parseKpiCsv } from './kpi-csv.ts';
import { formatProblem } from './problems.ts';

const FILE = 'content/kpis/nps.csv';

function problemsOf(text: string): string[] {
  return parseKpiCsv(text, FILE).problems.map(formatProblem);
}

describe('parseKpiCsv', () => {
  test.each([
    ['date,value', 'date,value\n2026-01-01,40\n'],
    ['date,value,note', 'date,value,note\n2026-01-01,40,\n'],
    ['capitalized', 'Date,Value\n2026-01-01,40\n'],
    ['spaces around names', ' date , value \n2026-01-01,40\n'],
    ['a byte order mark', '\uFEFFdate,value\n2026-01-01,40\n'],
    ['CRLF line ends', 'date,value\r\n2026-01-01,40\r\n'],
    ['no final line break', 'date,value\n2026-01-01,40'],
  ])('reads a header with %s', (_, text) => {
    expect(parseKpiCsv(text, FILE)).toEqual({ points: [{ date: '2026-01-01', value: 40 }], problems: [] });
  });

  test.each([
    ['value,date'],
    ['date'],
    ['date,value,comment'],
    ['date,value,note,extra'],
    ['2026-01-01,39'],
  ])('rejects the header %j', (header) => {
    expect(problemsOf(`${header}\n2026-01-01,40\n`)).toEqual([`${FILE}:1:1: header: must be "date,value" or "date,value,note", got "${header}"`]);
  });

  test('rejects an empty file', () => {
    expect(problemsOf('')).toEqual([`${FILE}:1:1: header: must be "date,value" or "date,value,note", got ""`]);
  });

  test('reads numbers: negative, decimal, exponent', () => {
    expect(parseKpiCsv('date,value\n2026-01-01,-3\n2026-01-02,.5\n2026-01-03,1e3\n2026-01-04,+2.50\n', FILE).points.map((point) => point.value)).toEqual([-3, 0.5, 1000, 2.5]);
  });

  test('keeps quoted notes with commas and quotes', () => {
    expect(parseKpiCsv('date,value,note\n2026-01-01,40,"Launch, then ""hype"""\n', FILE).points).toEqual([{ date: '2026-01-01', value: 40, note: 'Launch, then "hype"' }]);
  });

  test('leaves out an empty note', () => {
    expect(parseKpiCsv('date,value,note\n2026-01-01,40,\n2026-02-01,41\n2026-03-01,42,  \n', FILE).points).toEqual([
      { date: '2026-01-01', value: 40 },
      { date: '2026-02-01', value: 41 },
      { date: '2026-03-01', value: 42 },
    ]);
  });

  test('skips blank lines but counts them for line numbers', () => {
    const { points, problems } = parseKpiCsv('date,value\n\n2026-01-01,40\n\n2026-02-30,41\n', FILE);
    expect(points).toEqual([{ date: '2026-01-01', value: 40 }]);
    expect(problems.map(formatProblem)).toEqual([`${FILE}:5:1: date: must be a real date written YYYY-MM-DD, got "2026-02-30"`]);
  });

  test('reports every bad row with its line, and keeps the good ones', () => {
    const text = ['date,value,note', '2026-01-01,40', '01/02/2026,41', '2026-03-01,4O', '2026-04-01,', '2026-05-01,1 000', '2026-06-01,42,a,b', '2026-07-01,Infinity', '2026-08-01,43'].join('\n');
    const { points, problems } = parseKpiCsv(text, FILE);
    expect(points.map((point) => point.date)).toEqual(['2026-01-01', '2026-08-01']);
    expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/kpis/nps.csv:3:1: date: must be a real date written YYYY-MM-DD, got "01/02/2026"",
        "content/kpis/nps.csv:4:1: value: must be a number, got "4O"",
        "content/kpis/nps.csv:5:1: value: must be a number, got """,
        "content/kpis/nps.csv:6:1: value: must be a number, got "1 000"",
        "content/kpis/nps.csv:7:1: row: has 4 columns, the header has 3",
        "content/kpis/nps.csv:8:1: value: must be a number, got "Infinity"",
      ]
    `);
  });

  test('reports a CSV syntax error', () => {
    expect(problemsOf('date,value,note\n2026-01-01,40,"unclosed\n')).toMatchInlineSnapshot(`
      [
        "content/kpis/nps.csv: CSV syntax: Quote Not Closed: the parsing is finished with an opening quote at line 2",
      ]
    `);
  });
});
