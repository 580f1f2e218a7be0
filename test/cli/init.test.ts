import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { okr, snapshotFiles } from './run-okr.ts';

const AS_OF = ['--as-of', '2026-10-02'];

function emptyFolder(): string {
  return mkdtempSync(join(tmpdir(), 'okr-init-'));
}

describe('okr init', () => {
  test('writes the starter, which okr check accepts', async () => {
    const cwd = emptyFolder();
    const result = await okr(['init', '--name', 'Acme Corp', '--period', '2026-Q4'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('created content/objectives/2026-q4/company/example.md\n');
    expect(Object.keys(snapshotFiles(cwd))).toEqual([
      '.github/workflows/deploy-pages.yml',
      '.github/workflows/okr-check.yml',
      '.gitignore',
      'README.md',
      'content/kpis/customer-satisfaction.md',
      'content/objectives/2026-q4/company/example.md',
      'content/portal.yaml',
      'content/teams/company.md',
    ]);
    const check = await okr(['check', ...AS_OF], { cwd });
    expect(check.stdout).toBe('0 errors, 0 warnings\n');
    expect(check.status).toBe(0);
  });

  test('defaults to the current quarter and PORTAL_CONTENT_DIR', async () => {
    const cwd = emptyFolder();
    const result = await okr(['init'], { cwd, env: { PORTAL_CONTENT_DIR: 'okrs' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^created okrs\/objectives\/\d{4}-q[1-4]\/company\/example\.md$/m);
  });

  test('refuses to overwrite: one line per existing file, exit 1, nothing written', async () => {
    const cwd = emptyFolder();
    writeFileSync(join(cwd, 'README.md'), '# Ours\n');
    mkdirSync(join(cwd, 'content'));
    writeFileSync(join(cwd, 'content/portal.yaml'), 'name: Ours\n');
    const before = snapshotFiles(cwd);
    const result = await okr(['init', '--period', '2026-Q4'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'okr: content/portal.yaml already exists; okr init never overwrites a file (move it away or write the rest by hand)',
      'okr: README.md already exists; okr init never overwrites a file (move it away or write the rest by hand)',
    ]);
    expect(snapshotFiles(cwd)).toEqual(before);
  });

  test('refuses a content folder outside the current folder and a bad period (exit 2)', async () => {
    const cwd = emptyFolder();
    expect((await okr(['init', '--content', '../elsewhere'], { cwd })).stderr).toBe('okr: --content ../elsewhere is outside this folder; okr init writes below the current folder only\n');
    const badPeriod = await okr(['init', '--period', '2026-Q5'], { cwd });
    expect(badPeriod.stderr).toBe('okr: --period must be a period written YYYY-Qn, such as 2026-Q3, got "2026-Q5"\n');
    expect(badPeriod.status).toBe(2);
    expect(snapshotFiles(cwd)).toEqual({});
  });
});
