/**
 * `okr check`: the build's validation (same loader, same messages) plus methodology lints,
 * as text, JSON for editors, or GitHub Actions annotations.
 */
import type { Command } from 'commander';
import { lintMethodology } from '../cli/methodology-lints.ts';
import { formatReport, sortProblems, type ContentProblem } from '../../src/lib/content/problems.ts';
import { checkBuildFolders, readBuildInputs } from '../../src/loader/build-inputs.ts';
import { openContent, withContentOptions, type ContentOptions, type RunAction } from '../cli/context.ts';
import { UsageError } from '../cli/errors.ts';
import { formatGithubAnnotations, toJsonReport } from '../cli/check-report.ts';

const FORMATS = ['text', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface CheckOptions extends ContentOptions {
  json?: boolean;
  format?: string;
  strict?: boolean;
  methodology: boolean;
}

/**
 * Registers `okr check`.
 * @example registerCheck(program)
 */
export function registerCheck(program: Command, run: RunAction): void {
  withContentOptions(
    program
      .command('check')
      .description('validate the content folder like the build does, plus methodology lints')
      .option('--json', 'print {problems, errors, warnings} as JSON (same as --format json)')
      .option('--format <format>', `output: ${FORMATS.join(', ')} (github prints ::error annotations)`)
      .option('--strict', 'exit 1 on warnings too')
      .option('--no-methodology', 'only the checks the build runs'),
  ).action((options: CheckOptions) => run(() => check(options)));
}

function check(options: CheckOptions): number {
  const format = (options.json ? 'json' : (options.format ?? 'text')) as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${options.format}"`);
  const { loaded, asOf, contentDir } = openContent(options);
  // The folders a build would write, as the build checks them: what it fails on, check fails on.
  const folders = checkBuildFolders({ ...readBuildInputs().inputs, contentDir });
  const problems: ContentProblem[] = [...folders, ...loaded.problems, ...(options.methodology ? lintMethodology(loaded.all, asOf) : [])];
  const { errors, warnings } = sortProblems(problems);
  if (format === 'json') process.stdout.write(`${JSON.stringify(toJsonReport(problems), null, 2)}\n`);
  else if (format === 'github') process.stdout.write(formatGithubAnnotations(problems));
  else process.stdout.write(`${formatReport(problems)}\n`);
  return errors.length > 0 || (options.strict && warnings.length > 0) ? 1 : 0;
}
