import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadContent } from './read-content.ts';
import { cachedResult, codeVersion, resultMemo } from './result-cache.ts';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'okr-result-cache-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cachedResult', () => {
  test('computes once per material and code version, and again when either changes', () => {
    const cache = { dir: folder(), codeVersion: 'v1' };
    let runs = 0;
    const compute = (value: number) => () => {
      runs += 1;
      return { value };
    };
    expect(cachedResult(cache, 'slot', 'material A', compute(1))).toEqual({ value: 1 });
    expect(cachedResult(cache, 'slot', 'material A', compute(2))).toEqual({ value: 1 });
    expect(runs).toBe(1);
    expect(cachedResult(cache, 'slot', 'material B', compute(3))).toEqual({ value: 3 });
    expect(cachedResult({ ...cache, codeVersion: 'v2' }, 'slot', 'material B', compute(4))).toEqual({ value: 4 });
    expect(runs).toBe(3);
    // One file per slot, replaced: old results do not pile up.
    expect(readdirSync(join(cache.dir, 'okr-portal-results-v1'))).toEqual(['slot.bin']);
  });

  test('keeps what JSON would lose: Maps, undefined and NaN', () => {
    const cache = { dir: folder(), codeVersion: 'v1' };
    const result = { standings: new Map([['a', [{ score: Number.NaN, note: undefined }]]]) };
    cachedResult(cache, 'slot', 'm', () => result);
    const kept = cachedResult(cache, 'slot', 'm', () => ({ standings: new Map() }));
    expect(kept.standings).toBeInstanceOf(Map);
    expect(kept.standings.get('a')).toEqual([{ score: Number.NaN, note: undefined }]);
    expect('note' in kept.standings.get('a')![0]!).toBe(true);
  });

  test('a damaged file is computed again, and without a cache nothing is kept', () => {
    const dir = folder();
    mkdirSync(join(dir, 'okr-portal-results-v1'));
    writeFileSync(join(dir, 'okr-portal-results-v1', 'slot.bin'), 'not a serialized value');
    expect(cachedResult({ dir, codeVersion: 'v1' }, 'slot', 'm', () => 7)).toBe(7);
    expect(cachedResult({ dir, codeVersion: 'v1' }, 'slot', 'm', () => 8)).toBe(7);
    expect(cachedResult(undefined, 'slot', 'm', () => 9)).toBe(9);
  });
});

describe('codeVersion', () => {
  test('changes with any file below src/lib and with the lockfile, not with other sources', () => {
    const root = folder();
    mkdirSync(join(root, 'src/lib/model'), { recursive: true });
    mkdirSync(join(root, 'src/pages'), { recursive: true });
    writeFileSync(join(root, 'src/lib/model/score.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const first = codeVersion(root);
    writeFileSync(join(root, 'src/pages/index.astro'), '---\n---');
    expect(codeVersion(root)).toBe(first);
    writeFileSync(join(root, 'src/lib/model/score.ts'), 'export const a = 2;');
    const second = codeVersion(root);
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(codeVersion(root)).not.toBe(second);
    // A file moved to another folder is another code.
    const third = codeVersion(root);
    rmSync(join(root, 'src/lib/model/score.ts'));
    mkdirSync(join(root, 'src/lib/calendar'));
    writeFileSync(join(root, 'src/lib/calendar/score.ts'), 'export const a = 2;');
    expect(codeVersion(root)).not.toBe(third);
  });
});

describe('resultMemo', () => {
  test('hands out copies: a change to a result after it was made does not reach the next build', () => {
    const cache = { dir: folder(), codeVersion: 'v1' };
    const first = resultMemo(cache, 'entries');
    const made = first.result('file a', () => ({ data: { title: 'A' } as Record<string, unknown> }));
    made.data = { ...made.data, points: [1, 2] };
    first.save();
    const second = resultMemo(cache, 'entries');
    const kept = second.result('file a', (): { data: Record<string, unknown> } => ({ data: { title: 'computed again' } }));
    expect(kept).toEqual({ data: { title: 'A' } });
    kept.data = {};
    expect(second.result('file a', () => ({ data: {} }))).toEqual({ data: { title: 'A' } });
  });

  test('keeps only what the last build asked for, and computes what is new or changed', () => {
    const cache = { dir: folder(), codeVersion: 'v1' };
    const runs: string[] = [];
    const ask = (memo: ReturnType<typeof resultMemo>, material: string) => memo.result(material, () => (runs.push(material), material.toUpperCase()));
    const first = resultMemo(cache, 'entries');
    ask(first, 'a');
    ask(first, 'b');
    first.save();
    const second = resultMemo(cache, 'entries');
    expect([ask(second, 'a'), ask(second, 'c')]).toEqual(['A', 'C']);
    second.save();
    const third = resultMemo(cache, 'entries');
    expect([ask(third, 'a'), ask(third, 'b'), ask(third, 'c')]).toEqual(['A', 'B', 'C']);
    expect(runs).toEqual(['a', 'b', 'c', 'b']);
    const otherCode = resultMemo({ ...cache, codeVersion: 'v2' }, 'entries');
    ask(otherCode, 'a');
    expect(runs.at(-1)).toBe('a');
  });
});

describe('loadContent with kept results', () => {
  // Nine loads of three fixtures (the hostile one is large): more than the default 5 s on a loaded machine.
  test('reports exactly the problems and entries of a load without them, on the first build and the next', { timeout: 60_000 }, () => {
    for (const [fixture, broken] of [['test/fixtures/broken', true], ['test/fixtures/hostile', true], ['test/fixtures/basic', false]] as const) {
      const results = { dir: folder(), codeVersion: 'v1' };
      const plain = loadContent({ contentDir: fixture, audience: 'public' });
      const first = loadContent({ contentDir: fixture, audience: 'public', results });
      const next = loadContent({ contentDir: fixture, audience: 'public', results });
      expect(plain.problems.length > 0).toBe(broken);
      if (!broken) expect(plain.all.objectives.length).toBeGreaterThan(0);
      for (const load of [first, next]) {
        expect(load.problems).toEqual(plain.problems);
        expect(load.all).toEqual(plain.all);
        expect(load.visible).toEqual(plain.visible);
      }
    }
  });
});

describe('a fresh cache (astro build --force)', () => {
  test('computes every result, reading none, and keeps them for the next build', () => {
    const dir = folder();
    cachedResult({ dir, codeVersion: 'v1' }, 'slot', 'm', () => 1);
    expect(cachedResult({ dir, codeVersion: 'v1', fresh: true }, 'slot', 'm', () => 2)).toBe(2);
    expect(cachedResult({ dir, codeVersion: 'v1' }, 'slot', 'm', () => 3)).toBe(2);
    const memo = resultMemo({ dir, codeVersion: 'v1' }, 'entries');
    memo.result('a', () => 'old');
    memo.save();
    const forced = resultMemo({ dir, codeVersion: 'v1', fresh: true }, 'entries');
    expect(forced.result('a', () => 'new')).toBe('new');
    forced.save();
    expect(resultMemo({ dir, codeVersion: 'v1' }, 'entries').result('a', () => 'again')).toBe('new');
  });
});
