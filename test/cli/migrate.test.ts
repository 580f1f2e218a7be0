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

  test('every file it writes states the folder default visibility (issue 18, class 11)', async () => {
    const cwd = copyFixture('basic');
    writeFileSync(join(cwd, 'content/portal.yaml'), 'name: Fixture OKRs\ndefault_visibility: internal\n');
    const before = snapshotFiles(cwd);
    expect((await okr(['migrate', join(FIXTURES, 'peoplebox.xlsx'), '--write', ...AS_OF], { cwd })).status).toBe(0);
    const written = Object.entries(snapshotFiles(cwd)).filter(([path]) => !(path in before));
    expect(new Set(written.map(([path]) => path.split('/')[1]))).toEqual(new Set(['teams', 'people', 'objectives']));
    expect(written.filter(([, text]) => !/^visibility: internal$/m.test(text)).map(([path]) => path)).toEqual([]);
  });

  test('creates people from owner e-mails and reads the goal cycle', async () => {
    const cwd = copyFixture('basic');
    const result = await okr(['migrate', join(FIXTURES, 'peoplebox.csv'), '--write', ...AS_OF], { cwd });
    expect(result.status).toBe(0);
    expect(snapshotFiles(cwd)['content/people/maria-lopez.md']).toBe('---\nname: Maria Lopez\nteam: support\nvisibility: public\n---\n');
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
      '---\ntitle: Ship Beacon to every plan\nperiod: 2026-Q4\nteam: beacon\nvisibility: public\nkey_results:\n  - id: accounts-on-beacon\n    title: Accounts on Beacon from 0 to 120\n    start: 0\n    target: 120\n    owner: grace-kim\n    checkins:\n      - date: 2026-11-23\n        value: 45\n  - id: publish-the-beacon\n    title: Publish the Beacon API docs\n    type: milestone\n    owner: grace-kim\n---\n',
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

/** Every objective file below the content folder, for "nothing duplicated" checks. */
function objectiveFiles(files: Record<string, string>): string[] {
  return Object.keys(files).filter((path) => path.startsWith('content/objectives/2026-q4/'));
}

describe('okr migrate of Tability, Asana and okr2go exports', () => {
  const cases = [
    {
      format: 'tability',
      file: 'tability.json',
      args: ['--team', 'Support'],
      objective: 'content/objectives/2026-q4/support/answer-every-customer-within-an-hour.md',
      // A week later Tability holds one more check-in of the first outcome.
      newer: (text: string) => {
        const json = JSON.parse(text);
        json.checkins.push({ id: 'd1e2f3a4-0004-4b5c-9d8e-000000000004', outcome_id: json.outcomes[0].id, score: 68, confidence: 'green', body: 'Weekend rota too.', created_at: '2026-11-27T10:00:00.000Z' });
        return JSON.stringify(json);
      },
      added: ['      - date: 2026-11-27', '        value: 68', '        confidence: 0.9', '        note: Weekend rota too.'],
    },
    {
      format: 'asana',
      file: 'asana.json',
      args: ['--team', 'company'],
      objective: 'content/objectives/2026-q4/customer-success/keep-the-customers-we-have.md',
      newer: (text: string) => text.replace('"current_number_value": 0.022', '"current_number_value": 0.019'),
      added: ['      - date: 2026-11-30', '        value: 1.9'],
    },
    {
      format: 'okr2go',
      file: 'okr2go.md',
      args: ['--team', 'support', '--period', '2026-Q4'],
      objective: 'content/objectives/2026-q4/support/become-an-awesome-open-source-team.md',
      newer: (text: string) => text.replace('| 37       |', '| 41       |'),
      added: ['      - date: 2026-11-30', '        value: 41'],
    },
  ];

  test.each(cases)('$format: --write writes valid content; a newer export adds check-ins and duplicates nothing', async ({ file, args, objective, newer, added }) => {
    const cwd = copyFixture('basic');
    const first = await okr(['migrate', join(FIXTURES, file), ...args, '--write', ...AS_OF], { cwd });
    expect(first.stderr).not.toMatch(/error/);
    expect(first.status).toBe(0);
    const written = snapshotFiles(cwd);
    expect(written[objective]).toBeDefined();
    expect((await okr(['check', ...AS_OF], { cwd })).stdout).toMatch(/^0 errors/m);

    const again = await okr(['migrate', join(FIXTURES, file), ...args, '--write', ...AS_OF], { cwd });
    expect(again.stdout).toMatch(/^nothing to write/);

    const newerFile = join(cwd, `newer-${file}`);
    writeFileSync(newerFile, newer(readFileSync(join(FIXTURES, file), 'utf8')));
    const update = await okr(['migrate', newerFile, ...args, '--write', '--as-of', '2026-11-30'], { cwd });
    expect(update.status).toBe(0);
    expect(update.stdout).toMatch(/into 0 new files and 1 check-in in 1 existing objective:/);
    const updated = snapshotFiles(cwd);
    expect(objectiveFiles(updated)).toEqual(objectiveFiles(written));
    expect(insertedLines(written[objective]!, updated[objective]!)).toEqual(added);
    expect((await okr(['check', '--as-of', '2026-11-30'], { cwd })).stdout).toMatch(/^0 errors/m);
    expect((await okr(['migrate', newerFile, ...args, '--write', '--as-of', '2026-12-07'], { cwd })).stdout).toMatch(/^nothing to write/);
  });

  test('Tability: check-ins keep their dates, confidence and notes; those before the plan starts are left out with a note', async () => {
    const cwd = copyFixture('basic');
    const result = await okr(['migrate', join(FIXTURES, 'tability.json'), '--team', 'Support', '--write', ...AS_OF], { cwd });
    expect(result.stderr).toContain('okr: note: objectives/2026-q4/support/answer-every-customer-within-an-hour.md: reduce-first-response: 1 check-in before the period starts (2026-10-01) left out\n');
    expect(result.stderr).toContain('okr: warning: new person maria-lopez ("Maria Lopez"): people/maria-lopez.md\n');
    expect(snapshotFiles(cwd)['content/objectives/2026-q4/support/answer-every-customer-within-an-hour.md']).toBe(
      '---\ntitle: Answer every customer within an hour\nperiod: 2026-Q4\nteam: support\nvisibility: public\nkey_results:\n  - id: reduce-first-response\n    title: Reduce first response time from 90 to 60 min\n    start: 90\n    target: 60\n    owner: maria-lopez\n    checkins:\n      - date: 2026-10-09\n        value: 82\n        confidence: 0.9\n        note: Macros for the top ten questions.\n      - date: 2026-10-16\n        value: 74\n        confidence: 0.5\n        note: Rota live on weekdays.\n  - id: raise-weekend-coverage\n    title: Raise weekend coverage from 0 to 100%\n    start: 0\n    target: 100\n    unit: "%"\n    owner: ben-okafor\n    checkins:\n      - date: 2026-10-16\n        value: 50\n  - id: publish-the-on-call\n    title: Publish the on-call rota\n    type: milestone\n---\n\nSlow answers are the first reason customers give for leaving.\n',
    );
  });

  test('a .json file is told by its content; Tability and okr2go need --team, okr2go --period', async () => {
    const cwd = copyFixture('basic');
    expect((await okr(['migrate', join(FIXTURES, 'asana.json'), '--team', 'company', ...AS_OF], { cwd })).stdout).toMatch(/^dry run: would write 6 new files from 3 rows:/);
    expect(await okr(['migrate', join(FIXTURES, 'tability.json')], { cwd })).toMatchObject({ status: 2, stderr: 'okr: Tability plans have no teams: give --team <team id or name>\n' });
    expect(await okr(['migrate', join(FIXTURES, 'okr2go.md'), '--team', 'support'], { cwd })).toMatchObject({ status: 2, stderr: 'okr: okr2go files have no periods: give --period YYYY-Qn\n' });
    writeFileSync(join(cwd, 'other.json'), '{"items": []}');
    expect(await okr(['migrate', 'other.json'], { cwd })).toMatchObject({ status: 2, stderr: expect.stringMatching(/^okr: cannot tell the format of other\.json .*give --from tability or --from asana\n$/) });
  });

  test('a bad JSON export is named by file, line and JSON path; nothing is written', async () => {
    const cwd = copyFixture('basic');
    const before = snapshotFiles(cwd);
    writeFileSync(join(cwd, 'goals.json'), readFileSync(join(FIXTURES, 'asana.json'), 'utf8').replace('"target_number_value": 14', '"target_number_value": "14 M"'));
    const result = await okr(['migrate', 'goals.json', '--team', 'company', '--write'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error {3}goals\.json:\d+:\d+: data\[4\]\.metric\.target_number_value: must be a number, got "14 M"$/m);
    expect(result.stderr).toContain('Nothing was written');
    expect(snapshotFiles(cwd)).toEqual({ ...before, 'goals.json': snapshotFiles(cwd)['goals.json'] });
  });
});

describe('okr migrate --map', () => {
  test('reads other columns and maps team and person names to ids that exist', async () => {
    const cwd = copyFixture('basic');
    const result = await okr(['migrate', join(FIXTURES, 'custom-headers.csv'), '--map', join(FIXTURES, 'okr-map.yaml'), '--period', '2026-Q4', '--write', ...AS_OF], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('migrated 2 rows into 1 new file:\n  objectives/2026-q4/support/make-deploys-boring.md\n');
    expect(snapshotFiles(cwd)['content/objectives/2026-q4/support/make-deploys-boring.md']).toContain('team: support\n');
    expect(snapshotFiles(cwd)['content/objectives/2026-q4/support/make-deploys-boring.md']).toContain('    owner: ada\n');
  });

  test('a map naming a team that does not exist is one line, and nothing is written', async () => {
    const cwd = copyFixture('basic');
    const before = snapshotFiles(cwd);
    writeFileSync(join(cwd, 'map.yaml'), readFileSync(join(FIXTURES, 'okr-map.yaml'), 'utf8').replace('Platform Crew: support', 'Platform Crew: platform'));
    const result = await okr(['migrate', join(FIXTURES, 'custom-headers.csv'), '--map', 'map.yaml', '--period', '2026-Q4', '--write'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('error'))).toEqual([
      'error   map.yaml:12:18: teams.Platform Crew: "platform" is not a team of the content folder (map names to ids that exist; leave the name out to create it)',
    ]);
    expect(Object.keys(snapshotFiles(cwd))).toEqual([...Object.keys(before), 'map.yaml'].sort());
  });
});

// The build of migrated content (Asana's goals) is among the long checks: test/long/migrate-build.test.ts.
