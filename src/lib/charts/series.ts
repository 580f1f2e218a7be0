/**
 * Series preparation for charts and sparklines: gaps, range cuts, quarter boundaries, the
 * ideal burn-up line and the change over the last period, over series that are already
 * sorted and de-duplicated (normalizeSeries in calendar/calendar-date.ts). Pure: the as-of
 * date is always a parameter.
 */
import { addDays, compareDates, daysBetween } from '../calendar/calendar-date.ts';
import { DEFAULT_LOCALE, i18nFor, type I18n } from '../i18n/index.ts';
import { periodBounds, periodOf } from '../calendar/period.ts';
import type { KeyResultType } from '../content/schema/objective.ts';

/** One dated value of a KPI or key result. */
export interface SeriesPoint {
  date: string;
  value: number;
  note?: string | undefined;
}

/** How much of a series a chart shows, counted back from the as-of date. */
export type SeriesRange = 'quarter' | 'year' | 'all';
export const SERIES_RANGES: readonly SeriesRange[] = ['quarter', 'year', 'all'];

/** Longest distance between two measurements of a cadence before the line breaks. */
const GAP_DAYS = { weekly: 14, monthly: 62, quarterly: 184 } as const;

/** How often a series is measured. */
export type Cadence = keyof typeof GAP_DAYS;


/**
 * The date `months` calendar months before or after a date, clamped to the month's last day.
 * @example shiftMonths('2026-11-30', -9) // '2026-02-28'
 */
export function shiftMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * First day a range shows: three or twelve months before the as-of date; undefined for all.
 * @example rangeStart('year', '2026-11-23') // '2025-11-23'
 */
export function rangeStart(range: SeriesRange, asOf: string): string | undefined {
  if (range === 'all') return undefined;
  return shiftMonths(asOf, range === 'quarter' ? -3 : -12);
}

/**
 * The points of a sorted series inside a range (from its start up to the as-of date).
 * @example cutRange(series, 'quarter', '2026-11-23') // points dated 2026-08-23 .. 2026-11-23
 */
export function cutRange<T extends { date: string }>(points: readonly T[], range: SeriesRange, asOf: string): T[] {
  const from = rangeStart(range, asOf);
  return points.filter((point) => (from === undefined || compareDates(point.date, from) >= 0) && compareDates(point.date, asOf) <= 0);
}

/**
 * The points of a sorted series between two dates, both included.
 * @example pointsBetween(kpi.data, '2026-10-01', '2026-12-31')
 */
export function pointsBetween<T extends { date: string }>(points: readonly T[], first: string, last: string): T[] {
  return points.filter((point) => compareDates(point.date, first) >= 0 && compareDates(point.date, last) <= 0);
}

/**
 * Longest distance in days between two measurements of a cadence before a line breaks.
 * @example maxGapDays('weekly') // 14
 */
export function maxGapDays(cadence: Cadence): number {
  return GAP_DAYS[cadence];
}

/**
 * Gaps in a sorted series: consecutive points further apart than the cadence allows.
 * @example findGaps([{ date: '2026-01-01' }, { date: '2026-05-01' }], 'monthly') // [{ from: '2026-01-01', to: '2026-05-01' }]
 */
export function findGaps(points: readonly { date: string }[], cadence: Cadence): { from: string; to: string }[] {
  const gaps: { from: string; to: string }[] = [];
  for (let index = 1; index < points.length; index += 1) {
    const from = points[index - 1]!.date;
    const to = points[index]!.date;
    if (daysBetween(from, to) > GAP_DAYS[cadence]) gaps.push({ from, to });
  }
  return gaps;
}

/**
 * First days of the quarters that begin after `from` and on or before `to`: where a chart
 * draws its period boundaries.
 * @example quarterBoundaries('2026-05-10', '2026-11-23') // ['2026-07-01', '2026-10-01']
 */
export function quarterBoundaries(from: string, to: string): string[] {
  const boundaries: string[] = [];
  let next = addDays(periodBounds(periodOf(from)).last, 1);
  while (compareDates(next, to) <= 0) {
    boundaries.push(next);
    next = addDays(periodBounds(periodOf(next)).last, 1);
  }
  return boundaries;
}

/**
 * First days of the months from `from` to `to` (both included): tick positions for a date axis.
 * @example monthStarts('2026-07-15', '2026-09-30') // ['2026-08-01', '2026-09-01']
 */
export function monthStarts(from: string, to: string): string[] {
  const months: string[] = [];
  let next = from.endsWith('-01') ? from : shiftMonths(`${from.slice(0, 8)}01`, 1);
  while (compareDates(next, to) <= 0) {
    months.push(next);
    next = shiftMonths(next, 1);
  }
  return months;
}

/**
 * The ideal line of a key result over its period: from start on the first day to target on
 * the last; a maintain key result holds its target all along; milestones have none.
 * @example idealLine({ type: 'increase', start: 0, target: 90 }, '2026-Q4')
 * // [{ date: '2026-10-01', value: 0 }, { date: '2026-12-31', value: 90 }]
 */
export function idealLine(
  kr: { type: KeyResultType; start?: number | undefined; target?: number | undefined },
  period: string,
): SeriesPoint[] {
  const { first, last } = periodBounds(period);
  if (kr.type === 'milestone' || kr.target === undefined) return [];
  const start = kr.type === 'maintain' ? kr.target : kr.start;
  if (start === undefined) return [];
  return [
    { date: first, value: start },
    { date: last, value: kr.target },
  ];
}

/** The change of a series over the last period: latest value against the last value before its quarter. */
export interface SeriesChange {
  from: SeriesPoint;
  to: SeriesPoint;
  delta: number;
}

/**
 * The latest value against the value at the end of the previous quarter (the last point
 * before the quarter of the latest point); undefined without such a point.
 * @example changeOverLastPeriod([{ date: '2026-09-01', value: 2.8 }, { date: '2026-11-01', value: 2.9 }]).delta // ≈ 0.1
 */
export function changeOverLastPeriod(points: readonly SeriesPoint[]): SeriesChange | undefined {
  const to = points.at(-1);
  if (!to) return undefined;
  const { first } = periodBounds(periodOf(to.date));
  const from = points.findLast((point) => compareDates(point.date, first) < 0);
  if (!from) return undefined;
  return { from, to, delta: roundDelta(to.value - from.value) };
}

/**
 * A change for humans: arrow, signed delta ("pts" for percentages) and whether it is good
 * news for the KPI's direction, e.g. `▲ +0.4 pts since 30 Sep 2026`.
 * @example describeChange({ from: { date: '2026-09-30', value: 8 }, to: { date: '2026-11-23', value: 8.4 }, delta: 0.4 }, { unit: '%', direction: 'higher-is-better' }).text
 * // '▲ +0.4 pts since 30 Sep 2026'
 */
export function describeChange(
  change: SeriesChange,
  options: { unit?: string | undefined; direction: 'higher-is-better' | 'lower-is-better' },
  { t, format }: Pick<I18n, 't' | 'format'> = i18nFor(DEFAULT_LOCALE),
): { arrow: '▲' | '▼' | '▶'; delta: string; since: string; text: string; sentiment: 'better' | 'worse' | 'unchanged' } {
  const { delta } = change;
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '▶';
  const deltaText = options.unit === '%' ? t('kpi.pts', { delta: format.delta(delta) }) : format.delta(delta, options.unit);
  const since = t('kpi.since', { date: format.date(change.from.date) });
  const up = options.direction === 'higher-is-better';
  const sentiment = delta === 0 ? 'unchanged' : delta > 0 === up ? 'better' : 'worse';
  return { arrow, delta: deltaText, since, text: `${arrow} ${deltaText} ${since}`, sentiment };
}

/**
 * A short summary of a series for accessible names and captions.
 * @example describeSeries([{ date: '2026-01-01', value: 1 }, { date: '2026-02-01', value: 2 }], '%')
 * // 'from 1% on 1 Jan 2026 to 2% on 1 Feb 2026'
 */
export function describeSeries(points: readonly SeriesPoint[], unit?: string | undefined, { t, format }: Pick<I18n, 't' | 'format'> = i18nFor(DEFAULT_LOCALE)): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return t('chart.describe.none');
  if (points.length === 1) return t('chart.describe.one', { value: format.value(first.value, unit), date: format.date(first.date) });
  return t('chart.describe.fromTo', { first: format.value(first.value, unit), firstDate: format.date(first.date), last: format.value(last.value, unit), lastDate: format.date(last.date) });
}

function roundDelta(delta: number): number {
  return Math.round(delta * 1e9) / 1e9;
}
