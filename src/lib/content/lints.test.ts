import { describe, expect, test } from 'vitest';
import { contentSet } from '../../../test/support/content-files.ts';
import { lintContent, MAX_KEY_RESULTS, MAX_OBJECTIVES_PER_TEAM } from './lints.ts';
import { formatProblem } from './problems.ts';

const kr = (index: number): object => ({ id: `kr-${index}`, title: `Demos from 0 to ${10 + index}`, start: 0, target: 10 + index });
const objective = (extra: object = {}): object => ({ title: 'Objective', period: '2026-Q3', team: 'sales', key_results: [kr(1)], ...extra });

describe('lintContent', () => {
  test('is quiet for focused content', () => {
    expect(lintContent(contentSet({ 'objectives/a.md': objective() }))).toEqual([]);
  });

  test(`warns about more than ${MAX_KEY_RESULTS} key results`, () => {
    const keyResults = Array.from({ length: MAX_KEY_RESULTS + 1 }, (_, index) => kr(index));
    const warnings = lintContent(contentSet({ 'objectives/a.md': objective({ key_results: keyResults }), 'objectives/b.md': objective({ key_results: keyResults.slice(1) }) }));
    expect(warnings.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/objectives/a.md: key_results: has 6 key results; 5 or fewer keep an objective focused",
      ]
    `);
    expect(warnings.every((warning) => warning.severity === 'warning')).toBe(true);
  });

  test(`warns about more than ${MAX_OBJECTIVES_PER_TEAM} objectives of one team in one period, not counting drafts`, () => {
    const files = Object.fromEntries(Array.from({ length: MAX_OBJECTIVES_PER_TEAM + 1 }, (_, index) => [`objectives/2026-q3/o${index}.md`, objective()]));
    expect(lintContent(contentSet(files)).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/o5.md: team: team "sales" has 6 objectives in 2026-Q3; 5 or fewer keep a team focused",
      ]
    `);
    const withDraft = { ...files, 'objectives/2026-q3/o0.md': objective({ draft: true }) };
    expect(lintContent(contentSet(withDraft))).toEqual([]);
  });

  test('counts objectives per team and per period', () => {
    const files = Object.fromEntries(
      Array.from({ length: MAX_OBJECTIVES_PER_TEAM + 1 }, (_, index) => [`objectives/o${index}.md`, objective(index % 2 ? { period: '2026-Q4' } : { team: 'support' })]),
    );
    expect(lintContent(contentSet(files))).toEqual([]);
  });

  test.each([
    ['a title without a number', { id: 'vibe', title: 'Improve the vibe', start: 0, target: 1 }, 1],
    ['a title with a number', { id: 'nps', title: 'NPS above 40', start: 20, target: 40 }, 0],
    ['a milestone without a number', { id: 'launch', title: 'Launch the MVP', type: 'milestone' }, 0],
    ['a maintain without a number', { id: 'csat', title: 'Keep CSAT high', type: 'maintain', target: 9 }, 1],
  ])('%s gives %i warnings', (_, keyResult, count) => {
    expect(lintContent(contentSet({ 'objectives/a.md': objective({ key_results: [keyResult] }) }))).toHaveLength(count);
  });

  test('names the key result title that has no number', () => {
    const content = contentSet({ 'objectives/a.md': objective({ key_results: [kr(1), { id: 'vibe', title: 'Improve the vibe', start: 0, target: 1 }] }) });
    expect(lintContent(content).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/objectives/a.md: key_results[1].title: "Improve the vibe" has no number; say "from X to Y" so readers see the target",
      ]
    `);
  });

  test('warns about two KPI values on one date, in frontmatter or CSV', () => {
    const content = contentSet({
      'kpis/nps.md': { title: 'NPS', data: [{ date: '2026-01-01', value: 1 }, { date: '2026-02-01', value: 2 }, { date: '2026-01-01', value: 3 }] },
      'kpis/csat.md': { title: 'CSAT' },
      'kpis/csat.csv': 'date,value\n2026-03-01,9\n2026-03-01,9.1\n',
    });
    expect(lintContent(content).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/kpis/csat.md: data: has two values for 2026-03-01; the later one is used",
        "content/kpis/nps.md: data: has two values for 2026-01-01; the later one is used",
      ]
    `);
  });
});
