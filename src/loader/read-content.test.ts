import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContent, loadContentInParallel } from './read-content.ts';

/**
 * A folder big enough for the content check to parse on two threads (400+ entry files),
 * with broken files among the last ones, which the worker thread parses.
 */
function writeFolder(root: string): void {
  const write = (path: string, text: string): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('teams/acme.md', '---\nname: Acme\n---\n');
  for (let i = 0; i < 450; i++) {
    const name = `objectives/2026-q4/goal-${String(i).padStart(3, '0')}.md`;
    write(name, `---\ntitle: Goal ${i}\nperiod: 2026-Q4\nteam: acme\nkey_results:\n  - id: grow\n    title: Grow to ${i + 10}\n    start: 0\n    target: ${i + 10}\n---\nWhy ${i}.\n`);
  }
  write('objectives/2026-q4/goal-448.md', '---\ntitle: Goal 448\nperiod: 2026-Q4\nteam: acme\nkey_results:\n  - id: grow\n    title: Grow to 10\n    start: 0\n    target: "10"\n---\n');
  write('objectives/2026-q4/goal-449.md', '---\ntitle: Goal 449\nperiod: 2026-Q4\nteem: acme\nkey_results: []\n---\n');
  write('people/zoe.md', '---\nname: Zoe\nteam: acme\n---\n');
  write('people/zz-broken.md', '---\nname: [unclosed\n---\n');
}

describe('loadContentInParallel', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'okr-parallel-'));
    writeFolder(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('gives the same content and problems as loadContent, with line numbers from either thread', async () => {
    const parallel = await loadContentInParallel({ contentDir: root, audience: 'public' });
    const serial = loadContent({ contentDir: root, audience: 'public' });
    expect(parallel.parsedInWorker).toBeGreaterThan(150);
    expect(serial.parsedInWorker).toBe(0);
    expect(parallel.all).toEqual(serial.all);
    expect(parallel.problems).toEqual(serial.problems);
    expect(parallel.all.objectives).toHaveLength(448);
    const located = parallel.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.file.split('/').slice(-1)[0]}:${problem.line}:${problem.field}:${problem.code}`);
    expect(located).toEqual(expect.arrayContaining(['goal-448.md:9:key_results[0].target:wrong-type', 'goal-449.md:4:teem:unknown-field', 'zz-broken.md:2::yaml-syntax']));
  });

  test('reports a missing folder like loadContent', async () => {
    const parallel = await loadContentInParallel({ contentDir: join(root, 'nope'), audience: 'public' });
    expect(parallel.problems.map((problem) => problem.code)).toEqual(['no-content']);
  });
});
