import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fileTooLargeMessage, findFrontmatterBlock, MAX_DEPTH, MAX_FILE_BYTES, parseFrontmatter, parseYamlMapping } from './frontmatter.ts';

/** The issues of a parse as `line:column code: message`, for compact snapshots. */
function issuesOf(text: string): string[] {
  return parseFrontmatter(text).issues.map((issue) => `${issue.line ?? '-'}:${issue.column ?? '-'} ${issue.code}: ${issue.message}`);
}

describe('parseFrontmatter', () => {
  test('splits frontmatter and body', () => {
    const parsed = parseFrontmatter('---\ntitle: Grow\nperiod: 2026-Q3\n---\nWhy it matters.\n');
    expect(parsed.data).toEqual({ title: 'Grow', period: '2026-Q3' });
    expect(parsed.body).toBe('Why it matters.\n');
    expect(parsed.bodyLine).toBe(5);
    expect(parsed.issues).toEqual([]);
  });

  test.each([
    ['a byte order mark', '\uFEFF---\ntitle: Grow\n---\nBody'],
    ['CRLF line ends', '---\r\ntitle: Grow\r\n---\r\nBody'],
    ['old Mac line ends', '---\rtitle: Grow\r---\rBody'],
    ['spaces after the fences', '---  \ntitle: Grow\n--- \nBody'],
  ])('reads a file with %s', (_, text) => {
    const parsed = parseFrontmatter(text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.data).toEqual({ title: 'Grow' });
    expect(parsed.body).toBe('Body');
  });

  test('keeps YAML types: numbers, booleans, dates stay strings', () => {
    const parsed = parseFrontmatter('---\nn: 1.5\nb: false\ns: "false"\nd: 2026-08-16\nempty:\n---\n');
    expect(parsed.data).toEqual({ n: 1.5, b: false, s: 'false', d: '2026-08-16', empty: null });
  });

  test('reads YAML .inf and .nan as numbers, for the schema to reject', () => {
    expect(parseFrontmatter('---\na: .inf\nb: -.inf\nc: .nan\n---\n').data).toEqual({ a: Infinity, b: -Infinity, c: NaN });
  });

  test('gives an empty mapping for empty frontmatter', () => {
    expect(parseFrontmatter('---\n---\nBody').data).toEqual({});
  });

  test('a third --- line belongs to the body', () => {
    expect(parseFrontmatter('---\na: 1\n---\nText\n---\nMore').body).toBe('Text\n---\nMore');
  });

  test.each([
    ['an empty file', '', ['-:- empty-file: file is empty (expected YAML frontmatter between --- lines)']],
    ['a blank file', '  \n\n', ['-:- empty-file: file is empty (expected YAML frontmatter between --- lines)']],
    [
      'text before the frontmatter',
      'Intro\n---\ntitle: Grow\n---\n',
      ['1:1 no-frontmatter: does not start with frontmatter (expected --- on the first line, then YAML, then ---)'],
    ],
    ['a file without frontmatter', '# Just Markdown', ['1:1 no-frontmatter: does not start with frontmatter (expected --- on the first line, then YAML, then ---)']],
    ['an unclosed fence', '---\ntitle: Grow\nBody', ['1:1 unclosed-frontmatter: frontmatter is not closed (expected a second --- line)']],
  ])('rejects %s', (_, text, expected) => {
    expect(issuesOf(text)).toEqual(expected);
    expect(parseFrontmatter(text).data).toBeUndefined();
  });

  test('accepts an empty file when frontmatter is not required', () => {
    expect(parseFrontmatter('', { required: false })).toMatchObject({ data: {}, issues: [] });
  });

  test('reports a YAML syntax error with its line in the file', () => {
    expect(issuesOf('---\ntitle: Grow\nperiod: [2026-Q3\nteam: support\n---\n')).toMatchInlineSnapshot(`
      [
        "4:1 yaml-syntax: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  test('reports a duplicate key with its line', () => {
    expect(issuesOf('---\ntitle: A\nteam: x\ntitle: B\n---\n')).toMatchInlineSnapshot(`
      [
        "4:1 yaml-syntax: YAML syntax: Map keys must be unique",
      ]
    `);
  });

  test('rejects anchors and aliases', () => {
    expect(issuesOf('---\nbase: &b\n  team: x\ncopy: *b\n---\n')).toMatchInlineSnapshot(`
      [
        "3:3 yaml-anchor: YAML anchors (&b) are not allowed; write the value out",
        "4:7 yaml-alias: YAML aliases (*b) are not allowed; write the value out",
      ]
    `);
  });

  test('rejects nested aliases (billion laughs)', () => {
    const text = '---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n';
    expect(parseFrontmatter(text).data).toBeUndefined();
    expect(parseFrontmatter(text).issues.map((issue) => issue.code)).toContain('yaml-alias');
  });

  test.each([
    ['a custom tag', '---\nscore: !score 0.5\n---\n'],
    ['a standard tag', '---\nscore: !!str 0.5\n---\n'],
    ['a JS function tag', '---\nx: !!js/function "function () {}"\n---\n'],
  ])('rejects %s', (_, text) => {
    const parsed = parseFrontmatter(text);
    expect(parsed.data).toBeUndefined();
    expect(parsed.issues.map((issue) => issue.code)).toContain('yaml-tag');
  });

  test('reports a tag with its line', () => {
    expect(issuesOf('---\ntitle: Grow\nscore: !score 0.5\n---\n')).toMatchInlineSnapshot(`
      [
        "3:15 yaml-tag: YAML tags (!score) are not allowed; write a plain value",
      ]
    `);
  });

  test(`accepts ${MAX_DEPTH} levels of nesting and rejects more`, () => {
    const nested = (levels: number): string => `---\na: ${'['.repeat(levels - 1)}1${']'.repeat(levels - 1)}\n---\n`;
    expect(parseFrontmatter(nested(MAX_DEPTH)).issues).toEqual([]);
    expect(issuesOf(nested(MAX_DEPTH + 1))).toEqual([`2:${MAX_DEPTH + 3} yaml-too-deep: values are nested more than ${MAX_DEPTH} levels deep`]);
  });

  test.each([
    ['a list', '---\n- a\n- b\n---\n'],
    ['a string', '---\njust text\n---\n'],
    ['a number', '---\n42\n---\n'],
  ])('rejects frontmatter that is %s, not a mapping', (_, text) => {
    expect(issuesOf(text)).toEqual(['2:1 not-a-mapping: frontmatter must be a mapping of fields (field: value)']);
  });

  test('rejects a file above the size limit before parsing', () => {
    const text = `---\ntitle: x\n---\n${'a'.repeat(MAX_FILE_BYTES)}`;
    expect(issuesOf(text)).toEqual([`-:- file-too-large: ${fileTooLargeMessage()}`]);
  });

  describe('locate', () => {
    const text = [
      '---', //                        1
      'title: Support efficiency', //  2
      'period: 2026-Q3', //            3
      'key_results:', //               4
      '  - id: tickets', //            5
      '    target: 0.5', //            6
      '  - id: resolution', //         7
      '    title: Resolution time', // 8
      '    target: 3', //              9
      '    checkins:', //              10
      '      - date: 2026-07-08', //   11
      '        value: 5.1', //         12
      '---',
      'Body',
    ].join('\n');
    const { locate } = parseFrontmatter(text);

    test.each([
      [['title'], { line: 2, column: 8 }],
      [['period'], { line: 3, column: 9 }],
      [['key_results', 0], { line: 5, column: 5 }],
      [['key_results', 1, 'target'], { line: 9, column: 13 }],
      [['key_results', 1, 'checkins', 0, 'value'], { line: 12, column: 16 }],
    ])('finds %j', (path, position) => {
      expect(locate(path)).toEqual(position);
    });

    test('falls back to the nearest existing parent for a missing field', () => {
      expect(locate(['key_results', 0, 'title'])).toEqual({ line: 5, column: 5 });
    });

    test('finds the line of a field whose value is empty', () => {
      expect(parseFrontmatter('---\ntitle: x\nteam:\n---\n').locate(['team'])).toEqual({ line: 3, column: 6 });
    });

    test('returns undefined for a field that is not there at all', () => {
      expect(locate(['owner'])).toBeUndefined();
    });
  });
});

describe('parseYamlMapping', () => {
  test('counts lines from the start of its text when there is no offset', () => {
    const parsed = parseYamlMapping('name: Acme\ngrading: [\n', 0);
    expect(parsed.data).toBeUndefined();
    expect(parsed.issues[0]).toMatchObject({ code: 'yaml-syntax' });
    expect(parsed.issues[0]!.line).toBeGreaterThanOrEqual(2);
  });

  test('parses a mapping', () => {
    expect(parseYamlMapping('name: Acme\ngrading:\n  red_below: 0.3\n', 0).data).toEqual({ name: 'Acme', grading: { red_below: 0.3 } });
  });
});

describe('parseFrontmatter against hostile nesting', () => {
  const codesOf = (text: string): string[] => parseFrontmatter(text).issues.map((issue) => `${issue.line}:${issue.column} ${issue.code}`);

  test.each([
    ['200 KB of flow brackets', `---\na: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`, '2:68 yaml-too-deep'],
    ['flow mappings', `---\na: ${'{b: '.repeat(20_000)}1${'}'.repeat(20_000)}\n---\n`, '2:260 yaml-too-deep'],
    ['a long run of "- " markers', `---\na:\n${'- '.repeat(200_000)}x\n---\n`, '3:257 yaml-too-deep'],
    ['deep indentation', `---\n${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n---\n`, '259:257 yaml-too-deep'],
  ])('rejects %s before parsing', (_, text, expected) => {
    expect(codesOf(text)).toEqual([expected]);
  });

  test('does not count brackets in quotes, comments and plain text', () => {
    const text = [
      '---',
      `title: "${'['.repeat(100)}"`,
      `note: '${'{'.repeat(100)} it''s fine'`,
      `# ${'['.repeat(100)}`,
      `role: Lead [${'['.repeat(100)}`,
      'tags: [[a, b], {c: [d]}]',
      '---',
    ].join('\n');
    expect(parseFrontmatter(text).issues).toEqual([]);
  });

  test('reports an alias bomb once per kind, with the first names', () => {
    const levels = 'abcdefghi'.split('');
    const lines = levels.map((name, index) =>
      index === 0 ? `${name}: &${name} [lol, lol]` : `${name}: &${name} [${Array(9).fill(`*${levels[index - 1]}`).join(', ')}]`,
    );
    expect(codesOf(`---\n${lines.join('\n')}\n---\n`)).toEqual(['2:7 yaml-anchor', '3:8 yaml-alias']);
    expect(parseFrontmatter(`---\n${lines.join('\n')}\n---\n`).issues.map((issue) => issue.message)).toMatchInlineSnapshot(`
      [
        "YAML anchors (&a, &b, &c, &d, &e and 4 more) are not allowed; write the value out",
        "YAML aliases (*a, *b, *c, *d, *e and 3 more) are not allowed; write the value out",
      ]
    `);
  });
});

describe('the quick path (js-yaml) and the reference parse (yaml) agree', () => {
  const root = resolve(import.meta.dirname, '../../..');
  /** The YAML of every content file of the demo and the test fixtures, hostile ones included. */
  const yamlTexts = ['content', 'test/fixtures'].flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.(md|mdx|yaml)$/.test(path))
      .map((path) => {
        const text = readFileSync(join(root, folder, path), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
        return [`${folder}/${path}`, path.endsWith('.yaml') ? text : (findFrontmatterBlock(text)?.yaml ?? '')] as const;
      }),
  );
  /** Corners where YAML parsers are known to differ; each must give the same result both ways. */
  const corners = [
    'n: 0b101', 'n: 1e400', 'n: 1_000', 'n: 010', 'n: 0o17', 'n: 0x1F', 'n: +.inf', 'n: .NaN', 'b: yes', 'b: True', 'd: 2026-10-05T10:00:00Z',
    't: 12:30:00', 'k: v\nk: w', 'a:\n\t- b', 'a: b: c', '? [a]\n: b', 'a: [b, {c: d}]', 'a: "\\u00e9\\N"', "a: 'it''s'", 'a: |\n  x\n  y\n',
    'a: >-\n  x\n  y', 'a: x\n  continued', '- a\n- b', 'just text', '"quoted"', '', '# only a comment', 'a: ~', 'a:', 'a: [1, 2', '{a: 1}',
    'a: b # comment', 'a: "b" c', 'a: - b', '__proto__: {x: 1}', '[a]: b', '{[a]: b}', 'a: {[b]: c}', '- ? x\n  : y', '<<: {a: 1}', 'a: {b: 1, b: 2}', 'a: 1\n---\nb: 2', 'a: "unterminated', 'a:\tb', 'a: &x 1\nb: *x', 'a: !!str 1', '%YAML 1.1\n---\na: yes',
  ].map((text, index) => [`corner ${index + 1}: ${JSON.stringify(text)}`, text] as const);

  test('the corpus is there', () => {
    expect(yamlTexts.length).toBeGreaterThan(100);
  });

  test.each([...yamlTexts, ...corners])('%s', (_, yamlText) => {
    const quick = parseYamlMapping(yamlText, 1);
    const exact = parseYamlMapping(yamlText, 1, { exact: true });
    expect(quick.issues).toEqual(exact.issues);
    expect(quick.data).toEqual(exact.data);
    if (exact.data) expect(Object.getPrototypeOf(quick.data)).toBe(Object.getPrototypeOf(exact.data));
  });

  test('positions come from the reference parse on the quick path too', () => {
    const yamlText = 'title: Grow\nkey_results:\n  - id: a\n    target: 5\n';
    expect(parseYamlMapping(yamlText, 1).locate(['key_results', 0, 'target'])).toEqual(parseYamlMapping(yamlText, 1, { exact: true }).locate(['key_results', 0, 'target']));
    expect(parseYamlMapping(yamlText, 1).locate(['key_results', 0, 'target'])).toEqual({ line: 5, column: 13 });
  });
});

describe('one meaning per YAML value, whatever else the file holds (issue 18, class 13)', () => {
  // The `&` in a comment sends a file to the reference parser; without it the quick path reads it.
  const SWITCH = '# R&D\n';
  const meaning = (yaml: string): unknown => {
    const parsed = parseFrontmatter(`---\n${yaml}\n---\n`);
    return parsed.issues.length > 0 ? parsed.issues.map((issue) => issue.message) : parsed.data;
  };
  test.each([
    ['a leading zero', 'target: 017', { target: 17 }],
    ['an octal 0o', 'target: 0o17', { target: 15 }],
    ['a binary 0b (YAML 1.1 only)', 'target: 0b101', { target: '0b101' }],
    ['sexagesimal (YAML 1.1 only)', 'title: 1:30:00', { title: '1:30:00' }],
    ['a time', 'title: 12:30', { title: '12:30' }],
    ['yes, no, on, off, y (YAML 1.1 booleans)', 'a: yes\nb: no\nc: on\nd: off\ne: y', { a: 'yes', b: 'no', c: 'on', d: 'off', e: 'y' }],
    ['a date stays a string', 'date: 2026-01-01', { date: '2026-01-01' }],
    ['a date with a time stays a string', 'date: 2026-01-01 10:00', { date: '2026-01-01 10:00' }],
    ['an underscore in a number (YAML 1.1 only)', 'target: 1_000', { target: '1_000' }],
    ['a trailing dot', 'target: 1.', { target: 1 }],
    ['a signed leading-dot float', 'target: -.5', { target: -0.5 }],
    ['a merge key is a plain key', 'title: x\n<<: {a: 1}', { title: 'x', '<<': { a: 1 } }],
    ['a quoted key equal to a plain one is a duplicate', 'unit: pts\n"unit": x', ['Map keys must be unique']],
    ['an escaped key equal to a plain one is a duplicate', 'unit: pts\n"\\u0075nit": x', ['Map keys must be unique']],
    ['a literal block keeps its lines', 'title: |\n  a\n  b', { title: 'a\nb\n' }],
    ['a folded block with strip', 'title: >-\n  a\n\n  b', { title: 'a\nb' }],
  ])('%s: %j', (_, yaml, expected) => {
    const quick = meaning(yaml);
    const reference = meaning(`${SWITCH}${yaml}`);
    const messages = (value: unknown): unknown => (Array.isArray(value) ? value.map((message) => String(message).replace(/^YAML syntax: /, '')) : value);
    expect(messages(quick)).toEqual(expected);
    expect(messages(reference)).toEqual(expected);
  });
});
