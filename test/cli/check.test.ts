import { describe, expect, test } from 'vitest';
import { copyFixture, okr } from './run-okr.ts';

const AS_OF = ['--as-of', '2026-08-20'];

describe('okr check', () => {
  test('exits 0 on clean content and prints the build report', async () => {
    const cwd = copyFixture('cli/authoring');
    const result = await okr(['check', ...AS_OF], { cwd });
    expect(result.stdout).toBe('0 errors, 0 warnings\n');
    expect(result.status).toBe(0);
  });

  test('exits 0 with warnings, 1 with --strict', async () => {
    const cwd = copyFixture('basic');
    const result = await okr(['check', ...AS_OF], { cwd });
    expect(result.stdout).toContain('warning content/objectives/2026-q3/secret.md: key_results: the only key result is a milestone');
    expect(result.status).toBe(0);
    expect((await okr(['check', '--strict', ...AS_OF], { cwd })).status).toBe(1);
  });

  test('lists every problem of a broken folder with file:line:column and exits 1', async () => {
    const cwd = copyFixture('cli/broken');
    const result = await okr(['check', ...AS_OF], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'error   content/kpis/broken.md:3:12: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'error   content/kpis/nps.md:3:10: cadence: must be one of weekly, monthly, quarterly, got "daily"',
      'error   content/objectives/2026-q3/bad.md: title: is required (expected a string)',
      'error   content/objectives/2026-q3/bad.md:2:8: titel: is not a known field (expected one of: title, period, team, owner, parent, contributors, kind, visibility, draft, score, status, continues, key_results) Did you mean "title"?',
      'error   content/objectives/2026-q3/bad.md:6:5: key_results[0].target: is required (or set type: milestone)',
      'error   content/objectives/2026-q3/bad.md:10:50: key_results[0].checkins[0].confidence: must be at most 1, got 70',
      '6 errors, 0 warnings',
    ]);
  });

  test('--json prints every problem with the same keys, and the counts', async () => {
    const cwd = copyFixture('cli/broken');
    const result = await okr(['check', '--json', ...AS_OF], { cwd });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { problems: Record<string, unknown>[]; errors: number; warnings: number };
    expect(report.errors).toBe(6);
    expect(report.warnings).toBe(0);
    for (const problem of report.problems) {
      expect(Object.keys(problem).sort()).toEqual(['code', 'column', 'field', 'file', 'hint', 'line', 'message', 'severity']);
    }
    expect(report.problems[3]).toEqual({
      file: 'content/objectives/2026-q3/bad.md',
      line: 2,
      column: 8,
      field: 'titel',
      severity: 'error',
      code: 'unknown-field',
      message: 'is not a known field (expected one of: title, period, team, owner, parent, contributors, kind, visibility, draft, score, status, continues, key_results)',
      hint: 'Did you mean "title"?',
    });
    expect(report.problems[2]).toMatchObject({ field: 'title', line: null, column: null, hint: null });
  });

  test('--format github prints workflow annotations', async () => {
    const cwd = copyFixture('cli/broken');
    const lines = (await okr(['check', '--format', 'github', ...AS_OF], { cwd })).stdout.trimEnd().split('\n');
    expect(lines[1]).toBe('::error file=content/kpis/nps.md,line=3,col=10,title=okr check (invalid-value)::cadence: must be one of weekly, monthly, quarterly, got "daily"');
    expect(lines[2]).toBe('::error file=content/objectives/2026-q3/bad.md,title=okr check (required)::title: is required (expected a string)');
    expect(lines.at(-1)).toBe('okr check: 6 errors, 0 warnings');
  });

  test('reports methodology lints that the build does not', async () => {
    const cwd = copyFixture('basic');
    const lines = (await okr(['check', '--as-of', '2026-10-20', '--json'], { cwd })).stdout;
    const codes = (JSON.parse(lines) as { problems: { code: string }[] }).problems.map((problem) => problem.code);
    expect(codes).toContain('all-milestones');
    expect(codes).toContain('stale-kpi');
    expect((await okr(['check', '--as-of', '2026-10-20', '--json', '--no-methodology'], { cwd })).stdout).not.toContain('stale-kpi');
  });

  test('honours PORTAL_CONTENT_DIR and --content', async () => {
    const cwd = copyFixture('cli/broken');
    expect((await okr(['check', ...AS_OF], { cwd, env: { PORTAL_CONTENT_DIR: 'elsewhere' } })).stdout).toMatch(/^error {3}elsewhere: content folder does not exist/);
    expect((await okr(['check', '--content', 'nowhere', ...AS_OF], { cwd, env: { PORTAL_CONTENT_DIR: 'content' } })).status).toBe(1);
  });

  test.each([
    ['an unknown option', ['check', '--jsn']],
    ['an unknown format', ['check', '--format', 'xml']],
    ['a bad as-of date', ['check', '--as-of', '2026-02-30']],
    ['an unknown command', ['chek']],
    ['no command', []],
  ])('exits 2 on %s', async (_, args) => {
    const cwd = copyFixture('basic');
    const result = await okr(args, { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).not.toBe('');
  });

  test('exits 0 for --help', async () => {
    const result = await okr(['--help'], { cwd: copyFixture('basic') });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Exit codes: 0 clean (warnings allowed), 1 content errors, 2 usage errors.');
  });
});
