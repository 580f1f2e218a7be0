/**
 * The derived files (badges, embeds, KPI CSVs: src/integrations/static-files.ts) after a
 * rebuild with one change: Astro empties the output folder, yet a file whose bytes are the
 * last build's keeps its modification time, and a changed one gets a new one, so that deploys
 * comparing times upload only what changed.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BUILDS_DIR, buildSite } from '../support/build-site.ts';

const ENV = { PORTAL_AS_OF: '2026-08-16', PORTAL_SITE: 'https://example.org' };
const DERIVED = ['badges', 'embed', 'api/v1/kpis'];

interface DerivedFile {
  bytes: string;
  mtimeMs: number;
}

/** Every derived file of an output folder, by path below it. */
function derivedFiles(outDir: string): Map<string, DerivedFile> {
  const files = new Map<string, DerivedFile>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(outDir, path), { bytes: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs });
    }
  };
  for (const folder of DERIVED) walk(join(outDir, folder));
  return files;
}

describe('derived files after a rebuild with one KPI value added', () => {
  let before: Map<string, DerivedFile>;
  let after: Map<string, DerivedFile>;
  let output: string;

  beforeAll(() => {
    mkdirSync(BUILDS_DIR, { recursive: true });
    const work = mkdtempSync(join(BUILDS_DIR, 'derived-'));
    const content = join(work, 'content');
    cpSync('test/fixtures/basic', content, { recursive: true });
    const env = { ...ENV, PORTAL_OUT_DIR: join(work, 'dist'), PORTAL_CACHE_DIR: join(work, 'cache') };
    const first = buildSite(content, env);
    expect(first.status, first.output).toBe(0);
    before = derivedFiles(env.PORTAL_OUT_DIR);
    const kpi = join(content, 'kpis/support/csat.md');
    writeFileSync(kpi, readFileSync(kpi, 'utf8').replace('  - {date: 2026-08-01, value: 9.3, note: New macros}', '  - {date: 2026-08-01, value: 9.3, note: New macros}\n  - {date: 2026-08-15, value: 8.8}'));
    const second = buildSite(content, env);
    expect(second.status, second.output).toBe(0);
    output = second.output;
    after = derivedFiles(env.PORTAL_OUT_DIR);
  }, 240_000);

  test('the same files are written', () => {
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });

  test("the KPI's badge, embed and CSV changed and were written anew", () => {
    const changed = [...after].filter(([path, file]) => file.bytes !== before.get(path)!.bytes).map(([path]) => path);
    expect(changed).toEqual(expect.arrayContaining(['badges/kpis/support/csat.svg', 'embed/kpis/support/csat.svg', 'api/v1/kpis/support/csat.csv']));
    for (const path of changed) expect(after.get(path)!.mtimeMs, path).toBeGreaterThan(before.get(path)!.mtimeMs);
  });

  test('every file with the same bytes kept its modification time', () => {
    const unchanged = [...after].filter(([path, file]) => file.bytes === before.get(path)!.bytes);
    // An objective the KPI does not measure, and its key results.
    expect(unchanged.map(([path]) => path)).toEqual(expect.arrayContaining(['badges/objectives/2026-q3/onboarding.svg']));
    for (const [path, file] of unchanged) expect(file.mtimeMs, path).toBe(before.get(path)!.mtimeMs);
    expect(output).toContain(`, ${unchanged.length} unchanged since the last build`);
  });
});
