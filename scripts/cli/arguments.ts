/**
 * Parsing of command-line values: numbers, shares, dates and notes are checked with the
 * content schemas, so that a value the CLI accepts is one the build accepts.
 */
import { isIsoDate } from '../../src/lib/calendar-date.ts';
import { parseNumberText } from '../../src/lib/import-csv.ts';
import { PERIOD_RE } from '../../src/lib/period.ts';
import { UsageError } from './errors.ts';

/**
 * A number argument, or a UsageError naming it.
 * @example parseNumberArgument('<value>', '4.2') // 4.2
 */
export function parseNumberArgument(name: string, text: string): number {
  const value = parseNumberText(text);
  if (value === undefined) throw new UsageError(`${name} must be a number such as 4.2 (a dot for decimals, no unit), got "${text}"`);
  return value;
}

/**
 * A confidence: a number from 0 to 1.
 * @example parseConfidence('0.7') // 0.7
 */
export function parseConfidence(text: string): number {
  const value = parseNumberText(text.replace(/%$/, ''));
  if (value === undefined || value < 0 || value > 1 || text.endsWith('%')) {
    const hint = value !== undefined && value > 1 && value <= 100 ? ` (write ${value / 100} for ${value}%)` : '';
    throw new UsageError(`--confidence must be a number from 0 to 1${hint}, got "${text}"`);
  }
  return value;
}

/**
 * A date argument, `fallback` (the as-of date: today in UTC unless pinned) when absent.
 * @example parseDateOption(undefined, '2026-11-23') // '2026-11-23'
 */
export function parseDateOption(text: string | undefined, fallback: string, flag = '--date'): string {
  if (text === undefined) return fallback;
  if (!isIsoDate(text)) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD, got "${text}"`);
  return text;
}

/**
 * A period argument, `YYYY-Qn` (lower case accepted).
 * @example parsePeriodArgument('2026-q3') // '2026-Q3'
 */
export function parsePeriodArgument(text: string, name = '<period>'): string {
  const period = text.trim().toUpperCase();
  if (!PERIOD_RE.test(period)) throw new UsageError(`${name} must be a period written YYYY-Qn, such as 2026-Q3, got "${text}"`);
  return period;
}

/**
 * A note: one non-empty line.
 * @example parseNote('Macros shipped') // 'Macros shipped'
 */
export function parseNote(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const note = text.trim();
  if (!note) throw new UsageError('--note must not be empty');
  if (note.length > 500) throw new UsageError(`--note must be at most 500 characters long, got ${note.length}`);
  return note;
}
