/**
 * `okr kpi add <kpi> <value>`: appends a value to a KPI, in its frontmatter `data` or in its
 * sidecar CSV, wherever the KPI keeps its data.
 */
import type { Command } from 'commander';
import { appendToList, editFrontmatter } from '../cli/frontmatter-edit.ts';
import { formatValue } from '../../src/lib/render/format.ts';
import { kpiStatus, latestPoint } from '../../src/lib/model/kpi.ts';
import type { KpiDataPoint } from '../../src/lib/content/schema/kpi.ts';
import { parseDateOption, parseNote, parseNumberArgument } from '../cli/arguments.ts';
import { displayPathOf, editContent, validateChanges, writeChanges } from '../cli/content-writes.ts';
import { findEntry, withContentOptions, type CommandContext, type ContentOptions, type RunAction } from '../cli/context.ts';
import { UsageError } from '../cli/errors.ts';
import { appendCsvRow, sidecarOf } from '../cli/kpi-sidecar.ts';
import { normalizeSeries } from '../../src/lib/calendar/calendar-date.ts';

interface KpiAddOptions extends ContentOptions {
  date?: string;
  note?: string;
  dryRun?: boolean;
}

/**
 * Registers `okr kpi add`.
 * @example registerKpi(program, run)
 */
export function registerKpi(program: Command, run: RunAction): void {
  const kpi = program.command('kpi').description('KPI data: okr kpi add <kpi-id> <value>');
  withContentOptions(
    kpi
      .command('add')
      .description('append a value to a KPI (frontmatter data or its sidecar CSV)')
      .argument('<kpi-id>', 'KPI id, e.g. customer/nps')
      .argument('<value>', 'the value measured, a plain number such as 41')
      .option('--date <date>', 'day of the measurement, YYYY-MM-DD (default: the as-of date, i.e. today in UTC)')
      .option('--note <text>', 'what happened')
      .option('--dry-run', 'show the change without writing it'),
  ).action((kpiId: string, valueText: string, options: KpiAddOptions) => run(() => addKpiValue(kpiId, valueText, options)));
}

/**
 * The changed file for a new KPI value: the sidecar CSV when the KPI has one, else the `.md`.
 * @example kpiValueChange(ctx, kpi, { date: '2026-09-01', value: 41 })
 */
export function kpiValueChange(ctx: CommandContext, kpiPath: string, points: readonly KpiDataPoint[]): { path: string; text: string } {
  const sidecar = sidecarOf(ctx.loaded.files, kpiPath);
  if (sidecar) {
    const text = points.reduce((csv, point) => appendCsvRow(csv, point, displayPathOf(ctx.loaded, sidecar.path)), sidecar.text);
    return { path: sidecar.path, text };
  }
  const file = ctx.loaded.files.find((candidate) => candidate.path === kpiPath)!;
  const { text } = editFrontmatter(file.text, (doc) => {
    for (const point of points) appendToList(doc, ['data'], { ...point });
  });
  return { path: kpiPath, text };
}

function addKpiValue(kpiId: string, valueText: string, options: KpiAddOptions): number {
  const value = parseNumberArgument('<value>', valueText);
  const note = parseNote(options.note);
  editContent(options, (ctx) => {
    const point: KpiDataPoint = { date: parseDateOption(options.date, ctx.asOf), value };
    if (note !== undefined) point.note = note;
    const kpi = findEntry(ctx, ctx.loaded.all.kpis, 'KPI', kpiId);
    const existing = (kpi.data.data ?? []).find((candidate) => candidate.date === point.date);
    if (existing) {
      throw new UsageError(`${kpi.id} already has a value for ${point.date} (${existing.value}); edit ${kpi.file} to change it`);
    }
    const change = kpiValueChange(ctx, kpi.path, [point]);
    const changes = new Map([[change.path, change.text]]);
    validateChanges(ctx.loaded, changes);
    if (!options.dryRun) writeChanges(ctx.loaded, changes);
    const series = normalizeSeries([...(kpi.data.data ?? []), point]);
    const status = kpiStatus(kpi.data, latestPoint(series)?.value);
    process.stdout.write(
      `${displayPathOf(ctx.loaded, change.path)}: ${options.dryRun ? 'would add' : 'added'} ${point.date}: ${formatValue(point.value, kpi.data.unit)} to ${kpi.id} (status ${status})\n`,
    );
  });
  return 0;
}
