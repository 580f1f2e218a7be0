/**
 * `okr migrate --from asana`: goals as the Asana API returns them (`GET /goals` with the
 * opt_fields below, `{ "data": [...] }`), and optionally their `goal_relationships`. Asana's own
 * OKR guide keeps objectives as goals and key results as their sub-goals with a metric, so:
 * a goal with a parent goal in the export and no sub-goals of its own is a key result of its
 * parent; every other goal is an objective (its own metric, if any, its first key result; a
 * goal with neither a metric nor such sub-goals gets one milestone, done when achieved).
 */
import { z } from 'zod';
import { quoteValue, type ContentProblem } from '../../src/lib/content/problems.ts';
import { DateSchema } from '../../src/lib/content/schema/common.ts';
import { ExportNumberSchema, quarterOf, readJsonExport } from './migrate-json.ts';
import type { MigrationRow } from './migrate-plan.ts';

const CompactSchema = z.looseObject({ gid: z.string().min(1), name: z.string().nullable().optional(), resource_type: z.string().optional() });

const AsanaGoalSchema = z.looseObject({
  gid: z.string().min(1),
  name: z.string().min(1),
  notes: z.string().nullable().optional(),
  owner: z.looseObject({ name: z.string().nullable().optional(), email: z.string().nullable().optional() }).nullable().optional(),
  team: CompactSchema.nullable().optional(),
  time_period: z.looseObject({ start_on: DateSchema, end_on: DateSchema, display_name: z.string().nullable().optional() }).nullable().optional(),
  start_on: DateSchema.nullable().optional(),
  due_on: DateSchema.nullable().optional(),
  metric: z
    .looseObject({
      unit: z.enum(['none', 'currency', 'percentage']).nullable().optional(),
      currency_code: z.string().nullable().optional(),
      initial_number_value: ExportNumberSchema,
      target_number_value: ExportNumberSchema,
      current_number_value: ExportNumberSchema,
    })
    .nullable()
    .optional(),
  /** green, yellow, red, achieved, partial, missed, dropped. */
  status: z.string().nullable().optional(),
  parent_goals: z.array(CompactSchema).nullable().optional(),
});

export const AsanaExportSchema = z.looseObject({
  data: z.array(AsanaGoalSchema),
  goal_relationships: z.array(z.looseObject({ resource_subtype: z.string().optional(), supported_goal: CompactSchema, supporting_resource: CompactSchema })).optional(),
});

type AsanaGoal = z.output<typeof AsanaGoalSchema>;

/**
 * The rows of an Asana goals export, and a problem for each bad field.
 * @example parseAsana(text, 'asana.json', {}).rows[0]?.objective
 */
export function parseAsana(text: string, file: string, options: { team?: string | undefined; period?: string | undefined }): { rows: MigrationRow[]; problems: ContentProblem[] } {
  const { value, problems, problemAt } = readJsonExport(text, file, AsanaExportSchema);
  if (!value) return { rows: [], problems };
  const goals = new Map(value.data.map((goal, index) => [goal.gid, { goal, index }]));
  const parents = new Map<string, { gid: string; name?: string | null | undefined }>();
  for (const goal of value.data) for (const parent of goal.parent_goals ?? []) if (!parents.has(goal.gid)) parents.set(goal.gid, parent);
  for (const relation of value.goal_relationships ?? []) {
    const supportsAsGoal = relation.resource_subtype === 'subgoal' || relation.supporting_resource.resource_type === 'goal';
    if (supportsAsGoal && !parents.has(relation.supporting_resource.gid)) parents.set(relation.supporting_resource.gid, relation.supported_goal);
  }
  const hasChildren = new Set([...parents.values()].map((parent) => parent.gid));
  const isKeyResult = (goal: AsanaGoal): boolean => goals.has(parents.get(goal.gid)?.gid ?? '') && !hasChildren.has(goal.gid);

  const objectiveOf = (goal: AsanaGoal, index: number) => {
    const range = goal.time_period ?? (goal.start_on && goal.due_on ? { start_on: goal.start_on, end_on: goal.due_on, display_name: undefined } : undefined);
    const period = options.period ?? (range ? quarterOf(range.start_on, range.end_on) : undefined);
    if (!period) problems.push(problemAt(['data', index, goal.time_period ? 'time_period' : 'due_on'], range ? `${range.display_name ? `time period ${quoteValue(range.display_name)}` : 'the time period'} (${range.start_on} to ${range.end_on}) is not one calendar quarter; give --period` : 'has no time period or start and due dates; give --period'));
    const team = goal.team?.name ?? options.team;
    if (!team) problems.push(problemAt(['data', index, 'team'], 'is not set (a workspace goal); give --team for goals without a team'));
    const parent = parents.get(goal.gid);
    return {
      team: team ?? '',
      period: period ?? '',
      objective: goal.name,
      objectiveBody: goal.notes?.trim() || undefined,
      objectiveStatus: goal.status === 'dropped' ? ('cancelled' as const) : undefined,
      parent: parent ? (goals.get(parent.gid)?.goal.name ?? parent.name ?? undefined) : undefined,
    };
  };

  const rows: MigrationRow[] = [];
  value.data.forEach((goal, index) => {
    if (isKeyResult(goal)) return;
    const objective = objectiveOf(goal, index);
    const children = value.data.flatMap((child, childIndex) => (parents.get(child.gid)?.gid === goal.gid && isKeyResult(child) ? [{ child, childIndex }] : []));
    if (goal.metric || children.length === 0) rows.push({ origin: `data[${index}]`, ...objective, ...keyResultOf(goal) });
    for (const { child, childIndex } of children) rows.push({ origin: `data[${childIndex}]`, ...objective, ...keyResultOf(child) });
  });
  return { rows: problems.length > 0 ? [] : rows, problems };
}

/** A goal's metric as a key result (percentages, which Asana keeps as fractions, in %), or a milestone. */
function keyResultOf(goal: AsanaGoal): Pick<MigrationRow, 'keyResult' | 'start' | 'target' | 'current' | 'unit' | 'done' | 'owner'> {
  const owner = goal.owner?.name || goal.owner?.email || undefined;
  const metric = goal.metric;
  const start = metric?.initial_number_value;
  const target = metric?.target_number_value;
  if (!metric || start === null || start === undefined || target === null || target === undefined) return { keyResult: goal.name, done: goal.status === 'achieved', owner };
  const scale = metric.unit === 'percentage' ? (value: number) => Math.round(value * 100 * 1e9) / 1e9 : (value: number) => value;
  const unit = metric.unit === 'percentage' ? '%' : metric.unit === 'currency' ? (metric.currency_code ?? undefined) : undefined;
  const current = metric.current_number_value;
  return { keyResult: goal.name, start: scale(start), target: scale(target), current: current === null || current === undefined ? undefined : scale(current), unit, owner };
}
