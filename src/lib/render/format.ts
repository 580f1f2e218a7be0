/**
 * The English formats, for the CLI and build messages (which stay English) and for code that
 * has no portal locale at hand. Pages format through the portal's locale
 * (`portal.i18n.format`, src/lib/i18n/formats.ts); for English both are the same.
 */
import { formatsFor, type KpiBoundsInput } from '../i18n/formats.ts';

const english = formatsFor('en-GB');

/**
 * A number with its unit: `8.4%`, `3.5 min`, `€24,000`, `1,250`.
 * @example formatValue(24000, 'EUR') // '€24,000'
 */
export function formatValue(value: number | undefined, unit?: string | undefined): string {
  return english.value(value, unit);
}

/**
 * A 0..1 share as a whole percentage.
 * @example formatPercent(0.666) // '67%'
 */
export function formatPercent(share: number): string {
  return english.percent(share);
}

/**
 * A 0..1 score with two decimals, the way OKR grades are written.
 * @example formatScore(0.7) // '0.70'
 */
export function formatScore(score: number): string {
  return english.score(score);
}

/**
 * A calendar date for humans.
 * @example formatDate('2026-08-16') // '16 Aug 2026'
 */
export function formatDate(date: string): string {
  return english.date(date);
}

/**
 * A calendar date without the year.
 * @example formatShortDate('2026-08-16') // '16 Aug'
 */
export function formatShortDate(date: string): string {
  return english.shortDate(date);
}

/**
 * A signed change: `+1.2`, `−0.4`.
 * @example formatDelta(-0.4, '%') // '−0.4%'
 */
export function formatDelta(delta: number, unit?: string | undefined): string {
  return english.delta(delta, unit);
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
export function kpiBounds(kpi: KpiBoundsInput): { target: string | undefined; threshold: string | undefined } {
  return english.kpiBounds(kpi);
}
