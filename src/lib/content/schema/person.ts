import { z } from 'zod';
import { IdSchema, TextSchema, VisibilitySchema } from './common.ts';

/** `people/<id>.md`: a person who owns objectives, key results or KPIs. */
export const PersonSchema = z.strictObject({
  /** Full name. */
  name: TextSchema,
  /** Team id. */
  team: IdSchema.optional(),
  /** Job title. */
  role: TextSchema.optional(),
  /** Who may see it. Default from portal.yaml. */
  visibility: VisibilitySchema.optional(),
});

export type PersonData = z.output<typeof PersonSchema>;
