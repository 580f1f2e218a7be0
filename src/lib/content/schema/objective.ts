import { z } from 'zod';
import { parsePeriod, periodBounds } from '../../calendar/period.ts';
import { compareDates, isIsoDate } from '../../calendar/calendar-date.ts';
import { quoteValue } from '../problems.ts';
import { MAX_NUMBER_MAGNITUDE } from '../content-limits.ts';
import { refineGraded, refineRange } from './key-result-rules.ts';
import {
  DateSchema,
  ID_RE,
  IdSchema,
  SLUG_RE,
  NumberSchema,
  PeriodSchema,
  ShareSchema,
  SlugSchema,
  TextSchema,
  VisibilitySchema,
} from './common.ts';

export const KEY_RESULT_TYPES = ['increase', 'decrease', 'maintain', 'milestone', 'graded'] as const;
/** `<objective id>#<key result id>`: the key result of the parent objective that this one aligns to. */
export const KEY_RESULT_REF_RE = /^([^#]*)#([^#]*)$/;
export const OBJECTIVE_KINDS = ['committed', 'aspirational'] as const;
export const OBJECTIVE_STATUSES = ['on-track', 'at-risk', 'off-track', 'done', 'cancelled'] as const;

/** One progress update on a key result. */
export const CheckinSchema = z.strictObject({
  /** Day of the check-in; inside or after the objective's period. */
  date: DateSchema,
  /** The value measured that day. */
  value: NumberSchema,
  /** How sure the owner is to reach the target, 0..1. */
  confidence: ShareSchema.optional(),
  /** Graded key results only: the grade expected at the end of the period, 0..1. */
  projected: ShareSchema.optional(),
  /** What changed. */
  note: TextSchema.optional(),
});

/** A measurable result that shows the objective is reached. */
export const KeyResultSchema = z
  .strictObject({
    /** Slug, unique within the objective. */
    id: SlugSchema,
    /** What is measured, ideally "from X to Y". */
    title: TextSchema,
    /**
     * Default: increase if target > start, else decrease. `graded`: graded by judgement, each
     * check-in's value is the grade 0..1; no start or target.
     */
    type: z.enum(KEY_RESULT_TYPES).optional(),
    /** Baseline; required for increase and decrease. */
    start: NumberSchema.optional(),
    /** Target; required except for milestones. */
    target: NumberSchema.optional(),
    /** Latest value. Default: last check-in, else the linked KPI's latest value in the period, else start. */
    current: NumberSchema.optional(),
    /** Milestones only: whether it is done. */
    done: z.boolean().optional(),
    /** Maintain only: hold `current >= target` (at-least, default) or `<= target` (at-most). */
    direction: z.enum(['at-least', 'at-most']).optional(),
    /** Maintain only, instead of target/direction: the lowest value that still holds the line. */
    min: NumberSchema.optional(),
    /** Maintain only, instead of target/direction: the highest value that still holds the line. */
    max: NumberSchema.optional(),
    /** Unit shown with values, e.g. `%`, `min`, `tickets`. */
    unit: TextSchema.optional(),
    /** Weight in the objective's progress. Default 1. */
    weight: z.number().positive({ error: 'must be a number above 0' }).max(MAX_NUMBER_MAGNITUDE, { error: `must be at most ${MAX_NUMBER_MAGNITUDE.toExponential().replace('+', '')}, so that the weights' sum stays finite` }).default(1),
    /** Person id of the owner. */
    owner: IdSchema.optional(),
    /** KPI id of the KPI that measures it. */
    kpi: IdSchema.optional(),
    /** Progress updates. */
    checkins: z.array(CheckinSchema).default([]),
    /** Manual final grade, 0..1. */
    score: ShareSchema.optional(),
  })
  .superRefine((kr, ctx) => {
    if (kr.type === 'graded') {
      refineGraded(kr, ctx);
      return;
    }
    const range = kr.min !== undefined || kr.max !== undefined;
    if (range) refineRange(kr, ctx);
    if (kr.type === undefined && kr.target === undefined) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'is required (or set type: milestone)' });
    } else if (kr.type === undefined && kr.start === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['start'],
        message: 'is required to tell increase from decrease (or set type: maintain)',
      });
    }
    if ((kr.type === 'increase' || kr.type === 'decrease') && kr.start === undefined) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: `is required for type ${kr.type}` });
    }
    if (kr.type !== undefined && kr.type !== 'milestone' && kr.target === undefined && !(kr.type === 'maintain' && range)) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `is required for type ${kr.type}` });
    }
    if (kr.done !== undefined && kr.type !== 'milestone') {
      ctx.addIssue({ code: 'custom', path: ['done'], message: 'is only for type: milestone' });
    }
    if (kr.direction !== undefined && kr.type !== 'maintain') {
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'is only for type: maintain' });
    }
    kr.checkins.forEach((checkin, index) => {
      if (checkin.projected !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['checkins', index, 'projected'], message: 'is only for type: graded (the projected final grade)' });
      }
    });
  })
  .transform((kr) => ({
    ...kr,
    type: kr.type ?? ((kr.target ?? 0) > (kr.start ?? 0) ? 'increase' : 'decrease'),
    direction: kr.type === 'maintain' && kr.min === undefined && kr.max === undefined ? (kr.direction ?? 'at-least') : kr.direction,
    done: kr.type === 'milestone' ? (kr.done ?? false) : kr.done,
  }));

/**
 * `parent`: an objective id, or `<objective id>#<key result id>` to align to one key result of
 * the parent. Whether the parent has that key result is a cross-file check (references.ts).
 */
export const ParentSchema = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((value, ctx) => {
    const [objective, keyResult] = KEY_RESULT_REF_RE.exec(value)?.slice(1) ?? [value, undefined];
    if (!ID_RE.test(objective!)) {
      ctx.addIssue({ code: 'custom', message: 'must be an objective id such as "2026-q3/company/delight-customers", optionally with "#<key result id>"' });
    } else if (keyResult !== undefined && !SLUG_RE.test(keyResult)) {
      ctx.addIssue({ code: 'custom', message: `must name a key result after "#" by its id, a slug such as "nps"` });
    }
  });

/** `objectives/**.md`: an objective with its key results. The body says why it matters. */
export const ObjectiveSchema = z
  .strictObject({
    /** What we want to achieve, qualitative and inspiring. */
    title: TextSchema,
    /** The quarter, `YYYY-Qn`. */
    period: PeriodSchema,
    /** Team id; required unless `owner` is set. */
    team: IdSchema.optional(),
    /** Person id; an individual objective has an owner and may omit team. */
    owner: IdSchema.optional(),
    /** Objective id it aligns to (same period); `<objective id>#<key result id>` aligns to one key result of it. */
    parent: ParentSchema.optional(),
    /** Cross-functional teams that share it. */
    contributors: z.array(IdSchema).default([]),
    /** Committed objectives aim for 1.0; aspirational ones count 0.6-0.7 as success. */
    kind: z.enum(OBJECTIVE_KINDS).default('committed'),
    /** Who may see it. Default from portal.yaml. */
    visibility: VisibilitySchema.optional(),
    /** Drafts are never published. */
    draft: z.boolean().default(false),
    /** Final grade, 0..1, set at the end of the period; overrides the computed score. */
    score: ShareSchema.optional(),
    /** Manual override of the computed status. */
    status: z.enum(OBJECTIVE_STATUSES).optional(),
    /** Extension: the objective of an earlier period that this one carries over. */
    continues: IdSchema.optional(),
    /** The key results, at least one. */
    key_results: z.array(KeyResultSchema).min(1, { error: 'needs at least one key result' }),
  })
  // Runs even when fields failed to parse, so one run reports every problem of the file;
  // that is why it checks shapes before using them.
  .superRefine(
    (objective, ctx) => {
      if (objective.team === undefined && objective.owner === undefined) {
        ctx.addIssue({ code: 'custom', path: ['team'], message: 'is required unless owner is set' });
      }
      const keyResults: unknown[] = Array.isArray(objective.key_results) ? objective.key_results : [];
      const first = typeof objective.period === 'string' && parsePeriod(objective.period) ? periodBounds(objective.period).first : undefined;
      const seen = new Set<unknown>();
      keyResults.forEach((kr, index) => {
        if (typeof kr !== 'object' || kr === null) return;
        const { id, checkins } = kr as { id?: unknown; checkins?: unknown };
        if (typeof id === 'string' && seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['key_results', index, 'id'],
            message: `${quoteValue(id)} is used by another key result of this objective (ids must be unique)`,
          });
        }
        seen.add(id);
        if (!first || !Array.isArray(checkins)) return;
        checkins.forEach((checkin: unknown, checkinIndex) => {
          const date = (checkin as { date?: unknown } | null)?.date;
          if (typeof date === 'string' && isIsoDate(date) && compareDates(date, first) < 0) {
            ctx.addIssue({
              code: 'custom',
              path: ['key_results', index, 'checkins', checkinIndex, 'date'],
              message: `${date} is before period ${objective.period} starts (${first})`,
            });
          }
        });
      });
    },
    { when: () => true },
  )
  // Code reads `parent` as an objective id everywhere (roll-ups, cycles, audience), so the
  // key result part is split off once here.
  .transform(({ parent, ...objective }) => {
    const match = parent === undefined ? null : KEY_RESULT_REF_RE.exec(parent);
    return { ...objective, parent: match ? match[1]! : parent, parent_key_result: match ? match[2]! : undefined };
  });

export type ObjectiveData = z.output<typeof ObjectiveSchema>;
export type KeyResultData = z.output<typeof KeyResultSchema>;
export type CheckinData = z.output<typeof CheckinSchema>;
export type KeyResultType = (typeof KEY_RESULT_TYPES)[number];
export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number];
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
