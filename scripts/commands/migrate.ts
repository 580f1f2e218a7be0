/**
 * `okr migrate <file> [--from FORMAT] [--period P] [--team T] [--map FILE] [--write]`: another
 * tool's export (a spreadsheet, Tability or Asana JSON, an okr2go Markdown file) into teams,
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
import { parseSheet, parseSheetRecords } from '../cli/migrate-sheet.ts';
import type { MigrationRow } from '../cli/migrate-plan.ts';
import { checkMapIds, parseMigrationMap, type MigrationMap } from '../cli/migrate-map.ts';
import { parseTability } from '../cli/migrate-tability.ts';
import { parseAsana } from '../cli/migrate-asana.ts';
import { parseOkr2go } from '../cli/migrate-okr2go.ts';
import { readXlsxRecords } from '../cli/read-xlsx.ts';
import type { ContentProblem } from '../../src/lib/content/problems.ts';

export const MIGRATE_FORMATS = ['csv', 'xlsx', 'tability', 'asana', 'okr2go'] as const;
type MigrateFormat = (typeof MIGRATE_FORMATS)[number];

/** The format of each file extension; a .json file is told by its content (formatOfJson). */
const FORMAT_OF_EXTENSION: Readonly<Record<string, MigrateFormat | 'json'>> = { csv: 'csv', xlsx: 'xlsx', md: 'okr2go', markdown: 'okr2go', json: 'json' };

interface MigrateOptions extends ContentOptions {
  from?: string;
  period?: string;
  team?: string;
  map?: string;
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
      .description('turn a spreadsheet, Tability, Asana or okr2go export into teams, people and objectives')
      .argument('<file>', 'the export')
      .option('--from <format>', `${MIGRATE_FORMATS.join(', ')} (default: from the file extension; .json by its content)`)
      .option('--period <period>', 'YYYY-Qn for rows without a period (okr2go: required)')
      .option('--team <team>', 'team id or name of objectives without a team (Tability, okr2go: required)')
      .option('--map <file>', 'YAML or JSON: other spreadsheet columns, and team and person ids for the export\'s names')
      .option('--write', 'write the files (default: dry run, printing them)'),
  ).action((file: string, options: MigrateOptions) => run(async () => migrate(file, options)));
}

async function migrate(file: string, options: MigrateOptions): Promise<number> {
  const period = options.period === undefined ? undefined : parsePeriodArgument(options.period, '--period');
  const shownFile = shownPath(file);
  // Read before the content folder is locked: the lock is held only while planning and writing.
  const { map, problems: mapProblems } = options.map === undefined ? { problems: [] } : parseMigrationMap(readExport(options.map), shownPath(options.map));
  const format = formatOf(file, options.from);
  const { rows, problems: rowProblems } = await readRows(file, shownFile, format, { period, team: options.team, map });
  if (map && map.columns.size > 0 && format !== 'csv' && format !== 'xlsx') process.stderr.write(`okr: note: ${map.file}: columns are for spreadsheets; ${format} exports have none\n`);
  return editContent(options, (ctx) => {
    const problems = [...mapProblems, ...rowProblems, ...(map ? checkMapIds(map, ctx.loaded.all) : [])];
    if (problems.length > 0) {
      process.stderr.write(`${formatReport(problems)}\nNothing was written: fix the rows above and run okr migrate again.\n`);
      return 1;
    }
    if (rows.length === 0) throw new UsageError(`${shownFile} has no rows to migrate`);
    const { changes, checkins, warnings, notes } = planMigration(rows, ctx.loaded.all, { asOf: ctx.asOf, mapping: map });
    for (const path of [...changes.keys()]) {
      if (ctx.loaded.files.some((existing) => existing.path.toLowerCase() === path.toLowerCase())) {
        changes.delete(path);
        notes.push(`${path} exists and is left as it is`);
      }
    }
    const created = changes.size;
    for (const [path, text] of checkinChanges(ctx.loaded, checkins)) changes.set(path, text);
    for (const warning of warnings) process.stderr.write(`okr: warning: ${warning}\n`);
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

interface ReadOptions {
  period: string | undefined;
  team: string | undefined;
  map: MigrationMap | undefined;
}

async function readRows(file: string, shownFile: string, format: MigrateFormat, options: ReadOptions): Promise<{ rows: MigrationRow[]; problems: ContentProblem[] }> {
  const { period, map } = options;
  switch (format) {
    case 'xlsx':
      assertRegularFile(file);
      return parseSheetRecords(await readXlsxRecords(file), shownFile, { period, map });
    case 'csv':
      return parseSheet(readExport(file), shownFile, { period, map });
    case 'tability':
      return parseTability(readExport(file), shownFile, { team: requiredTeam(options, 'Tability plans'), period });
    case 'asana':
      return parseAsana(readExport(file), shownFile, { team: options.team, period });
    case 'okr2go':
      if (period === undefined) throw new UsageError('okr2go files have no periods: give --period YYYY-Qn');
      return parseOkr2go(readExport(file), shownFile, { team: requiredTeam(options, 'okr2go files'), period });
  }
}

function requiredTeam(options: ReadOptions, what: string): string {
  if (options.team === undefined || options.team.trim() === '') throw new UsageError(`${what} have no teams: give --team <team id or name>`);
  return options.team.trim();
}

/** `--from`, else the file's extension; a .json file by its content (Asana's goals are `resource_type: goal`). */
function formatOf(file: string, from: string | undefined): MigrateFormat {
  const given = (from ?? FORMAT_OF_EXTENSION[extname(file).slice(1).toLowerCase()] ?? extname(file).slice(1)).toLowerCase();
  if (given === 'json') return formatOfJson(file);
  if (!(MIGRATE_FORMATS as readonly string[]).includes(given)) throw new UsageError(`--from must be one of ${MIGRATE_FORMATS.join(', ')}, got "${given || file}"`);
  return given as MigrateFormat;
}

function formatOfJson(file: string): MigrateFormat {
  let data: unknown;
  try {
    data = JSON.parse(readExport(file));
  } catch {
    data = undefined;
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (Array.isArray(record.data) && record.data.some((goal) => (goal as { resource_type?: unknown } | null)?.resource_type === 'goal')) return 'asana';
  if (Array.isArray(record.outcomes) && Array.isArray(record.plans)) return 'tability';
  throw new UsageError(`cannot tell the format of ${file} (neither Asana goals nor Tability plans and outcomes): give --from tability or --from asana`);
}

function shownPath(file: string): string {
  return relative(process.cwd(), resolve(file)).split(sep).join('/');
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
