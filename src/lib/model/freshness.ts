/**
 * Staleness of key results ("silence is never green"), as contract v1.1 defines it: in an open
 * period, a key result is stale when its latest dated value is older than one and a half
 * check-in cadences at the as-of date, or when it has none (and no hand-set `current`) once
 * one whole cadence has passed since the period began. Staleness never changes a status.
 */
import { daysBetween } from '../calendar/calendar-date.ts';
import { periodBounds, periodPhase } from '../calendar/period.ts';
import type { CheckinCadence } from '../content/schema/portal-settings.ts';
import type { KeyResultType } from '../content/schema/objective.ts';
import { latestByDate } from './progress.ts';

/** Days of one check-in cadence. A month counts as 30 days, so that the grace window is a fixed 45 days. */
export const CADENCE_DAYS: Readonly<Record<CheckinCadence, number>> = { weekly: 7, biweekly: 14, monthly: 30 };

export interface Freshness {
  /** Date of the latest dated value: the latest check-in, else (with a KPI) the KPI's latest point. */
  lastUpdate: string | undefined;
  stale: boolean;
  /** Days without an update at the as-of date: since `lastUpdate`, else since the period began; set only when stale. */
  staleDays: number | undefined;
}

/**
 * Whether a key result is stale at `asOf`, and since when it has had no update.
 * @example keyResultFreshness({ type: 'increase', hasManualCurrent: false, checkins: [{ date: '2026-08-01' }], kpiPoints: [] }, { period: '2026-Q3', asOf: '2026-08-12', cadence: 'weekly' })
 * // { lastUpdate: '2026-08-01', stale: true, staleDays: 11 }
 */
export function keyResultFreshness(
  kr: { type: KeyResultType; hasManualCurrent: boolean; checkins: readonly { date: string }[]; kpiPoints: readonly { date: string }[] },
  at: { period: string; asOf: string; cadence: CheckinCadence },
): Freshness {
  const latest = latestByDate(kr.checkins) ?? latestByDate(kr.kpiPoints);
  const lastUpdate = latest?.date;
  const fresh: Freshness = { lastUpdate, stale: false, staleDays: undefined };
  if (periodPhase(at.period, at.asOf) !== 'open') return fresh;
  const cadenceDays = CADENCE_DAYS[at.cadence];
  if (lastUpdate !== undefined) {
    const age = daysBetween(lastUpdate, at.asOf);
    return age > 1.5 * cadenceDays ? { lastUpdate, stale: true, staleDays: age } : fresh;
  }
  if (kr.type === 'milestone' || kr.hasManualCurrent) return fresh;
  const sinceStart = daysBetween(periodBounds(at.period).first, at.asOf);
  return sinceStart >= cadenceDays ? { lastUpdate, stale: true, staleDays: sinceStart } : fresh;
}

/**
 * The stale key results of some objectives, with their objectives, in the objectives' order
 * (a team page's "needs an update" list, `okr check`).
 * @example staleKeyResults(model.objectives)[0] // { objective: {...}, kr: { id: 'nps', staleDays: 15, ... } }
 */
export function staleKeyResults<O extends { keyResults: readonly K[] }, K extends { stale: boolean }>(objectives: readonly O[]): { objective: O; kr: K }[] {
  return objectives.flatMap((objective) => objective.keyResults.filter((kr) => kr.stale).map((kr) => ({ objective, kr })));
}
