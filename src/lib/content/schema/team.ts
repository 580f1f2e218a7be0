import { z } from 'zod';
import { IdSchema, TextSchema, VisibilitySchema } from './common.ts';

/** `teams/<id>.md`: a company, department or team. The body is its description. */
export const TeamSchema = z.strictObject({
  /** Display name. */
  name: TextSchema,
  /** The unit it belongs to; units without parent are roots (the company). */
  parent: IdSchema.optional(),
  /** Person id of the lead. */
  lead: IdSchema.optional(),
  /** Who may see it. Default from portal.yaml. */
  visibility: VisibilitySchema.optional(),
});

export type TeamData = z.output<typeof TeamSchema>;
