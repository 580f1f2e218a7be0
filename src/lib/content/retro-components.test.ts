import { describe, expect, test } from 'vitest';
import { loadContentSet } from './load-content.ts';
import { formatProblem } from './problems.ts';
import { checkRetroComponents, scanComponentUsages } from './retro-components.ts';
import type { ContentFile } from './content-set.ts';

describe('scanComponentUsages', () => {
  const scan = (body: string) =>
    scanComponentUsages(`---\ntitle: Q3\nperiod: 2026-Q3\n---\n${body}`).usages.map((usage) => ({ name: usage.name, line: usage.line, column: usage.column, malformed: usage.malformed, attributes: Object.fromEntries(usage.attributes) }));

  test.each<[string, string, unknown[]]>([
    ['a self-closing tag with double quotes', 'Text\n<Objective id="2026-q3/a" />', [{ name: 'Objective', line: 6, column: 1, malformed: false, attributes: { id: '2026-q3/a' } }]],
    ['single quotes and string expressions', `<KpiChange kpi='nps' period={"2026-Q3"} />`, [{ name: 'KpiChange', line: 5, column: 1, malformed: false, attributes: { kpi: 'nps', period: '2026-Q3' } }]],
    ['a tag over several lines, inline in text', 'See <Scorecard\n  period="2026-Q3"\n  team="web"\n/> here', [{ name: 'Scorecard', line: 5, column: 5, malformed: false, attributes: { period: '2026-Q3', team: 'web' } }]],
    ['an expression that is not a string', '<GradeDistribution period={period} />', [{ name: 'GradeDistribution', line: 5, column: 1, malformed: false, attributes: { period: undefined } }]],
    ['a spread', '<Objective {...props} />', [{ name: 'Objective', line: 5, column: 1, malformed: true, attributes: {} }]],
    ['nothing in fenced code, inline code or comments', '```mdx\n<Objective id="x" />\n```\n`<Objective id="y" />`\n{/* <Objective id="z" /> */}\n~~~\n<Scorecard />\n~~~', []],
    ['HTML and closing tags are not components', '<details><summary>More</summary></details> a &lt; b', []],
    ['a component inside another, and one in a list item', '<Scorecard period="2026-Q3">\n  <Objective id="x" />\n</Scorecard>\n\n- <KpiChange kpi="nps" period="2026-Q3" />', [
      { name: 'Scorecard', line: 5, column: 1, malformed: false, attributes: { period: '2026-Q3' } },
      { name: 'Objective', line: 6, column: 3, malformed: false, attributes: { id: 'x' } },
      { name: 'KpiChange', line: 9, column: 3, malformed: false, attributes: { kpi: 'nps', period: '2026-Q3' } },
    ]],
    ['components inside expressions, in text and in attributes', 'Line\n\n{shown && <Objective id="x" />}\n\nSee {<KpiChange kpi={\"nps\"} period={when} {...rest} />}.\n\n<Note aside={<Scorecard period="2026-Q3" />} />', [
      { name: 'Objective', line: 7, column: 11, malformed: false, attributes: { id: 'x' } },
      { name: 'KpiChange', line: 9, column: 6, malformed: true, attributes: { kpi: 'nps', period: undefined } },
      { name: 'Note', line: 11, column: 1, malformed: false, attributes: { aside: undefined } },
      { name: 'Scorecard', line: 11, column: 14, malformed: false, attributes: { period: '2026-Q3' } },
    ]],
    ['nothing in a link title or an autolink', '[a](https://example.org "<Objective id=y />") <https://example.org/Objective>', []],
  ])('reads %s', (_, body, expected) => {
    expect(scan(body)).toEqual(expected);
  });
});

const FILES: ContentFile[] = [
  { path: 'portal.yaml', text: 'default_visibility: public\n' },
  { path: 'teams/web.md', text: '---\nname: Web\n---\n' },
  { path: 'kpis/nps.md', text: '---\ntitle: NPS\n---\n' },
  { path: 'objectives/2026-q3/speed.md', text: '---\ntitle: Fast\nperiod: 2026-Q3\nteam: web\nkey_results:\n  - {id: a, title: A, type: milestone}\n---\n' },
  { path: 'objectives/2026-q3/secret.md', text: '---\ntitle: Secret\nperiod: 2026-Q3\nteam: web\nvisibility: internal\nkey_results:\n  - {id: a, title: A, type: milestone}\n---\n' },
].map((file) => ({ ...file, displayPath: `content/${file.path}` }));

function check(path: string, body: string): string[] {
  const files = [...FILES, { path, displayPath: `content/${path}`, text: `---\ntitle: Retro\nperiod: 2026-Q3\nvisibility: public\n---\n${body}` }];
  const { content, problems } = loadContentSet(files);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return checkRetroComponents(content, files).map((problem) => `${problem.severity} ${formatProblem(problem)}`);
}

test('the frontmatter is not MDX: braces and tags there are neither components nor errors', () => {
  const { usages, error } = scanComponentUsages('---\r\ntitle: "{Q3} <Objective id=x />"\r\nperiod: 2026-Q3\r\n---\r\n\r\n<Objective id="y" />');
  expect(error).toBeUndefined();
  expect(usages.map((usage) => [usage.name, usage.attributes.get('id'), usage.line])).toEqual([['Objective', 'y', 6]]);
});

test('a body that is not valid MDX reports where it stops, with the line in the file', () => {
  const { usages, error } = scanComponentUsages('---\ntitle: Q3\nperiod: 2026-Q3\n---\nFine\n\nThen {unclosed');
  expect(usages).toEqual([]);
  expect(error?.line).toBe(7);
  expect(error!.message).toMatch(/end of file/i);
});

describe('checkRetroComponents', () => {
  test('accepts every component with known ids', () => {
    expect(check('retrospectives/q3.mdx', '<Scorecard period="2026-Q3" team="web" />\n<KpiChange kpi="nps" period="2026-Q3" />\n<Objective id="2026-q3/speed" />\n<GradeDistribution period="2026-Q3" />')).toEqual([]);
  });

  test('names the file, line, column, component, attribute and id', () => {
    expect(check('retrospectives/q3.mdx', 'Intro\n\n<Objective id="2026-q3/sped" />\n<Scorecard period="2026-Q3" team="wbe" />\n  <KpiChange kpi="npx" period="2026-q3" />')).toMatchInlineSnapshot(`
      [
        "error content/retrospectives/q3.mdx:8:1: Objective.id: "2026-q3/sped" is not an objective (expected the id of a file in objectives/) Did you mean "2026-q3/speed"?",
        "error content/retrospectives/q3.mdx:9:1: Scorecard.team: "wbe" is not a team (expected the id of a file in teams/) Did you mean "web"?",
        "error content/retrospectives/q3.mdx:10:3: KpiChange.kpi: "npx" is not a KPI (expected the id of a file in kpis/) Did you mean "nps"?",
        "error content/retrospectives/q3.mdx:10:3: KpiChange.period: "2026-q3" is not a period (expected YYYY-Qn, e.g. 2026-Q3)",
      ]
    `);
  });

  test('reports unknown components, attributes, missing and dynamic values', () => {
    expect(check('retrospectives/q3.mdx', '<Scoreboard period="2026-Q3" />\n<Scorecard perod="2026-Q3" />\n<Objective id={someId} />\n<Objective {...props} />')).toMatchInlineSnapshot(`
      [
        "error content/retrospectives/q3.mdx:6:1: <Scoreboard> is not a retrospective component (expected Scorecard, KpiChange, Objective, GradeDistribution) Did you mean "Scorecard"?",
        "error content/retrospectives/q3.mdx:7:1: Scorecard.perod: is not an attribute of Scorecard (expected period, team) Did you mean "period"?",
        "error content/retrospectives/q3.mdx:7:1: Scorecard.period: is required (e.g. <Scorecard period="…" team="…" />)",
        "error content/retrospectives/q3.mdx:8:1: Objective.id: must be a plain string, e.g. <Objective id="…" /> (ids are checked before the build)",
        "error content/retrospectives/q3.mdx:9:1: Objective: could not be read (write plain attributes like <Objective id="…" />)",
      ]
    `);
  });

  test('warns when a public retrospective embeds an internal objective', () => {
    expect(check('retrospectives/q3.mdx', '<Objective id="2026-q3/secret" />')).toMatchInlineSnapshot(`
      [
        "warning content/retrospectives/q3.mdx:6:1: Objective.id: "2026-q3/secret" is internal, so builds that show this public retrospective leave the Objective out",
      ]
    `);
  });

  test('warns about components in a .md retrospective, where they do not render', () => {
    expect(check('retrospectives/q3.md', '<Objective id="2026-q3/speed" />')).toMatchInlineSnapshot(`
      [
        "warning content/retrospectives/q3.md:6:1: Objective: only works in .mdx retrospectives; rename the file to .mdx",
      ]
    `);
  });
  test('a retrospective that is not valid MDX is an error at the place the MDX compiler stops; a .md one is not read as MDX', () => {
    expect(check('retrospectives/q3.mdx', 'Done {unclosed')).toMatchInlineSnapshot(`
      [
        "error content/retrospectives/q3.mdx:6:15: body: is not valid MDX: Unexpected end of file in expression, expected a corresponding closing brace for \`{\`",
      ]
    `);
    expect(check('retrospectives/q3.md', 'Done {unclosed')).toEqual([]);
  });
});
