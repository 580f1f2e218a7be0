/**
 * `okr close <period>`: writes the final `score` of every objective and key result of a
 * period, from the computed values, and scaffolds the company retrospective.
 */
import type { Command } from 'commander';
import { planPeriodClose, retrospectiveResults } from '../cli/close-period.ts';
import { retrospectiveText } from '../cli/entry-templates.ts';
import { editFrontmatter, setField } from '../cli/frontmatter-edit.ts';
import { formatScore } from '../../src/lib/render/format.ts';
import { periodBounds, periodPhase } from '../../src/lib/calendar/period.ts';
import { parsePeriodArgument } from '../cli/arguments.ts';
import { displayPathOf, editContent, validateChanges, writeChanges, type ContentChanges } from '../cli/content-writes.ts';
import { withContentOptions, type ContentOptions, type RunAction } from '../cli/context.ts';
import { UsageError } from '../cli/errors.ts';

interface CloseOptions extends ContentOptions {
  force?: boolean;
  dryRun?: boolean;
  retrospective: boolean;
}

/**
 * Registers `okr close`.
 * @example registerClose(program, run)
 */
export function registerClose(program: Command, run: RunAction): void {
  withContentOptions(
    program
      .command('close')
      .description('write final scores for every objective and key result of a period and scaffold its retrospective')
      .argument('<period>', 'the period, YYYY-Qn')
      .option('--force', 'close a period that has not ended yet at the as-of date')
      .option('--no-retrospective', 'do not scaffold retrospectives/<period>/company.md')
      .option('--dry-run', 'show the scores without writing them'),
  ).action((period: string, options: CloseOptions) => run(() => close(period, options)));
}

function close(periodText: string, options: CloseOptions): number {
  const period = parsePeriodArgument(periodText);
  editContent(options, (ctx) => {
    const phase = periodPhase(period, ctx.asOf);
    if (phase !== 'closed' && !options.force) {
      throw new UsageError(`${period} ends on ${periodBounds(period).last}, after the as-of date ${ctx.asOf}; pass --force to close it early, or --as-of`);
    }
    const plan = planPeriodClose(ctx.loaded.all, period, ctx.asOf);
    if (plan.length === 0) throw new UsageError(`${period} has no objectives in ${ctx.loaded.root}`);
    const changes: ContentChanges = new Map();
    const lines: string[] = [];
    for (const objective of plan) {
      const file = ctx.loaded.files.find((candidate) => candidate.path === objective.path)!;
      const { text } = editFrontmatter(file.text, (doc) => {
        if (!objective.kept) setField(doc, [], 'score', objective.score, { before: 'key_results' });
        for (const kr of objective.keyResults) if (!kr.kept) setField(doc, ['key_results', kr.index], 'score', kr.score, { before: 'checkins' });
      });
      if (text !== file.text) changes.set(objective.path, text);
      const krs = objective.keyResults.map((kr) => `${kr.id} ${formatScore(kr.score)}${kr.kept ? ' (kept)' : ''}`).join(', ');
      lines.push(`  ${displayPathOf(ctx.loaded, objective.path)}: score ${formatScore(objective.score)}${objective.kept ? ' (kept)' : ''}; ${krs}`);
    }
    const hasCompanyRetro = ctx.loaded.all.retrospectives.some((retro) => retro.data.period === period && retro.data.team === undefined);
    const retroPath = `retrospectives/${period.toLowerCase()}/company.md`;
    if (options.retrospective && !hasCompanyRetro && !ctx.loaded.files.some((file) => file.path.toLowerCase() === retroPath)) {
      // The scaffold states the visibility it gets anyway (the folder's default), and lists
      // only the objectives that readers of that visibility may see.
      const visibility = ctx.loaded.all.settings.default_visibility;
      const results = retrospectiveResults(ctx.loaded.all, plan, { visibility });
      changes.set(retroPath, retrospectiveText({ period, date: ctx.asOf, results, visibility, draft: true }));
      const left = plan.length - results.length;
      const note = left > 0 ? `; lists ${results.length} of ${plan.length} objectives, leaving out ${left} that ${visibility} readers may not see` : '';
      lines.push(`  ${displayPathOf(ctx.loaded, retroPath)}: new retrospective (visibility: ${visibility}, draft: true${note}; write it, then remove draft)`);
    }
    validateChanges(ctx.loaded, changes);
    if (!options.dryRun) writeChanges(ctx.loaded, changes);
    const head = options.dryRun ? `dry run: closing ${period} would change ${changes.size} file(s):` : `closed ${period}: changed ${changes.size} file(s):`;
    process.stdout.write(`${head}\n${lines.join('\n')}\n${options.dryRun ? '' : 'Review the diff (git diff), then commit.\n'}`);
  });
  return 0;
}
