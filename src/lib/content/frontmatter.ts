/**
 * Splits a content file into YAML frontmatter and Markdown body, and parses the YAML
 * defensively: no anchors, aliases or custom tags (billion laughs), bounded size and depth.
 *
 * Two parsers, one meaning. `yaml` is the reference: its YAML 1.2 core schema defines what a
 * value is, and its node positions give `file:line:col` messages. It is also slow (about
 * 1.5 ms for a 1.7 KB objective file, 15 times js-yaml), which made parsing the largest step
 * of a 5,000-objective build. So plain frontmatter, which cannot contain the constructs where
 * the two differ or that we reject (see QUICK_PATH_EXCLUDED), is read by js-yaml with its
 * core schema, and `yaml` runs only for the rest, for errors, and when a message needs a
 * position. frontmatter.test.ts checks that both give the same data and problems for every
 * file of the demo and the test fixtures, the hostile ones included, and
 * frontmatter.property.test.ts does the same for generated documents of tricky scalars.
 */
import { CORE_SCHEMA, load as quickLoad } from 'js-yaml';
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import { boundMessage } from './problems.ts';

/** Files above this size are rejected before parsing. */
export const MAX_FILE_BYTES = 1_000_000;
/** Deeper YAML nesting than this is rejected; the format needs 4 levels. */
export const MAX_DEPTH = 12;
/**
 * Before parsing, YAML whose flow brackets nest deeper than this, or whose lines start with a
 * longer run of indentation and `- ` markers, is rejected: the YAML parser's time grows fast
 * with nesting (200 KB of `[` takes seconds) and it recurses until the stack overflows.
 */
const MAX_SCANNED_FLOW_DEPTH = 64;
const MAX_SCANNED_INDENT = 256;
/** Anchors, aliases and tags are reported once per kind, with at most this many names. */
const MAX_NAMES_SHOWN = 5;

const FENCE_RE = /^---[ \t]*$/;
/**
 * YAML that js-yaml never reads, left to `yaml`: every construct where the two read different
 * values, or that we reject. Sending a file to the reference parser only costs time, so these
 * are generous; frontmatter.property.test.ts checks on generated documents that whatever
 * passes them reads the same with both. Notes and titles with these characters only take the
 * slower path.
 */
const QUICK_PATH_EXCLUDED: readonly RegExp[] = [
  // Anchors (&), aliases (*) and tags (!), which we reject with positions.
  /[&*!]/,
  // Directives (% at a line start; `unit: "%"` is fine).
  /^%/m,
  // Binary numbers: js-yaml reads `0b101` as 5, the core schema as text.
  /0b/,
  // Exponents of three or more digits: `1e400` is infinity in the core schema, text in js-yaml.
  /[eE][-+]?\d{3}/,
  // Collections as keys (`? [a]` or `[a]: b`), which the two turn into different strings.
  /^[ \t-]*\?(?:[ \t]|$)/m,
  /[\]}][ \t]*:(?:[ \t]|$)/,
  // Signed floats without a leading digit: `-.5` is -0.5 in the core schema, text in js-yaml.
  /[-+]\./,
  // Signed hexadecimal and octal numbers: `+0xa` is 10 for js-yaml, text in the core schema.
  /[-+]0[xXoO]/,
  // Negative zero (`-0`, `-0.0`): the core schema keeps the sign, js-yaml drops it.
  /-0(?![.\d]*[1-9])/,
  // Null and empty keys (`~: x`, `null: x`, `: x`): "" for yaml, "null" for js-yaml.
  /(?:^|[{,])[ \t-]*(?:~|null|Null|NULL)?[ \t]*:(?:[ \t]|$)/m,
  // Block scalars with keep chomping or an indentation indicator (`|+`, `>2`, `|-2`): the two
  // keep different trailing lines.
  /[|>](?:[-+]?[1-9]|\+)/,
  // Empty sequence items (`- -`, a lone `-`): js-yaml folds the next item into the nested list.
  /^[ \t]*-(?:[ \t]+-)*[ \t]*(?:#.*)?$/m,
];

export interface FrontmatterIssue {
  message: string;
  line?: number | undefined;
  column?: number | undefined;
  code: string;
}

export interface ParsedFrontmatter {
  /** The frontmatter as plain JS values, or undefined when it could not be parsed. */
  data: Record<string, unknown> | undefined;
  /** The Markdown after the closing fence. */
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  issues: FrontmatterIssue[];
  /** Finds the line and column of a field path in the file, for precise messages. */
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

/**
 * Parses a content file. Never throws: everything wrong is in `issues`.
 * @example parseFrontmatter('---\ntitle: Grow\n---\nWhy.').data // { title: 'Grow' }
 */
export function parseFrontmatter(text: string, options: { required?: boolean } = {}): ParsedFrontmatter {
  const failed = (issue: FrontmatterIssue, body = ''): ParsedFrontmatter => ({
    data: undefined,
    body,
    bodyLine: 1,
    issues: [issue],
    locate: () => undefined,
  });
  if (text.length > MAX_FILE_BYTES) {
    return failed({ code: 'file-too-large', message: fileTooLargeMessage() });
  }
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  if (normalized.trim() === '') {
    if (options.required === false) return { data: {}, body: '', bodyLine: 1, issues: [], locate: () => undefined };
    return failed({ code: 'empty-file', message: 'file is empty (expected YAML frontmatter between --- lines)' });
  }
  if (!FENCE_RE.test(lines[0] ?? '')) {
    return failed({
      code: 'no-frontmatter',
      line: 1,
      column: 1,
      message: 'does not start with frontmatter (expected --- on the first line, then YAML, then ---)',
    });
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE_RE.test(line));
  if (closing === -1) {
    return failed({ code: 'unclosed-frontmatter', line: 1, column: 1, message: 'frontmatter is not closed (expected a second --- line)' });
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const body = lines.slice(closing + 1).join('\n');
  const parsed = parseYamlMapping(yamlText, 1);
  return { ...parsed, body, bodyLine: closing + 2 };
}

/**
 * Parses a YAML document that must be a mapping (frontmatter or portal.yaml).
 * `lineOffset` is the number of lines before the YAML in its file; `exact` skips the quick
 * path (for tests that compare both).
 * @example parseYamlMapping('name: Acme', 0).data // { name: 'Acme' }
 */
export function parseYamlMapping(
  yamlText: string,
  lineOffset: number,
  options: { exact?: boolean } = {},
): Pick<ParsedFrontmatter, 'data' | 'issues' | 'locate'> {
  const runaway = findRunawayNesting(yamlText);
  if (runaway) {
    const issue = { code: 'yaml-too-deep', message: `values are nested more than ${MAX_DEPTH} levels deep`, line: runaway.line + lineOffset, column: runaway.column };
    return { data: undefined, issues: [issue], locate: () => undefined };
  }
  const quick = options.exact ? undefined : quickParse(yamlText);
  if (quick) {
    // Positions are only needed for messages, so the reference parse runs on demand.
    let exact: ParsedYaml | undefined;
    return { data: quick, issues: [], locate: (path) => (exact ??= exactParse(yamlText, lineOffset)).locate(path) };
  }
  return exactParse(yamlText, lineOffset);
}

type ParsedYaml = Pick<ParsedFrontmatter, 'data' | 'issues' | 'locate'>;

/**
 * The mapping js-yaml reads from plain YAML, or undefined when `yaml` must decide: excluded
 * constructs, syntax errors (duplicate keys included), anything but a mapping, or nesting
 * deeper than MAX_DEPTH (those all get the reference parser's positioned messages).
 */
function quickParse(yamlText: string): Record<string, unknown> | undefined {
  if (!mayTakeQuickPath(yamlText)) return undefined;
  let value: unknown;
  try {
    value = quickLoad(yamlText, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value) || nestingDepth(value) > MAX_DEPTH) return undefined;
  return value as Record<string, unknown>;
}

/**
 * Whether js-yaml may read this YAML (it still falls back on errors, non-mappings and depth):
 * none of the constructs where the two parsers differ. Exported for the property test, which
 * checks that it lets enough generated documents through to test the quick path at all.
 * @example mayTakeQuickPath('title: Grow') // true
 * @example mayTakeQuickPath('title: &a Grow') // false
 */
export function mayTakeQuickPath(yamlText: string): boolean {
  return !QUICK_PATH_EXCLUDED.some((pattern) => pattern.test(yamlText)) && !hasTextAfterQuotedScalar(yamlText);
}

/**
 * Whether a quoted scalar or a flow collection that starts a value is followed on its line by
 * anything but spaces, a comment, `:`, `,`, `]` or `}` (`title: ""#x`, `a: 'b'c`, `a: []#`),
 * or a quoted scalar spans lines: YAML says the first is an error and js-yaml reads some of it;
 * on the second they disagree about indentation. Linear: each character is looked at once.
 */
function hasTextAfterQuotedScalar(yamlText: string): boolean {
  let previous = '\n';
  let depth = 0;
  const textFollows = (end: number): boolean => {
    const after = /^[ \t]*(.?)/.exec(yamlText.slice(end + 1, end + 3 + MAX_SCANNED_INDENT))!;
    const follower = after[1] ?? '';
    return !(follower === '' || follower === '\n' || ':,]}'.includes(follower) || (follower === '#' && after[0].length > 1));
  };
  for (let index = 0; index < yamlText.length; index++) {
    const char = yamlText[index]!;
    if (char === ' ' || char === '\t') continue;
    if (char === '#' && /\s/.test(yamlText[index - 1] ?? '\n')) {
      const end = yamlText.indexOf('\n', index);
      if (end === -1) return false;
      index = end;
      previous = '\n';
      continue;
    }
    const atValueStart = '\n:[{,-?'.includes(previous);
    if ((char === '"' || char === "'") && atValueStart) {
      let end = index + 1;
      while (end < yamlText.length) {
        const next = yamlText[end]!;
        if (char === '"' && next === '\\') end += 2;
        else if (next === char && !(char === "'" && yamlText[end + 1] === "'")) break;
        else end += next === char ? 2 : 1;
      }
      if (end >= yamlText.length) return false;
      // Quoted scalars over several lines: the two disagree on how far their lines must be indented.
      if (yamlText.lastIndexOf('\n', end) > index) return true;
      if (depth === 0 && textFollows(end)) return true;
      index = end;
    } else if ((char === '[' || char === '{') && (atValueStart || depth > 0)) depth++;
    else if ((char === ']' || char === '}') && depth > 0) {
      depth--;
      if (depth === 0 && textFollows(index)) return true;
    }
    previous = char;
  }
  return false;
}

/** Levels of mappings and sequences in a parsed value (a flat mapping is 1). */
function nestingDepth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const item of Object.values(value)) {
    deepest = Math.max(deepest, nestingDepth(item));
    if (deepest > MAX_DEPTH) break;
  }
  return deepest + 1;
}

/** The reference parse with `yaml`: exact values, safety checks and positions. */
function exactParse(yamlText: string, lineOffset: number): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const position = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  const issues: FrontmatterIssue[] = doc.errors.map((error) => ({
    code: 'yaml-syntax',
    message: `YAML syntax: ${boundMessage(error.message)}`,
    ...position(error.pos[0]),
  }));
  if (issues.length === 0) issues.push(...findUnsafeNodes(doc, position));
  const locate = (path: readonly PropertyKey[]): { line: number; column: number } | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return position(node.range[0]);
      const parent = depth > 1 ? doc.getIn(path.slice(0, depth - 1) as unknown[], true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[depth - 1]);
        if (pair && isNode(pair.key) && pair.key.range) return position(pair.key.range[0]);
      }
    }
    return undefined;
  };
  if (issues.length > 0) return { data: undefined, issues, locate };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { data: {}, issues, locate };
  if (!isMap(contents)) {
    issues.push({ code: 'not-a-mapping', message: 'frontmatter must be a mapping of fields (field: value)', line: 1 + lineOffset, column: 1 });
    return { data: undefined, issues, locate };
  }
  return { data: doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>, issues, locate };
}

function findUnsafeNodes(
  doc: Document,
  position: (offset: number) => { line: number; column: number },
): FrontmatterIssue[] {
  // One issue per kind, at the first occurrence: an alias bomb gives three lines, not hundreds.
  const found = { anchor: [] as { name: string; node: Node }[], alias: [] as { name: string; node: Node }[], tag: [] as { name: string; node: Node }[] };
  visit(doc, {
    Alias(_, node) {
      found.alias.push({ name: `*${node.source}`, node });
    },
    Node(_, node) {
      if ('anchor' in node && node.anchor) found.anchor.push({ name: `&${node.anchor}`, node });
      if (node.tag && !isAlias(node)) found.tag.push({ name: node.tag, node });
    },
  });
  const issues: FrontmatterIssue[] = [];
  const report = (kind: keyof typeof found, message: (names: string) => string): void => {
    const first = found[kind][0];
    if (!first) return;
    const names = [...new Set(found[kind].map((item) => boundMessage(item.name, { max: 40 })))];
    const shown = names.slice(0, MAX_NAMES_SHOWN).join(', ') + (names.length > MAX_NAMES_SHOWN ? ` and ${names.length - MAX_NAMES_SHOWN} more` : '');
    issues.push({ code: `yaml-${kind}`, message: message(shown), ...(first.node.range ? position(first.node.range[0]) : {}) });
  };
  report('anchor', (names) => `YAML anchors (${names}) are not allowed; write the value out`);
  report('alias', (names) => `YAML aliases (${names}) are not allowed; write the value out`);
  report('tag', (names) => `YAML tags (${names}) are not allowed; write a plain value`);
  const tooDeep = findDepthViolation(doc.contents, 1);
  if (tooDeep) {
    issues.push({ code: 'yaml-too-deep', message: `values are nested more than ${MAX_DEPTH} levels deep`, ...(tooDeep.range ? position(tooDeep.range[0]) : {}) });
  }
  return issues;
}

/**
 * The message for a file above MAX_FILE_BYTES (frontmatter files and CSV sidecars).
 * @example fileTooLargeMessage() // 'file is larger than the limit of 1000000 bytes (1 MB); ...'
 */
export function fileTooLargeMessage(): string {
  return `file is larger than the limit of ${MAX_FILE_BYTES} bytes (1 MB); split it, or keep long KPI series in a CSV sidecar`;
}

/**
 * A linear pre-scan for nesting that would make the YAML parser slow or overflow its stack:
 * flow brackets (`[`, `{`) outside quotes and comments, and runs of indentation and `- `
 * markers at line starts. Generous on purpose: the exact depth check runs after parsing.
 */
function findRunawayNesting(yamlText: string): { line: number; column: number } | undefined {
  let depth = 0;
  let quote: string | undefined;
  let line = 1;
  let lineStart = 0;
  let previous = '\n';
  // Inside a plain scalar of block context (`title: Launch [beta]`) brackets are text.
  let plain = false;
  if (/^[ \t-]*/.exec(yamlText.slice(0, MAX_SCANNED_INDENT + 1))![0].length > MAX_SCANNED_INDENT) return { line, column: MAX_SCANNED_INDENT + 1 };
  for (let index = 0; index < yamlText.length; index++) {
    const char = yamlText[index]!;
    if (char === '\n') {
      line++;
      lineStart = index + 1;
      previous = '\n';
      plain = false;
      const indent = /^[ \t-]*/.exec(yamlText.slice(lineStart, lineStart + MAX_SCANNED_INDENT + 1))![0].length;
      if (indent > MAX_SCANNED_INDENT) return { line, column: MAX_SCANNED_INDENT + 1 };
      continue;
    }
    if (quote !== undefined) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === ' ' || char === '\t') continue;
    if (char === '#' && /\s/.test(yamlText[index - 1] ?? ' ')) {
      const end = yamlText.indexOf('\n', index);
      index = (end === -1 ? yamlText.length : end) - 1;
      continue;
    }
    if (plain) {
      if (char === ':' && /\s/.test(yamlText[index + 1] ?? ' ')) plain = false;
      previous = char;
      continue;
    }
    const atValueStart = '\n:[{,-?'.includes(previous);
    if (depth === 0 && !'[{]}"\',:-?'.includes(char)) plain = true;
    else if ((char === '"' || char === "'") && atValueStart) quote = char;
    else if ((char === '[' || char === '{') && atValueStart) {
      depth++;
      if (depth > MAX_SCANNED_FLOW_DEPTH) return { line, column: index - lineStart + 1 };
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
    previous = char;
  }
  return undefined;
}

function findDepthViolation(node: unknown, depth: number): Node | undefined {
  if (!isMap(node) && !isSeq(node)) return undefined;
  if (depth > MAX_DEPTH) return node;
  for (const item of node.items) {
    const value = isMap(node) ? (item as { value: unknown }).value : item;
    const found = findDepthViolation(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A file's frontmatter block as raw text, cut so that `head + yaml + tail` is the file. */
export interface FrontmatterBlock {
  /** An optional byte-order mark and the opening `---` line with its line break. */
  head: string;
  /** The YAML between the fences, with its last line break; '' for an empty block. */
  yaml: string;
  /** The closing `---` line and everything after it (the body), byte for byte. */
  tail: string;
  /** 1-based line of the first YAML line. */
  line: number;
}

/**
 * Finds the raw frontmatter block of a file, for editors that must keep the rest byte for byte.
 * @example findFrontmatterBlock('---\ntitle: Grow\n---\nWhy.')
 * // { head: '---\n', yaml: 'title: Grow\n', tail: '---\nWhy.', line: 2 }
 */
export function findFrontmatterBlock(text: string): FrontmatterBlock | undefined {
  const opening = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!opening) return undefined;
  let start = opening[0].length;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const lineText = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
    if (FENCE_RE.test(lineText)) {
      const yaml = text.slice(opening[0].length, start);
      return { head: opening[0], yaml, tail: text.slice(start), line: 2 };
    }
    if (end === -1) return undefined;
    start = end + 1;
  }
  return undefined;
}
