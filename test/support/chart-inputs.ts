/**
 * Chart inputs shared by the chart unit tests: a KPI trend with healthy, warning and critical
 * values, and a key result with check-ins at three confidence levels.
 */
import type { TrendInput } from '../../src/lib/charts/chart-spec.ts';

/** Monthly churn: lower is better, target 1.5%, critical above 2.5%, with a gap in the data. */
export const churn: TrendInput = {
  title: 'Monthly churn rate',
  unit: '%',
  direction: 'lower-is-better',
  cadence: 'monthly',
  target: 1.5,
  threshold: 2.5,
  data: [
    { date: '2025-12-01', value: 1.9 },
    { date: '2026-03-01', value: 1.4 },
    { date: '2026-06-01', value: 2.3 },
    { date: '2026-07-01', value: 2.2 },
    { date: '2026-09-01', value: 2.8 },
    { date: '2026-10-01', value: 3.2, note: 'Highest in two years' },
    { date: '2026-11-01', value: 2.9 },
  ],
};

/** An increase key result in 2026-Q4, checked in with high, medium and low confidence. */
export const coverage = {
  title: 'Enroll 90% of new accounts',
  type: 'increase',
  start: 0,
  target: 90,
  unit: '%',
  checkins: [
    { date: '2026-10-09', value: 20, confidence: 0.7, note: 'Program live' },
    { date: '2026-10-02', value: 9, confidence: 0.5 },
    { date: '2026-11-20', value: 62, confidence: 0.3 },
  ],
} as const;
