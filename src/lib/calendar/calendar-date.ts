/**
 * Calendar dates as `YYYY-MM-DD` strings and day numbers. Dates in content are
 * calendar days without time zone, so all arithmetic is done on UTC day numbers:
 * that keeps builds identical on every machine whatever its TZ.
 */
import { memoized } from '../memo.ts';

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/**
 * Day numbers of dates seen before: charts, series and scoring ask for the same few hundred
 * dates millions of times on a big build. Bounded (memo.ts).
 */
const dayNumbers = new Map<string, number | undefined>();
const MEMO_LIMIT = 10_000;

/**
 * Whether a string is a real calendar date in `YYYY-MM-DD` form.
 * @example isIsoDate('2026-02-30') // false
 */
export function isIsoDate(value: string): boolean {
  return toDayNumber(value) !== undefined;
}

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` date, or undefined when it is not a real date.
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: string): number | undefined {
  return memoized(dayNumbers, date, () => parseDayNumber(date), MEMO_LIMIT);
}

function parseDayNumber(date: string): number | undefined {
  const match = ISO_DATE_RE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

/**
 * The `YYYY-MM-DD` date of a day number.
 * @example fromDayNumber(1) // '1970-01-02'
 */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Days from `from` to `to` (negative when `to` is earlier). Both must be valid dates.
 * @example daysBetween('2026-07-01', '2026-08-16') // 46
 */
export function daysBetween(from: string, to: string): number {
  return mustDayNumber(to) - mustDayNumber(from);
}

/**
 * Adds days to a date.
 * @example addDays('2026-09-30', 1) // '2026-10-01'
 */
export function addDays(date: string, days: number): string {
  return fromDayNumber(mustDayNumber(date) + days);
}

/**
 * Compares two `YYYY-MM-DD` dates for sorting; ISO dates sort as strings.
 * @example ['2026-02-01', '2026-01-01'].sort(compareDates)
 */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mustDayNumber(date: string): number {
  const day = toDayNumber(date);
  if (day === undefined) throw new RangeError(`"${date}" is not a date (expected YYYY-MM-DD)`);
  return day;
}

/**
 * A series sorted by date, one point per date; for equal dates the later entry wins. The one
 * sorter of series: KPI values in the model and `okr kpi`, check-ins and chart data.
 * @example normalizeSeries([{ date: '2026-02-01', value: 2 }, { date: '2026-01-01', value: 1 }, { date: '2026-01-01', value: 3 }])
 * // [{ date: '2026-01-01', value: 3 }, { date: '2026-02-01', value: 2 }]
 */
export function normalizeSeries<T extends { date: string }>(points: readonly T[]): T[] {
  const byDate = new Map<string, T>();
  for (const point of points) {
    byDate.delete(point.date);
    byDate.set(point.date, point);
  }
  return [...byDate.values()].sort((a, b) => compareDates(a.date, b.date));
}
