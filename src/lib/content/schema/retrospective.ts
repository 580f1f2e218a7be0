import { z } from 'zod';
import { DateSchema, IdSchema, PeriodSchema, TextSchema, VisibilitySchema } from './common.ts';

/** `retrospectives/**.md|.mdx`: a quarterly retrospective, company-wide or per team. */
export const RetrospectiveSchema = z.strictObject({
  /** Title. */
  title: TextSchema,
  /** The period it looks back on, `YYYY-Qn`. */
  period: PeriodSchema,
  /** Team id; omit for a company-wide retrospective. */
  team: IdSchema.optional(),
  /** Publication date, used by the feeds. */
  date: DateSchema.optional(),
  /** Who may see it. Default from portal.yaml. */
  visibility: VisibilitySchema.optional(),
  /** Drafts are never published. */
  draft: z.boolean().default(false),
});

export type RetrospectiveData = z.output<typeof RetrospectiveSchema>;
