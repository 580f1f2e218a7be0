/**
 * What every command needs: the content folder, the as-of date and the audience, from flags
 * first, then PORTAL_CONTENT_DIR, PORTAL_AS_OF and PORTAL_AUDIENCE, then defaults.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { AUDIENCES, type Audience } from '../../src/lib/content/audience.ts';
import { isIsoDate } from '../../src/lib/calendar/calendar-date.ts';
import { parseBuildInputs } from '../../src/lib/content/build-inputs.ts';
import type { ContentEntry } from '../../src/lib/content/content-set.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { didYouMean } from '../../src/lib/content/suggest.ts';
import { loadContent, type LoadedContent } from '../../src/loader/read-content.ts';
import { UsageError } from './errors.ts';

/** Runs one command's action and sets the exit code it returns (scripts/program.ts). */
export type RunAction = (action: () => number | Promise<number>) => Promise<void>;

export interface ContentOptions {
  content?: string;
  asOf?: string;
  audience?: string;
}

export interface CommandContext {
  contentDir: string;
  asOf: string;
  audience: Audience;
  loaded: LoadedContent;
  /** Absolute path of a content file given its path below the content root. */
  absolute(path: string): string;
}

/**
 * Adds --content, --as-of and --audience to a command.
 * @example withContentOptions(program.command('status'))
 */
export function withContentOptions(command: Command): Command {
  return command
    .option('--content <dir>', 'content folder (default: $PORTAL_CONTENT_DIR or ./content)')
    .option('--as-of <date>', 'today, YYYY-MM-DD (default: $PORTAL_AS_OF or today in UTC)')
    .option('--audience <audience>', `${AUDIENCES.join(', ')} (default: $PORTAL_AUDIENCE or private: everything but drafts)`);
}

/**
 * Today's date in UTC: the CLI's one clock read.
 * @example todayUtc() // '2026-11-23'
 */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Resolves the options without reading content: the folder, the as-of date and the audience.
 * @example resolveContentOptions({ asOf: '2026-11-23' }).contentDir // 'content'
 */
export function resolveContentOptions(options: ContentOptions, env: NodeJS.ProcessEnv = process.env): { contentDir: string; asOf: string; audience: Audience } {
  const { inputs, problems } = parseBuildInputs(
    { ...env, PORTAL_AUDIENCE: options.audience ?? (env.PORTAL_AUDIENCE?.trim() || 'private'), PORTAL_AS_OF: options.asOf ?? env.PORTAL_AS_OF },
    todayUtc(),
  );
  // Every command that writes goes through here: all bad build inputs are reported, one line
  // each, before any file is touched.
  if (problems.length > 0) {
    const flags: Record<string, string> = { PORTAL_AUDIENCE: '--audience / ', PORTAL_AS_OF: '--as-of / ' };
    throw new UsageError(problems.map((problem) => `${flags[problem.field] ?? ''}${formatProblem(problem).replace(/^environment: /, '')}`).join('\nokr: '));
  }
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${options.asOf}"`);
  return { contentDir: options.content ?? inputs.contentDir, asOf: inputs.asOf, audience: inputs.audience };
}

/**
 * Resolves the options and loads the content folder with the build's own loader.
 * @example const { loaded, asOf } = openContent(options)
 */
export function openContent(options: ContentOptions, env: NodeJS.ProcessEnv = process.env): CommandContext {
  const { contentDir, asOf, audience } = resolveContentOptions(options, env);
  const loaded = loadContent({ contentDir, audience });
  return { contentDir, asOf, audience, loaded, absolute: (path) => join(loaded.root, path) };
}

/**
 * Finds an entry by id, or throws a UsageError with a "did you mean" hint. When the file
 * exists but has errors, says so: such files are not loaded.
 * @example findEntry(ctx, 'objectives', '2026-q3/company')
 */
export function findEntry<T>(ctx: CommandContext, entries: readonly ContentEntry<T>[], kind: string, id: string): ContentEntry<T> {
  const wanted = id.trim().toLowerCase();
  const entry = entries.find((candidate) => candidate.id === wanted);
  if (entry) return entry;
  const broken = ctx.loaded.problems.filter((problem) => problem.severity === 'error' && problem.file.toLowerCase().replace(/\.mdx?$/, '').endsWith(`/${wanted}`));
  if (broken.length > 0) {
    throw new UsageError(`${broken[0]!.file} has errors, so ${kind} "${id}" cannot be edited; fix them first (okr check lists them):\n${broken.map(formatProblem).join('\n')}`);
  }
  const hint = didYouMean(wanted, entries.map((candidate) => candidate.id));
  throw new UsageError(`"${id}" is not ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} in ${ctx.loaded.root}${hint ? `. ${hint}` : ''}`);
}
