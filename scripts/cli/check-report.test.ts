import { describe, expect, test } from 'vitest';
import type { ContentProblem } from '../../src/lib/content/problems.ts';
import { formatGithubAnnotations, toJsonReport } from './check-report.ts';
import { progressBar } from './status-report.ts';
import { wantsColour } from './terminal.ts';

const ERROR: ContentProblem = { file: 'content/a, b.md', line: 4, column: 3, field: 'note', severity: 'error', code: 'invalid', message: '50% done\nreally', hint: 'Fix: it.' };
const WARNING: ContentProblem = { file: 'content/c.md', field: '', severity: 'warning', code: 'missing-retrospective', message: 'no retrospective' };

describe('formatGithubAnnotations', () => {
  test('escapes data and properties as workflow commands require', () => {
    expect(formatGithubAnnotations([WARNING, ERROR])).toBe(
      '::error file=content/a%2C b.md,line=4,col=3,title=okr check (invalid)::note: 50%25 done%0Areally Fix: it.\n' +
        '::warning file=content/c.md,title=okr check (missing-retrospective)::no retrospective\n' +
        'okr check: 1 error, 1 warning\n',
    );
  });
});

describe('toJsonReport', () => {
  test('gives every problem every key, errors first', () => {
    expect(toJsonReport([WARNING, ERROR])).toEqual({
      problems: [
        { file: 'content/a, b.md', line: 4, column: 3, field: 'note', severity: 'error', code: 'invalid', message: '50% done\nreally', hint: 'Fix: it.' },
        { file: 'content/c.md', line: null, column: null, field: '', severity: 'warning', code: 'missing-retrospective', message: 'no retrospective', hint: null },
      ],
      errors: 1,
      warnings: 1,
    });
  });
});

describe('progressBar', () => {
  test.each([
    [0, 4, '░░░░'],
    [0.5, 4, '██░░'],
    [1.2, 4, '████'],
    [0.38, 20, '████████░░░░░░░░░░░░'],
  ])('%f over %i cells', (share, width, expected) => {
    expect(progressBar(share, width)).toBe(expected);
  });
});

describe('wantsColour', () => {
  test.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '0' }, false],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ])('a terminal: %s, env %o -> %s', (isTTY, env, expected) => {
    expect(wantsColour({ isTTY }, env)).toBe(expected);
  });
});
