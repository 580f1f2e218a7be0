/**
 * Building blocks shared by every content schema: ids, dates, periods, visibility.
 * Messages here are the text authors read, so they say what was expected.
 */
import { z } from 'zod';
import { isIsoDate } from '../../calendar/calendar-date.ts';
import { PERIOD_RE } from '../../calendar/period.ts';
import { findForbiddenCharacter, MAX_ID_SEGMENT_BYTES, MAX_NUMBER_MAGNITUDE } from '../content-limits.ts';

/** Ids are lower-case paths: `2026-q3/support/efficiency`, `support`, `maria-lopez`. */
export const ID_RE = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;
/** Key result ids are single slugs: `tickets-per-customer`. */
export const SLUG_RE = /^[a-z0-9][a-z0-9_-]*$/;

export const VISIBILITIES = ['public', 'internal', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A reference to another entry by id. References are matched case-insensitively. */
export const IdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(ID_RE, { error: 'must be an id: a lower-case path such as "support" or "2026-q3/support/efficiency"' });

export const SlugSchema = z
  .string()
  .regex(SLUG_RE, { error: 'must be a slug: lower-case letters, digits and dashes, such as "tickets-per-customer"' })
  // It names a file (`badges/key-results/<objective>/<slug>.svg`).
  .max(MAX_ID_SEGMENT_BYTES, { error: `must be at most ${MAX_ID_SEGMENT_BYTES} characters long (it names a file)` });

export const DateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'must be a real date written YYYY-MM-DD' });

export const PeriodSchema = z
  .string({ error: 'must be a period written YYYY-Qn, such as 2026-Q3' })
  .regex(PERIOD_RE, { error: 'must be a period written YYYY-Qn, such as 2026-Q3' });

export const VisibilitySchema = z.enum(VISIBILITIES);

/**
 * Refuses characters that the XML and SVG outputs cannot carry (control characters, lone
 * surrogates, U+FFFE/U+FFFF: see content-limits.ts), naming the first one.
 */
const refuseForbiddenCharacters = (value: string, ctx: z.RefinementCtx): void => {
  const forbidden = findForbiddenCharacter(value);
  if (forbidden) ctx.addIssue({ code: 'custom', message: forbidden.message });
};

/** A non-empty line of text, such as a title. */
export const TextSchema = z.string().trim().min(1, { error: 'must not be empty' }).max(500).superRefine(refuseForbiddenCharacters);

const NUMBER_RANGE_ERROR = `must be a number between -${MAX_NUMBER_MAGNITUDE.toExponential().replace('+', '')} and ${MAX_NUMBER_MAGNITUDE.toExponential().replace('+', '')}, so that scores, sums and chart axes stay finite`;

/** A finite number of at most 10^15 in magnitude (YAML's .inf and .nan are rejected). */
export const NumberSchema = z.number().min(-MAX_NUMBER_MAGNITUDE, { error: NUMBER_RANGE_ERROR }).max(MAX_NUMBER_MAGNITUDE, { error: NUMBER_RANGE_ERROR });

/** A share between 0 and 1, such as a score or a confidence. */
export const ShareSchema = z.number().min(0).max(1);
