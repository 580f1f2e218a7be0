/**
 * Snapshot dates (contract v1.1, "Snapshots"): the days on which a period's snapshots are
 * taken, every Sunday inside the period on or before the as-of date, and the period's last
 * day once the period is closed.
 */
import { compareDates, fromDayNumber, toDayNumber } from './calendar-date.ts';
import { periodBounds, periodPhase } from './period.ts';

/** 1970-01-01, day number 0, was a Thursday: day numbers 3, 10, ... are Sundays. */
const FIRST_SUNDAY = 3;

/**
 * The snapshot dates of a period at an as-of date, oldest first.
 * @example snapshotDates('2026-Q3', '2026-07-20') // ['2026-07-05', '2026-07-12', '2026-07-19']
 * @example snapshotDates('2026-Q3', '2026-10-01').at(-1) // '2026-09-30' (closed: its last day)
 */
export function snapshotDates(period: string, asOf: string): string[] {
  const { first, last } = periodBounds(period);
  const end = compareDates(asOf, last) < 0 ? asOf : last;
  const firstDay = toDayNumber(first)!;
  const endDay = toDayNumber(end);
  if (endDay === undefined) throw new RangeError(`"${asOf}" is not a date (expected YYYY-MM-DD)`);
  const dates: string[] = [];
  for (let day = firstDay + mod(FIRST_SUNDAY - firstDay, 7); day <= endDay; day += 7) dates.push(fromDayNumber(day));
  if (periodPhase(period, asOf) === 'closed' && dates.at(-1) !== last) dates.push(last);
  return dates;
}

/**
 * Whether a date is a Sunday.
 * @example isSunday('2026-08-16') // true
 */
export function isSunday(date: string): boolean {
  const day = toDayNumber(date);
  return day !== undefined && mod(day - FIRST_SUNDAY, 7) === 0;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
