/**
 * Limits on content that the build could not render otherwise, checked by the loader that
 * the build and `okr check` share, so that `okr check` fails first with the file, the field
 * (or the body's line) and the limit, instead of the build crashing, hanging or writing XML
 * that no reader accepts. Each limit was found by measuring (docs/content-format.md, "Limits").
 *
 * - Characters: XML 1.0 (rss.xml, the sitemap, SVG badges and charts) cannot carry C0 control
 *   characters other than tab, line feed and carriage return, nor U+FFFE, U+FFFF or a lone
 *   surrogate (YAML's `"\uD800"` writes one); DEL and C1 controls are refused too: HTML calls
 *   them parse errors, and they are invisible.
 * - Numbers: at most 10^15 in magnitude, so that differences, sums and axis ranges of any two
 *   values stay finite and exact to the cent (1e308 - -1e308 is Infinity).
 * - Ids: a path segment must leave room for the longest suffix the build appends to it
 *   (`.svg`, `.csv`) within the 255 bytes of a file name, and a whole id must stay short
 *   enough for every output path (PATH_MAX is 4,096 on Linux, output folder included).
 * - Bodies: see checkBodyLimits.
 */
import { markdownToHast } from 'satteri';
import type { ContentProblem } from './problems.ts';

/** The largest magnitude of a number in content: 10^15 (and cents stay exact below 2^53). */
export const MAX_NUMBER_MAGNITUDE = 1e15;
/** File names hold 255 bytes; the longest suffix the build appends to an id segment is `.svg`. */
export const MAX_ID_SEGMENT_BYTES = 255 - '.svg'.length;
/** The longest id, in bytes: room for `badges/key-results/<id>/<key result>.svg` and a deep output folder. */
export const MAX_ID_BYTES = 1024;
/** The branding logo is copied into every build and shown on every page: 1 MB is generous. */
export const MAX_LOGO_BYTES = 1_000_000;
/** Blockquotes and lists nested at one line (every `>`, list marker and 2 columns of indentation). */
export const MAX_BLOCK_NESTING = 100;
/** Elements nested in a rendered body (emphasis, links, raw HTML included). */
export const MAX_ELEMENT_NESTING = 200;
/** Characters that can open or close inline syntax (`*_~`[]<!`) in one paragraph. */
export const MAX_INLINE_DELIMITERS = 2000;

// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first character of a text that the outputs cannot carry, described for a message, and
 * where it is; undefined when the text is clean.
 * @example findForbiddenCharacter('a\u0007b') // { index: 1, message: 'contains U+0007, a control character, ...' }
 */
export function findForbiddenCharacter(text: string): { index: number; message: string } | undefined {
  const match = FORBIDDEN_CHAR_RE.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate' : code >= 0xfffe ? 'a noncharacter' : 'a control character';
  return { index: match.index, message: `contains ${hex}, ${what}, which HTML, XML and SVG cannot carry; remove it` };
}

/** Void elements and elements whose end tag HTML implies: they never nest without limit. */
const NON_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th thead tbody tfoot option optgroup rb rt rp colgroup caption'.split(' '),
);
const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(\/?)>/g;
const DELIMITER_RE = /[*_~`[\]<!]/g;
const LIST_MARKER_RE = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

interface HastNode {
  type: string;
  value?: string;
  children?: HastNode[];
  position?: { start: { line: number; column: number } };
}

/**
 * Checks a Markdown or MDX body against the limits the renderers need, in the order that keeps
 * the check itself fast: characters, blockquote and list nesting per line (Sätteri takes
 * quadratic time on deep nesting: 17 s at 100,000 levels), inline delimiters per paragraph
 * (micromark, which MDX and the search text use, takes quadratic time on them: 191 s for
 * 200,000 characters of `[x]`), then the nesting of the parsed tree (hast-util-raw and
 * hast-util-to-html recurse, and overflow the stack at a few thousand levels).
 * Stops at the first problem: one line per body is enough to fix it.
 * @example checkBodyLimits('>'.repeat(500) + ' x', { file: 'content/teams/a.md', bodyLine: 4 })[0].line // 4
 */
export function checkBodyLimits(body: string, options: { file: string; bodyLine: number }): ContentProblem[] {
  const problem = (offset: number, code: string, message: string): ContentProblem[] => {
    const before = body.slice(0, offset);
    const line = options.bodyLine + (before.match(/\n/g)?.length ?? 0);
    return [{ file: options.file, field: 'body', line, column: offset - before.lastIndexOf('\n'), severity: 'error', code, message }];
  };
  const forbidden = findForbiddenCharacter(body);
  if (forbidden) return problem(forbidden.index, 'forbidden-character', forbidden.message);

  let offset = 0;
  let paragraphStart = 0;
  let delimiters = 0;
  for (const line of body.split('\n')) {
    const nesting = blockNesting(line);
    if (nesting > MAX_BLOCK_NESTING) {
      return problem(offset, 'nesting-too-deep', `nests blockquotes and lists ${nesting} levels deep, more than the limit of ${MAX_BLOCK_NESTING}`);
    }
    if (line.trim() === '') {
      paragraphStart = offset + line.length + 1;
      delimiters = 0;
    } else {
      delimiters += line.match(DELIMITER_RE)?.length ?? 0;
      if (delimiters > MAX_INLINE_DELIMITERS) {
        return problem(paragraphStart, 'inline-too-long', `has a paragraph with more than ${MAX_INLINE_DELIMITERS} of the characters * _ ~ \` [ ] < ! (the limit); split it with blank lines`);
      }
    }
    offset += line.length + 1;
  }
  return checkElementNesting(body, problem);
}

/** Levels of blockquote and list that a line opens or continues, counted from its start. */
function blockNesting(line: string): number {
  let levels = 0;
  let columns = 0;
  let index = 0;
  while (index < line.length) {
    const char = line[index]!;
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4 - (columns % 4);
    else {
      const marker = char === '>' ? '>' : LIST_MARKER_RE.exec(line.slice(index, index + 11))?.[0];
      if (marker === undefined) break;
      levels += 1;
      // The one space after a marker belongs to it, not to the indentation.
      index += marker.length + (line[index + marker.length] === ' ' ? 1 : 0);
      continue;
    }
    index += 1;
  }
  return levels + Math.floor(columns / 2);
}

/** The nesting of the body as Sätteri parses it, raw HTML counted by its open tags. */
function checkElementNesting(body: string, problem: (offset: number, code: string, message: string) => ContentProblem[]): ContentProblem[] {
  const tree = markdownToHast(body, { features: { gfm: true, smartPunctuation: false, frontmatter: false }, position: true }) as HastNode;
  let openRaw = 0;
  const stack: [HastNode, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.type === 'raw' && node.value) {
      for (const [, closing, name, selfClosing] of node.value.matchAll(TAG_RE)) {
        if (selfClosing || NON_NESTING.has(name!.toLowerCase())) continue;
        openRaw = Math.max(0, openRaw + (closing ? -1 : 1));
      }
    }
    if (depth + openRaw > MAX_ELEMENT_NESTING) {
      const start = node.position?.start;
      const offset = start ? lineOffset(body, start.line) + start.column - 1 : 0;
      return problem(offset, 'nesting-too-deep', `nests elements more than ${MAX_ELEMENT_NESTING} levels deep (the limit; emphasis, links, lists, quotes and raw HTML count)`);
    }
    // Children in reverse, so that raw HTML is met in document order.
    for (let index = (node.children?.length ?? 0) - 1; index >= 0; index -= 1) stack.push([node.children![index]!, depth + 1]);
  }
  return [];
}

function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return offset;
    offset = next + 1;
  }
  return offset;
}
