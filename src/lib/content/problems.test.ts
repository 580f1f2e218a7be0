import { describe, expect, test } from 'vitest';
import { formatFieldPath, formatProblem, formatReport, plural, quoteValue, sortProblems, type ContentProblem } from './problems.ts';

const problem = (changes: Partial<ContentProblem>): ContentProblem => ({ file: 'content/a.md', field: 'title', message: 'is required', severity: 'error', code: 'x', ...changes });

describe('formatProblem', () => {
  test.each([
    [problem({}), 'content/a.md: title: is required'],
    [problem({ line: 4, column: 3 }), 'content/a.md:4:3: title: is required'],
    [problem({ line: 4 }), 'content/a.md:4:1: title: is required'],
    [problem({ field: '' }), 'content/a.md: is required'],
    [problem({ field: 'kpi', message: '"x" is not a KPI', hint: 'Did you mean "y"?' }), 'content/a.md: kpi: "x" is not a KPI Did you mean "y"?'],
  ])('%j -> %s', (input, line) => {
    expect(formatProblem(input)).toBe(line);
  });
});

describe('sortProblems and formatReport', () => {
  const problems = [
    problem({ file: 'content/b.md', severity: 'warning', message: 'w' }),
    problem({ file: 'content/b.md', line: 3, field: 'team' }),
    problem({ file: 'content/b.md', line: 2, field: 'title' }),
    problem({ file: 'content/a.md', field: 'period' }),
  ];

  test('sorts by file, line and field, errors apart from warnings', () => {
    const { errors, warnings } = sortProblems(problems);
    expect(errors.map((entry) => `${entry.file}:${entry.line ?? ''}:${entry.field}`)).toEqual(['content/a.md::period', 'content/b.md:2:title', 'content/b.md:3:team']);
    expect(warnings).toHaveLength(1);
  });

  test('prints errors, then warnings, then the counts', () => {
    expect(formatReport(problems)).toMatchInlineSnapshot(`
      "error   content/a.md: period: is required
      error   content/b.md:2:1: title: is required
      error   content/b.md:3:1: team: is required
      warning content/b.md: title: w
      3 errors, 1 warning"
    `);
  });

  test('prints only the counts without problems', () => {
    expect(formatReport([])).toBe('0 errors, 0 warnings');
  });
});

describe('plural', () => {
  test.each([
    [0, '0 errors'],
    [1, '1 error'],
    [2, '2 errors'],
  ])('%i -> %s', (count, text) => {
    expect(plural(count, 'error')).toBe(text);
  });
});

describe('formatFieldPath', () => {
  test.each<[PropertyKey[], string]>([
    [[], ''],
    [['title'], 'title'],
    [['key_results', 1, 'target'], 'key_results[1].target'],
    [['key_results', 0, 'checkins', 2, 'date'], 'key_results[0].checkins[2].date'],
    [['grading', 'red_below'], 'grading.red_below'],
    [['contributors', 1], 'contributors[1]'],
  ])('%j -> %s', (path, text) => {
    expect(formatFieldPath(path)).toBe(text);
  });
});

describe('quoteValue', () => {
  test.each([
    ['grow-actvation', '"grow-actvation"'],
    ['a'.repeat(61), `"${'a'.repeat(57)}..."`],
    ['a'.repeat(60), `"${'a'.repeat(60)}"`],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ['\u001b[31mred\r\n::error::x', '"\\u{1b}[31mred\\r\\n::error::x"'],
    ['bidi \u202e and zero\u200bwidth, NEL \u0085, LS \u2028', '"bidi \\u{202e} and zero\\u{200b}width, NEL \\u{85}, LS \\u{2028}"'],
    ['lone \ud800 surrogate', '"lone \\u{d800} surrogate"'],
    [`${'🎯'.repeat(70)}`, `"${'🎯'.repeat(57)}..."`],
    [42, '"42"'],
  ])('quotes %j as %s', (value, quoted) => {
    expect(quoteValue(value)).toBe(quoted);
  });
});

describe('formatProblem', () => {
  test('escapes unprintable characters in file names and messages, so a report line stays one line', () => {
    expect(formatProblem({ file: 'content/a\nerror   b.md', field: 'x', message: 'bad\u001b[2J', severity: 'error', code: 'x' })).toBe('content/a\\nerror   b.md: x: bad\\u{1b}[2J');
  });
});
