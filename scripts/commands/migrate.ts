/**
 * `okr migrate <file> [--from csv] [--period P] [--write]`: another tool's export into teams,
 * people and objectives in the content format. A dry run by default, printing every file it
 * would write; `--write` writes them: new files, and the check-ins of a newer export into
 * objectives that exist (no file is replaced), and nothing at all when any row is bad or the
 * result would not be valid content.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { formatReport, plural } from '../../src/lib/content/problems.ts';
import { decodeContentText } from '../../src/lib/content/text-encoding.ts';
import { parsePeriodArgument } from '../cli/arguments.ts';
import { editContent, validateChanges, writeChanges, type ContentChanges } from '../cli/content-writes.ts';
import { appendToList, editFrontmatter } from '../cli/frontmatter-edit.ts';
import { withContentOptions, type ContentOptions, type RunAction } from '../cli/context.ts';
import { UsageError } from '../cli/errors.ts';
import { planMigration, type CheckinAddition } from '../cli/migrate-plan.ts';
import type { LoadedContent } from '../../src/loader/read-content.ts';
import { parseSheet, parseSheetRecords, type MigrationRow } from '../cli/migrate-sheet.ts';
import { readXlsxRecords } from '../cli/read-xlsx.ts';
import type { ContentProblem } from '../../src/lib/content/problems.ts';

export const MIGRATE_FORMATS = ['csv', 'xlsx'] as const;

interface MigrateOptions extends ContentOptions {
  from?: string;
  period?: string;
  write?: boolean;
}

/**
 * Registers `okr migrate`.
 * @example registerMigrate(program, run)
 */
export function registerMigrate(program: Command, run: RunAction): void {
  withContentOptions(
    program
      .command('migrate')
      .description('turn a spreadsheet export (one row per key result) into teams, people and objectives')
      .argument('<file>', 'the export')
      .option('--from <format>', `${MIGRATE_FORMATS.join(', ')} (default: from the file extension)`)
      .option('--period <period>', 'YYYY-Qn for rows without a period column')
      .option('--write', 'write the files (default: dry run, printing them)'),
  ).action((file: string, options: MigrateOptions) => run(async () => migrate(file, options)));
}

async function migrate(file: string, options: MigrateOptions): Promise<number> {
  const format = (options.from ?? extname(file).slice(1)).toLowerCase();
  if (!(MIGRATE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--from must be one of ${MIGRATE_FORMATS.join(', ')}, got "${format || file}"`);
  const period = options.period === undefined ? undefined : parsePeriodArgument(options.period, '--period');
  const shownFile = relative(process.cwd(), resolve(file)).split(sep).join('/');
  // Read before the content folder is locked: the lock is held only while planning and writing.
  const { rows, problems } = await readRows(file, shownFile, format, period);
  return editContent(options, (ctx) => {
    if (problems.length > 0) {
      process.stderr.write(`${formatReport(problems)}\nNothing was written: fix the rows above and run okr migrate again.\n`);
      return 1;
    }
    if (rows.length === 0) throw new UsageError(`${shownFile} has no rows to migrate`);
    const { changes, checkins, notes } = planMigration(rows, ctx.loaded.all, ctx.asOf);
    for (const path of [...changes.keys()]) {
      if (ctx.loaded.files.some((existing) => existing.path.toLowerCase() === path.toLowerCase())) {
        changes.delete(path);
        notes.push(`${path} exists and is left as it is`);
      }
    }
    const created = changes.size;
    for (const [path, text] of checkinChanges(ctx.loaded, checkins)) changes.set(path, text);
    for (const note of notes) process.stderr.write(`okr: note: ${note}\n`);
    validateChanges(ctx.loaded, changes);
    if (changes.size === 0) {
      process.stdout.write(`nothing to write: ${shownFile} has no objective, key result value or check-in that the content folder lacks\n`);
      return 0;
    }
    const summary = [`${plural(created, 'new file')}`, ...(checkins.length > 0 ? [`${plural(checkins.length, 'check-in')} in ${plural(changes.size - created, 'existing objective')}`] : [])].join(' and ');
    const checkinLines = checkins.map((addition) => `  ${addition.path}: ${addition.keyResultId}: check-in ${addition.checkin.value} on ${addition.checkin.date}`);
    if (options.write) {
      writeChanges(ctx.loaded, changes);
      const files = [...changes.keys()].slice(0, created).map((path) => `  ${path}`);
      process.stdout.write(`migrated ${plural(rows.length, 'row')} into ${summary}:\n${[...files, ...checkinLines].join('\n')}\n`);
      return 0;
    }
    const shown = [...changes].slice(0, created).map(([path, body]) => `=== ${path}\n${body}`);
    const added = checkinLines.length > 0 ? [`=== check-ins\n${checkinLines.join('\n')}\n`] : [];
    process.stdout.write(`dry run: would write ${summary} from ${plural(rows.length, 'row')}:\n\n${[...shown, ...added].join('\n')}\nNothing was written; run again with --write to write them.\n`);
    return 0;
  });
}

/** The objective files with the check-ins appended, every other byte kept. */
function checkinChanges(loaded: LoadedContent, checkins: readonly CheckinAddition[]): ContentChanges {
  const changes: ContentChanges = new Map();
  for (const [path, additions] of Map.groupBy(checkins, (addition) => addition.path)) {
    const file = loaded.files.find((candidate) => candidate.path === path)!;
    const { text } = editFrontmatter(file.text, (doc) => {
      for (const addition of additions) appendToList(doc, ['key_results', addition.keyResultIndex, 'checkins'], { ...addition.checkin });
    });
    changes.set(path, text);
  }
  return changes;
}

async function readRows(file: string, shownFile: string, format: string, period: string | undefined): Promise<{ rows: MigrationRow[]; problems: ContentProblem[] }> {
  if (format === 'xlsx') {
    assertRegularFile(file);
    return parseSheetRecords(await readXlsxRecords(file), shownFile, { period });
  }
  return parseSheet(readExport(file), shownFile, { period });
}

function assertRegularFile(file: string): void {
  try {
    if (!statSync(file).isFile()) throw new UsageError(`${file} is not a regular file; give the path of an export`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
}

function readExport(file: string): string {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new UsageError(`${file} is not a regular file; give the path of an export`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  const decoded = decodeContentText(bytes);
  if (decoded.problem) throw new UsageError(`${file} ${decoded.problem.message}`);
  return decoded.text;
}
