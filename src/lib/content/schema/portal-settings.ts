import { z } from 'zod';
import { BrandingSchema } from './branding.ts';
import { CATALOGS, DEFAULT_LOCALE, resolveLocale } from '../../i18n/index.ts';
import { PeriodSchema, TextSchema, VisibilitySchema } from './common.ts';

/** Score bands: `score < red_below` is red, `score >= green_from` is green, yellow between. */
export const GradingSchema = z
  .strictObject({
    /** Scores below this are red. Default 0.4. */
    red_below: z.number().min(0).max(1).default(0.4),
    /** Scores from this up are green. Default 0.7. */
    green_from: z.number().min(0).max(1).default(0.7),
  })
  .superRefine((grading, ctx) => {
    if (grading.red_below > grading.green_from) {
      ctx.addIssue({
        code: 'custom',
        path: ['red_below'],
        message: `red_below (${grading.red_below}) must not be above green_from (${grading.green_from})`,
      });
    }
  });

export const CHECKIN_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type CheckinCadence = (typeof CHECKIN_CADENCES)[number];

/** `content/portal.yaml`: site settings. Every field is optional. */
export const PortalSettingsSchema = z.strictObject({
  /** Site title. */
  name: TextSchema.default('OKRs'),
  /** The organization, shown in the header and feeds. */
  organization: TextSchema.optional(),
  /** The period the home page shows. Default: the quarter that contains the as-of date. */
  current_period: PeriodSchema.optional(),
  /** Visibility of entries that don't set one. */
  default_visibility: VisibilitySchema.default('internal'),
  /**
   * Language of the portal as a BCP 47 tag (`de`, `nb`, `fr-CA`): its chrome, numbers, dates
   * and search. A tag is served by the catalog of its language. Default `en`.
   */
  locale: z
    .string()
    .default(DEFAULT_LOCALE)
    .refine((tag) => resolveLocale(tag) !== undefined, {
      error: (issue) => `unknown locale ${JSON.stringify(issue.input)}: expected a BCP 47 tag of a shipped language (${Object.keys(CATALOGS).join(', ')})`,
    }),
  /** Score bands. */
  grading: GradingSchema.default({ red_below: 0.4, green_from: 0.7 }),
  /** How often key results are expected to get a new value; a key result without one for 1.5 cadences is stale. */
  checkin_cadence: z.enum(CHECKIN_CADENCES).default('weekly'),
  /** Extension: the organisation's logo, accent colour and footer links. */
  branding: BrandingSchema.optional(),
});

export type PortalSettingsInput = z.input<typeof PortalSettingsSchema>;
export type PortalSettings = z.output<typeof PortalSettingsSchema>;
export type Grading = PortalSettings['grading'];
