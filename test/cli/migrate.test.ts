import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyFixture, insertedLines, okr, ROOT, snapshotFiles } from './run-okr.ts';

const FIXTURES = join(ROOT, 'test/fixtures/migrate');
const AS_OF = ['--as-of', '2026-11-23'];

describe('okr migrate', () => {
  test('dry run prints the files it would write and writes nothing', async () => {
    const cwd = copyFixture('basic');
    const before = snapshotFiles(cwd);
    const result = await okr(['migrate', join(FIXTURES, 'burningokr.csv'), '--period', '2026-Q4', ...AS_OF], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('dry run: would write 4 new files from 4 rows:');
    expect(result.stdout).toContain('=== objectives/2026-q4/customer-success/keep-the-customers-we-have.md\n---\ntitle: Keep the customers we have\nperiod: 2026-Q4\nteam: customer-success\nparent: 2026-q4/acme-corp/grow-recurring-revenue\n');
    expect(result.stderr).toContain('okr: warning: new team customer-success ("Customer Success"): teams/customer-success.md');
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('--write writes valid content; a second run writes nothing', async () => {
    const cwd = copyFixture('basic');
    const first = await okr(['migrate', join(FIXTURES, 'burningokr.csv'), '--period', '2026-Q4', '--write', ...AS_OF], { cwd });
    expect(first.status).toBe(0);
    const files = snapshotFiles(cwd);
    expect(files['content/objectives/2026-q4/acme-corp/grow-recurring-revenue.md']).toContain(
      '  - id: arr\n    title: ARR from 10 to 14\n    start: 10\n    target: 14\n    unit: M€\n    checkins:\n      - date: 2026-11-23\n        value: 11.5\n  - id: launch-the-partner\n    title: Launch the partner program\n    type: milestone\n',
    );
    expect((await okr(['check', ...AS_OF], { cwd })).stdout).toMatch(/^0 errors/m);
    const second = await okr(['migrate', join(FIXTURES, 'burningokr.csv'), '--period', '2026-Q4', '--write', ...AS_OF], { cwd });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^nothing to write/);
    expect(snapshotFiles(cwd)).toEqual(files);
  });

  test('a newer export adds check-ins to the objectives that exist, once', async () => {
    const cwd = copyFixture('basic');
    const csv = join(FIXTURES, 'burningokr.csv');
    expect((await okr(['migrate', csv, '--period', '2026-Q4', '--write', ...AS_OF], { cwd })).status).toBe(0);
    const newer = join(cwd, 'newer.csv');
    writeFileSync(newer, readFileSync(csv, 'utf8').replace(',11.5,', ',12.1,'));
    const path = 'content/objectives/2026-q4/acme-corp/grow-recurring-revenue.md';
    const before = snapshotFiles(cwd)[path]!;
    const result = await okr(['migrate', newer, '--period', '2026-Q4', '--write', '--as-of', '2026-11-30'], { cwd });
    expect(result.stdout).toBe(`migrated 4 rows into 0 new files and 1 check-in in 1 existing objective:\n  objectives/2026-q4/acme-corp/grow-recurring-revenue.md: arr: check-in 12.1 on 2026-11-30\n`);
    expect(insertedLines(before, snapshotFiles(cwd)[path]!)).toEqual(['      - date: 2026-11-30', '        value: 12.1']);
    const again = await okr(['migrate', newer, '--period', '2026-Q4', '--write', '--as-of', '2026-12-07'], { cwd });
    expect(again.stdout).toMatch(/^nothing to write/);
  });

  test('creates people from owner e-mails and reads the goal cycle', async () => {
    const cwd = copyFixture('basic');
    const result = await okr(['migrate', join(FIXTURES, 'peoplebox.csv'), '--write', ...AS_OF], { cwd });
    expect(result.status).toBe(0);
    expect(snapshotFiles(cwd)['content/people/maria-lopez.md']).toBe('---\nname: Maria Lopez\nteam: support\n---\n');
    expect(snapshotFiles(cwd)['content/objectives/2026-q4/support/answer-every-customer-within-an-hour.md']).toContain('    owner: maria-lopez\n');
  });

  test('names every bad row by line and column, exits 1 and writes nothing', async () => {
    const cwd = copyFixture('basic');
    const before = snapshotFiles(cwd);
    const result = await okr(['migrate', join(FIXTURES, 'broken.csv'), '--write'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('error')).map((line) => line.replace(/^error\s+\S*broken\.csv/, 'broken.csv'))).toEqual([
      'broken.csv:2:5: Target: must be a number such as 4.2, got "sixty"',
      'broken.csv:3:1: Team: is empty',
      'broken.csv:4:7: Quarter: must be a quarter such as 2026-Q4 or Q4 2026, got "Q5 2026"',
      'broken.csv:4:5: Target: is empty while Start is set; give both, or neither for a milestone',
    ]);
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('reads the first sheet of an XLSX workbook, empty rows left out', async () => {
    const cwd = copyFixture('basic');
    const result = await okr(['migrate', join(FIXTURES, 'peoplebox.xlsx'), '--write', ...AS_OF], { cwd });
    expect(result.status).toBe(0);
    expect(snapshotFiles(cwd)['content/objectives/2026-q4/beacon/ship-beacon-to-every-plan.md']).toBe(
      '---\ntitle: Ship Beacon to every plan\nperiod: 2026-Q4\nteam: beacon\nkey_results:\n  - id: accounts-on-beacon\n    title: Accounts on Beacon from 0 to 120\n    start: 0\n    target: 120\n    owner: grace-kim\n    checkins:\n      - date: 2026-11-23\n        value: 45\n  - id: publish-the-beacon\n    title: Publish the Beacon API docs\n    type: milestone\n    owner: grace-kim\n---\n',
    );
  });

  test('refuses a file that is no workbook, and unknown formats, with a usage error', async () => {
    const cwd = copyFixture('basic');
    writeFileSync(join(cwd, 'okrs.xlsx'), 'Team,Objective\n');
    const notXlsx = await okr(['migrate', 'okrs.xlsx'], { cwd });
    expect(notXlsx.status).toBe(2);
    expect(notXlsx.stderr).toMatch(/^okr: okrs\.xlsx cannot be read as an XLSX workbook \(.+\)\n$/);
    expect(await okr(['migrate', 'okrs.txt'], { cwd })).toMatchObject({ status: 2, stderr: 'okr: --from must be one of csv, xlsx, tability, asana, okr2go, got "txt"\n' });
  });
});
