import { describe, expect, test } from 'vitest';
import { CheckinSchema } from '../../src/lib/content/schema/objective.ts';
import { parseConfidence, parseDateOption, parseNote, parsePeriodArgument } from './arguments.ts';

/** What the content schema says about a check-in with these fields. */
const schemaAccepts = (fields: Record<string, unknown>): boolean => CheckinSchema.safeParse({ date: '2026-11-23', value: 1, ...fields }).success;

describe('CLI arguments follow the content schema', () => {
  test.each(['0', '1', '0.7', '1.5', '-0.1', '70%', 'x'])('--confidence %s: accepted exactly when the schema accepts it', (text) => {
    let accepted: number | undefined;
    try {
      accepted = parseConfidence(text);
    } catch {
      accepted = undefined;
    }
    expect(accepted !== undefined).toBe(!text.endsWith('%') && schemaAccepts({ confidence: Number(text) }));
  });

  test.each([
    ['-0.1', '--confidence must be a number from 0 to 1, got "-0.1"'],
    ['70', '--confidence must be a number from 0 to 1 (write 0.7 for 70%), got "70"'],
  ])('--confidence %s is refused with the schema bounds', (text, message) => {
    expect(() => parseConfidence(text)).toThrow(message);
  });

  test.each([
    ['a', true],
    ['  padded  ', true],
    ['x'.repeat(500), true],
    ['x'.repeat(501), false],
    ['   ', false],
  ])('--note of %j: accepted exactly when the schema accepts it', (text, expected) => {
    expect(schemaAccepts({ note: text })).toBe(expected);
    if (expected) expect(parseNote(text)).toBe(text.trim());
    else expect(() => parseNote(text)).toThrow(text.trim() ? '--note must be at most 500 characters long, got 501' : '--note must not be empty');
  });

  test.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['2026-2-1', false],
  ])('--date %s: accepted exactly when the schema accepts it', (text, expected) => {
    expect(schemaAccepts({ date: text })).toBe(expected);
    if (expected) expect(parseDateOption(text, '2026-11-23')).toBe(text);
    else expect(() => parseDateOption(text, '2026-11-23')).toThrow(`--date must be a real date written YYYY-MM-DD, got "${text}"`);
  });

  test('periods are upper-cased, then checked like the schema checks them', () => {
    expect(parsePeriodArgument('2026-q3')).toBe('2026-Q3');
    expect(() => parsePeriodArgument('2026-Q5')).toThrow('<period> must be a period written YYYY-Qn, such as 2026-Q3, got "2026-Q5"');
  });
});
