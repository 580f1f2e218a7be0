import { z } from 'zod';
import { DateSchema, IdSchema, NumberSchema, TextSchema, VisibilitySchema } from './common.ts';

export const KPI_CATEGORIES = ['financial', 'customer', 'operational', 'people', 'marketing', 'product', 'other'] as const;
export const KPI_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;
export const KPI_CADENCES = ['weekly', 'monthly', 'quarterly'] as const;

/** One measurement of a KPI. */
export const KpiDataPointSchema = z.strictObject({
  /** Day of the measurement. */
  date: DateSchema,
  /** The measured value. */
  value: NumberSchema,
  /** What happened, shown in tooltips and tables. */
  note: TextSchema.optional(),
});

/** `kpis/**.md`: a health metric watched over time. Data in `data` or a sidecar CSV. */
export const KpiSchema = z.strictObject({
  /** Display title. */
  title: TextSchema,
  /** Team id that watches it. */
  team: IdSchema.optional(),
  /** Person id that owns it. */
  owner: IdSchema.optional(),
  /** Kind of health metric. */
  category: z.enum(KPI_CATEGORIES).default('other'),
  /** Unit shown with values, e.g. `%`, `EUR`, `min`. */
  unit: TextSchema.optional(),
  /** Whether bigger values are better. */
  direction: z.enum(KPI_DIRECTIONS).default('higher-is-better'),
  /** The healthy level. */
  target: NumberSchema.optional(),
  /** The critical level. */
  threshold: NumberSchema.optional(),
  /** How often it is measured. */
  cadence: z.enum(KPI_CADENCES).default('monthly'),
  /** Who may see it. Default from portal.yaml. */
  visibility: VisibilitySchema.optional(),
  /** Measurements; or keep them in `<same-name>.csv` beside the file (not both). */
  data: z.array(KpiDataPointSchema).optional(),
});

export type KpiDataPoint = z.output<typeof KpiDataPointSchema>;
export type KpiData = z.output<typeof KpiSchema>;
export type KpiCategory = (typeof KPI_CATEGORIES)[number];
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
