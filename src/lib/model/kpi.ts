/**
 * KPI health: status from the latest value against target and threshold.
 */
import { compareDates } from '../calendar/calendar-date.ts';
import { latestByDate } from './progress.ts';
import type { KpiDataPoint, KpiDirection } from '../content/schema/kpi.ts';

export type KpiStatus = 'healthy' | 'warning' | 'critical' | 'no-data' | 'untracked';
export const KPI_STATUSES: readonly KpiStatus[] = ['critical', 'warning', 'healthy', 'untracked', 'no-data'];

/**
 * Status of a KPI from its latest value: `no-data` without values; `untracked` without
 * target and threshold; `healthy` when it meets the target; `critical` when beyond the
 * threshold (below it when higher is better, above it when lower is better); else `warning`.
 * With a threshold but no target nothing can meet the target, so a value that is not critical
 * is a warning, exactly as the contract orders the rules.
 * @example kpiStatus({ direction: 'lower-is-better', target: 2, threshold: 3 }, 3.4) // 'critical'
 */
export function kpiStatus(
  kpi: { direction: KpiDirection; target?: number | undefined; threshold?: number | undefined },
  latest: number | undefined,
): KpiStatus {
  if (latest === undefined) return 'no-data';
  if (kpi.target === undefined && kpi.threshold === undefined) return 'untracked';
  const higherIsBetter = kpi.direction === 'higher-is-better';
  if (kpi.target !== undefined && (higherIsBetter ? latest >= kpi.target : latest <= kpi.target)) return 'healthy';
  if (kpi.threshold !== undefined && (higherIsBetter ? latest < kpi.threshold : latest > kpi.threshold)) {
    return 'critical';
  }
  return 'warning';
}

/**
 * The latest data point of a series, or undefined.
 * @example latestPoint([{ date: '2026-01-01', value: 1 }]) // { date: '2026-01-01', value: 1 }
 */
export function latestPoint(points: readonly KpiDataPoint[]): KpiDataPoint | undefined {
  return latestByDate(points);
}

/**
 * The last value on or before a date, or undefined.
 * @example valueAt(series, '2026-06-30')
 */
export function valueAt(points: readonly KpiDataPoint[], date: string): KpiDataPoint | undefined {
  return latestByDate(points.filter((point) => compareDates(point.date, date) <= 0));
}

/**
 * KPIs by health, the most urgent first (KPI_STATUSES' order: critical, warning, healthy,
 * untracked, no data), then by title: the one KPI order of overviews (home page, TV view).
 * @example sortKpisByHealth([{ title: 'NPS', status: 'healthy' }, { title: 'Churn', status: 'critical' }])[0].title // 'Churn'
 */
export function sortKpisByHealth<T extends { status: KpiStatus; title: string }>(kpis: readonly T[]): T[] {
  return [...kpis].sort((a, b) => KPI_STATUSES.indexOf(a.status) - KPI_STATUSES.indexOf(b.status) || a.title.localeCompare(b.title));
}
