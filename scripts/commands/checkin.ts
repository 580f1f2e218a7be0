/**
 * `okr checkin <objective> <key-result> <value>`: appends a check-in to a key result.
 */
import type { Command } from 'commander';
import { compareDates } from '../../src/lib/calendar/calendar-date.ts';
import { appendToList, editFrontmatter } from '../cli/frontmatter-edit.ts';
import { formatPercent, formatValue } from '../../src/lib/render/format.ts';
import { periodBounds } from '../../src/lib/calendar/period.ts';
import { buildPortalModel } from '../../src/lib/model/portal-model.ts';
import type { ContentEntry, ContentSet } from '../../src/lib/content/content-set.ts';
import type { CheckinData, ObjectiveData } from '../../src/lib/content/schema/objective.ts';
import { didYouMean } from '../../src/lib/content/suggest.ts';
import { parseConfidence, parseDateOption, parseNote, parseNumberArgument } from '../cli/arguments.ts';
import { displayPathOf, editContent, validateChanges, writeChanges } from '../cli/content-writes.ts';
import { findEntry, withContentOptions, type CommandContext, type ContentOptions, type RunAction } from '../cli/context.ts';
import { UsageError } from '../cli/errors.ts';

interface CheckinOptions extends ContentOptions {
  confidence?: string;
  note?: string;
  date?: string;
  dryRun?: boolean;
}

/**
 * Registers `okr checkin`.
 * @example registerCheckin(program, run)
 */
export function registerCheckin(program: Command, run: RunAction): void {
  withContentOptions(
    program
      .command('checkin')
      .description('append a check-in to a key result')
      .argument('<objective-id>', 'objective id, e.g. 2026-q3/support/efficiency')
      .argument('<kr-id>', 'key result id, e.g. tickets')
      .argument('<value>', 'the value measured, a plain number such as 1.1')
      .option('--confidence <share>', 'how sure you are to reach the target, 0..1 (e.g. 0.7)')
      .option('--note <text>', 'what changed')
      .option('--date <date>', 'day of the check-in, YYYY-MM-DD (default: the as-of date, i.e. today in UTC)')
      .option('--dry-run', 'show the change without writing it'),
  ).action((objectiveId: string, krId: string, valueText: string, options: CheckinOptions) => run(() => checkin(objectiveId, krId, valueText, options)));
}

function checkin(objectiveId: string, krId: string, valueText: string, options: CheckinOptions): number {
  const value = parseNumberArgument('<value>', valueText);
  const confidence = options.confidence === undefined ? undefined : parseConfidence(options.confidence);
  const note = parseNote(options.note);
  return editContent(options, (ctx) => {
    const checkinData: CheckinData = { date: parseDateOption(options.date, ctx.asOf), value };
    if (confidence !== undefined) checkinData.confidence = confidence;
    if (note !== undefined) checkinData.note = note;
    const objective = findEntry(ctx, ctx.loaded.all.objectives, 'objective', objectiveId);
    const index = objective.data.key_results.findIndex((kr) => kr.id === krId);
    if (index === -1) {
      const ids = objective.data.key_results.map((kr) => kr.id);
      const hint = didYouMean(krId, ids);
      throw new UsageError(`"${krId}" is not a key result of ${objective.id} (it has ${ids.join(', ')})${hint ? `. ${hint}` : ''}`);
    }
    const { first } = periodBounds(objective.data.period);
    if (compareDates(checkinData.date, first) < 0) {
      throw new UsageError(`--date ${checkinData.date} is before period ${objective.data.period} of ${objective.id} starts (${first})`);
    }
    const file = ctx.loaded.files.find((candidate) => candidate.path === objective.path)!;
    const edited = editFrontmatter(file.text, (doc) => appendToList(doc, ['key_results', index, 'checkins'], { ...checkinData }));
    const changes = new Map([[objective.path, edited.text]]);
    const after = validateChanges(ctx.loaded, changes);
    if (!options.dryRun) writeChanges(ctx.loaded, changes);
    report(ctx, objective, index, checkinData, after, options.dryRun === true);
    return 0;
  });
}

function report(ctx: CommandContext, objective: ContentEntry<ObjectiveData>, index: number, checkinData: CheckinData, after: ContentSet, dryRun: boolean): void {
  const kr = objective.data.key_results[index]!;
  const before = buildPortalModel(ctx.loaded.all, ctx.asOf).objectiveById.get(objective.id)!.keyResults[index]!;
  const now = buildPortalModel(after, ctx.asOf).objectiveById.get(objective.id)!.keyResults[index]!;
  const verb = dryRun ? 'would add' : 'added';
  process.stdout.write(
    `${displayPathOf(ctx.loaded, objective.path)}: key_results[${index}] ${kr.id}: ${verb} check-in ${checkinData.date}: ${formatValue(checkinData.value, kr.unit)}` +
      `${checkinData.confidence === undefined ? '' : `, confidence ${checkinData.confidence}`}\n` +
      `  progress ${formatPercent(before.progress)} -> ${formatPercent(now.progress)}\n`,
  );
  if (kr.current !== undefined) {
    process.stderr.write(`okr: warning: ${kr.id} sets current: ${kr.current}, which overrides check-ins; remove current to let check-ins count\n`);
  }
}
