/**
 * Cross-field rules of the key result types that contract v1.1 added: graded key results
 * (grades, no scale) and maintain ranges (`min`/`max` instead of `target`/`direction`).
 * Messages name the field, as every schema message does.
 */
import type { z } from 'zod';
import type { KeyResultType } from './objective.ts';

/** The fields the cross-field rules of a key result read. */
interface KeyResultFields {
  type?: KeyResultType | undefined;
  start?: number | undefined;
  target?: number | undefined;
  direction?: 'at-least' | 'at-most' | undefined;
  min?: number | undefined;
  max?: number | undefined;
  checkins: readonly { value: number }[];
}

/**
 * A graded key result carries its grade in each check-in, so it has no scale to measure on.
 * @example refineGraded({ type: 'graded', start: 0, checkins: [] }, ctx) // start: is not used by type: graded
 */
export function refineGraded(kr: KeyResultFields, ctx: z.RefinementCtx): void {
  for (const field of ['start', 'target', 'direction', 'min', 'max'] as const) {
    if (kr[field] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'is not used by type: graded (each check-in\'s value is the grade 0..1)' });
    }
  }
  kr.checkins.forEach((checkin, index) => {
    if (checkin.value < 0 || checkin.value > 1) {
      ctx.addIssue({ code: 'custom', path: ['checkins', index, 'value'], message: `${checkin.value} is not a grade: type: graded takes values between 0 and 1` });
    }
  });
}

/**
 * `min`/`max` replace `target`/`direction` of a maintain key result, so both at once would be ambiguous.
 * @example refineRange({ type: 'maintain', min: 3, max: 2, checkins: [] }, ctx) // min: min (3) must not be above max (2)
 */
export function refineRange(kr: KeyResultFields, ctx: z.RefinementCtx): void {
  for (const field of ['min', 'max'] as const) {
    if (kr[field] !== undefined && kr.type !== 'maintain') {
      ctx.addIssue({ code: 'custom', path: [field], message: 'is only for type: maintain' });
    }
  }
  if (kr.type !== 'maintain') return;
  if (kr.target !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: 'cannot be combined with min/max (a maintain key result holds either a target or a range)' });
  }
  if (kr.direction !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['direction'], message: 'cannot be combined with min/max (the range says which side holds)' });
  }
  if (kr.min !== undefined && kr.max !== undefined && kr.min > kr.max) {
    ctx.addIssue({ code: 'custom', path: ['min'], message: `min (${kr.min}) must not be above max (${kr.max})` });
  }
}

