/**
 * OKR periods: calendar quarters written `YYYY-Qn`. Q3 2026 runs 2026-07-01 .. 2026-09-30.
 */
import { memoized } from '../memo.ts';
import { addDays, daysBetween, compareDates } from './calendar-date.ts';

export const PERIOD_RE = /^(\d{4})-Q([1-4])$/;

export interface Period {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/**
 * Parses `YYYY-Qn`, or returns undefined.
 * @example parsePeriod('2026-Q3') // { year: 2026, quarter: 3 }
 */
export function parsePeriod(value: string): Period | undefined {
  const match = PERIOD_RE.exec(value);
  if (!match) return undefined;
  return { year: Number(match[1]), quarter: Number(match[2]) as Period['quarter'] };
}

/**
 * Writes a period as `YYYY-Qn`.
 * @example formatPeriod({ year: 2026, quarter: 3 }) // '2026-Q3'
 */
export function formatPeriod(period: Period): string {
  return `${period.year}-Q${period.quarter}`;
}

/**
 * First and last day of a period.
 * @example periodBounds('2026-Q3') // { first: '2026-07-01', last: '2026-09-30' }
 */
export function periodBounds(period: string): { readonly first: string; readonly last: string } {
  return memoized(bounds, period, () => Object.freeze(computeBounds(period)), BOUNDS_LIMIT);
}

/**
 * Bounds of periods seen before. Scoring asks for them for every check-in it filters (is the
 * date inside the period?), millions of times on a big build for a handful of periods: the
 * cold build's profile at 5,000 objectives had 4.8 s of CPU below periodBounds (date
 * formatting in addDays), the largest single cost after Astro's own rendering.
 */
const bounds = new Map<string, { readonly first: string; readonly last: string }>();
const BOUNDS_LIMIT = 1_000;

function computeBounds(period: string): { first: string; last: string } {
  const { year, quarter } = mustParse(period);
  const month = (quarter - 1) * 3 + 1;
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return { first, last: addDays(next, -1) };
}

/**
 * Number of days in a period.
 * @example daysInPeriod('2026-Q3') // 92
 */
export function daysInPeriod(period: string): number {
  const { first, last } = periodBounds(period);
  return daysBetween(first, last) + 1;
}

/**
 * The period that contains a date.
 * @example periodOf('2026-08-16') // '2026-Q3'
 */
export function periodOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * Share of the period elapsed at `asOf`, `(asOf - first day) / days in period`, clamped to 0..1.
 * @example elapsedShare('2026-Q3', '2026-08-16') // 0.5 (46 / 92)
 */
export function elapsedShare(period: string, asOf: string): number {
  const { first } = periodBounds(period);
  const share = daysBetween(first, asOf) / daysInPeriod(period);
  return Math.min(1, Math.max(0, share));
}

export type PeriodPhase = 'upcoming' | 'open' | 'closed';

/**
 * Whether a period has not started, is running, or is over at `asOf`.
 * @example periodPhase('2026-Q3', '2026-10-01') // 'closed'
 */
export function periodPhase(period: string, asOf: string): PeriodPhase {
  const { first, last } = periodBounds(period);
  if (compareDates(asOf, first) < 0) return 'upcoming';
  if (compareDates(asOf, last) > 0) return 'closed';
  return 'open';
}

/**
 * Orders periods chronologically.
 * @example ['2026-Q4', '2025-Q1'].sort(comparePeriods) // ['2025-Q1', '2026-Q4']
 */
export function comparePeriods(a: string, b: string): number {
  const pa = mustParse(a);
  const pb = mustParse(b);
  return pa.year - pb.year || pa.quarter - pb.quarter;
}

/**
 * The period `steps` quarters after (or before, when negative) the given one.
 * @example shiftPeriod('2026-Q4', 1) // '2027-Q1'
 */
export function shiftPeriod(period: string, steps: number): string {
  const { year, quarter } = mustParse(period);
  const index = year * 4 + (quarter - 1) + steps;
  return formatPeriod({ year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Period['quarter'] });
}

/**
 * Whether a date falls inside a period.
 * @example isInPeriod('2026-09-30', '2026-Q3') // true
 */
export function isInPeriod(date: string, period: string): boolean {
  const { first, last } = periodBounds(period);
  return compareDates(date, first) >= 0 && compareDates(date, last) <= 0;
}

/**
 * Human label of a period.
 * @example periodLabel('2026-Q3') // 'Q3 2026'
 */
export function periodLabel(period: string): string {
  const { year, quarter } = mustParse(period);
  return `Q${quarter} ${year}`;
}

function mustParse(period: string): Period {
  const parsed = parsePeriod(period);
  if (!parsed) throw new RangeError(`"${period}" is not a period (expected YYYY-Qn)`);
  return parsed;
}

/**
 * Entries grouped by period, each group in the entries' order: the one period filter
 * (portal.objectivesOf reads it).
 * @example groupByPeriod([{ id: 'a', period: '2026-Q3' }]).get('2026-Q3') // [{ id: 'a', period: '2026-Q3' }]
 */
export function groupByPeriod<T extends { period: string }>(entries: readonly T[]): Map<string, T[]> {
  const byPeriod = new Map<string, T[]>();
  for (const entry of entries) {
    const list = byPeriod.get(entry.period);
    if (list) list.push(entry);
    else byPeriod.set(entry.period, [entry]);
  }
  return byPeriod;
}
