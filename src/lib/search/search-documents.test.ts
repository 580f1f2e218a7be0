import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { filterByAudience } from '../content/audience.ts';
import { loadContentSet } from '../content/load-content.ts';
import { buildPortalModel, type PortalModel } from '../model/portal-model.ts';
import { markdownBlocks, searchDocuments } from './search-documents.ts';

/** A public, scored model from `{ path: [frontmatter, body] }`. */
function modelOf(entries: Record<string, [Record<string, unknown>, string?]>): PortalModel {
  const files = Object.entries(entries).map(([path, [data, body = '']]) => ({
    path,
    displayPath: `content/${path}`,
    text: path.endsWith('.yaml') ? stringify(data) : `---\n${stringify(data)}---\n${body}`,
  }));
  const { content, problems } = loadContentSet(files);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return buildPortalModel(filterByAudience(content, 'public'), '2026-08-16');
}

const model = modelOf({
  'portal.yaml': [{ default_visibility: 'public' }],
  'teams/acme.md': [{ name: 'Acme Corp' }],
  'teams/support.md': [{ name: 'Support', parent: 'acme', lead: 'sofia' }, 'We answer <b>every</b> ticket.'],
  'teams/secret.md': [{ name: 'Skunkworks', parent: 'acme', visibility: 'internal' }],
  'people/sofia.md': [{ name: 'Sofia Rossi', team: 'support', role: 'Head of Support' }],
  'objectives/2026-q3/fast.md': [
    {
      title: 'Answer <fast> & well',
      period: '2026-Q3',
      team: 'support',
      contributors: ['secret'],
      key_results: [
        {
          id: 'time',
          title: 'Cut resolution time from 5.5 to 3.0 min',
          start: 5.5,
          target: 3,
          unit: 'min',
          owner: 'sofia',
          kpi: 'resolution',
          checkins: [
            { date: '2026-07-10', value: 5, note: 'Macros shipped' },
            { date: '2026-08-01', value: 4.2 },
          ],
        },
      ],
    },
    '## Why\n\nCustomers **wait** too long. See [the report](https://example.org).\n\n<!-- draft: layoffs -->\n\n<div>raw html</div>\n',
  ],
  'objectives/2026-q3/hidden.md': [{ title: 'Restructuring', period: '2026-Q3', team: 'support', visibility: 'private', key_results: [{ id: 'a', title: 'A', type: 'milestone' }] }],
  'kpis/resolution.md': [{ title: 'Resolution time', team: 'support', category: 'customer', unit: 'min', direction: 'lower-is-better', target: 3, data: [{ date: '2026-08-01', value: 4.2 }] }],
  'retrospectives/2026-q3.mdx': [
    { title: 'Q3 retro', period: '2026-Q3' },
    'import Thing from "../thing"\n\n{/* not for the page: budget cuts */}\n\n# Went well\n\nWe shipped <Objective id="2026-q3/fast" /> and {1 + 1} more.\n',
  ],
});
const documents = searchDocuments(model);
const byUrl = new Map(documents.map((document) => [document.url, document.html]));

describe('searchDocuments', () => {
  test('one document per visible entry page, sorted by URL, at URLs below the base path', () => {
    expect(documents.map((document) => document.url)).toEqual([
      '/kpis/resolution/',
      '/objectives/2026-q3/fast/',
      '/people/sofia/',
      '/retrospectives/2026-q3/',
      '/teams/acme/',
      '/teams/support/',
    ]);
  });

  test('with includes, only the documents of the entries it picks, alike and in the same order', () => {
    const part = searchDocuments(model, undefined, { includes: (collection, id) => collection === 'teams' || id === 'resolution' });
    expect(part.map((document) => document.url)).toEqual(['/kpis/resolution/', '/teams/acme/', '/teams/support/']);
    expect(part).toEqual(documents.filter((document) => part.some((picked) => picked.url === document.url)));
  });

  test('never carries hidden entries, not even as names of contributors', () => {
    const all = documents.map((document) => document.html).join('\n');
    expect(all).not.toMatch(/Skunkworks|Restructuring/);
  });

  test('an objective: title as the first heading, facts, prose, key results, check-in notes, and its search record', () => {
    const html = byUrl.get('/objectives/2026-q3/fast/')!;
    expect(html).toContain('<h1 data-pagefind-meta="title">Answer &lt;fast&gt; &amp; well</h1>');
    expect(html).toContain('<p>Committed objective · Q3 2026 · On track</p>');
    expect(html).toContain('<p>Team: Support</p>');
    expect(html).toContain('<h2>Why</h2><p>Customers wait too long. See the report.</p>');
    expect(html).toContain('<h3>Cut resolution time from 5.5 to 3.0 min</h3><p>Type: Decrease · Owner: Sofia Rossi · Measured by: Resolution time</p><p>Macros shipped</p>');
    expect(html).toContain('<span data-pagefind-filter="type[data-value]" data-value="Objective"></span>');
    expect(html).toContain('<span data-pagefind-meta="score[data-value]"');
    expect(html).toMatch(/<span data-pagefind-sort="score\[data-value\]" data-value="0\.\d{4}"><\/span>/);
  });

  test('leaves out numbers and dates of check-ins, raw HTML and HTML comments', () => {
    const html = byUrl.get('/objectives/2026-q3/fast/')!;
    expect(html).not.toMatch(/2026-07-10|4\.2|layoffs|raw html/);
  });

  test('a KPI lists the key results it measures', () => {
    expect(byUrl.get('/kpis/resolution/')).toContain('<h2>Key results measured by this KPI</h2><p>Cut resolution time from 5.5 to 3.0 min in Answer &lt;fast&gt; &amp; well</p>');
  });

  test('teams and people: lead, parent, role; Markdown HTML is not text', () => {
    expect(byUrl.get('/teams/support/')).toContain('<p>Team</p><p>Lead: Sofia Rossi · Head of Support · Part of: Acme Corp</p><p>We answer every ticket.</p>');
    expect(byUrl.get('/teams/acme/')).toContain('<p>Company</p><p>Sub-teams: Support</p>');
    expect(byUrl.get('/people/sofia/')).toContain('<p>Role: Head of Support · Team: Support · Leads: Support</p>');
  });

  test('an MDX retrospective: its prose, without imports, expressions or comments', () => {
    const html = byUrl.get('/retrospectives/2026-q3/')!;
    expect(html).toContain('<p>Retrospective · Q3 2026 · Company-wide</p><h2>Went well</h2><p>We shipped and more.</p>');
    expect(html).not.toMatch(/import|budget cuts|1 \+ 1/);
  });
});

describe('searchDocuments in the portal\'s language', () => {
  const german = new Map(searchDocuments({ ...model, settings: { ...model.settings, locale: 'de' } }).map((document) => [document.url, document.html]));

  test('labels facts, headings and lines in German (excerpts show them), the document in lang="de"', () => {
    const objective = german.get('/objectives/2026-q3/fast/')!;
    expect(objective).toContain('<html lang="de">');
    expect(objective).toContain('<p>Ziel · Verbindlich · Q3 2026 · Im Plan</p>');
    expect(objective).toContain('<p>Team: Support</p>');
    expect(objective).not.toMatch(/Key results<|Owner:|Measured by:/);
    expect(german.get('/teams/acme/')).toContain('<p>Unternehmen</p><p>Unterteams: Support</p>');
    expect(german.get('/retrospectives/2026-q3/')).toContain('<p>Retrospektive · Q3 2026 · Unternehmensweit</p>');
  });
});

describe('searchDocuments with rendered bodies', () => {
  test('uses the sanitized HTML the build rendered, and text for the bodies it has not', () => {
    const rendered = searchDocuments(model, (collection, id) => (collection === 'teams' && id === 'support' ? '<p>We answer <strong>every</strong> ticket.</p>' : undefined));
    const html = new Map(rendered.map((document) => [document.url, document.html]));
    expect(html.get('/teams/support/')).toContain('<p>Lead: Sofia Rossi · Head of Support · Part of: Acme Corp</p><p>We answer <strong>every</strong> ticket.</p></body>');
    expect(html.get('/objectives/2026-q3/fast/')).toContain('<h2>Why</h2><p>Customers wait too long. See the report.</p>');
  });
});

describe('markdownBlocks', () => {
  test('keeps headings (levels 2 to 4), list items, code and table cells as text', () => {
    const body = '# Top\n\n- one\n- **two**\n\n#### Deep\n\n###### Deeper\n\n`code` and\n\n```\nblock\n```\n\n| a | b |\n|---|---|\n| c | d |\n';
    expect(markdownBlocks(body, 'md')).toEqual([
      { heading: 2, text: 'Top' },
      { text: 'one' },
      { text: 'two' },
      { heading: 4, text: 'Deep' },
      { heading: 4, text: 'Deeper' },
      { text: 'code and' },
      { text: 'block' },
      { text: 'a' },
      { text: 'b' },
      { text: 'c' },
      { text: 'd' },
    ]);
  });

  test('reads MDX that does not parse as plain Markdown', () => {
    expect(markdownBlocks('Broken <Tag attr={ and text', 'mdx')).toEqual([{ text: 'Broken <Tag attr={ and text' }]);
  });

  test('gives nothing for an empty body', () => {
    expect(markdownBlocks('  \n', 'md')).toEqual([]);
  });
});
