/**
 * Parsing of command-line values: shares, dates, periods and notes are checked with the
 * content schemas' own pieces (src/lib/content/schema/common.ts), and their bounds come from there,
 * so that a value the CLI accepts is one the build accepts.
 */
import { parseNumberText } from './import-csv.ts';
import { DateSchema, PeriodSchema, ShareSchema, TextSchema } from '../../src/lib/content/schema/common.ts';
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
  if (value === undefined || !ShareSchema.safeParse(value).success || text.endsWith('%')) {
    const hint = value !== undefined && value > 1 && value <= 100 ? ` (write ${value / 100} for ${value}%)` : '';
    throw new UsageError(`--confidence must be a number from ${ShareSchema.minValue} to ${ShareSchema.maxValue}${hint}, got "${text}"`);
  }
  return value;
}

/**
 * A date argument, `fallback` (the as-of date: today in UTC unless pinned) when absent.
 * @example parseDateOption(undefined, '2026-11-23') // '2026-11-23'
 */
export function parseDateOption(text: string | undefined, fallback: string, flag = '--date'): string {
  if (text === undefined) return fallback;
  if (!DateSchema.safeParse(text).success) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD, got "${text}"`);
  return text;
}

/**
 * A period argument, `YYYY-Qn` (lower case accepted).
 * @example parsePeriodArgument('2026-q3') // '2026-Q3'
 */
export function parsePeriodArgument(text: string, name = '<period>'): string {
  const period = text.trim().toUpperCase();
  if (!PeriodSchema.safeParse(period).success) throw new UsageError(`${name} must be a period written YYYY-Qn, such as 2026-Q3, got "${text}"`);
  return period;
}

/**
 * A note: one non-empty line.
 * @example parseNote('Macros shipped') // 'Macros shipped'
 */
export function parseNote(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const note = TextSchema.safeParse(text);
  if (note.success) return note.data;
  const length = text.trim().length;
  if (length === 0) throw new UsageError('--note must not be empty');
  throw new UsageError(`--note must be at most ${TextSchema.maxLength} characters long, got ${length}`);
}
