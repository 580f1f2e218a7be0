/**
 * `okr status [--period] [--team]`: a terminal summary of a period, from the same model as
 * the site.
 */
import type { Command } from 'commander';
import { exportKpis, exportObjectives } from '../../src/lib/export/export.ts';
import { buildPortalModel } from '../../src/lib/model/portal-model.ts';
import { didYouMean } from '../../src/lib/content/suggest.ts';
import { subtreeIds } from '../../src/lib/model/summaries.ts';
import { parsePeriodArgument } from '../cli/arguments.ts';
import { openContent, withContentOptions, type ContentOptions, type RunAction } from '../cli/context.ts';
import { UsageError } from '../cli/errors.ts';
import { renderStatus } from '../cli/status-report.ts';
import { painter } from '../cli/terminal.ts';

interface StatusOptions extends ContentOptions {
  period?: string;
  team?: string;
  json?: boolean;
}

/**
 * Registers `okr status`.
 * @example registerStatus(program, run)
 */
export function registerStatus(program: Command, run: RunAction): void {
  withContentOptions(
    program
      .command('status')
      .description('summarize a period: objectives with progress, scores and statuses; KPIs with status')
      .option('--period <period>', 'YYYY-Qn (default: the current period)')
      .option('--team <team-id>', 'only this team and the teams below it')
      .option('--json', 'print objectives and KPIs in the /api/v1 export format'),
  ).action((options: StatusOptions) => run(() => status(options)));
}

function status(options: StatusOptions): number {
  const ctx = openContent(options);
  const errors = ctx.loaded.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) process.stderr.write(`okr: warning: the content has ${errors.length} error(s); files with errors are left out (run okr check)\n`);
  const model = buildPortalModel(ctx.loaded.visible, ctx.asOf);
  const period = options.period === undefined ? model.currentPeriod : parsePeriodArgument(options.period, '--period');
  let teams: Set<string> | undefined;
  if (options.team !== undefined) {
    const team = model.teamById.get(options.team.toLowerCase());
    if (!team) {
      const hint = didYouMean(options.team, model.teamById.keys());
      throw new UsageError(`--team "${options.team}" is not a team${hint ? `. ${hint}` : ''}`);
    }
    teams = subtreeIds(model.teams, team.id);
  }
  const inScope = (team: string | undefined): boolean => teams === undefined || (team !== undefined && teams.has(team));
  const objectives = model.objectives.filter((objective) => objective.period === period && inScope(objective.team));
  const kpis = model.kpis.filter((kpi) => inScope(kpi.team));
  if (options.json) {
    const scoped = { ...model, objectives, kpis };
    process.stdout.write(`${JSON.stringify({ period, asOf: model.asOf, objectives: exportObjectives(scoped, '/'), kpis: exportKpis(scoped, '/') }, null, 2)}\n`);
    return 0;
  }
  const scope = options.team === undefined ? undefined : model.teamById.get(options.team.toLowerCase())?.name;
  process.stdout.write(`${renderStatus(model, { period, objectives, kpis, scope }, painter()).join('\n')}\n`);
  return 0;
}
