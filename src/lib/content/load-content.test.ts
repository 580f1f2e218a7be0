import { describe, expect, test } from 'vitest';
import { contentFiles, contentSet, loadSpec } from '../../../test/support/content-files.ts';
import { entryId, loadContentSet } from './load-content.ts';

const team = { name: 'Support' };
const kpi = { title: 'Tickets per customer', direction: 'lower-is-better' };
const objective = {
  title: 'Support that scales',
  period: '2026-Q3',
  team: 'support',
  key_results: [{ id: 'tickets', title: 'Tickets per customer from 1.5 to 0.5', start: 1.5, target: 0.5 }],
};

describe('entryId', () => {
  test.each([
    ['teams/support.md', 'support'],
    ['objectives/2026-Q3/Support/efficiency.md', '2026-q3/support/efficiency'],
    ['retrospectives/2026-q3/company.mdx', '2026-q3/company'],
    ['kpis/support/tickets-per-customer.md', 'support/tickets-per-customer'],
    ['people/Maria-Lopez.MD', 'maria-lopez'],
    ['kpis/v1.2/nps.md', 'v1.2/nps'],
  ])('%s has id %s', (path, id) => {
    expect(entryId(path)).toBe(id);
  });
});

describe('loadContentSet', () => {
  test('loads every collection with ids, files and bodies', () => {
    const content = contentSet({
      'teams/support.md': '---\nname: Support\n---\nWe help customers.\n',
      'people/maria-lopez.md': { name: 'Maria Lopez', team: 'support' },
      'objectives/2026-Q3/Support.md': objective,
      'kpis/tickets.md': kpi,
      'retrospectives/2026-q3.mdx': { title: 'Q3 look back', period: '2026-Q3' },
    });
    expect(content.teams).toMatchObject([{ id: 'support', file: 'content/teams/support.md', path: 'teams/support.md', body: 'We help customers.\n', format: 'md' }]);
    expect(content.people.map((entry) => entry.id)).toEqual(['maria-lopez']);
    expect(content.objectives.map((entry) => entry.id)).toEqual(['2026-q3/support']);
    expect(content.kpis.map((entry) => entry.id)).toEqual(['tickets']);
    expect(content.retrospectives).toMatchObject([{ id: '2026-q3', format: 'mdx' }]);
  });

  test('applies defaults from the schema', () => {
    expect(contentSet({ 'objectives/a.md': objective }).objectives[0]!.data).toMatchObject({ kind: 'committed', draft: false, contributors: [] });
  });

  test('reports two files with the same id (Foo.md and foo.md)', () => {
    expect(loadSpec({ 'teams/Support.md': team, 'teams/support.md': team }).problems).toMatchInlineSnapshot(`
      [
        "content/teams/Support.md: has the same id "support" as content/teams/support.md (ids are paths without extension, in lower case)",
      ]
    `);
  });

  test('reports a file name that does not give a valid id, with a suggestion', () => {
    const { content, problems } = loadSpec({ 'teams/R&D Team.md': team, 'objectives/2026-Q3/ Plan.md': objective });
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-Q3/ Plan.md: gives the id "2026-q3/ plan", which is not a valid id; rename it with lower-case letters, digits, dots, dashes and underscores, such as "2026-q3/plan"",
        "content/teams/R&D Team.md: gives the id "r&d team", which is not a valid id; rename it with lower-case letters, digits, dots, dashes and underscores, such as "r-d-team"",
      ]
    `);
    expect(content.teams).toEqual([]);
  });

  test('reports the same id from .md and .mdx retrospectives', () => {
    expect(loadSpec({ 'retrospectives/q3.md': { title: 'Q3', period: '2026-Q3' }, 'retrospectives/q3.mdx': { title: 'Q3', period: '2026-Q3' } }).problems).toMatchInlineSnapshot(`
      [
        "content/retrospectives/q3.mdx: has the same id "q3" as content/retrospectives/q3.md (ids are paths without extension, in lower case)",
      ]
    `);
  });

  test('allows the same id in different collections', () => {
    expect(loadSpec({ 'teams/support.md': team, 'kpis/support.md': kpi }).problems).toEqual([]);
  });

  test('rejects MDX outside retrospectives', () => {
    expect(loadSpec({ 'objectives/a.mdx': objective, 'retrospectives/q3.mdx': { title: 'Q3', period: '2026-Q3' } }).problems).toMatchInlineSnapshot(`
      [
        "content/objectives/a.mdx: MDX is only allowed in retrospectives/; rename it to .md",
      ]
    `);
  });

  test('warns about files outside the collections and of the wrong kind', () => {
    const { problems } = loadContentSet(
      contentFiles({ 'README.md': '# notes', 'teams/logo.png': 'png', 'objectives/notes.txt': 'x', 'kpis/orphan.json': '{}', 'stray.md': '---\n---\n' }),
    );
    expect(problems.every((problem) => problem.severity === 'warning')).toBe(true);
    expect(problems.map((problem) => `${problem.file}: ${problem.message}`)).toMatchInlineSnapshot(`
      [
        "content/kpis/orphan.json: is not part of the portal and is ignored (expected a .md file or a .csv sidecar)",
        "content/objectives/notes.txt: is not part of the portal and is ignored (expected a .md file)",
        "content/README.md: is not part of the portal and is ignored (expected a file inside teams/, people/, objectives/, kpis/, retrospectives/ or portal.yaml)",
        "content/stray.md: is not part of the portal and is ignored (expected a file inside teams/, people/, objectives/, kpis/, retrospectives/ or portal.yaml)",
        "content/teams/logo.png: is not part of the portal and is ignored (expected a .md file)",
      ]
    `);
  });

  test('reports frontmatter and schema problems with the file and line', () => {
    const { problems } = loadContentSet(contentFiles({ 'teams/support.md': '---\nname: Support\nlead: [x\n---\n', 'teams/sales.md': '---\nname: Sales\nparnet: acme\n---\n' }));
    expect(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.field}: ${problem.message} ${problem.hint ?? ''}`)).toMatchInlineSnapshot(`
      [
        "content/teams/sales.md:3: parnet: is not a known field (expected one of: name, parent, lead, visibility) Did you mean "parent"?",
        "content/teams/support.md:3: : YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] ",
      ]
    `);
  });

  test('skips invalid entries and keeps the valid ones', () => {
    const { content, problems } = loadSpec({ 'teams/a.md': team, 'teams/b.md': {}, 'teams/c.md': 'no frontmatter' });
    expect(content.teams.map((entry) => entry.id)).toEqual(['a']);
    expect(problems).toHaveLength(2);
  });

  describe('KPI CSV sidecars', () => {
    test('attaches the sidecar data to the KPI beside it', () => {
      const content = contentSet({ 'kpis/support/tickets.md': kpi, 'kpis/support/tickets.csv': 'date,value,note\n2026-01-01,1.4,\n2026-02-01,1.3,"New FAQ, less tickets"\n' });
      expect(content.kpis[0]!.data.data).toEqual([
        { date: '2026-01-01', value: 1.4 },
        { date: '2026-02-01', value: 1.3, note: 'New FAQ, less tickets' },
      ]);
    });

    test('matches the sidecar whatever the case of its name', () => {
      expect(contentSet({ 'kpis/NPS.md': kpi, 'kpis/nps.csv': 'date,value\n2026-01-01,40\n' }).kpis[0]!.data.data).toEqual([{ date: '2026-01-01', value: 40 }]);
    });

    test('reports data in both the frontmatter and a sidecar', () => {
      expect(loadSpec({ 'kpis/nps.md': { ...kpi, data: [{ date: '2026-01-01', value: 1 }] }, 'kpis/nps.csv': 'date,value\n2026-01-01,40\n' }).problems).toMatchInlineSnapshot(`
        [
          "content/kpis/nps.md: data: is set, and content/kpis/nps.csv exists too; keep the data in one of them",
        ]
      `);
    });

    test('reports a CSV without a KPI file', () => {
      expect(loadSpec({ 'kpis/nps.csv': 'date,value\n2026-01-01,40\n' }).problems).toMatchInlineSnapshot(`
        [
          "content/kpis/nps.csv: has no KPI file beside it (expected kpis/nps.md)",
        ]
      `);
    });

    test('does not call a sidecar an orphan when its KPI file has problems', () => {
      expect(loadSpec({ 'kpis/nps.md': { direction: 'up' }, 'kpis/nps.csv': 'date,value\n2026-01-01,40\n' }).problems).toMatchInlineSnapshot(`
        [
          "content/kpis/nps.md: title: is required (expected a string)",
          "content/kpis/nps.md:2:12: direction: must be one of higher-is-better, lower-is-better, got "up"",
        ]
      `);
    });

    test('reports bad CSV rows with the CSV file and line', () => {
      expect(loadSpec({ 'kpis/nps.md': kpi, 'kpis/nps.csv': 'date,value\n2026-01-01,40\n2026-13-01,41\n' }).problems).toMatchInlineSnapshot(`
        [
          "content/kpis/nps.csv:3:1: date: must be a real date written YYYY-MM-DD, got "2026-13-01"",
        ]
      `);
    });
  });

  describe('portal.yaml', () => {
    test('defaults without the file', () => {
      expect(contentSet({}).settings).toEqual({ name: 'OKRs', locale: 'en', default_visibility: 'internal', grading: { red_below: 0.4, green_from: 0.7 }, checkin_cadence: 'weekly' });
    });

    test('defaults for an empty file', () => {
      expect(loadSpec({ 'portal.yaml': '' })).toMatchObject({ problems: [], content: { settings: { name: 'OKRs' } } });
    });

    test('reads the settings', () => {
      const settings = contentSet({ 'portal.yaml': { name: 'Acme OKRs', organization: 'Acme', current_period: '2026-Q3', default_visibility: 'public', grading: { red_below: 0.3 } } }).settings;
      expect(settings).toEqual({ name: 'Acme OKRs', organization: 'Acme', current_period: '2026-Q3', locale: 'en', default_visibility: 'public', grading: { red_below: 0.3, green_from: 0.7 }, checkin_cadence: 'weekly' });
    });

    test('reports bad values with their line, and falls back to the defaults', () => {
      const { content, problems } = loadSpec({ 'portal.yaml': 'name: Acme\ndefault_visibilty: public\ngrading:\n  green_from: 1.2\n' });
      expect(problems).toMatchInlineSnapshot(`
        [
          "content/portal.yaml:4:15: grading.green_from: must be at most 1, got 1.2",
          "content/portal.yaml:2:20: default_visibilty: is not a known field (expected one of: name, organization, current_period, default_visibility, locale, grading, checkin_cadence, branding) Did you mean "default_visibility"?",
        ]
      `);
      expect(content.settings.name).toBe('OKRs');
    });

    test('reads a locale served by a shipped catalog', () => {
      expect(contentSet({ 'portal.yaml': { locale: 'nb-NO' } }).settings.locale).toBe('nb-NO');
    });

    test('reports an unknown locale at portal.yaml: locale', () => {
      expect(loadSpec({ 'portal.yaml': 'locale: xx\n' }).problems).toMatchInlineSnapshot(`
        [
          "content/portal.yaml:1:9: locale: unknown locale "xx": expected a BCP 47 tag of a shipped language (en, de, es, fr, nb)",
        ]
      `);
      expect(loadSpec({ 'portal.yaml': 'locale: de_DE\n' }).problems).toHaveLength(1);
    });

    test('reports YAML that is not a mapping', () => {
      expect(loadSpec({ 'portal.yaml': '- a\n- b\n' }).problems).toMatchInlineSnapshot(`
        [
          "content/portal.yaml:1:1: frontmatter must be a mapping of fields (field: value)",
        ]
      `);
    });

    test('reads a BOM and CRLF', () => {
      expect(contentSet({ 'portal.yaml': '\uFEFFname: Acme\r\ndefault_visibility: public\r\n' }).settings).toMatchObject({ name: 'Acme', default_visibility: 'public' });
    });
  });

  describe('default_visibility', () => {
    test.each([
      [undefined, 'internal'],
      ['public', 'public'],
      ['private', 'private'],
    ])('with default_visibility %s, an entry without visibility is %s', (defaultVisibility, expected) => {
      const content = contentSet({ ...(defaultVisibility ? { 'portal.yaml': { default_visibility: defaultVisibility } } : {}), 'teams/a.md': team, 'objectives/o.md': objective, 'kpis/k.md': kpi });
      expect([content.teams[0]!.visibility, content.objectives[0]!.visibility, content.kpis[0]!.visibility]).toEqual([expected, expected, expected]);
    });

    test('an entry that sets its visibility keeps it', () => {
      const content = contentSet({ 'portal.yaml': { default_visibility: 'public' }, 'teams/a.md': { ...team, visibility: 'private' } });
      expect(content.teams[0]!.visibility).toBe('private');
    });
  });
});
