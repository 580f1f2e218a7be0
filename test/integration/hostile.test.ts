/**
 * The hostile-input corpus (test/fixtures/hostile): one small content folder per attack or
 * mistake. Every error case gives clear problems that name the file (and the field), checked
 * fast with loadContent and snapshotted; a few run a real build, which must exit 1, print every
 * problem at once and no stack trace. The XSS folder builds, and its payloads must come out
 * escaped in HTML, SVG, XML and JSON, and neutralized in CSV.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, parseFragment } from 'parse5';
import { beforeAll, describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/lib/content/frontmatter.ts';
import { formatProblem, formatReport } from '../../src/lib/content/problems.ts';
import { loadContent } from '../../src/loader/read-content.ts';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';
import { buildOnce, XSS_ENV } from '../support/shared-build.ts';

const HOSTILE = 'test/fixtures/hostile';

/** Each case folder and the problem codes it must give, in report order (errors, then `warning:`). */
const CASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['alias-bomb', ['yaml-anchor', 'yaml-alias']],
  ['anchor-alias', ['yaml-anchor', 'yaml-alias']],
  ['bad-csv', ['csv', 'csv', 'csv', 'csv']],
  ['bad-dates', ['invalid', 'invalid', 'invalid']],
  ['bad-file-name', ['invalid-id', 'invalid-id']],
  ['bad-portal-yaml', ['out-of-range', 'invalid-format', 'invalid-value', 'invalid', 'unknown-field']],
  ['bad-visibility', ['invalid-value']],
  ['broken-yaml', ['yaml-syntax']],
  ['csv-and-data', ['data-and-csv']],
  ['custom-tag', ['yaml-tag']],
  ['dangling-reference', ['dangling-reference', 'dangling-reference', 'dangling-reference', 'dangling-reference']],
  ['deep-nesting', ['yaml-too-deep', 'yaml-too-deep']],
  ['duplicate-id', ['duplicate-id', 'duplicate-id']],
  ['duplicate-key', ['yaml-syntax']],
  ['duplicate-kr-ids', ['invalid']],
  ['empty-file', ['empty-file']],
  ['empty-key-results', ['out-of-range']],
  ['huge-number', ['wrong-type', 'wrong-type', 'out-of-range']],
  ['ignored-files', ['warning:ignored-file', 'warning:ignored-file']],
  ['mdx-outside-retrospectives', ['mdx-not-allowed']],
  ['merge-key', ['required', 'unknown-field']],
  ['missing-fields', ['required', 'required', 'invalid']],
  ['non-finite', ['wrong-type', 'wrong-type', 'wrong-type']],
  ['not-a-mapping', ['not-a-mapping']],
  ['null-values', ['empty-value', 'empty-value']],
  ['objective-cycle', ['cycle']],
  ['orphan-csv', ['orphan-csv']],
  ['proto-pollution', ['unknown-field', 'unknown-field']],
  ['self-parent', ['cycle']],
  ['tabs-indent', ['yaml-syntax', 'yaml-syntax']],
  ['team-cycle', ['cycle']],
  ['text-before-frontmatter', ['no-frontmatter']],
  ['too-long-text', ['out-of-range']],
  ['unclosed-frontmatter', ['unclosed-frontmatter']],
  ['unknown-field', ['unknown-field', 'unknown-field']],
  ['whitespace-file', ['empty-file']],
  ['wrong-types', ['wrong-type', 'invalid-format', 'wrong-type', 'wrong-type', 'invalid-format', 'wrong-type', 'out-of-range', 'out-of-range']],
];
/** Unusual but valid input: BOM, CRLF, 1e15, -0, 5e-324, Unicode, start = target. */
const VALID_CASES = ['ok-bom', 'ok-crlf', 'ok-edge-values'];
/** Built, not loaded: see the last describe. */
const BUILT_CASES = ['xss'];

const load = (contentDir: string): ReturnType<typeof loadContent> => loadContent({ contentDir, audience: 'public', cwd: PROJECT_ROOT });

describe('the hostile corpus', () => {
  test('has 30+ cases and every folder is in a table', () => {
    const folders = readdirSync(join(PROJECT_ROOT, HOSTILE)).sort();
    expect(folders).toEqual([...CASES.map(([name]) => name), ...VALID_CASES, ...BUILT_CASES].sort());
    expect(folders.length).toBeGreaterThanOrEqual(30);
  });

  test.each(CASES)('%s gives %j, naming its files and fields', (name, codes) => {
    const folder = `${HOSTILE}/${name}`;
    const { problems } = load(folder);
    const report = formatReport(problems);
    expect(problems.map((problem) => `${problem.severity === 'warning' ? 'warning:' : ''}${problem.code}`), report).toEqual([...codes]);
    for (const problem of problems) {
      expect(problem.file.startsWith(`${folder}/`), formatProblem(problem)).toBe(true);
      expect(problem.message.length).toBeGreaterThan(10);
    }
    expect(report).toMatchSnapshot();
  });

  test.each(VALID_CASES)('%s loads without problems', (name) => {
    expect(formatReport(load(`${HOSTILE}/${name}`).problems)).toBe('0 errors, 0 warnings');
  });

  test('a byte order mark and CRLF line endings do not leak into values', () => {
    expect(load(`${HOSTILE}/ok-bom`).all.teams[0]?.data.name).toBe('Support with a byte order mark');
    const crlf = load(`${HOSTILE}/ok-crlf`).all;
    expect(crlf.teams[0]?.data).toMatchObject({ name: 'Support with CRLF', lead: 'ada' });
    expect(crlf.teams[0]?.body).toBe('Body line one.\nLine two.\n');
  });

  test('files above the size limit (a 2 MB objective and a 2 MB CSV) are rejected unread', () => {
    const root = mkdtempSync(join(tmpdir(), 'okr-portal-hostile-'));
    mkdirSync(join(root, 'objectives'), { recursive: true });
    mkdirSync(join(root, 'kpis'), { recursive: true });
    const big = 2 * 1024 * 1024;
    writeFileSync(join(root, 'objectives/huge.md'), `---\ntitle: Huge\n---\n${'a'.repeat(big)}`);
    writeFileSync(join(root, 'kpis/series.md'), '---\ntitle: Long series\n---\n');
    writeFileSync(join(root, 'kpis/series.csv'), `date,value\n${'2026-01-01,1\n'.repeat(big / 13)}`);
    expect(big).toBeGreaterThan(MAX_FILE_BYTES);
    const { problems } = loadContent({ contentDir: root, audience: 'public', cwd: root });
    expect(problems.map(formatProblem).sort()).toEqual([
      'kpis/series.csv: file is larger than the limit of 1000000 bytes (1 MB); split it, or keep long KPI series in a CSV sidecar',
      'objectives/huge.md: file is larger than the limit of 1000000 bytes (1 MB); split it, or keep long KPI series in a CSV sidecar',
    ]);
  });
});

/**
 * Three cases built for real, together in one content folder (one failing build instead of
 * three: a build costs seconds of Astro start-up, and all problems in one run is the point).
 * Their files do not overlap, and each file keeps its path below the folder.
 */
const FAILING_BUILT = [
  ['wrong-types', 8],
  ['alias-bomb', 2],
  ['bad-file-name', 2],
] as const;

describe('building the wrong-types, alias-bomb and bad-file-name cases together', () => {
  let site: BuiltSite;
  let content: string;
  beforeAll(() => {
    content = join(mkdtempSync(join(tmpdir(), 'okr-hostile-')), 'content');
    for (const [name] of FAILING_BUILT) cpSync(join(PROJECT_ROOT, HOSTILE, name), content, { recursive: true });
    site = buildSite(content, { PORTAL_AS_OF: '2026-08-16' });
  });

  test('exits 1 without building anything', () => {
    const errorCount = FAILING_BUILT.reduce((sum, [, count]) => sum + count, 0);
    expect(site.status).toBe(1);
    expect(site.output).toContain(`The content has ${errorCount} errors; nothing was built.`);
    expect(site.exists('index.html')).toBe(false);
  });

  test.each(FAILING_BUILT)('prints every problem of %s at once, as loadContent reports it', (name, errorCount) => {
    const { problems } = load(`${HOSTILE}/${name}`);
    expect(problems.filter((problem) => problem.severity !== 'warning')).toHaveLength(errorCount);
    const prefix = `${HOSTILE}/${name}/`;
    for (const problem of problems) {
      const line = formatProblem(problem);
      expect(line.startsWith(prefix), line).toBe(true);
      // The build names the file by its path from where it runs, which ends in content/<path>.
      expect(site.output).toContain(`content/${line.slice(prefix.length)}`);
    }
  });

  test('prints no stack trace', () => {
    expect(site.output).not.toMatch(/^\s+at /m);
    expect(site.output).not.toMatch(/\w+Error:/);
  });
});

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  value?: string;
}

/** What an unescaped payload would add to a parsed document. */
function findInjected(root: HtmlNode): string[] {
  const found: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const tag = node.tagName;
    for (const { name, value } of node.attrs ?? []) {
      if (/^on/i.test(name)) found.push(`<${tag} ${name}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\s*(javascript|vbscript|data):/i.test(value)) found.push(`<${tag} ${name}="${value.slice(0, 30)}">`);
      if (name === 'style' && /javascript|expression\(/i.test(value)) found.push(`<${tag} style>`);
    }
    if (tag && ['iframe', 'object', 'embed', 'frame', 'base'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'script') {
      const type = node.attrs?.find((attr) => attr.name === 'type')?.value ?? '';
      const text = node.childNodes?.map((child) => child.value ?? '').join('') ?? '';
      if (/json/.test(type)) {
        try {
          JSON.parse(text);
        } catch {
          found.push('<script type=json> that is not JSON (broken out of)');
        }
      } else if (text.trim() !== '' || /alert|xss/i.test(JSON.stringify(node.attrs))) found.push(`<script>${text.slice(0, 40)}`);
    }
    stack.push(...(node.childNodes ?? []), ...(node.content ? [node.content] : []));
  }
  return found;
}

describe('the XSS fixture (payloads in every text field)', () => {
  let site: BuiltSite;
  let files: string[];
  beforeAll(async () => {
    site = await buildOnce(`${HOSTILE}/xss`, XSS_ENV);
    files = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).map((file) => file.split('\\').join('/'));
  });

  test('no HTML page contains an injected element, handler, URL or script', () => {
    const html = files.filter((file) => file.endsWith('.html'));
    expect(html.length).toBeGreaterThan(10);
    const found = html.flatMap((file) => findInjected(parse(site.read(file)) as unknown as HtmlNode).map((problem) => `${file}: ${problem}`));
    expect(found).toEqual([]);
    // The payloads are there, as text.
    expect(site.read('objectives/2026-q3/company/index.html')).toContain('&lt;script&gt;alert(&#39;xss-objective-title&#39;)&lt;/script&gt;');
  });

  test('Markdown bodies lose their scripts, handlers and unsafe URLs, and keep safe links', () => {
    const page = site.read('objectives/2026-q3/company/index.html');
    expect(page).not.toMatch(/xss-(objective-body|objective-img|objective-link|objective-entity|objective-md-link|vbscript|ontoggle|style|form)/);
    expect(page).toContain('<a href="https://example.com/docs" rel="noopener noreferrer">external</a>');
  });

  test('a body that starts with --- keeps its text', () => {
    expect(site.read('objectives/2026-q3/support/index.html')).toContain('not: frontmatter');
  });

  test('SVG badges and charts contain no injected markup', () => {
    const svgs = files.filter((file) => file.endsWith('.svg') && file !== 'favicon.svg');
    expect(svgs.length).toBeGreaterThan(0);
    const found = svgs.flatMap((file) => findInjected(parseFragment(site.read(file)) as unknown as HtmlNode).map((problem) => `${file}: ${problem}`));
    expect(found).toEqual([]);
  });

  test('feeds and sitemaps escape the payloads', () => {
    for (const file of files.filter((name) => /\.(xml)$/.test(name))) {
      expect(site.read(file), file).not.toMatch(/<(script|img|svg|iframe)\b/i);
      expect(site.read(file), file).not.toContain(']]> </description>');
    }
  });

  test('JSON exports keep the payloads as plain strings', () => {
    const objectives = site.json<{ title: string; key_results: { title: string }[] }[]>('api/v1/objectives.json');
    expect(objectives.map((objective) => objective.title)).toContain(`<script>alert('xss-objective-title')</script>`);
    for (const file of files.filter((name) => name.endsWith('.json'))) expect(() => JSON.parse(site.read(file)), file).not.toThrow();
  });

  test('CSV exports defuse spreadsheet formulas', () => {
    const csvs = files.filter((file) => file.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(0);
    const cells = csvs.flatMap((file) => site.read(file).split(/[\n,]/).map((cell) => `${file}: ${cell.replace(/^"/, '')}`));
    expect(cells.filter((cell) => /: [=+@]/.test(cell))).toEqual([]);
    expect(cells.some((cell) => cell.includes(`'=HYPERLINK(`))).toBe(true);
  });

  test('no generated file name comes from a payload', () => {
    expect(files.filter((file) => /[<>"'`]|onerror|alert/i.test(relative('.', file)))).toEqual([]);
  });

  test('the JSON data of chart islands cannot close its script element', () => {
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const text = readFileSync(join(site.outDir, file), 'utf8');
      for (const [, json] of text.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)) {
        expect(json, file).not.toMatch(/<\/script|<!--/i);
      }
    }
  });
});
