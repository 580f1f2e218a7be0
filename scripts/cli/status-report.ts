/**
 * The text of `okr status`: objectives by team with progress bars, scores, grades and
 * statuses, their key results, then KPIs with their status. Pure: model in, lines out.
 */
import { formatPercent, formatScore, formatValue } from '../../src/lib/render/format.ts';
import { elapsedShare, periodLabel, periodPhase } from '../../src/lib/calendar/period.ts';
import type { Kpi, Objective, PortalModel } from '../../src/lib/model/portal-model.ts';
import { statusTone, type Tone } from '../../src/lib/render/status-tone.ts';
import { groupByTeam, summarizeObjectives } from '../../src/lib/model/summaries.ts';
import type { Paint, Style } from './terminal.ts';

/** Terminal styles of the status tones (src/lib/render/status-tone.ts), as on the pages. */
const TONE_STYLE: Record<Tone, Style> = { green: 'green', yellow: 'yellow', red: 'red', accent: 'cyan', grey: 'dim' };

/**
 * A progress bar of `width` cells.
 * @example progressBar(0.5, 4) // '██░░'
 */
export function progressBar(share: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export interface StatusSelection {
  period: string;
  objectives: readonly Objective[];
  kpis: readonly Kpi[];
  /** Shown in the heading, e.g. the team's name. */
  scope?: string | undefined;
}

/**
 * The status report as lines.
 * @example renderStatus(model, { period: '2026-Q3', objectives, kpis }, (_, text) => text).join('\n')
 */
export function renderStatus(model: PortalModel, selection: StatusSelection, paint: Paint): string[] {
  const { period, objectives, kpis } = selection;
  const phase = periodPhase(period, model.asOf);
  const elapsed = phase === 'open' ? `, ${formatPercent(elapsedShare(period, model.asOf))} elapsed` : '';
  const summary = summarizeObjectives(objectives);
  const lines = [
    paint('bold', `${model.settings.name} · ${periodLabel(period)} (${phase}${elapsed}) · as of ${model.asOf}${selection.scope ? ` · ${selection.scope}` : ''}`),
    summary.count === 0
      ? 'No objectives in this period.'
      : `${summary.count} objective${summary.count === 1 ? '' : 's'} · mean score ${formatScore(summary.averageScore ?? 0)} · ` +
        (['on-track', 'at-risk', 'off-track', 'done', 'cancelled'] as const)
          .filter((status) => summary.byStatus[status] > 0)
          .map((status) => `${summary.byStatus[status]} ${status}`)
          .join(', '),
  ];
  for (const group of groupByTeam(objectives, model.teams)) {
    lines.push('', paint('bold', group.team?.name ?? 'Individual objectives'));
    for (const objective of group.objectives) lines.push(...renderObjective(objective, paint));
  }
  if (kpis.length > 0) {
    lines.push('', paint('bold', 'KPIs'));
    const width = Math.max(...kpis.map((kpi) => kpi.status.length));
    for (const kpi of kpis) {
      const latest = kpi.latest ? `${formatValue(kpi.latest.value, kpi.unit)} on ${kpi.latest.date}` : 'no values';
      const bounds = [kpi.target === undefined ? '' : `target ${formatValue(kpi.target, kpi.unit)}`, kpi.threshold === undefined ? '' : `threshold ${formatValue(kpi.threshold, kpi.unit)}`].filter(Boolean).join(', ');
      lines.push(`  ${paint(TONE_STYLE[statusTone(kpi.status)], kpi.status.padEnd(width))}  ${kpi.title}: ${latest}${bounds ? ` (${bounds})` : ''}  ${paint('dim', kpi.id)}`);
    }
  }
  return lines;
}

function renderObjective(objective: Objective, paint: Paint): string[] {
  const score = objective.finalScore === undefined ? formatScore(objective.score) : `${formatScore(objective.score)}*`;
  const lines = [
    `  ${paint(TONE_STYLE[objective.grade], progressBar(objective.progress, 20))} ${formatPercent(objective.progress).padStart(4)}  ` +
      `${paint(TONE_STYLE[objective.grade], `${score.padEnd(5)} ${objective.grade.padEnd(6)}`)} ${paint(TONE_STYLE[statusTone(objective.status)], objective.status.padEnd(9))} ` +
      `${objective.title}${objective.draft ? ' (draft)' : ''}${objective.forecast === undefined ? '' : `, forecast ${formatPercent(objective.forecast)}`}${staleText(objective.staleDays, paint)}  ${paint('dim', objective.id)}`,
  ];
  for (const kr of objective.keyResults) {
    const measure =
      kr.type === 'milestone'
        ? kr.done ? 'done' : 'not done'
        : kr.type === 'graded'
          ? kr.current === undefined ? 'not graded yet' : `grade ${kr.current}${kr.projected === undefined ? '' : `, projected ${kr.projected}`}`
          : kr.min !== undefined || kr.max !== undefined
            ? `now ${formatValue(kr.current, kr.unit)}, range ${kr.min ?? '…'} to ${kr.max ?? '…'}`
            : `now ${formatValue(kr.current, kr.unit)}, target ${formatValue(kr.target, kr.unit)}`;
    const confidence = kr.confidence === undefined ? '' : `, confidence ${kr.confidence}`;
    const forecast = kr.forecast === undefined ? '' : `, forecast ${formatPercent(kr.forecast)}`;
    lines.push(`      ${paint('dim', progressBar(kr.score, 10))} ${formatPercent(kr.score).padStart(4)}  ${kr.title} (${measure}${confidence}${forecast})${staleText(kr.staleDays, paint)}  ${paint('dim', kr.id)}`);
  }
  return lines;
}

/** ` · no update for 15 days`, in yellow, for a stale key result or objective; empty otherwise. */
function staleText(days: number | undefined, paint: Paint): string {
  return days === undefined ? '' : paint('yellow', ` · no update for ${days} day${days === 1 ? '' : 's'}`);
}
