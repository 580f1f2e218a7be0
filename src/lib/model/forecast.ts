/**
 * Forecasts ("will we make it?"), as contract v1.1 defines them: the least-squares line through
 * a key result's check-ins in the period, evaluated at the period's last day and read as
 * progress with the key result's own formula.
 */
import { toDayNumber } from '../calendar/calendar-date.ts';
import { isInPeriod, periodBounds } from '../calendar/period.ts';
import { keyResultProgress, type KeyResultMeasure } from './progress.ts';

/**
 * The least-squares line through dated values, as a function of the day; undefined with fewer
 * than two points or when all share one day (a vertical line has no value at another day).
 * @example fitLine([{ date: '2026-07-01', value: 0 }, { date: '2026-07-11', value: 10 }])?.('2026-07-21') // 20
 */
export function fitLine(points: readonly { date: string; value: number }[]): ((date: string) => number) | undefined {
  if (points.length < 2) return undefined;
  const xs = points.map((point) => toDayNumber(point.date)!);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = points.reduce((sum, point) => sum + point.value, 0) / points.length;
  let sxx = 0;
  let sxy = 0;
  points.forEach((point, index) => {
    const dx = xs[index]! - meanX;
    sxx += dx * dx;
    sxy += dx * (point.value - meanY);
  });
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return (date) => meanY + slope * (toDayNumber(date)! - meanX);
}

/**
 * The forecast progress of a key result at the end of its period, 0..1, or undefined: only
 * increase and decrease key results with at least two check-ins inside the period (on at
 * least two days) have one.
 * @example keyResultForecast({ type: 'increase', start: 0, target: 100 }, [{ date: '2026-07-01', value: 0 }, { date: '2026-08-01', value: 31 }], '2026-Q3')
 * // 0.91 (one a day: 91 on 2026-09-30)
 */
export function keyResultForecast(kr: KeyResultMeasure, checkins: readonly { date: string; value: number }[], period: string): number | undefined {
  if (kr.type !== 'increase' && kr.type !== 'decrease') return undefined;
  const line = fitLine(checkins.filter((checkin) => isInPeriod(checkin.date, period)));
  if (!line) return undefined;
  return keyResultProgress(kr, line(periodBounds(period).last));
}

/**
 * An objective's forecast: the weighted mean over its key results of each forecast, or its
 * score where it has none; undefined when no key result has a forecast.
 * @example objectiveForecast([{ forecast: 0.8, score: 0.5, weight: 1 }, { forecast: undefined, score: 0.2, weight: 1 }]) // 0.5
 */
export function objectiveForecast(keyResults: readonly { forecast: number | undefined; score: number; weight: number }[]): number | undefined {
  if (keyResults.every((kr) => kr.forecast === undefined)) return undefined;
  const totalWeight = keyResults.reduce((sum, kr) => sum + kr.weight, 0);
  if (totalWeight === 0) return undefined;
  return keyResults.reduce((sum, kr) => sum + (kr.forecast ?? kr.score) * kr.weight, 0) / totalWeight;
}
