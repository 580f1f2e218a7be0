/**
 * Machine-readable `okr check` reports: JSON for editors and GitHub Actions annotations.
 */
import { escapeUnprintable, plural, sortProblems, type ContentProblem } from '../../src/lib/content/problems.ts';

export interface JsonProblem {
  file: string;
  line: number | null;
  column: number | null;
  field: string;
  severity: ContentProblem['severity'];
  code: string;
  message: string;
  hint: string | null;
}

export interface JsonReport {
  problems: JsonProblem[];
  errors: number;
  warnings: number;
}

/**
 * The `--json` report: errors first, then warnings; every problem has every key.
 * @example toJsonReport(problems).errors // 2
 */
export function toJsonReport(problems: readonly ContentProblem[]): JsonReport {
  const { errors, warnings } = sortProblems(problems);
  return {
    problems: [...errors, ...warnings].map((problem) => ({
      file: problem.file,
      line: problem.line ?? null,
      column: problem.line ? (problem.column ?? 1) : null,
      field: problem.field,
      severity: problem.severity,
      code: problem.code,
      message: problem.message,
      hint: problem.hint ?? null,
    })),
    errors: errors.length,
    warnings: warnings.length,
  };
}

/**
 * GitHub Actions workflow commands, one per problem, then a plain summary line:
 * `::error file=content/a.md,line=4,col=3,title=okr check (unknown-field)::titel: is not a known field`
 * @example formatGithubAnnotations(problems)
 */
export function formatGithubAnnotations(problems: readonly ContentProblem[]): string {
  const { errors, warnings } = sortProblems(problems);
  const lines = [...errors, ...warnings].map((problem) => {
    const properties = [`file=${escapeProperty(problem.file)}`];
    if (problem.line) properties.push(`line=${problem.line}`, `col=${problem.column ?? 1}`);
    properties.push(`title=${escapeProperty(`okr check (${problem.code})`)}`);
    const text = `${problem.field ? `${problem.field}: ` : ''}${problem.message}${problem.hint ? ` ${problem.hint}` : ''}`;
    return `::${problem.severity} ${properties.join(',')}::${escapeData(text)}`;
  });
  lines.push(`okr check: ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * GitHub's workflow-command escaping (`%`, CR and LF in data; also `:` and `,` in properties),
 * then every other unprintable character escaped: an annotation is public and stays one line,
 * so that no file name or value can end it early or start a command of its own.
 */
function escapeData(text: string): string {
  return escapeUnprintable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
