/**
 * A sharded build (PORTAL_SHARD=k/n, issue 26): the basic fixture built whole and in three
 * shards, merged with `okr merge`, must give the same bytes in every file, the search index
 * and the sitemap included. The shards must be disjoint in their pages, derived files and
 * search documents (only the bundled assets and public files are written by all, and must be
 * alike), and merge must refuse parts of different builds, one line per difference, without
 * a stack trace.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BUILDS_DIR, buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';
import { buildOnce, type SharedSite } from '../support/shared-build.ts';
import { compareTrees, listFiles } from '../support/tree-diff.ts';
import { okr } from '../cli/run-okr.ts';

const FIXTURE = 'test/fixtures/basic';
/** The inputs of the basic fixture's shared build (build.test.ts, history.test.ts), which is the whole build here. */
const ENV = { PORTAL_AS_OF: '2026-08-16', PORTAL_BASE: '/okrs', PORTAL_SITE: 'https://example.org' };
const COUNT = 3;
/** The files of public/, which every build copies. */
const PUBLIC_FILES = ['_headers', 'favicon.svg', 'no-script.css'];
/** The routes without parameters, as files: shard 1 renders them. */
const PAGES_WITHOUT_PARAMETERS = ['index.html', '404.html', 'robots.txt', 'rss.xml', 'feed.json', 'search/index.html', 'tv/index.html', 'kpis/index.html', 'teams/index.html', 'people/index.html', 'periods/index.html', 'retrospectives/index.html', 'api/v1/objectives.csv', 'api/v1/key-results.csv'];

interface Manifest {
  shard: { index: number; count: number };
  inputs: Record<string, string>;
  pages: string[];
  files: string[];
}

let whole: SharedSite;
let shards: BuiltSite[];
let work: string;

/** `okr merge`, in this process (the same code as the binary). */
async function merge(folders: readonly string[], out: string): Promise<{ status: number | null; output: string }> {
  const result = await okr(['merge', ...folders, '--out', out], { cwd: PROJECT_ROOT });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const manifestOf = (site: BuiltSite): Manifest => site.json<Manifest>('_shard.json');

beforeAll(async () => {
  whole = await buildOnce(FIXTURE, ENV);
  shards = Array.from({ length: COUNT }, (_, index) => buildSite(FIXTURE, { ...ENV, PORTAL_SHARD: `${index + 1}/${COUNT}` }));
  work = mkdtempSync(join(BUILDS_DIR, 'merge-'));
}, 600_000);

describe('a build in three shards, merged', () => {
  test('every shard builds', () => {
    for (const site of [whole, ...shards]) expect(site.status, site.output).toBe(0);
  });

  test('equals the whole build byte for byte, search index and sitemap included', async () => {
    const out = join(work, 'merged');
    const merged = await merge(shards.map((site) => site.outDir), out);
    expect(merged.status, merged.output).toBe(0);
    expect(merged.output).toMatch(/merged 3 shards into .*: \d+ files, sitemap, search index of \d+ pages/);
    expect(compareTrees(whole.outDir, out)).toEqual([]);
    // Not vacuous: the site has its sitemap and index, which no shard wrote.
    expect(whole.exists('sitemap-0.xml') && whole.exists('pagefind/pagefind-entry.json')).toBe(true);
    for (const site of shards) expect(site.exists('sitemap-0.xml') || site.exists('pagefind/pagefind-entry.json')).toBe(false);
  });

  test('the shards render disjoint parts of the pages with parameters, spread over them', () => {
    const objectivePages = shards.map((site) => manifestOf(site).files.filter((file) => /^objectives\/.+\/index\.html$/.test(file)));
    const all = objectivePages.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(listFiles(whole.outDir).filter((file) => /^objectives\/.+\/index\.html$/.test(file)));
    // Spread, not all in one; on this small fixture the first shard, which also renders the
    // pages without parameters, may get none (the plan charges it for those).
    expect(objectivePages.filter((pages) => pages.length > 0).length).toBeGreaterThan(1);
  });

  test('every page, derived file and export comes from one shard; only the bundled assets and public files from all', () => {
    const writers = new Map<string, number[]>();
    for (const site of shards) for (const file of manifestOf(site).files) writers.set(file, [...(writers.get(file) ?? []), manifestOf(site).shard.index]);
    expect([...writers.keys()].sort()).toEqual(listFiles(whole.outDir).filter((file) => !/^(pagefind\/|sitemap-)/.test(file)));
    const shared = [...writers].filter(([, by]) => by.length > 1);
    expect(shared.filter(([file]) => !file.startsWith('_astro/') && !PUBLIC_FILES.includes(file))).toEqual([]);
    for (const [, by] of shared) expect(by).toEqual([1, 2, 3]);
    expect(shared.length).toBeGreaterThan(PUBLIC_FILES.length);
    // The derived files go with their entity's page, so more than one shard writes them.
    const derived = [...writers].filter(([file]) => /^(badges|embed)\/|^api\/v1\/kpis\/.+\.csv$/.test(file));
    expect(derived.length).toBeGreaterThan(COUNT);
    for (const [file, by] of derived) {
      expect(by, file).toHaveLength(1);
      const entity = file.match(/^(?:badges\/(objectives|kpis)\/(.+)\.svg|badges\/key-results\/(.+)\/[^/]+\.svg|embed\/kpis\/(.+)\.svg|api\/v1\/kpis\/(.+)\.csv)$/)!;
      const page = entity[1] ? `${entity[1]}/${entity[2]}/index.html` : entity[3] ? `objectives/${entity[3]}/index.html` : `kpis/${entity[4] ?? entity[5]}/index.html`;
      expect(writers.get(page), `${file} and ${page}`).toEqual(by);
    }
    expect(new Set(derived.map(([, by]) => by[0])).size).toBeGreaterThan(1);
    // The pages without parameters: the first shard only.
    for (const file of PAGES_WITHOUT_PARAMETERS) expect(writers.get(file), file).toEqual([1]);
  });

  test("a shard without a period's overview scores only its own objectives' weeks, and draws them alike", () => {
    // Every objective of the fixture is of 2026-Q3; one shard renders its overview and
    // snapshots (one plan group) and computes the whole timeline, the others only their own
    // objectives' standings (periodStandings): the merged site equal to the whole build
    // (above) shows that the values agree; this, that the fixture has both kinds of shard.
    const overview = 'periods/2026-Q3/index.html';
    const withTimeline = shards.filter((site) => manifestOf(site).files.includes(overview));
    expect(withTimeline).toHaveLength(1);
    const snapshots = (files: readonly string[]): string[] => files.filter((file) => /^(periods\/2026-Q3\/as-of|api\/v1\/as-of)\//.test(file)).sort();
    expect(snapshots(listFiles(whole.outDir)).length).toBeGreaterThan(0);
    expect(snapshots(manifestOf(withTimeline[0]!).files)).toEqual(snapshots(listFiles(whole.outDir)));
    const drawnElsewhere = shards
      .filter((site) => site !== withTimeline[0])
      .flatMap((site) => manifestOf(site).files.filter((file) => /^objectives\/.+\/index\.html$/.test(file)).map((file) => site.read(file)))
      .filter((html) => html.includes('id="progress-over-time"'));
    expect(drawnElsewhere.length).toBeGreaterThan(0);
  });

  test('each shard hands merge the search documents of the entries whose pages it renders', () => {
    const urls = shards.map((site) => site.json<{ documents: { url: string }[] }>('_shard-search.json').documents.map((document) => document.url));
    const all = urls.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(urls.filter((part) => part.length > 0).length).toBeGreaterThan(1);
    shards.forEach((site, index) => {
      for (const url of urls[index]!) expect(manifestOf(site).files, url).toContain(`${url.slice(1)}index.html`);
    });
    const entryPages = listFiles(whole.outDir).filter((file) => /^(objectives|kpis|teams|people|retrospectives)\/.+\/index\.html$/.test(file));
    expect(all.map((url) => `${url.slice(1)}index.html`).sort()).toEqual(entryPages);
  });

  test('each manifest names its shard and the inputs, PORTAL_SHARD left out', () => {
    expect(shards.map((site) => manifestOf(site).shard)).toEqual([1, 2, 3].map((index) => ({ index, count: COUNT })));
    expect(manifestOf(shards[0]!).inputs).toMatchObject({ PORTAL_AS_OF: '2026-08-16', PORTAL_BASE: '/okrs/', PORTAL_SITE: 'https://example.org' });
    expect(Object.keys(manifestOf(shards[0]!).inputs)).not.toContain('PORTAL_SHARD');
  });
});

describe('okr merge refuses', () => {
  /** A copy of a shard's output with its manifest changed. */
  const tampered = (site: BuiltSite, name: string, change: (manifest: Manifest) => void): string => {
    const copy = join(work, name);
    cpSync(site.outDir, copy, { recursive: true });
    const manifest = manifestOf(site);
    change(manifest);
    writeFileSync(join(copy, '_shard.json'), JSON.stringify(manifest));
    return copy;
  };

  test('a missing shard, naming it', async () => {
    const result = await merge([shards[0]!.outDir, shards[2]!.outDir], join(work, 'missing'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('shard 2/3 is missing; give the output folders of all 3 shards');
  });

  test('shards of other inputs and content, one line each, without a stack trace', async () => {
    const other = tampered(shards[1]!, 'other-inputs', (manifest) => {
      manifest.inputs['PORTAL_AS_OF'] = '2026-08-17';
      (manifest as unknown as { content: string }).content = 'f'.repeat(64);
    });
    const result = await merge([shards[0]!.outDir, other, shards[2]!.outDir], join(work, 'other'));
    expect(result.status).toBe(1);
    const lines = result.output.trim().split('\n');
    expect(lines[0]).toBe('okr: cannot merge the shards:');
    expect(lines.slice(1).map((line) => line.replace(other, '<other>').replace(shards[0]!.outDir, '<first>'))).toEqual([
      '  <other> was built from other content than <first> (content ffffffffffff, not ' + lines[1]!.match(/not ([0-9a-f]{12})/)![1] + '); build every shard from the same commit',
      '  <other> was built with PORTAL_AS_OF="2026-08-17", <first> with PORTAL_AS_OF="2026-08-16"; give every shard the same build inputs',
    ]);
    expect(result.output).not.toMatch(/\n\s+at /);
  });

  test('a shared file that differs between shards', async () => {
    const other = tampered(shards[2]!, 'other-bytes', () => {});
    const stylesheet = manifestOf(shards[2]!).files.find((file) => /^_astro\/.+\.css$/.test(file))!;
    writeFileSync(join(other, stylesheet), `${readFileSync(join(other, stylesheet), 'utf8')}/* changed */`);
    const result = await merge([shards[0]!.outDir, shards[1]!.outDir, other], join(work, 'bytes'));
    expect(result.status).toBe(1);
    expect(result.output).toContain(`  ${stylesheet} differs between shard 1 and shard 3`);
  });

  test('a folder that is no shard', async () => {
    const result = await merge([whole.outDir], join(work, 'none'));
    expect(result.status).toBe(2);
    expect(result.output).toContain(`${whole.outDir} has no _shard.json: it is not the output folder of a build with PORTAL_SHARD=k/n`);
  });
});

// A bad PORTAL_SHARD stops the build with one line naming the variable: checked with the other
// bad build inputs in one failing build (test/integration/trust-inputs.test.ts).
