/**
 * How a status looks, for every output that shows one: the tone (colour family) and the
 * icon of objective statuses (on-track, at-risk, ...) and KPI statuses (healthy, warning,
 * ...). Pages colour badges by tone (`tone-<tone>` classes), the SVG badges and embed
 * charts pick their colours by tone, and `okr status` its terminal style; the icon makes
 * a status readable without colour.
 *
 * One meaning per colour (docs/derived-values.md#colours): green, amber and red are a
 * verdict, and one verdict at a time. While a period runs it is the pace (the status);
 * a grade is the verdict at the end, so a score takes its grade's colour only once its
 * period is closed or a final score is set, and progress bars are never graded.
 */
import type { KpiStatus } from '../model/kpi.ts';
import type { ObjectiveStatus } from '../content/schema/objective.ts';
import type { Grade } from '../model/progress.ts';
import type { PeriodPhase } from '../calendar/period.ts';

/** A colour family; grades are the first three. */
export type Tone = 'green' | 'yellow' | 'red' | 'accent' | 'grey';

const LOOKS: Record<ObjectiveStatus | KpiStatus, { tone: Tone; icon: string }> = {
  'on-track': { tone: 'green', icon: '●' },
  'at-risk': { tone: 'yellow', icon: '▲' },
  'off-track': { tone: 'red', icon: '■' },
  done: { tone: 'accent', icon: '✓' },
  cancelled: { tone: 'grey', icon: '×' },
  healthy: { tone: 'green', icon: '●' },
  warning: { tone: 'yellow', icon: '▲' },
  critical: { tone: 'red', icon: '■' },
  'no-data': { tone: 'grey', icon: '○' },
  untracked: { tone: 'grey', icon: '○' },
};
const UNKNOWN = { tone: 'grey', icon: '●' } as const;

/**
 * The tone of an objective or KPI status; grey for anything else.
 * @example statusTone('at-risk') // 'yellow'
 */
export function statusTone(status: string): Tone {
  return (Object.hasOwn(LOOKS, status) ? LOOKS[status as keyof typeof LOOKS] : UNKNOWN).tone;
}

/**
 * The icon of an objective or KPI status, so that it never depends on colour alone.
 * @example statusIcon('done') // '✓'
 */
export function statusIcon(status: string): string {
  return (Object.hasOwn(LOOKS, status) ? LOOKS[status as keyof typeof LOOKS] : UNKNOWN).icon;
}

/**
 * The grade a score pill is coloured by, or undefined for a neutral pill: the grade once the
 * period is closed or the score is final, nothing while the status (pace) is the verdict.
 * @example scoreVerdict({ grade: 'yellow', phase: 'open', final: false }) // undefined
 */
export function scoreVerdict({ grade, phase, final }: { grade: Grade; phase: PeriodPhase; final: boolean }): Grade | undefined {
  return phase === 'closed' || final ? grade : undefined;
}
