/**
 * Content problems: every one names the file and the field, says what is wrong and what was
 * expected, so an author can fix it without reading code.
 */

export type Severity = 'error' | 'warning';

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
  return `${location}: ${field}${problem.message}${hint}`;
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
