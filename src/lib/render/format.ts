/**
 * Number, date and score formatting for pages and the CLI, with a fixed locale so that
 * builds are identical on every machine.
 */
import { memoized } from '../memo.ts';

const LOCALE = 'en-GB';
const CURRENCY_RE = /^(EUR|USD|GBP|CHF|JPY|SEK|NOK|DKK|CAD|AUD|PLN|CZK|INR|CNY|BRL)$/;
const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * Formatted text by input. Intl formatting costs microseconds per call and a big portal
 * formats the same dates and values hundreds of thousands of times, so each distinct input
 * is formatted once. Bounded: cleared when full, so memory stays flat on any content.
 */
const dateMemo = new Map<string, string>();
const shortDateMemo = new Map<string, string>();
const valueMemo = new Map<string, string>();

const dateFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const shortDateFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'short' });

function numberFormat(maxDigits: number, currency?: string): Intl.NumberFormat {
  const key = `${maxDigits} ${currency ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, currency ? { style: 'currency', currency, maximumFractionDigits: maxDigits } : { maximumFractionDigits: maxDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A number with its unit: `8.4%`, `3.5 min`, `€24,000`, `1,250`.
 * @example formatValue(24000, 'EUR') // '€24,000'
 */
export function formatValue(value: number | undefined, unit?: string | undefined): string {
  if (value === undefined) return '–';
  return memoized(valueMemo, `${value} ${unit ?? ''}`, () => {
    const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? 1 : 2;
    if (unit && CURRENCY_RE.test(unit)) return numberFormat(digits, unit).format(value);
    const number = numberFormat(digits).format(value);
    if (!unit) return number;
    return /^[%/‰°]/.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
  });
}

/**
 * Current against target with the unit once: `5 / 10 customers`, `€61,000 / €150,000`.
 * @example formatAgainstTarget(5, 10, 'customers') // '5 / 10 customers'
 */
export function formatAgainstTarget(current: number | undefined, target: number | undefined, unit?: string | undefined): string {
  if (unit && (CURRENCY_RE.test(unit) || /^[%/‰°]/.test(unit))) return `${formatValue(current, unit)} / ${formatValue(target, unit)}`;
  return `${formatValue(current)} / ${formatValue(target, unit)}`;
}

/**
 * A 0..1 share as a whole percentage.
 * @example formatPercent(0.666) // '67%'
 */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * A 0..1 score with two decimals, the way OKR grades are written.
 * @example formatScore(0.7) // '0.70'
 */
export function formatScore(score: number): string {
  return (Math.round(score * 100) / 100).toFixed(2);
}

/**
 * A calendar date for humans.
 * @example formatDate('2026-08-16') // '16 Aug 2026'
 */
export function formatDate(date: string): string {
  return memoized(dateMemo, date, () => dateFormat.format(new Date(`${date}T00:00:00Z`)));
}

/**
 * A calendar date without the year.
 * @example formatShortDate('2026-08-16') // '16 Aug'
 */
export function formatShortDate(date: string): string {
  return memoized(shortDateMemo, date, () => shortDateFormat.format(new Date(`${date}T00:00:00Z`)));
}

/**
 * A signed change: `+1.2`, `−0.4`.
 * @example formatDelta(-0.4, '%') // '−0.4%'
 */
export function formatDelta(delta: number, unit?: string | undefined): string {
  const text = formatValue(Math.abs(delta), unit);
  if (delta === 0) return `±${text}`;
  return `${delta > 0 ? '+' : '−'}${text}`;
}

/**
 * Human label of a status or enum value.
 * @example labelOf('off-track') // 'Off track'
 */
export function labelOf(value: string): string {
  const spaced = value.replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * A KPI's target and threshold as comparisons in its direction: healthy at or beyond the
 * target, critical beyond the threshold. The one wording of pages, tiles and chart levels.
 * @example kpiBounds({ direction: 'higher-is-better', target: 30, threshold: 10, unit: 'pts' }) // { target: '≥ 30 pts', threshold: '< 10 pts' }
 */
export function kpiBounds(kpi: { direction: 'higher-is-better' | 'lower-is-better'; target?: number | undefined; threshold?: number | undefined; unit?: string | undefined }): {
  target: string | undefined;
  threshold: string | undefined;
} {
  const up = kpi.direction === 'higher-is-better';
  return {
    target: kpi.target === undefined ? undefined : `${up ? '≥' : '≤'} ${formatValue(kpi.target, kpi.unit)}`,
    threshold: kpi.threshold === undefined ? undefined : `${up ? '<' : '>'} ${formatValue(kpi.threshold, kpi.unit)}`,
  };
}
