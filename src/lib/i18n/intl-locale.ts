/**
 * The Intl locale of a portal locale, without the catalogs: the islands format numbers and
 * dates in the page's `<html lang>` with it and stay small.
 */

/** Tags that format differently from their language's default: English without a region writes 16 Aug 2026. */
const INTL_LOCALES: Readonly<Record<string, string>> = { en: 'en-GB' };

/**
 * @example intlLocaleOf('en') // 'en-GB'
 * @example intlLocaleOf('de-CH') // 'de-CH'
 */
export function intlLocaleOf(lang: string): string {
  return INTL_LOCALES[lang] ?? lang;
}
