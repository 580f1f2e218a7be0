/**
 * The `okr` program: commander wiring, and the one place that turns failures into exit codes
 * (0 clean, 1 content errors, 2 usage).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { FrontmatterEditError } from './cli/frontmatter-edit.ts';
import { registerCheck } from './commands/check.ts';
import { registerCheckin } from './commands/checkin.ts';
import { registerClose } from './commands/close.ts';
import { registerImport } from './commands/import.ts';
import { registerInit } from './commands/init.ts';
import { registerKpi } from './commands/kpi.ts';
import { registerMerge } from './commands/merge.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerNew } from './commands/new.ts';
import { registerSite } from './commands/site.ts';
import { registerStatus } from './commands/status.ts';
import type { RunAction } from './cli/context.ts';
import { ContentError, unexpectedFailure, UsageError } from './cli/errors.ts';

/**
 * Parses the arguments and runs the command.
 * @example process.exitCode = await runCli(['check', '--json'])
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const run: RunAction = async (action) => {
    try {
      exitCode = await action();
    } catch (error) {
      exitCode = reportFailure(error, argv[0] ?? 'okr');
    }
  };
  const program = new Command('okr')
    .description('Write, check in and lint OKRs and KPIs kept as Markdown files.')
    .version(packageVersion(), '-V, --version')
    .showSuggestionAfterError()
    .showHelpAfterError('(run okr --help or okr <command> --help for usage)')
    .exitOverride();
  registerCheck(program, run);
  registerNew(program, run);
  registerCheckin(program, run);
  registerKpi(program, run);
  registerImport(program, run);
  registerStatus(program, run);
  registerClose(program, run);
  registerSite(program, run);
  registerMerge(program, run);
  registerInit(program, run);
  registerMigrate(program, run);
  program.addHelpText('after', '\nExit codes: 0 clean (warnings allowed), 1 content errors, 2 usage errors.\nDocs: docs/cli.md');
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}

function reportFailure(error: unknown, command: string): number {
  if (error instanceof UsageError) {
    process.stderr.write(`okr: ${error.message}\n`);
    return 2;
  }
  if (error instanceof ContentError || error instanceof FrontmatterEditError) {
    process.stderr.write(`okr: ${error.message}\n`);
    return 1;
  }
  process.stderr.write(unexpectedFailure(command, error, process.env));
  return 1;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}
