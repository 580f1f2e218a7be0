/**
 * Incremental builds (experimental.incrementalBuild with the keys of src/lib/model/page-keys.ts):
 * builds a copy of the basic fixture twice with one cache, edits one objective's title,
 * builds again, and checks that the edited pages changed, that Astro copied the others, and
 * that the result equals a cold build of the edited content byte for byte.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BUILDS_DIR, buildSite, type BuiltSite } from '../support/build-site.ts';
import { compareTrees } from '../support/tree-diff.ts';

const ENV = { PORTAL_AS_OF: '2026-08-16', PORTAL_SITE: 'https://example.org' };
const EDITED = 'objectives/2026-q3/support-efficiency.md';
const PAGES = {
  edited: 'objectives/2026-q3/support-efficiency/index.html',
  parent: 'objectives/2026-q3/company/index.html',
  child: 'objectives/2026-q3/ada-talks/index.html',
  unrelated: 'objectives/2026-q3/onboarding/index.html',
};

describe('incremental build of the basic fixture', () => {
  let work: string;
  let first: Record<string, string>;
  let unchanged: BuiltSite;
  let edited: BuiltSite;
  let cold: BuiltSite;
  const build = (content: string, name: string): BuiltSite =>
    buildSite(content, { ...ENV, PORTAL_OUT_DIR: join(work, name, 'dist'), PORTAL_CACHE_DIR: join(work, name, 'cache') });
  const readAll = (site: BuiltSite): Record<string, string> => Object.fromEntries(Object.entries(PAGES).map(([role, path]) => [role, readFileSync(join(site.outDir, path), 'utf8')]));

  beforeAll(() => {
    mkdirSync(BUILDS_DIR, { recursive: true });
    work = mkdtempSync(join(BUILDS_DIR, 'incremental-'));
    const content = join(work, 'content');
    cpSync('test/fixtures/basic', content, { recursive: true });
    const site = (result: BuiltSite, name: string): BuiltSite => ({ ...result, outDir: join(work, name, 'dist') });
    const firstBuild = site(build(content, 'kept'), 'kept');
    expect(firstBuild.status, firstBuild.output).toBe(0);
    first = readAll(firstBuild);
    unchanged = site(build(content, 'kept'), 'kept');
    expect(unchanged.status, unchanged.output).toBe(0);
    const file = join(content, EDITED);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Support that scales with the customers'));
    edited = site(build(content, 'kept'), 'kept');
    expect(edited.status, edited.output).toBe(0);
    cold = site(build(content, 'cold'), 'cold');
    expect(cold.status, cold.output).toBe(0);
  }, 240_000);

  test('a rebuild without changes copies the entity pages', () => {
    expect(unchanged.output).toMatch(/objectives\/2026-q3\/company\/index\.html \((cached|restored)\)/);
    expect(unchanged.output).toMatch(/people\/ada\/index\.html \((cached|restored)\)/);
    expect(unchanged.output).toMatch(/kpis\/support\/[\w-]+\/index\.html \((cached|restored)\)/);
  });

  test('the edited objective, its parent and its child render again; an unrelated one is copied', () => {
    const after = readAll(edited);
    expect(after.edited).toContain('Support that scales with the customers');
    expect(after.edited).not.toBe(first.edited);
    expect(after.parent).not.toBe(first.parent);
    expect(after.child).not.toBe(first.child);
    expect(after.unrelated).toBe(first.unrelated);
    for (const path of [PAGES.edited, PAGES.parent, PAGES.child]) expect(edited.output).not.toMatch(new RegExp(`/${path} \\((cached|restored)\\)`));
    expect(edited.output).toMatch(/objectives\/2026-q3\/onboarding\/index\.html \((cached|restored)\)/);
  });

  test('the incremental output equals a cold build of the edited content, byte for byte', () => {
    expect(compareTrees(edited.outDir, cold.outDir)).toEqual([]);
  });
});
