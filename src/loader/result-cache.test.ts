import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cachedResult, codeVersion } from './result-cache.ts';

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
