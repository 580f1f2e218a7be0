import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { parseOkr2go } from './migrate-okr2go.ts';

const SAMPLE = readFileSync(join(import.meta.dirname, '../../test/fixtures/migrate/okr2go.md'), 'utf8');
const OPTIONS = { team: 'Web', period: '2026-Q4' };

function problemsOf(markdown: string): string[] {
  return parseOkr2go(markdown, 'okrs.md', OPTIONS).problems.map(formatProblem);
}

describe('parseOkr2go', () => {
  test('each level-1 heading is an objective, its paragraphs the body, its table rows key results from 0 to the target', () => {
    const { rows, problems } = parseOkr2go(SAMPLE, 'okrs.md', OPTIONS);
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.origin, row.objective, row.keyResult, row.start, row.target, row.current, row.owner, row.note])).toEqual([
      ['line 7', 'Become an awesome open source team', 'Create open source projects on GitHub', 0, 50, 37, 'oxisto', undefined],
      ['line 8', 'Become an awesome open source team', 'Learn programming languages', 0, 5, 4, 'oxisto', 'Java, go, C++, Rust'],
      ['line 9', 'Become an awesome open source team', 'Learn Svelte', 0, 10, 4, undefined, undefined],
      ['line 15', 'Grow the community', 'Reach 1000 stars', 0, 1000, 420, 'ada', 'Blog post in October'],
    ]);
    expect(rows[0]).toMatchObject({ team: 'Web', period: '2026-Q4', objectiveBody: 'Someday, we want to be an awesome open source team. It would be really awesome.' });
    expect(rows[3]!.objectiveBody).toBeUndefined();
  });

  test('reads the table by its headers, in any order and case, and the text inside emphasis and code', () => {
    const { rows } = parseOkr2go('# Ship *faster*\n\n| Target | KEY RESULT | Current |\n|---|---|---|\n| 20 | Deploys per `week` | 9 |\n', 'okrs.md', OPTIONS);
    expect(rows).toMatchObject([{ objective: 'Ship faster', keyResult: 'Deploys per week', start: 0, target: 20, current: 9 }]);
  });

  test('names every bad cell and table by line and column, and keeps no row', () => {
    const markdown = [
      'Notes before the first objective are not okr2go\'s.',
      '',
      '# Grow',
      '',
      '| | Key result | current | target |',
      '|-|-|-|-|',
      '| KR-1 | Users | many | 10 |',
      '| KR-2 |  | 1 | 2 |',
      '| KR-3 | Stars | 1 |  |',
      '',
      '# Hire',
      '',
      'No table here.',
      '',
      '# Sell',
      '',
      '| | Deal | current |',
      '|-|-|-|',
      '| KR-1 | One | 1 |',
    ].join('\n');
    expect(problemsOf(markdown)).toEqual([
      'okrs.md:7:16: current: must be a number such as 4.2, got "many"',
      'okrs.md:8:1: Key result: is empty',
      'okrs.md:9:1: target: is empty for key result "Stars"; okr2go key results count from 0 to a target',
      'okrs.md:11:1: Hire: has no key result table under it (columns Key result, current, target)',
      "okrs.md:17:1: table: has no key result or target column (okr2go's columns: ID, Key result, current, target, contributors, comments)",
    ]);
    expect(problemsOf('Just notes.\n')).toEqual(['okrs.md: has no objective (okr2go writes each as a level-1 heading, "# Objective", with a table of key results under it)']);
  });
});
