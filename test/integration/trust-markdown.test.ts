/**
 * Issue 18, classes 8 and 9: URLs in bodies that browsers resolve to another host, and the
 * limits that `okr check` enforces before the build could crash, hang or write XML no reader
 * accepts. URL forms are checked on the renderer (the function the loaders call) and in one
 * real build of a public objective and an MDX retrospective; limits on loadContent (the loader
 * the build and `okr check` share) and in one real build that must fail with the same line.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'parse5';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderMarkdownBody } from '../../src/loader/markdown.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { loadContent } from '../../src/loader/read-content.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';

const EXTERNAL = 'rel="noopener noreferrer"';

describe('URLs that a browser resolves to another host', () => {
  // [form, as written in Markdown or raw HTML, the link it becomes]
  const FORMS: ReadonlyArray<readonly [string, string]> = [
    ['scheme-relative', '//evil.example/x'],
    ['three slashes', '///evil.example/x'],
    ['slash backslash', '/\\evil.example/x'],
    ['two backslashes', '\\\\evil.example/x'],
    ['backslash slash', '\\/evil.example/x'],
    ['slash backslash slash', '/\\/evil.example/x'],
    ['a tab between the slashes', '/&#x09;/evil.example/x'],
    ['a leading space', ' //evil.example/x'],
    ['a leading control character', '&#1;//evil.example/x'],
    ['entity-encoded slashes', '&#47;&#47;evil.example/x'],
    ['a newline inside the scheme', 'ht&#x0A;tps://evil.example/x'],
    ['https: without slashes', 'https:evil.example/x'],
    ['http: with one slash', 'http:/evil.example/x'],
    ['upper-case scheme', 'HTTPS://evil.example/x'],
    ['mixed-case scheme without slashes', 'HtTpS:evil.example/x'],
  ];

  test.each(FORMS)('%s (%j) is no image, and a marked external link', (_, url) => {
    const html = renderMarkdownBody(`<img src="${url}" alt="i"> <a href="${url}">l</a>`).html.trim();
    const scheme = url.startsWith('http:') ? 'http' : 'https';
    expect(html).toBe(`<p><img alt="i"> <a href="${scheme}://evil.example/x" ${EXTERNAL}>l</a></p>`);
  });

  test('an entity-encoded tab inside javascript: removes the link', () => {
    expect(renderMarkdownBody('<a href="java&#x09;script:alert(1)">l</a> [m](<java\tscript:alert(1)>)').html.trim()).toBe('<p><a>l</a> <a>m</a></p>');
  });

  test.each([
    ['an entity-encoded first letter', '&#106;avascript:alert(1)'],
    ['an entity-encoded colon', 'javascript&colon;alert(1)'],
    ['an entity-encoded newline inside', 'jav&#x0A;ascript:alert(1)'],
    ['a percent-encoded first letter', '%6Aavascript:alert(1)'],
    ['a leading space', ' javascript:alert(1)'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['a data: URL', 'data:text/html;base64,PHNjcmlwdD4='],
    ['file:', 'file:///etc/passwd'],
    ['blob:', 'blob:https://evil.example/x'],
  ])('%s (%j) is removed from links and images, in Markdown and raw HTML', (_, url) => {
    expect(renderMarkdownBody(`[l](${url}) ![i](${url}) <a href="${url}">r</a><img src="${url}" alt="j">`).html.trim()).toBe('<p><a>l</a> <img alt="i"> <a>r</a><img alt="j"></p>');
  });

  test('credentials or an @ in front of the portal do not make a URL internal', () => {
    expect(renderMarkdownBody('[a](//evil.example@portal/x) ![b](//evil.example@portal/x.png)').html.trim()).toBe(`<p><a href="https://evil.example@portal/x" ${EXTERNAL}>a</a> <img alt="b"></p>`);
  });

  test('a percent-encoded backslash stays a path on the portal (WHATWG URL parsing keeps it in the path)', () => {
    expect(renderMarkdownBody('![i](/%5Cevil.example/x.png)').html.trim()).toBe('<p><img src="/%5Cevil.example/x.png" alt="i"></p>');
  });

  test('a srcset with one external candidate and an external cite are removed', () => {
    expect(renderMarkdownBody('<picture><source srcset="/a.png 1x, //evil.example/b.png 2x"><img src="/a.png"></picture>\n\n<blockquote cite="/\\evil.example/">q</blockquote>').html.trim()).toBe(
      '<p><picture><source><img src="/a.png"></picture></p>\n<blockquote>q</blockquote>',
    );
  });
});

/** Every element of a built page that has an attribute mentioning evil.example, as `tag attr=value ...`. */
function hostileElements(html: string): string[] {
  const found: string[] = [];
  type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };
  const visit = (node: Node): void => {
    if (node.attrs?.some((attribute) => attribute.value.includes('evil.example'))) {
      found.push([node.nodeName, ...node.attrs.filter((a) => a.name === 'href' || a.name === 'rel' || a.value.includes('evil')).map((a) => `${a.name}=${a.value}`)].join(' '));
    }
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(parse(html) as unknown as Node);
  return found;
}

describe('building every hostile URL form in a public objective and an MDX retrospective', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite('test/fixtures/trust-markdown-urls', { PORTAL_AS_OF: '2026-10-15', PORTAL_SITE: 'https://okrs.example' });
  });
  const link = (marker: string): string => `a href=https://evil.example/${marker} rel=noopener noreferrer`;

  test('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  test('the objective page: no image, srcset, cite or area keeps a foreign URL; every link is marked external', () => {
    expect(hostileElements(site.read('objectives/2026-q3/urls/index.html'))).toEqual(
      ['m1', 'm2', 'm3', 'm4', 'm5', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8'].map(link),
    );
  });

  test('the MDX retrospective: Markdown and JSX images lose foreign URLs, JSX links get the external rel', () => {
    expect(hostileElements(site.read('retrospectives/2026-q3/company/index.html'))).toEqual(['x1', 'x2', 'j1', 'j2', 'j3', 'j4'].map(link));
  });
});

/** Writes a content folder from `{ path: text }` and loads it as the build and `okr check` do. */
function contentFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'okr-trust-markdown-'));
  const all: Record<string, string> = { 'portal.yaml': 'default_visibility: public\n', 'teams/company.md': '---\nname: Company\n---\n', ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const problemsOf = (files: Record<string, string>): string[] => {
  const root = contentFolder(files);
  return loadContent({ contentDir: root, audience: 'public', cwd: root }).problems.map(formatProblem);
};
const objective = (frontmatter: string, body = ''): string =>
  `---\ntitle: An objective\nperiod: 2026-Q3\nteam: company\nkey_results:\n${frontmatter}\n---\n${body}`;
const KR = '  - {id: kr, title: From 0 to 1, start: 0, target: 1}';

describe('limits that okr check enforces before the build', () => {
  test.each([
    ['10,000 nested blockquotes', '>'.repeat(10_000) + ' x', 'objectives/o.md:8:1: body: nests blockquotes and lists 10000 levels deep, more than the limit of 100'],
    ['1,000 nested list items on one line', 'Intro\n\n' + '- '.repeat(1_000) + 'x', 'objectives/o.md:10:1: body: nests blockquotes and lists 1000 levels deep, more than the limit of 100'],
    ['list items nested by 300 columns of indentation', Array.from({ length: 151 }, (_, level) => `${'  '.repeat(level)}- x`).join('\n'), 'objectives/o.md:108:1: body: nests blockquotes and lists 101 levels deep, more than the limit of 100'],
    ['200,000 `[x]` in one paragraph', 'Start\n\n' + '[x]'.repeat(66_000), 'objectives/o.md:10:1: body: has a paragraph with more than 2000 of the characters * _ ~ ` [ ] < ! (the limit); split it with blank lines'],
    ['200,000 asterisks', '*'.repeat(200_000), 'objectives/o.md:8:1: body: has a paragraph with more than 2000 of the characters * _ ~ ` [ ] < ! (the limit); split it with blank lines'],
    ['300 nested emphases', `${'*a '.repeat(300)}x${' a*'.repeat(300)}`, 'objectives/o.md:8:596: body: nests elements more than 200 levels deep (the limit; emphasis, links, lists, quotes and raw HTML count)'],
    ['300 raw <div>s, one a paragraph', '<div>\n\n'.repeat(300) + 'x', 'objectives/o.md:406:1: body: nests elements more than 200 levels deep (the limit; emphasis, links, lists, quotes and raw HTML count)'],
    ['a bell character', 'Fine line.\nA bell \u0007 here.', 'objectives/o.md:9:8: body: contains U+0007, a control character, which HTML, XML and SVG cannot carry; remove it'],
    ['a C1 control character', 'x\u0085y', 'objectives/o.md:8:2: body: contains U+0085, a control character, which HTML, XML and SVG cannot carry; remove it'],
  ])('a body with %s is one error at its line', (_, body, expected) => {
    expect(problemsOf({ 'objectives/o.md': objective(KR, body) })).toEqual([expected]);
  });

  test.each([
    ['a title with an escaped bell', 'title: "Bell \\a"', 'teams/t.md:2:7: name: contains U+0007, a control character, which HTML, XML and SVG cannot carry; remove it'],
    ['a name with a lone surrogate', 'name: "Half \\uD800 a pair"', 'teams/t.md:2:7: name: contains U+D800, a lone surrogate, which HTML, XML and SVG cannot carry; remove it'],
    ['a name with U+FFFE', 'name: "x\\uFFFE"', 'teams/t.md:2:7: name: contains U+FFFE, a noncharacter, which HTML, XML and SVG cannot carry; remove it'],
  ])('%s is an error naming the field', (_, line, expected) => {
    const name = line.replace(/^title:/, 'name:');
    expect(problemsOf({ 'teams/t.md': `---\n${name}\n---\n` })).toEqual([expected]);
  });

  test('a check-in note with an escape character and a unit with DEL name their fields', () => {
    const kr = '  - id: kr\n    title: From 0 to 1\n    start: 0\n    target: 1\n    unit: "m\\x7F"\n    checkins:\n      - {date: 2026-08-01, value: 1, note: "esc \\e"}';
    expect(problemsOf({ 'objectives/o.md': objective(kr) })).toEqual([
      'objectives/o.md:10:11: key_results[0].unit: contains U+007F, a control character, which HTML, XML and SVG cannot carry; remove it',
      'objectives/o.md:12:44: key_results[0].checkins[0].note: contains U+001B, a control character, which HTML, XML and SVG cannot carry; remove it',
    ]);
  });

  test('a CSV note with a control character names the row', () => {
    expect(problemsOf({ 'kpis/k.md': '---\ntitle: K\n---\n', 'kpis/k.csv': 'date,value,note\n2026-07-01,1,ok\n2026-08-01,2,bad \u0002 note\n' })).toEqual([
      'kpis/k.csv:3:1: note: contains U+0002, a control character, which HTML, XML and SVG cannot carry; remove it',
    ]);
  });

  test('start -1e308 and target 1e308 (target - start is Infinity) and a weight of 1e308 are out of range', () => {
    const kr = '  - {id: kr, title: From far to far, start: -1e308, target: 1e308, weight: 1e308}';
    expect(problemsOf({ 'objectives/o.md': objective(kr) })).toEqual([
      'objectives/o.md:6:45: key_results[0].start: must be a number between -1e15 and 1e15, so that scores, sums and chart axes stay finite, got -1e+308',
      'objectives/o.md:6:61: key_results[0].target: must be a number between -1e15 and 1e15, so that scores, sums and chart axes stay finite, got 1e+308',
      "objectives/o.md:6:76: key_results[0].weight: must be at most 1e15, so that the weights' sum stays finite, got 1e+308",
    ]);
  });

  test('a KPI value near Number.MAX_VALUE is out of range', () => {
    expect(problemsOf({ 'kpis/k.md': '---\ntitle: K\ntarget: 1.7e308\n---\n' })).toEqual([
      'kpis/k.md:3:9: target: must be a number between -1e15 and 1e15, so that scores, sums and chart axes stay finite, got 1.7e+308',
    ]);
  });

  test('an id segment too long for a file name once .svg is appended is an error naming id', () => {
    const segment = 'a'.repeat(252);
    expect(problemsOf({ [`objectives/${segment}.md`]: objective(KR) })).toEqual([
      `objectives/${segment}.md: id: has the path segment "aaaaaaaaaaaaaaaaaaaa…" of 252 bytes; a segment names a file (with .svg or .csv appended) and may have at most 251 bytes: rename the file or folder`,
    ]);
  });

  test('an id longer than 1,024 bytes is an error naming id', () => {
    const folders = Array.from({ length: 6 }, () => 'b'.repeat(200)).join('/');
    expect(problemsOf({ [`objectives/${folders}/o.md`]: objective(KR) })).toEqual([
      `objectives/${folders}/o.md: id: is 1207 bytes long; an id may have at most 1024 bytes: use shorter folder and file names`,
    ]);
  });

  test('a key result id too long for its badge file name is an error naming the field', () => {
    const kr = `  - {id: ${'k'.repeat(252)}, title: From 0 to 1, start: 0, target: 1}`;
    expect(problemsOf({ 'objectives/o.md': objective(kr) })).toEqual([`objectives/o.md:6:10: key_results[0].id: must be at most 251 characters long (it names a file), got "${'k'.repeat(57)}..."`]);
  });
});

describe('a body over a limit fails the build with the line okr check prints', () => {
  let root: string;
  let site: BuiltSite;
  beforeAll(() => {
    root = contentFolder({ 'objectives/o.md': objective(KR, '>'.repeat(10_000) + ' x'), 'teams/bell.md': '---\nname: "Bell \\a"\n---\n' });
    site = buildSite(root, { PORTAL_AS_OF: '2026-10-15' });
  });

  test('okr check and the build print the same two lines, exit 1, and print no stack trace', () => {
    const check = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/node'), ['scripts/okr.ts', 'check', '--content', root], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const lines = (check.stdout + check.stderr).split('\n').filter((line) => line.startsWith('error'));
    expect(lines.map((line) => line.replace(/^error\s+\S*?(objectives|teams)\//, '$1/'))).toEqual([
      'objectives/o.md:8:1: body: nests blockquotes and lists 10000 levels deep, more than the limit of 100',
      'teams/bell.md:2:7: name: contains U+0007, a control character, which HTML, XML and SVG cannot carry; remove it',
    ]);
    expect(check.status).toBe(1);
    expect(site.status).toBe(1);
    for (const line of lines) expect(site.output).toContain(line.replace(/^error\s+/, ''));
    expect(site.output).not.toMatch(/^\s+at /m);
  });
});
