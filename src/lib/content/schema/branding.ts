/**
 * `branding` in portal.yaml: an organisation's logo, accent colour and footer links. Every
 * field is optional; without them the portal looks as it always has.
 */
import { z } from 'zod';
import { contrastRatio, parseHexColor } from '../color-contrast.ts';
import { TextSchema } from './common.ts';

/** WCAG 2.2 AA for normal text: the accent is text on white and the background of white text. */
export const MIN_ACCENT_CONTRAST = 4.5;
export const LOGO_EXTENSIONS = ['svg', 'png', 'webp', 'jpg', 'jpeg'] as const;
const LOGO_PATH_RE = new RegExp(`^(?:[a-z0-9][a-z0-9._-]*/)*[a-z0-9][a-z0-9._-]*\\.(?:${LOGO_EXTENSIONS.join('|')})$`);
const HTTP_URL_RE = /^https?:\/\/[^\s/?#\\]+(?:[/?#][^\s\\]*)?$/i;

/** A colour for links, buttons and focus rings in the light theme (the dark theme keeps its own). */
export const AccentSchema = z
  .string({ error: 'must be a CSS hex colour such as "#1d4ed8"' })
  .superRefine((value, ctx) => {
    const color = parseHexColor(value);
    if (!color) {
      ctx.addIssue({ code: 'custom', message: `must be a CSS hex colour written #rgb or #rrggbb, such as "#1d4ed8"` });
      return;
    }
    const ratio = contrastRatio(color, { r: 255, g: 255, b: 255 });
    if (ratio < MIN_ACCENT_CONTRAST) {
      ctx.addIssue({ code: 'custom', message: `"${value}" has a contrast of ${ratio.toFixed(2)}:1 with white, below ${MIN_ACCENT_CONTRAST}:1; choose a darker colour (it is the colour of links and of white text on buttons)` });
    }
  })
  .transform((value) => value.toLowerCase());

/** One link in the site footer. */
export const FooterLinkSchema = z.strictObject({
  /** The link text. */
  label: TextSchema,
  /** Where it leads: an absolute http(s) URL. */
  url: z.string({ error: 'must be an http(s) URL' }).regex(HTTP_URL_RE, { error: 'must be an absolute http:// or https:// URL, such as "https://intranet.example.com/okrs"' }),
});

export const BrandingSchema = z.strictObject({
  /** Path of the logo inside the content folder (svg, png, webp or jpg), shown in the header. */
  logo: z
    .string({ error: 'must be a path inside the content folder' })
    .regex(LOGO_PATH_RE, { error: `must be a path inside the content folder, in lower case, ending in .${LOGO_EXTENSIONS.join(', .')}, such as "branding/logo.svg"` })
    .optional(),
  /** Accent colour of the light theme, `#rrggbb`, with a contrast of at least 4.5:1 with white. */
  accent: AccentSchema.optional(),
  /** Links added to the site footer, after the portal's own. */
  footer_links: z.array(FooterLinkSchema).max(10, { error: 'must have at most 10 links' }).default([]),
});

export type Branding = z.output<typeof BrandingSchema>;
