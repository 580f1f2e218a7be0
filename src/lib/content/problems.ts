/**
 * Content problems: every one names the file and the field, says what is wrong and what was
 * expected, so an author can fix it without reading code.
 */

export type Severity = 'error' | 'warning';

/** Quoted values are cut to this many characters (an excerpt, never a whole line). */
export const MAX_QUOTED_CHARS = 60;

/**
 * C0 and C1 controls, DEL, lone surrogates, bidi overrides and isolates, zero-width and other
 * invisible format characters, and line and paragraph separators: anything that can forge a
 * log line, recolour a terminal or hide text in a message.
 */
const UNPRINTABLE_RE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Escapes every unprintable character as `\n`, `\t` or `\u{1b}`, so that a message stays one
 * visible line whatever a file name or value holds.
 * @example escapeUnprintable('a\nb\u001b[31m') // 'a\\nb\\u{1b}[31m'
 */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE_RE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u{${char.charCodeAt(0).toString(16)}}`;
  });
}

/**
 * The one way a value from a file gets into a message: in double quotes, at most
 * MAX_QUOTED_CHARS characters (cut with `...`), unprintable characters escaped, quotes and
 * backslashes escaped. Values reach it only from files the loader decoded as UTF-8 content
 * text (read-content.ts): nothing of a binary, unknown or non-regular file is ever quoted.
 * @example quoteValue('grow-actvation') // '"grow-actvation"'
 * @example quoteValue('a'.repeat(100)) // '"aaa...a..."' (60 characters inside the quotes)
 */
export function quoteValue(value: unknown, options: { max?: number } = {}): string {
  const max = options.max ?? MAX_QUOTED_CHARS;
  const text = String(value);
  // Cut by code points, so that an emoji is not split into a lone surrogate.
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max - 3).join('')}...` : text;
  return `"${escapeUnprintable(cut.replace(/["\\]/g, (char) => `\\${char}`))}"`;
}

/**
 * An excerpt of a third-party message (a YAML or CSV parser's), bounded and escaped like a
 * quoted value but without quotes: such messages may quote the file they complain about.
 * @example boundMessage('Invalid Closing Quote: got "\u0007"') // 'Invalid Closing Quote: got "\\u{7}"'
 */
export function boundMessage(text: string, options: { max?: number } = {}): string {
  const max = options.max ?? 2 * MAX_QUOTED_CHARS;
  const chars = [...(text.split('\n')[0] ?? '')];
  return escapeUnprintable(chars.length > max ? `${chars.slice(0, max - 3).join('')}...` : chars.join(''));
}

export interface ContentProblem {
  /** Path of the file, relative to the current directory, e.g. `content/kpis/nps.md`. */
  file: string;
  /** Field path inside the frontmatter, e.g. `key_results[1].target`; empty for the whole file. */
  field: string;
  /** What is wrong and what was expected. */
  message: string;
  severity: Severity;
  /** A fix, e.g. `Did you mean "grow-activation"?` */
  hint?: string | undefined;
  /** 1-based line and column in the file, when known. */
  line?: number | undefined;
  column?: number | undefined;
  /** Stable machine-readable code, e.g. `unknown-field`, `dangling-reference`. */
  code: string;
}

/**
 * One problem as a line: `content/kpis/nps.md:4:1: kpi: "x" is not a KPI. Did you mean "y"?`
 * @example formatProblem({ file: 'a.md', field: 'title', message: 'is required', severity: 'error', code: 'required' })
 * // 'a.md: title: is required'
 */
export function formatProblem(problem: ContentProblem): string {
  const location = problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : '';
  const hint = problem.hint ? ` ${problem.hint}` : '';
  // A last guard: whatever a message or a file name holds, the line stays one visible line.
  return escapeUnprintable(`${location}: ${field}${problem.message}${hint}`);
}

/**
 * Problems sorted by file, then line, then field, errors and warnings kept apart.
 * @example sortProblems(problems).errors
 */
export function sortProblems(problems: readonly ContentProblem[]): { errors: ContentProblem[]; warnings: ContentProblem[] } {
  const sorted = [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.field.localeCompare(b.field) ||
      a.message.localeCompare(b.message),
  );
  return {
    errors: sorted.filter((problem) => problem.severity === 'error'),
    warnings: sorted.filter((problem) => problem.severity === 'warning'),
  };
}

/**
 * The report printed by the build and `okr check`: errors, then warnings, then a count.
 * @example formatReport(problems)
 */
export function formatReport(problems: readonly ContentProblem[]): string {
  const { errors, warnings } = sortProblems(problems);
  const lines: string[] = [];
  for (const error of errors) lines.push(`error   ${formatProblem(error)}`);
  for (const warning of warnings) lines.push(`warning ${formatProblem(warning)}`);
  lines.push(`${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`);
  return lines.join('\n');
}

/**
 * `1 error`, `2 errors`.
 * @example plural(2, 'objective') // '2 objectives'
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Formats a field path the way authors read it: `key_results[1].checkins[0].date`.
 * @example formatFieldPath(['key_results', 1, 'target']) // 'key_results[1].target'
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}
