/**
 * `okr init [--name] [--period] [--content]`: writes the starter of an organisation's OKR
 * repository into the current folder (scripts/cli/starter.ts). Never overwrites: when any of
 * its files exists, it names each one and writes nothing.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { periodOf } from '../../src/lib/calendar/period.ts';
import { parsePeriodArgument } from '../cli/arguments.ts';
import { resolveContentOptions, todayUtc, type RunAction } from '../cli/context.ts';
import { ContentError, UsageError } from '../cli/errors.ts';
import { starterFiles } from '../cli/starter.ts';

interface InitOptions {
  name?: string;
  period?: string;
  content?: string;
}

/**
 * Registers `okr init`.
 * @example registerInit(program, run)
 */
export function registerInit(program: Command, run: RunAction): void {
  program
    .command('init')
    .description('write a starter OKR repository here: portal.yaml, a company team, an example objective and KPI, GitHub workflows, .gitignore, README')
    .option('--name <organization>', 'the organisation (default: the name of this folder)')
    .option('--period <period>', 'YYYY-Qn of the example objective (default: the current quarter)')
    .option('--content <dir>', 'content folder (default: $PORTAL_CONTENT_DIR or ./content)')
    .action((options: InitOptions) => run(() => init(options)));
}

function init(options: InitOptions): number {
  const cwd = process.cwd();
  const organization = (options.name ?? basename(cwd)).trim();
  if (organization === '') throw new UsageError('--name must not be empty');
  const period = options.period === undefined ? periodOf(todayUtc()) : parsePeriodArgument(options.period, '--period');
  const contentDir = options.content ?? resolveContentOptions({}).contentDir;
  const below = relative(cwd, resolve(cwd, contentDir));
  if (below.startsWith('..') || isAbsolute(below)) {
    throw new UsageError(`--content ${contentDir} is outside this folder; okr init writes below the current folder only`);
  }
  const files = starterFiles({ organization, period, contentDir: below.split('\\').join('/') || '.' });
  const existing = files.filter((file) => existsSync(resolve(cwd, file.path)));
  if (existing.length > 0) {
    throw new ContentError(existing.map((file) => `${file.path} already exists; okr init never overwrites a file (move it away or write the rest by hand)`).join('\nokr: '));
  }
  for (const file of files) {
    const path = resolve(cwd, file.path);
    mkdirSync(dirname(path), { recursive: true });
    // 'wx': a file that appeared since the check above is still never overwritten.
    writeFileSync(path, file.text, { flag: 'wx' });
    process.stdout.write(`created ${file.path}\n`);
  }
  process.stdout.write(`\nNext: npx okr check, then npx okr dev to see the portal (or npx okr build for dist/).\n`);
  return 0;
}
