/**
 * The leak scanner. test/fixtures/leak holds public entries and internal, private and draft
 * entries whose every field (titles, KR titles and units, check-in notes, bodies, link text,
 * image alt text, KPI titles, units and data notes in frontmatter and CSV, team and person
 * names, roles, retrospective titles and MDX bodies, ids and folder names, and the bytes of an
 * image used only by a private entry) carries a marker `LEAK-<LEVEL>-<FIELD>-<token>`.
 *
 * Each audience is built, every file of dist/ is read (pagefind's gzip files decompressed) and
 * searched for the token of every marker the audience may not see. Positive controls prove the
 * scanner finds what is allowed, so a broken scanner cannot pass silently.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';
import { collectMarkers, findLeaks, FIXTURE, readDist, walk, type DistFile, type Level } from '../support/leak-scan.ts';

const AS_OF = '2026-08-16';
const markers = collectMarkers();
const builds = new Map<string, BuiltSite>();

/** Builds the fixture once per audience and NODE_ENV. */
function buildFixture(audience: string, nodeEnv: string): BuiltSite {
  const key = `${audience} ${nodeEnv}`;
  let site = builds.get(key);
  if (!site) {
    site = buildSite(FIXTURE, { PORTAL_AUDIENCE: audience, PORTAL_AS_OF: AS_OF, NODE_ENV: nodeEnv });
    builds.set(key, site);
  }
  return site;
}

function textOf(site: BuiltSite, path: string): string {
  return site.read(path).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
}

function statValue(site: BuiltSite, path: string, label: string): string | undefined {
  return new RegExp(`<dt[^>]*>${label}</dt>\\s*<dd[^>]*>([^<]*)</dd>`).exec(site.read(path))?.[1];
}

interface ExportedObjective {
  id: string;
  team: string | null;
  owner: string | null;
  parent: string | null;
  key_results: { id: string; kpi: string | null; current: number | null }[];
}

describe('the leak fixture', () => {
  test('has markers of every hidden level in every kind of field', () => {
    const fields = new Set(markers.map((marker) => marker.field));
    expect(markers.length).toBeGreaterThanOrEqual(60);
    expect(new Set(markers.map((marker) => marker.level))).toEqual(new Set(['internal', 'private', 'draft']));
    for (const field of ['ID', 'FOLDER', 'TITLE', 'KRID', 'KRTITLE', 'KRUNIT', 'CHECKINNOTE', 'BODY', 'LINKTEXT', 'ALT', 'TEAMNAME', 'TEAMBODY', 'PERSONNAME', 'ROLE', 'KPITITLE', 'KPIUNIT', 'DATANOTE', 'CSVNOTE', 'RETROTITLE', 'RETROBODY', 'MDXEXPR', 'MDXEXPORT', 'IMAGEBYTES']) {
      expect(fields, field).toContain(field);
    }
  });
});

describe.each([
  { audience: 'public', nodeEnv: 'production', hidden: ['internal', 'private', 'draft'] as Level[], visible: [] as Level[] },
  { audience: 'internal', nodeEnv: 'development', hidden: ['private', 'draft'] as Level[], visible: ['internal'] as Level[] },
  { audience: 'private', nodeEnv: 'development', hidden: ['draft'] as Level[], visible: ['internal', 'private'] as Level[] },
])('the $audience build (NODE_ENV=$nodeEnv)', ({ audience, nodeEnv, hidden, visible }) => {
  let site: BuiltSite;
  let files: DistFile[];
  beforeAll(() => {
    site = buildFixture(audience, nodeEnv);
    expect(site.output).toContain('Complete!');
    expect(site.status).toBe(0);
    files = readDist(site.outDir);
  });

  test(`no ${hidden.join(', ')} marker appears in any file of dist/ or in the build log`, () => {
    expect(files.length).toBeGreaterThan(10);
    expect(findLeaks(files, markers, hidden, site.output)).toEqual([]);
  });

  test('the scanner sees what the audience may see, also inside compressed search files', () => {
    const all = files.map((file) => file.text).join('\n');
    expect(all).toContain('public company objective');
    for (const level of visible) {
      const seen = markers.filter((marker) => marker.level === level && all.includes(marker.token));
      expect(seen.length, `${level} markers found`).toBeGreaterThan(5);
    }
    const fragments = files.filter((file) => file.path.endsWith('.pf_fragment'));
    if (fragments.length > 0) {
      expect(fragments.some((file) => file.text.includes('public company objective'))).toBe(true);
      if (visible.includes('internal')) expect(fragments.some((file) => file.text.includes('leak-internal-title-a7f3k9dm'))).toBe(true);
    }
  });

  test('no source maps, no copied content files and no private image', () => {
    const secretImage = readFileSync(resolve(PROJECT_ROOT, FIXTURE, 'objectives/2026-q3/secret-diagram.png'));
    const secretHash = createHash('sha256').update(secretImage).digest('hex');
    expect(files.filter((file) => /\.(map|md|mdx|ya?ml)$/i.test(file.path)).map((file) => file.path)).toEqual([]);
    // No hidden content file (entry, CSV sidecar, image) is copied as it is.
    const hiddenTokens = markers.filter((marker) => hidden.includes(marker.level)).map((marker) => marker.token);
    const hiddenFiles = walk(resolve(PROJECT_ROOT, FIXTURE)).filter((path) => {
      const text = `${path}\n${readFileSync(path, 'latin1')}`.toLowerCase();
      return hiddenTokens.some((token) => text.includes(token));
    });
    expect(hiddenFiles.length).toBeGreaterThan(0);
    const contentHashes = new Set(hiddenFiles.map((path) => createHash('sha256').update(readFileSync(path)).digest('hex')));
    expect(files.filter((file) => contentHashes.has(createHash('sha256').update(readFileSync(join(site.outDir, file.path))).digest('hex'))).map((file) => file.path)).toEqual([]);
    expect(files.filter((file) => file.text.includes('sourcemappingurl')).map((file) => file.path)).toEqual([]);
    if (audience !== 'private') {
      expect(files.filter((file) => createHash('sha256').update(file.bytes).digest('hex') === secretHash).map((file) => file.path)).toEqual([]);
      expect(files.filter((file) => /secret-diagram/i.test(file.path) || file.text.includes('secret-diagram'))).toEqual([]);
    }
  });

  test('drafts are never built', () => {
    expect(site.exists('objectives/2026-q3/leak-draft-id-y5g9c3hv/index.html')).toBe(false);
    expect(files.filter((file) => file.text.includes('leak-draft'))).toEqual([]);
  });
});

describe('the public build: references into hidden content and counts', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildFixture('public', 'production');
    expect(site.status).toBe(0);
  });

  test('exports only visible entries, and their counts match', () => {
    expect(site.json<{ id: string }[]>('api/v1/objectives.json').map((o) => o.id)).toEqual([
      '2026-q3/company',
      '2026-q3/hidden-team',
      '2026-q3/nobody',
      '2026-q3/orphan',
    ]);
    expect(site.json<{ id: string }[]>('api/v1/kpis.json').map((k) => k.id)).toEqual(['ops/uptime']);
    expect(site.json<{ id: string }[]>('api/v1/teams.json').map((t) => t.id).sort()).toEqual(['company', 'skunkworks', 'support']);
    if (site.exists('api/v1/people.json')) {
      expect(site.json<{ id: string }[]>('api/v1/people.json').map((p) => p.id)).toEqual(['ada', 'bob']);
    }
    expect(statValue(site, 'index.html', 'Objectives')).toBe('4');
    expect(statValue(site, 'periods/2026-Q3/index.html', 'Objectives')).toBe('4');
  });

  test('a period with only hidden objectives has no page and no link', () => {
    const periodPages = readDist(site.outDir).filter((file) => /^periods\/[^/]+\/index\.html$/.test(file.path.split('\\').join('/')));
    expect(periodPages.map((file) => file.path.split(/[\\/]/)[1]?.toLowerCase())).toEqual(['2026-q3']);
    expect(readDist(site.outDir).filter((file) => file.text.includes('periods/2026-q2')).map((file) => file.path)).toEqual([]);
  });

  test('a public objective whose parent is internal aligns to nothing public', () => {
    const objectives = site.json<ExportedObjective[]>('api/v1/objectives.json');
    const orphan = objectives.find((o) => o.id === '2026-q3/orphan')!;
    expect(orphan.parent).toBeNull();
    expect(textOf(site, 'objectives/2026-q3/orphan/index.html')).toContain('Aligns to nothing (top level)');
  });

  test('a public KR linked to an internal KPI shows its own values only', () => {
    const company = site.json<ExportedObjective[]>('api/v1/objectives.json').find((o) => o.id === '2026-q3/company')!;
    const linked = company.key_results.find((kr) => kr.id === 'linked')!;
    expect(linked).toMatchObject({ kpi: null, current: 1 });
    // The internal KPI's values (31337.77, 31338.88) appear nowhere, in any format.
    const hits = readDist(site.outDir).filter((file) => /3133[78]|31[ ,.\u202f\u00a0]33[78]/.test(file.text)).map((file) => file.path);
    expect(hits).toEqual([]);
  });

  test('public entries drop hidden teams, owners, leads and parents', () => {
    const objectives = site.json<ExportedObjective[]>('api/v1/objectives.json');
    expect(objectives.find((o) => o.id === '2026-q3/hidden-team')).toMatchObject({ team: null, owner: 'bob' });
    expect(objectives.find((o) => o.id === '2026-q3/nobody')).toMatchObject({ team: null, owner: null });
    const teams = site.json<{ id: string; parent: string | null; lead: string | null }[]>('api/v1/teams.json');
    expect(teams.find((t) => t.id === 'skunkworks')).toMatchObject({ parent: null });
    expect(teams.find((t) => t.id === 'support')).toMatchObject({ lead: null });
    expect(textOf(site, 'people/bob/index.html')).toContain('Bob Public');
    expect(textOf(site, 'objectives/2026-q3/nobody/index.html')).toContain('Public objective whose team and owner are both hidden');
  });
});
