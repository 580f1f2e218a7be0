import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { copyFixture, insertedLines, okr, ROOT, snapshotFiles } from './run-okr.ts';

const AS_OF = ['--as-of', '2026-08-20'];
const GOOD = [
  'objective,key_result,kpi,date,value,confidence,note',
  '2026-q3/support/efficiency,tickets,,2026-08-18,0.9,0.8,',
  '2026-q3/support/efficiency,resolution,,2026-08-18,4.1,,"Rota, week 2"',
  ',,support/csat,2026-08-01,9.2,,',
  ',,support/nps,2026-08-01,36,,',
].join('\n');

describe('okr import', () => {
  test('dry run by default: a summary and no change', async () => {
    const cwd = copyFixture('cli/authoring');
    writeFileSync(join(cwd, 'rows.csv'), GOOD);
    const before = snapshotFiles(cwd);
    const result = await okr(['import', 'rows.csv', ...AS_OF], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'dry run: would import 2 check-ins and 2 KPI values into 3 files:\n' +
        '  content/objectives/2026-q3/support/efficiency.md: tickets +1, resolution +1\n' +
        '  content/kpis/support/csat.md: support/csat +1\n' +
        '  content/kpis/support/nps.csv: support/nps +1\n' +
        '\nNothing was written; run again with --write to apply.\n',
    );
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('--write applies every row, keeping the files\' formatting', async () => {
    const cwd = copyFixture('cli/authoring');
    writeFileSync(join(cwd, 'rows.csv'), GOOD);
    const file = join(cwd, 'content/objectives/2026-q3/support/efficiency.md');
    const before = readFileSync(file, 'utf8');
    expect((await okr(['import', 'rows.csv', '--write', ...AS_OF], { cwd })).status).toBe(0);
    expect(insertedLines(before, readFileSync(file, 'utf8'))).toEqual([
      '      - {date: 2026-08-18, value: 0.9, confidence: 0.8}',
      '      - date: 2026-08-18',
      '        value: 4.1',
      '        note: Rota, week 2',
    ]);
    expect(readFileSync(join(cwd, 'content/kpis/support/nps.csv'), 'utf8').endsWith('2026-07-01,34,"Survey, v2"\r\n2026-08-01,36,\r\n')).toBe(true);
    expect((await okr(['check', ...AS_OF], { cwd })).status).toBe(0);
  });

  test('one bad row: every bad row reported with its line, nothing applied, exit 1', async () => {
    const cwd = copyFixture('cli/authoring');
    writeFileSync(join(cwd, 'rows.csv'), `${GOOD}\n2026-q3/support/efficiency,tickets,,2026-08-19,lots,,\n,,support/csat,2026-07-01,9,,\n`);
    const before = snapshotFiles(cwd);
    const result = await okr(['import', 'rows.csv', '--write', ...AS_OF], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'error   rows.csv:6:1: value: must be a number such as 4.2, got "lots"\n' +
        'error   rows.csv:7:1: date: support/csat already has a value for 2026-07-01\n' +
        '2 errors, 0 warnings\nNothing was imported: fix the rows above and run okr import again.\n',
    );
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('a note for a KPI whose CSV has no note column is a row problem, not a crash', async () => {
    const cwd = copyFixture('cli/authoring');
    writeFileSync(join(cwd, 'content/kpis/support/nps.csv'), 'date,value\n2026-06-01,31\n');
    writeFileSync(join(cwd, 'rows.csv'), 'kpi,date,value,note\nsupport/nps,2026-08-01,36,Survey v3\nsupport/nps,2026-09-01,37,\n');
    const before = snapshotFiles(cwd);
    const result = await okr(['import', 'rows.csv', '--write', ...AS_OF], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'error   rows.csv:2:1: note: support/nps keeps its values in content/kpis/support/nps.csv, which has no note column (add ",note" to its header line, or leave the note empty)\n' +
        '1 error, 0 warnings\nNothing was imported: fix the rows above and run okr import again.\n',
    );
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('a missing file is a usage error', async () => {
    expect((await okr(['import', 'nope.csv', ...AS_OF], { cwd: copyFixture('cli/authoring') })).status).toBe(2);
  });
});

describe('okr status', () => {
  test('prints objectives with bars, scores, grades and statuses, then KPIs, without colour when not a terminal', async () => {
    const cwd = copyFixture('cli/authoring');
    const result = await okr(['status', ...AS_OF], { cwd, env: { NO_COLOR: '' } });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout.split('\n').slice(0, 6)).toEqual([
      'Authoring OKRs · Q3 2026 (open, 54% elapsed) · as of 2026-08-20',
      '1 objective · mean score 0.38 · 1 at-risk',
      '',
      'Support',
      '  ████████░░░░░░░░░░░░  38%  0.38  red    at-risk   Make support effortless, forecast 49%  2026-q3/support/efficiency',
      '      █████░░░░░  50%  Tickets per customer from 1.5 to 0.5 (now 1 ticket, target 0.5 tickets, confidence 0.7, forecast 97%)  tickets',
    ]);
    expect(result.stdout).toContain('KPIs\n  healthy  Customer satisfaction: 9.1 pts on 2026-07-01 (target 9 pts, threshold 8 pts)  support/csat\n');
    expect(result.stdout).toContain('  warning  Net promoter score: 34 on 2026-07-01 (target 40, threshold 20)  support/nps\n');
  });

  test('colours with FORCE_COLOR, never with NO_COLOR', async () => {
    const cwd = copyFixture('cli/authoring');
    expect((await okr(['status', ...AS_OF], { cwd, env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await okr(['status', ...AS_OF], { cwd, env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  test('filters by period and team, and prints JSON in the export format', async () => {
    const cwd = copyFixture('basic');
    const result = await okr(['status', '--period', '2026-q3', '--team', 'support', '--json', ...AS_OF], { cwd });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { period: string; objectives: { id: string; progress: number }[]; kpis: { id: string }[] };
    expect(report.period).toBe('2026-Q3');
    expect(report.objectives.map((objective) => objective.id)).toEqual(['2026-q3/onboarding', '2026-q3/support-efficiency']);
    expect(report.kpis.map((kpi) => kpi.id)).toEqual(['support/csat']);
    expect((await okr(['status', '--team', 'suport', ...AS_OF], { cwd })).stderr).toContain('Did you mean "support"?');
  });
});

describe('the okr bin', () => {
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => spawnSync(path, ['--version']).status === 0);
  test.skipIf(!systemNode)('runs under the system Node through scripts/okr.mjs', () => {
    const cwd = copyFixture('cli/broken');
    const result = spawnSync(systemNode!, [join(ROOT, 'scripts/okr.mjs'), 'check', '--as-of', '2026-08-20'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('6 errors, 0 warnings');
  });
});
