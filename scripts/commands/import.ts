/**
 * `okr import <file.csv>`: bulk check-ins and KPI values. Dry run by default; `--write`
 * applies. Any bad row (reported with its line) means nothing is applied.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { appendToList, editFrontmatter } from '../cli/frontmatter-edit.ts';
import { parseImportCsv, resolveImportRows, type CheckinImport, type ImportRow, type KpiValueImport } from '../cli/import-csv.ts';
import { formatReport, plural } from '../../src/lib/content/problems.ts';
import { decodeContentText } from '../../src/lib/content/text-encoding.ts';
import { displayPathOf, editContent, validateChanges, writeChanges, type ContentChanges } from '../cli/content-writes.ts';
import { withContentOptions, type CommandContext, type ContentOptions, type RunAction } from '../cli/context.ts';
import { UsageError } from '../cli/errors.ts';
import { hasNoteColumn, sidecarOf } from '../cli/kpi-sidecar.ts';
import { kpiValueChange } from './kpi.ts';

interface ImportOptions extends ContentOptions {
  write?: boolean;
}

/**
 * Registers `okr import`.
 * @example registerImport(program, run)
 */
export function registerImport(program: Command, run: RunAction): void {
  withContentOptions(
    program
      .command('import')
      .description('import check-ins (objective,key_result,date,value[,confidence][,note]) or KPI values (kpi,date,value[,note]) from a CSV')
      .argument('<file>', 'the CSV file')
      .option('--write', 'apply the import (default: dry run with a summary)'),
  ).action((file: string, options: ImportOptions) => run(() => importCsv(file, options)));
}

function importCsv(csvFile: string, options: ImportOptions): number {
  let bytes: Buffer;
  try {
    // Never open a FIFO or a device (opening one blocks or never ends); only a regular file.
    if (!statSync(csvFile).isFile()) throw new UsageError(`${csvFile} is not a regular file; give the path of a CSV file`);
    bytes = readFileSync(csvFile);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${csvFile}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  // Like content files: UTF-8 text or a clear error, and nothing of other bytes in a message.
  const decoded = decodeContentText(bytes);
  if (decoded.problem) throw new UsageError(`${csvFile} ${decoded.problem.message}`);
  const text = decoded.text;
  const shownFile = relative(process.cwd(), resolve(csvFile)).split(sep).join('/');
  return editContent(options, (ctx) => {
    const { rows, problems } = parseImportCsv(text, shownFile);
    problems.push(...resolveImportRows(rows, ctx.loaded.all, shownFile, kpisWithoutNoteColumn(ctx, rows)));
    if (problems.length > 0) {
      process.stderr.write(`${formatReport(problems)}\nNothing was imported: fix the rows above and run okr import again.\n`);
      return 1;
    }
    if (rows.length === 0) throw new UsageError(`${shownFile} has no rows to import`);
    const { changes, summary } = planImport(ctx, rows);
    validateChanges(ctx.loaded, changes);
    const checkins = rows.filter((row) => row.kind === 'checkin').length;
    const values = rows.length - checkins;
    const what = [checkins ? plural(checkins, 'check-in') : '', values ? plural(values, 'KPI value') : ''].filter(Boolean).join(' and ');
    if (options.write) writeChanges(ctx.loaded, changes);
    const head = options.write ? `imported ${what} into ${plural(changes.size, 'file')}:` : `dry run: would import ${what} into ${plural(changes.size, 'file')}:`;
    const tail = options.write ? '' : '\nNothing was written; run again with --write to apply.\n';
    process.stdout.write(`${head}\n${summary.join('\n')}\n${tail}`);
    return 0;
  });
}

/**
 * Of the KPIs that rows give a note to, those whose sidecar CSV has no note column, with that
 * CSV's path as people see it.
 */
function kpisWithoutNoteColumn(ctx: CommandContext, rows: readonly ImportRow[]): Map<string, string> {
  const noted = new Set(rows.flatMap((row) => (row.kind === 'kpi' && row.point.note !== undefined ? [row.kpi] : [])));
  const result = new Map<string, string>();
  for (const kpi of ctx.loaded.all.kpis.filter((entry) => noted.has(entry.id))) {
    const sidecar = sidecarOf(ctx.loaded.files, kpi.path);
    if (sidecar && !hasNoteColumn(sidecar.text)) result.set(kpi.id, displayPathOf(ctx.loaded, sidecar.path));
  }
  return result;
}

function planImport(ctx: CommandContext, rows: readonly (CheckinImport | KpiValueImport)[]): { changes: ContentChanges; summary: string[] } {
  const changes: ContentChanges = new Map();
  const summary: string[] = [];
  const objectives = new Map(ctx.loaded.all.objectives.map((entry) => [entry.id, entry]));
  const byObjective = Map.groupBy(rows.filter((row) => row.kind === 'checkin'), (row) => row.objective);
  for (const [id, checkins] of byObjective) {
    const objective = objectives.get(id)!;
    const file = ctx.loaded.files.find((candidate) => candidate.path === objective.path)!;
    const { text } = editFrontmatter(file.text, (doc) => {
      for (const row of checkins) {
        const index = objective.data.key_results.findIndex((kr) => kr.id === row.keyResult);
        appendToList(doc, ['key_results', index, 'checkins'], { ...row.checkin });
      }
    });
    changes.set(objective.path, text);
    const perKr = Map.groupBy(checkins, (row) => row.keyResult);
    summary.push(`  ${displayPathOf(ctx.loaded, objective.path)}: ${[...perKr].map(([kr, list]) => `${kr} +${list.length}`).join(', ')}`);
  }
  const kpis = new Map(ctx.loaded.all.kpis.map((entry) => [entry.id, entry]));
  const byKpi = Map.groupBy(rows.filter((row) => row.kind === 'kpi'), (row) => row.kpi);
  for (const [id, values] of byKpi) {
    const change = kpiValueChange(ctx, kpis.get(id)!.path, values.map((row) => row.point));
    changes.set(change.path, change.text);
    summary.push(`  ${displayPathOf(ctx.loaded, change.path)}: ${id} +${values.length}`);
  }
  return { changes, summary };
}
