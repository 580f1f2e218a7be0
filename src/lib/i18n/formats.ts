/**
 * Numbers, percentages, scores, dates, relative times and lists through Intl, for one
 * locale. Builds are identical on every machine: the locale comes from portal.yaml, never
 * from the environment, and dates are formatted in UTC.
 */
import { memoized } from '../memo.ts';

const CURRENCY_RE = /^(EUR|USD|GBP|CHF|JPY|SEK|NOK|DKK|CAD|AUD|PLN|CZK|INR|CNY|BRL)$/;
/** Units written without a space: `8.4%`, `3‰`, `20°`, `/month`. */
const TIGHT_UNIT_RE = /^[%/‰°]/;
/** An English plural unit word (`tickets`, `opportunities`, `boxes`), made singular after exactly 1. */
const ENGLISH_PLURAL_RE = /^(?<stem>[a-z]*?[a-z])(?<ending>ies|(?<=x|ch|sh|ss)es|(?<![siu])s)$/i;

/**
 * The unit as written after a number that reads as exactly one: `1 ticket`, `1 opportunity`.
 * Units are the author's words; only English plurals follow a rule regular enough to undo
 * (other languages keep the unit as written).
 * @example singularUnit('tickets', 'en-GB') // 'ticket'
 * @example singularUnit('Kunden', 'de') // 'Kunden'
 */
export function singularUnit(unit: string, locale: string): string {
  if (!/^en\b/i.test(locale)) return unit;
  const match = ENGLISH_PLURAL_RE.exec(unit);
  if (!match?.groups) return unit;
  const { stem, ending } = match.groups;
  return ending!.toLowerCase() === 'ies' ? `${stem}y` : stem!;
}

export interface KpiBoundsInput {
  direction: 'higher-is-better' | 'lower-is-better';
  target?: number | undefined;
  threshold?: number | undefined;
  unit?: string | undefined;
}

export interface Formats {
  /** The Intl locale (BCP 47), e.g. `en-GB` or `de`. */
  readonly locale: string;
  /** A plain number: `1,250`, `1.250`. */
  number(value: number): string;
  /** A number with its unit: `8.4%`, `3.5 min`, `€24,000`; `–` when undefined. */
  value(value: number | undefined, unit?: string | undefined): string;
  /** Current against target with the unit once: `5 / 10 customers`. */
  againstTarget(current: number | undefined, target: number | undefined, unit?: string | undefined): string;
  /** A 0..1 share as a whole percentage: `67%`, `67 %`. */
  percent(share: number): string;
  /** A 0..1 score with two decimals: `0.70`, `0,70`. */
  score(score: number): string;
  /** A 0..1 grade by judgement with one decimal, as graded key results are written: `0.7`, `0,7`. */
  grade(grade: number): string;
  /** A calendar date: `16 Aug 2026`, `16. Aug. 2026`. */
  date(date: string): string;
  /** A calendar date without the year: `16 Aug`. */
  shortDate(date: string): string;
  /** Two calendar dates as a range, as Intl writes them: `1 Oct – 31 Dec 2026`. */
  dateRange(first: string, last: string): string;
  /** A signed change: `+1.2`, `−0.4%`, `±0`. */
  delta(delta: number, unit?: string | undefined): string;
  /** Days from now: `in 3 days`, `12 days ago`, `yesterday`. */
  relativeDays(days: number): string;
  /** A list: `a, b and c`, `a, b und c`. */
  list(items: readonly string[]): string;
  /** A KPI's target and threshold as comparisons in its direction: `≥ 30 pts`, `< 10 pts`. */
  kpiBounds(kpi: KpiBoundsInput): { target: string | undefined; threshold: string | undefined };
}

const cache = new Map<string, Formats>();

/**
 * The formats of a locale, made once per locale.
 * @example formatsFor('en-GB').value(24000, 'EUR') // '€24,000'
 * @example formatsFor('de').score(0.7) // '0,70'
 */
export function formatsFor(locale: string): Formats {
  let formats = cache.get(locale);
  if (!formats) cache.set(locale, (formats = makeFormats(locale)));
  return formats;
}

function makeFormats(locale: string): Formats {
  /**
   * Formatted text by input. Intl formatting costs microseconds per call and a big portal
   * formats the same dates and values hundreds of thousands of times, so each distinct input
   * is formatted once. Bounded: cleared when full, so memory stays flat on any content.
   */
  const dateMemo = new Map<string, string>();
  const shortDateMemo = new Map<string, string>();
  const valueMemo = new Map<string, string>();
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const dateFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  const shortDateFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
  const plainFormat = new Intl.NumberFormat(locale);
  const gradeFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, useGrouping: false });
  const scoreFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  const utc = (date: string): Date => new Date(`${date}T00:00:00Z`);
  // `%` as a unit is spaced the way the locale spaces percentages (8.4% in English, 8,4 % in German).
  const percentGap = /\u00a0|\u202f/.exec(percentFormat.format(0.5))?.[0] ?? '';

  function numberFormat(maxDigits: number, currency?: string): Intl.NumberFormat {
    const key = `${maxDigits} ${currency ?? ''}`;
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency, maximumFractionDigits: maxDigits } : { maximumFractionDigits: maxDigits });
      numberFormats.set(key, format);
    }
    return format;
  }

  const value = (number: number | undefined, unit?: string | undefined): string => {
    if (number === undefined) return '–';
    return memoized(valueMemo, `${number} ${unit ?? ''}`, () => {
      const digits = Math.abs(number) >= 1000 ? 0 : Math.abs(number) >= 100 ? 1 : 2;
      if (unit && CURRENCY_RE.test(unit)) return numberFormat(digits, unit).format(number);
      const text = numberFormat(digits).format(number);
      if (!unit) return text;
      if (unit === '%') return `${text}${percentGap}%`;
      if (TIGHT_UNIT_RE.test(unit)) return `${text}${unit}`;
      return `${text} ${text === plainFormat.format(1) ? singularUnit(unit, locale) : unit}`;
    });
  };

  return {
    locale,
    number: (number) => plainFormat.format(number),
    value,
    againstTarget(current, target, unit) {
      if (unit && (CURRENCY_RE.test(unit) || TIGHT_UNIT_RE.test(unit))) return `${value(current, unit)} / ${value(target, unit)}`;
      return `${value(current)} / ${value(target, unit)}`;
    },
    // Rounded first, so that the percentage is the whole number of `Math.round` (and -0 is 0).
    percent: (share) => percentFormat.format((Math.round(share * 100) + 0) / 100),
    score: (score) => scoreFormat.format(Math.round(score * 100) / 100),
    grade: (grade) => gradeFormat.format(Math.round(grade * 10) / 10),
    date: (date) => memoized(dateMemo, date, () => dateFormat.format(utc(date))),
    shortDate: (date) => memoized(shortDateMemo, date, () => shortDateFormat.format(utc(date))),
    dateRange: (first, last) => dateFormat.formatRange(utc(first), utc(last)),
    delta(delta, unit) {
      const text = value(Math.abs(delta), unit);
      if (delta === 0) return `±${text}`;
      return `${delta > 0 ? '+' : '−'}${text}`;
    },
    relativeDays: (days) => relativeFormat.format(days, 'day'),
    list: (items) => listFormat.format(items),
    kpiBounds(kpi) {
      const up = kpi.direction === 'higher-is-better';
      return {
        target: kpi.target === undefined ? undefined : `${up ? '≥' : '≤'} ${value(kpi.target, kpi.unit)}`,
        threshold: kpi.threshold === undefined ? undefined : `${up ? '<' : '>'} ${value(kpi.threshold, kpi.unit)}`,
      };
    },
  };
}
