/**
 * Key result and objective scoring, exactly as the content contract defines it.
 */
import { compareDates } from '../calendar/calendar-date.ts';
import { elapsedShare, isInPeriod, periodPhase } from '../calendar/period.ts';
import type { Grading } from '../content/schema/portal-settings.ts';
import type { CheckinData, KeyResultType, ObjectiveStatus } from '../content/schema/objective.ts';
import type { KpiDataPoint } from '../content/schema/kpi.ts';

export type Grade = 'red' | 'yellow' | 'green';
export type CurrentSource = 'manual' | 'checkin' | 'kpi' | 'start' | 'none';

/** What progress needs to know about a key result. */
export interface KeyResultMeasure {
  type: KeyResultType;
  start?: number | undefined;
  target?: number | undefined;
  done?: boolean | undefined;
  direction?: 'at-least' | 'at-most' | undefined;
  /** Maintain range, instead of target/direction. */
  min?: number | undefined;
  max?: number | undefined;
}

/**
 * The latest value of a key result: its `current`, else the last check-in, else the linked
 * KPI's latest value inside the period, else its start.
 * @example resolveCurrent({ start: 1.5, checkins: [{ date: '2026-08-01', value: 1.1 }] }, [], '2026-Q3')
 * // { value: 1.1, source: 'checkin' }
 */
export function resolveCurrent(
  kr: { current?: number | undefined; start?: number | undefined; checkins: readonly CheckinData[] },
  kpiData: readonly KpiDataPoint[],
  period: string,
): { value: number | undefined; source: CurrentSource } {
  if (kr.current !== undefined) return { value: kr.current, source: 'manual' };
  const lastCheckin = latestByDate(kr.checkins);
  if (lastCheckin) return { value: lastCheckin.value, source: 'checkin' };
  const lastKpiValue = latestByDate(kpiData.filter((point) => isInPeriod(point.date, period)));
  if (lastKpiValue) return { value: lastKpiValue.value, source: 'kpi' };
  if (kr.start !== undefined) return { value: kr.start, source: 'start' };
  return { value: undefined, source: 'none' };
}

/**
 * Progress of a key result, 0..1.
 * - increase / decrease: `(current - start) / (target - start)`, clamped; when start equals
 *   target, 1 once current has reached the target in the key result's direction, else 0.
 * - maintain: 1 while current holds the line (`min <= current <= max` for a range; either
 *   bound may be missing), else 0.
 * - milestone: 1 if done, else 0.
 * - graded: the latest grade (current), clamped; 0 before the first grade.
 * @example keyResultProgress({ type: 'decrease', start: 1.5, target: 0.5 }, 1.0) // 0.5
 */
export function keyResultProgress(kr: KeyResultMeasure, current: number | undefined): number {
  switch (kr.type) {
    case 'milestone':
      return kr.done ? 1 : 0;
    case 'graded':
      return current === undefined ? 0 : clampShare(current);
    case 'maintain': {
      if (current === undefined) return 0;
      if (kr.min !== undefined || kr.max !== undefined) {
        return (kr.min === undefined || current >= kr.min) && (kr.max === undefined || current <= kr.max) ? 1 : 0;
      }
      if (kr.target === undefined) return 0;
      const holds = kr.direction === 'at-most' ? current <= kr.target : current >= kr.target;
      return holds ? 1 : 0;
    }
    case 'increase':
    case 'decrease': {
      if (current === undefined || kr.target === undefined || kr.start === undefined) return 0;
      if (kr.target === kr.start) {
        const reached = kr.type === 'increase' ? current >= kr.target : current <= kr.target;
        return reached ? 1 : 0;
      }
      return clampShare((current - kr.start) / (kr.target - kr.start));
    }
  }
}

/**
 * Weighted mean of key result scores, 0 when there are none.
 * @example weightedProgress([{ score: 1, weight: 1 }, { score: 0, weight: 3 }]) // 0.25
 */
export function weightedProgress(keyResults: readonly { score: number; weight: number }[]): number {
  const totalWeight = keyResults.reduce((sum, kr) => sum + kr.weight, 0);
  if (totalWeight === 0) return 0;
  return keyResults.reduce((sum, kr) => sum + kr.score * kr.weight, 0) / totalWeight;
}

/**
 * Grade band of a score.
 * @example gradeOf(0.65, { red_below: 0.4, green_from: 0.7 }) // 'yellow'
 */
export function gradeOf(score: number, grading: Grading): Grade {
  if (score < grading.red_below) return 'red';
  if (score >= grading.green_from) return 'green';
  return 'yellow';
}

/**
 * Status of an objective at `asOf`: the manual one if set; `done` in a closed period;
 * `on-track` before the period starts; else progress against the elapsed share of the period
 * (`>= 0.9 x elapsed` on-track, `>= 0.6 x elapsed` at-risk, else off-track).
 * @example objectiveStatus({ progress: 0.45, period: '2026-Q3', asOf: '2026-08-16' }) // 'on-track'
 */
export function objectiveStatus(input: {
  progress: number;
  period: string;
  asOf: string;
  manual?: ObjectiveStatus | undefined;
}): ObjectiveStatus {
  if (input.manual) return input.manual;
  const phase = periodPhase(input.period, input.asOf);
  if (phase === 'closed') return 'done';
  if (phase === 'upcoming') return 'on-track';
  const elapsed = elapsedShare(input.period, input.asOf);
  if (input.progress >= 0.9 * elapsed) return 'on-track';
  if (input.progress >= 0.6 * elapsed) return 'at-risk';
  return 'off-track';
}

/**
 * Clamps a number to 0..1.
 * @example clampShare(1.4) // 1
 */
export function clampShare(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * The dated record with the latest date; the later one in the list wins a tie.
 * @example latestByDate([{ date: '2026-01-02' }, { date: '2026-01-01' }]) // { date: '2026-01-02' }
 */
export function latestByDate<T extends { date: string }>(records: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const record of records) {
    if (!latest || compareDates(record.date, latest.date) >= 0) latest = record;
  }
  return latest;
}
