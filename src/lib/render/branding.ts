/**
 * What an organisation's branding (portal.yaml `branding`) adds to the site: the files under
 * `branding/` (the logo, a stylesheet with the accent colour) and their paths. The accent is
 * a stylesheet, never a style attribute: the Content-Security-Policy allows same-origin files only.
 */
import type { Branding } from '../content/schema/branding.ts';

/** The folder below the base path that holds the branding files. */
export const BRANDING_FOLDER = 'branding';

/**
 * Path of the logo below the base path: `branding/logo.<extension>`, whatever the file is
 * called in the content folder.
 * @example logoPath({ logo: 'images/acme.svg', footer_links: [] }) // 'branding/logo.svg'
 */
export function logoPath(branding: Branding | undefined): string | undefined {
  const logo = branding?.logo;
  return logo === undefined ? undefined : `${BRANDING_FOLDER}/logo.${logo.slice(logo.lastIndexOf('.') + 1)}`;
}

/**
 * Path of the accent stylesheet below the base path, when there is an accent.
 * @example themePath({ accent: '#1d4ed8', footer_links: [] }) // 'branding/theme.css'
 */
export function themePath(branding: Branding | undefined): string | undefined {
  return branding?.accent === undefined ? undefined : `${BRANDING_FOLDER}/theme.css`;
}

/**
 * The accent stylesheet: the light theme's accent and focus colours (the dark theme keeps its
 * own, which are tuned for contrast on dark surfaces). `:root:root` wins over tokens.css
 * whatever order the stylesheets load in.
 * @example themeCss('#1d4ed8') // '@media not screen and (prefers-color-scheme: dark) {\n  :root:root { --accent: #1d4ed8; ...'
 */
export function themeCss(accent: string): string {
  return `/* portal.yaml branding.accent */\n@media not screen and (prefers-color-scheme: dark) {\n  :root:root { --accent: ${accent}; --focus: ${accent}; }\n}\n`;
}
