/**
 * `okr migrate --from tability`: plans, objectives, outcomes (key results) and check-ins as the
 * Tability API v2 returns them, in one JSON file with a list of each. A plan's dates give the
 * period, an outcome's `from` and `to` the start and target, its score format the unit, and its
 * check-ins (`score`, `confidence`, `body`, `created_at`) become the key result's check-ins.
 * Tability has no teams, so the team comes from `--team`.
 */
import { z } from 'zod';
import { isIsoDate } from '../../src/lib/calendar/calendar-date.ts';
import { quoteValue, type ContentProblem } from '../../src/lib/content/problems.ts';
import { ExportNumberSchema, quarterOf, readJsonExport, DATE_PREFIX_RE } from './migrate-json.ts';
import type { MigrationCheckin, MigrationRow } from './migrate-plan.ts';

/** A date or timestamp; the check-in's day is its first ten characters. */
const TimestampSchema = z.string({ error: 'must be a date or timestamp such as 2026-10-09T14:03:11Z' }).refine((text) => DATE_PREFIX_RE.test(text) && isIsoDate(text.slice(0, 10)), { error: 'must be a date or timestamp such as 2026-10-09T14:03:11Z' });
const IdTextSchema = z.union([z.string().min(1), z.number()]).transform(String);

const TabilityCheckinSchema = z.looseObject({
  id: IdTextSchema,
  outcome_id: IdTextSchema,
  /** The value measured. */
  score: ExportNumberSchema,
  /** green, yellow, red or grey. */
  confidence: z.string().nullable().optional(),
  /** What changed. */
  body: z.string().nullable().optional(),
  created_at: TimestampSchema,
});

export const TabilityExportSchema = z.looseObject({
  plans: z.array(z.looseObject({ id: IdTextSchema, title: z.string().min(1), start_at: TimestampSchema.nullable().optional(), finish_at: TimestampSchema.nullable().optional() })),
  objectives: z.array(z.looseObject({ id: IdTextSchema, plan_id: IdTextSchema, title: z.string().min(1), body: z.string().nullable().optional() })),
  outcomes: z.array(
    z.looseObject({
      id: IdTextSchema,
      objective_id: IdTextSchema,
      title: z.string().min(1),
      from: ExportNumberSchema,
      to: ExportNumberSchema,
      score_format: z.string().nullable().optional(),
      owner: z.looseObject({ fullname: z.string().nullable().optional(), email: z.string().nullable().optional() }).nullable().optional(),
      current_checkin: TabilityCheckinSchema.nullable().optional(),
    }),
  ),
  checkins: z.array(TabilityCheckinSchema).default([]),
});

/** Tability's confidence colours as the content format's 0..1; grey (not set) has none. */
export const TABILITY_CONFIDENCE: Readonly<Record<string, number>> = { green: 0.9, yellow: 0.5, red: 0.1 };

/** Tability's score formats with a unit; `number` and any other format have none. */
export const TABILITY_UNITS: Readonly<Record<string, string>> = { pct: '%', percentage: '%', dollar: '$', euro: '€', pound: '£' };

/**
 * The rows of a Tability export, and a problem for each bad field or dangling id.
 * @example parseTability(text, 'tability.json', { team: 'Support' }).rows[0]?.keyResult
 */
export function parseTability(text: string, file: string, options: { team: string; period?: string | undefined }): { rows: MigrationRow[]; problems: ContentProblem[] } {
  const { value, problems, problemAt } = readJsonExport(text, file, TabilityExportSchema);
  if (!value) return { rows: [], problems };
  const periods = new Map<string, string>();
  value.plans.forEach((plan, index) => {
    const period = options.period ?? (plan.start_at && plan.finish_at ? quarterOf(plan.start_at, plan.finish_at) : undefined);
    if (period) periods.set(plan.id, period);
    else problems.push(problemAt(['plans', index, plan.finish_at ? 'finish_at' : 'start_at'], `plan ${quoteValue(plan.title)} does not run for one calendar quarter (${plan.start_at ?? '?'} to ${plan.finish_at ?? '?'}); give --period`));
  });
  const objectives = new Map(value.objectives.map((objective) => [objective.id, objective]));
  value.objectives.forEach((objective, index) => {
    if (!value.plans.some((plan) => plan.id === objective.plan_id)) problems.push(problemAt(['objectives', index, 'plan_id'], `${quoteValue(objective.plan_id)} is not the id of a plan in plans`));
  });
  const checkins = Map.groupBy(
    value.checkins.filter((checkin, index) => {
      const known = value.outcomes.some((outcome) => outcome.id === checkin.outcome_id);
      if (!known) problems.push(problemAt(['checkins', index, 'outcome_id'], `${quoteValue(checkin.outcome_id)} is not the id of an outcome in outcomes`));
      return known;
    }),
    (checkin) => checkin.outcome_id,
  );
  const rows: MigrationRow[] = [];
  value.outcomes.forEach((outcome, index) => {
    const objective = objectives.get(outcome.objective_id);
    if (!objective) {
      problems.push(problemAt(['outcomes', index, 'objective_id'], `${quoteValue(outcome.objective_id)} is not the id of an objective in objectives`));
      return;
    }
    const period = periods.get(objective.plan_id);
    if (period === undefined) return;
    const metric = outcome.to !== null && outcome.to !== undefined;
    const history = [...(checkins.get(outcome.id) ?? []), ...(outcome.current_checkin ? [outcome.current_checkin] : [])];
    rows.push({
      origin: `outcomes[${index}]`,
      team: options.team,
      period,
      objective: objective.title,
      objectiveBody: objective.body ?? undefined,
      keyResult: outcome.title,
      ...(metric ? { start: outcome.from ?? 0, target: outcome.to!, unit: TABILITY_UNITS[outcome.score_format ?? ''] } : {}),
      owner: outcome.owner?.fullname || outcome.owner?.email || undefined,
      checkins: metric ? checkinsOf(history) : undefined,
    });
  });
  return { rows: problems.length > 0 ? [] : rows, problems };
}

/** Check-ins oldest first, each once (the current check-in is also in the list), without empty scores. */
function checkinsOf(history: readonly z.output<typeof TabilityCheckinSchema>[]): MigrationCheckin[] {
  const byId = new Map(history.map((checkin) => [checkin.id, checkin]));
  return [...byId.values()]
    .filter((checkin) => checkin.score !== null && checkin.score !== undefined)
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .map((checkin) => ({
      date: checkin.created_at.slice(0, 10),
      value: checkin.score!,
      confidence: TABILITY_CONFIDENCE[checkin.confidence ?? ''],
      note: shortNote(checkin.body),
    }));
}

/** A note of at most 500 characters, the content format's limit for text. */
export function shortNote(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim().replace(/\s+/g, ' ');
  if (!trimmed) return undefined;
  const chars = [...trimmed];
  return chars.length > 500 ? `${chars.slice(0, 499).join('')}…` : trimmed;
}
