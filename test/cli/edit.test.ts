import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyFixture, insertedLines, okr, snapshotFiles } from './run-okr.ts';

const OBJECTIVE = 'content/objectives/2026-q3/support/efficiency.md';
const AS_OF = ['--as-of', '2026-08-20'];

/** Runs a command in a fresh copy and returns the file before and after. */
async function edit(args: string[], file: string): Promise<{ before: string; after: string; status: number | null; stdout: string; stderr: string; cwd: string }> {
  const cwd = copyFixture('cli/authoring');
  const before = readFileSync(join(cwd, file), 'utf8');
  const result = await okr(args, { cwd });
  return { before, after: readFileSync(join(cwd, file), 'utf8'), cwd, ...result };
}

describe('okr checkin', () => {
  test('appends a flow-style check-in and keeps every other byte, comments and body included', async () => {
    const { before, after, status, stdout } = await edit(['checkin', '2026-q3/support/efficiency', 'tickets', '0.9', '--confidence', '0.8', '--note', 'Bot: live', ...AS_OF], OBJECTIVE);
    expect(status).toBe(0);
    expect(stdout).toContain('key_results[0] tickets: added check-in 2026-08-20: 0.9 tickets, confidence 0.8\n  progress 50% -> 60%');
    expect(insertedLines(before, after)).toEqual(['      - {date: 2026-08-20, value: 0.9, confidence: 0.8, note: "Bot: live"}']);
    expect(after.endsWith('Trailing spaces and no final newline stay as they are.')).toBe(true);
  });

  test('appends a block-style check-in after block-style ones', async () => {
    const { before, after, status } = await edit(['checkin', '2026-q3/support/efficiency', 'resolution', '4', '--date', '2026-08-19', ...AS_OF], OBJECTIVE);
    expect(status).toBe(0);
    expect(insertedLines(before, after)).toEqual(['      - date: 2026-08-19', '        value: 4']);
  });

  test('creates the check-in list of a key result that has none', async () => {
    const cwd = copyFixture('cli/authoring');
    const before = readFileSync(join(cwd, OBJECTIVE), 'utf8');
    const file = join(cwd, OBJECTIVE);
    const result = await okr(['checkin', '2026-q3/support/efficiency', 'handbook', '1', ...AS_OF], { cwd });
    expect(result.status).toBe(0);
    expect(insertedLines(before, readFileSync(file, 'utf8'))).toEqual(['    checkins:', '      - {date: 2026-08-20, value: 1}']);
    expect((await okr(['check', ...AS_OF], { cwd })).status).toBe(0);
  });

  test.each([
    ['a value that is not a number', ['2026-q3/support/efficiency', 'tickets', '1,5'], '<value> must be a number such as 4.2'],
    ['a confidence in percent', ['2026-q3/support/efficiency', 'tickets', '1', '--confidence', '70'], '--confidence must be a number from 0 to 1 (write 0.7 for 70%), got "70"'],
    ['an impossible date', ['2026-q3/support/efficiency', 'tickets', '1', '--date', '2026-09-31'], '--date must be a real date written YYYY-MM-DD'],
    ['a date before the period', ['2026-q3/support/efficiency', 'tickets', '1', '--date', '2026-06-30'], 'is before period 2026-Q3'],
    ['an unknown objective', ['2026-q3/support/eficiency', 'tickets', '1'], 'Did you mean "2026-q3/support/efficiency"?'],
    ['an unknown key result', ['2026-q3/support/efficiency', 'ticket', '1'], '"ticket" is not a key result of 2026-q3/support/efficiency (it has tickets, resolution, handbook). Did you mean "tickets"?'],
    ['a missing value', ['2026-q3/support/efficiency', 'tickets'], "missing required argument 'value'"],
  ])('refuses %s with exit 2 and leaves every file unchanged', async (_, args, message) => {
    const cwd = copyFixture('cli/authoring');
    const before = snapshotFiles(cwd);
    const result = await okr(['checkin', ...args, ...AS_OF], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('--dry-run writes nothing', async () => {
    const { before, after, status, stdout } = await edit(['checkin', '2026-q3/support/efficiency', 'tickets', '0.9', '--dry-run', ...AS_OF], OBJECTIVE);
    expect(status).toBe(0);
    expect(stdout).toContain('would add check-in');
    expect(after).toBe(before);
  });
});

describe('okr kpi add', () => {
  test('appends to frontmatter data in flow style, keeping the comment', async () => {
    const file = 'content/kpis/support/csat.md';
    const { before, after, status, stdout } = await edit(['kpi', 'add', 'support/csat', '9.3', '--date', '2026-08-01', '--note', 'New macros', ...AS_OF], file);
    expect(status).toBe(0);
    expect(stdout).toBe('content/kpis/support/csat.md: added 2026-08-01: 9.3 pts to support/csat (status healthy)\n');
    expect(insertedLines(before, after)).toEqual(['  - {date: 2026-08-01, value: 9.3, note: New macros}']);
    expect(after).toContain('  - {date: 2026-07-01, value: 9.1}   # after the macros\n');
  });

  test('appends to the sidecar CSV in its own line ends, quoting as needed', async () => {
    const file = 'content/kpis/support/nps.csv';
    const { before, after, status } = await edit(['kpi', 'add', 'support/nps', '36', '--date', '2026-08-01', '--note', 'Survey, v3', ...AS_OF], file);
    expect(status).toBe(0);
    expect(after).toBe(`${before}2026-08-01,36,"Survey, v3"\r\n`);
  });

  test('refuses a second value for the same date', async () => {
    const { before, after, status, stderr } = await edit(['kpi', 'add', 'support/csat', '9', '--date', '2026-07-01', ...AS_OF], 'content/kpis/support/csat.md');
    expect(status).toBe(2);
    expect(stderr).toContain('support/csat already has a value for 2026-07-01 (9.1)');
    expect(after).toBe(before);
  });
});

describe('okr close', () => {
  test('writes rounded final scores beside the existing fields and scaffolds the retrospective', async () => {
    const cwd = copyFixture('cli/authoring');
    const before = readFileSync(join(cwd, OBJECTIVE), 'utf8');
    const result = await okr(['close', '2026-Q3', '--as-of', '2026-10-02'], { cwd });
    expect(result.status).toBe(0);
    // tickets (1.5 -> 1.0 of 0.5) 0.5; resolution (5.5 -> 4.25 of 3.0) 0.5, weight 2; handbook 0.
    expect(insertedLines(before, readFileSync(join(cwd, OBJECTIVE), 'utf8'))).toEqual([
      'score: 0.38',
      '    score: 0.5',
      '    score: 0.5',
      '    score: 0',
    ]);
    const retro = readFileSync(join(cwd, 'content/retrospectives/2026-q3/company.md'), 'utf8');
    expect(retro).toContain('---\ntitle: Q3 2026 retrospective\nperiod: 2026-Q3\ndate: 2026-10-02\nvisibility: public\ndraft: true\n---\n## Results\n\n- Make support effortless: 0.38\n');
    expect((await okr(['check', '--as-of', '2026-10-02'], { cwd })).status).toBe(0);
  });

  test('refuses a period that is still running, unless --force', async () => {
    const cwd = copyFixture('cli/authoring');
    const before = snapshotFiles(cwd);
    const result = await okr(['close', '2026-Q3', ...AS_OF], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('2026-Q3 ends on 2026-09-30, after the as-of date 2026-08-20; pass --force');
    expect(snapshotFiles(cwd)).toEqual(before);
    expect((await okr(['close', '2026-Q3', '--force', '--no-retrospective', ...AS_OF], { cwd })).status).toBe(0);
  });
});

describe('okr new', () => {
  test('writes a valid objective from flags at the right path', async () => {
    const cwd = copyFixture('cli/authoring');
    const result = await okr(['new', 'objective', '--title', 'Answer within an hour', '--team', 'support', '--period', '2026-Q4', '--kr', 'First response from 90 to 60 min', '--kr', 'Publish the rota', ...AS_OF], { cwd });
    expect(result.status).toBe(0);
    expect(readFileSync(join(cwd, 'content/objectives/2026-q4/support/answer-within-an-hour.md'), 'utf8')).toBe(
      '---\ntitle: Answer within an hour\nperiod: 2026-Q4\nteam: support\nvisibility: public\nkey_results:\n' +
        '  - id: first-response\n    title: First response from 90 to 60 min\n    start: 90\n    target: 60\n    unit: min\n' +
        '  - id: publish-the-rota\n    title: Publish the rota\n    type: milestone\n' +
        '---\n<!-- Why this objective matters now, in two or three sentences for readers outside the team. -->\n',
    );
    expect((await okr(['check', '--no-methodology', ...AS_OF], { cwd })).status).toBe(0);
  });

  test.each([
    ['kpi', ['--title', 'First response time', '--team', 'support', '--unit', 'min', '--direction', 'lower-is-better', '--target', '60', '--csv'], ['content/kpis/support/first-response-time.md', 'content/kpis/support/first-response-time.csv']],
    ['team', ['--name', 'Customer Care', '--parent', 'company'], ['content/teams/customer-care.md']],
    ['person', ['--name', 'Grace Hopper', '--team', 'support', '--role', 'Engineer'], ['content/people/grace-hopper.md']],
    ['retrospective', ['--period', '2026-Q3', '--team', 'support'], ['content/retrospectives/2026-q3/support.md']],
  ])('writes a valid %s', async (kind, args, files) => {
    const cwd = copyFixture('cli/authoring');
    const result = await okr(['new', kind, ...args, ...AS_OF], { cwd });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`created ${files.join(', ')}`);
    expect((await okr(['check', '--no-methodology', ...AS_OF], { cwd })).stdout).toBe('0 errors, 0 warnings\n');
  });

  test('without a terminal, missing flags are a usage error', async () => {
    const cwd = copyFixture('cli/authoring');
    const result = await okr(['new', 'objective', '--title', 'Grow', ...AS_OF], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('okr: missing --team (or --owner), --kr (okr asks for them only in a terminal)\n');
  });

  test('refuses a reference to a team that does not exist, and writes nothing', async () => {
    const cwd = copyFixture('cli/authoring');
    const before = snapshotFiles(cwd);
    const result = await okr(['new', 'team', '--name', 'Care', '--parent', 'compny', ...AS_OF], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error   content/teams/care.md: parent: "compny" is not a team (expected the id of a file in teams/) Did you mean "company"?');
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('refuses to overwrite a file', async () => {
    const cwd = copyFixture('cli/authoring');
    const result = await okr(['new', 'person', '--name', 'Ada', '--id', 'ada', ...AS_OF], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('content/people/ada.md already exists');
  });
});
