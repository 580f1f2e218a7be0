/**
 * One meaning per YAML value: the quick parser (js-yaml) and the reference parser (yaml) must
 * give the same data or the same problems for any frontmatter, and a value must mean the same
 * whatever else the file holds (a comment with `&` or `!` sends the whole file to the
 * reference parser). Generated documents from a grammar of tricky scalars, not a corpus.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mayTakeQuickPath, parseYamlMapping } from './frontmatter.ts';

/** Scalars where YAML 1.1, YAML 1.2 and the two libraries are known to differ. */
const TRICKY_SCALARS = [
  // Numbers in every base, sign, separator and exponent form.
  '0x1F', '0X1f', '0x', '0xG', '0x_1', '0x1_F', '0x7FFFFFFFFFFFFFFFF', '+0x1F', '-0xa', '+0o7', '-0o17', '0o17', '0o8', '0o', '0o7_7', '017', '012', '08', '00', '0b101', '0B1',
  '1_000', '1__0', '_1', '1_', '1_0.5', '1,000', '1 000', '+1', '-1', '+0', '-0', '-0.0', '+0.0', '-0e0', '-00', '-01', '0', '0.0', '0.', '1.0',
  '+.5', '.5', '-.5', '5.', '1e3', '1E3', '1e+3', '1e-3', '1.5e3', '1.e3', '.e3', '1e', 'e3', '0e0', '1e30', '1e400', '-1e400', '1E308', '2e308',
  '9007199254740993', '123456789012345678901234567890', '3.14159', '.inf', '-.Inf', '+.inf', '.Inf', '.INF', '-.inf', '.NaN', '.nan', '.NAN', '+.NaN',
  // Sexagesimal numbers and timestamps of YAML 1.1.
  '12:30', '1:20:30', '190:20:30', '2026-08-01', '2026-08-01T10:00:00Z', '2026-8-1', '2001-12-14 21:59:43.10 -5',
  // Booleans and nulls of YAML 1.1 and 1.2, in every case.
  'yes', 'no', 'Yes', 'NO', 'on', 'off', 'On', 'OFF', 'y', 'n', 'true', 'false', 'True', 'FALSE', 'TRUE', 'tRUE',
  '~', 'null', 'Null', 'NULL', 'nULL', '', '""', "''", '"~"', "'null'", '"yes"', '"0x1F"', "'012'",
  // Colons, comments, indicators and escapes.
  'a: b', '"a: b"', "'a # b'", 'a #b', 'a#b', 'x # comment', '- a', '? a', '-', '--', '---x', '...', '<<', '=', '@x', '`x`', '%', 'a,b', 'a]', 'a}', 'a[b]',
  '"\\u00e9"', '"\\x41"', '"tab\\there"', "'it''s'", '"\\/"', '"\\N"', '"\\_"', '"\\L"', '"\\P"', '"\\e"', '"\\a"', '"\\U0001F3AF"', 'a\tb', '"a\tb"',
  // Flow collections.
  '[]', '{}', '[a, b]', '[1, "2", three]', '[0x1F, 012, yes, -0, +.5]', '{a: 1}', '[a, [b, c]]', '[a,b,]', '[a: 1]', '{a}', '[? a]', '{a: [1, 2]}', '{null: 1}', '{~: 1}',
  // Unicode.
  'é', '日本', '🎯', 'ünïcödé text', '"🎯 emoji"', '\u00a0', '"\u2028"',
  // Multi-line scalars: literal, folded, chomping, indentation indicators, quoted and plain.
  '|\n  line one\n  line two', '>\n  folded\n  text', '|-\n  kept', '>+\n  more\n', '|2+\n   x\n', '|+2\n   x', '|2\n   x', '>-\n  a\n\n  b',
  '|\n  x\n  \n', '>\n  x\n   \n', '|\n\n  x', '>\n  \n  x', '|-\n  x\n\n', '"multi\n  line"', "'multi\n\n  line'", 'plain\n  continued',
];

const PLAIN_KEYS = ['title', 'a', 'b_c', 'note', 'period', 'x1'];
const TRICKY_KEYS = ['<<', '+0x1', '"quoted key"', "'single'", '""', '0x1F', '012', '1e3', '1.0', '-0', '.inf', 'yes', 'true', 'null', 'Null', '~', 'a b'];
/** Mostly plain keys, so that many documents take the quick path and the comparison means something. */
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PLAIN_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_KEYS) });
const KEYS = [...PLAIN_KEYS, ...TRICKY_KEYS];

const scalar = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('Grow revenue', '42', '0.5', '-3', '2026-Q3', 'on-track', '"quoted text"', "'single'", 'true', '[a, b]') },
  { weight: 5, arbitrary: fc.constantFrom(...TRICKY_SCALARS) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', '0', '1', '.', '-', '+', 'e', 'x', '_', ':', ' ', '#', '"', "'", 'é', '[', ']', ',', '{', '}', '|', '>', '\u0007', '\u0085', '\u2028', '\ufeff', '\t', '\\'), maxLength: 8 }) },
);

/** A value at an indent: a scalar, a block list or a nested mapping. */
const value = (indent: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: scalar.map((text) => ` ${text.replace(/\n/g, `\n${indent}`)}`) },
    { weight: 1, arbitrary: fc.array(scalar, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `\n${indent}  - ${item.replace(/\n/g, `\n${indent}    `)}`).join('')) },
    { weight: 1, arbitrary: fc.tuple(key, scalar).map(([name, item]) => `\n${indent}  ${name}: ${item.replace(/\n/g, `\n${indent}    `)}`) },
    // A list of mappings, as key results and check-ins are written.
    {
      weight: 1,
      arbitrary: fc
        .array(fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
        .map((items) => items.map((pairs) => pairs.map(([name, item], index) => `\n${indent}  ${index === 0 ? '-' : ' '} ${name}: ${item.replace(/\n/g, `\n${indent}      `)}`).join('')).join('')),
    },
  );

/** Text anywhere else in the file: comments and blank lines with characters that switch paths. */
const noise = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('# & anchors are text here', '# !tag', '# *star', '# 0b101', '# 1e400', '# ? key', '# [a]: b', '#', '   ', '# %YAML', '# plain comment') },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', '0', 'e', '9', '&', '*', '!', '%', '?', ']', ':', ' ', '#'), maxLength: 12 }).map((text) => `# ${text}`) },
);

const line = fc.tuple(key, value(''), fc.option(noise, { nil: undefined, freq: 4 })).map(([name, text, comment]) => `${name}:${text}${comment ? `\n${comment}` : ''}`);
const documentArbitrary = fc.tuple(noise, fc.array(line, { minLength: 1, maxLength: 6 }), noise).map(([head, lines, tail]) => [head, ...lines, tail].join('\n'));

/** Both parsers' verdicts in one comparable shape. */
function verdicts(yamlText: string): { quick: unknown; exact: unknown } {
  const shape = (parsed: ReturnType<typeof parseYamlMapping>): unknown => ({ data: parsed.data, issues: parsed.issues.map((issue) => issue.code) });
  return { quick: shape(parseYamlMapping(yamlText, 0)), exact: shape(parseYamlMapping(yamlText, 0, { exact: true })) };
}

describe('parseYamlMapping (property)', () => {
  test('the quick path gives the reference parser’s data or problems for generated frontmatter', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(documentArbitrary, (yamlText) => {
        const { quick, exact } = verdicts(yamlText);
        expect(quick).toEqual(exact);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000), seed: Number(process.env.FC_SEED ?? 18) },
    );
  });

  test('the generated documents exercise the quick path (a quarter or more take it)', () => {
    const sample = fc.sample(documentArbitrary, { numRuns: 2000, seed: 18 });
    expect(sample.filter(mayTakeQuickPath).length).toBeGreaterThan(sample.length / 4);
  });

  test('a value means the same whatever other text the file holds', { timeout: 120_000 }, () => {
    // Other text is a comment line: a blank line is part of a keep-chomping (`|+`) scalar.
    const comment = noise.map((text) => (text.startsWith('#') ? text : `#${text}`));
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), scalar, comment, (key, text, other) => {
        // Whether it is accepted, what it means, and the kind of the first problem: a YAML
        // syntax error may count differently next to a comment, but it is a syntax error.
        const shape = (parsed: ReturnType<typeof parseYamlMapping>): unknown => ({ data: parsed.data, problem: parsed.issues[0]?.code });
        const alone = `${key}: ${text}\n`;
        expect(shape(parseYamlMapping(`${other}\n${alone}${other}`, 0))).toEqual(shape(parseYamlMapping(alone, 0)));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000), seed: Number(process.env.FC_SEED ?? 13) },
    );
  });
});
