/**
 * The portal in the organisation's language (portal.yaml `locale`, BCP 47): the message
 * catalogs of the shipped languages, `t`, and the Intl formats of the locale. A locale is
 * served by the catalog of its language (`de-CH` by `de`) and formats numbers and dates by
 * the full tag (`de-CH` writes 1’250). English without a region formats the British way
 * (16 Aug 2026), as the portal always has. CLI and build messages stay English.
 */
import { en } from './catalogs/en.ts';
import { de } from './catalogs/de.ts';
import { es } from './catalogs/es.ts';
import { fr } from './catalogs/fr.ts';
import { nb } from './catalogs/nb.ts';
import { formatsFor, type Formats } from './formats.ts';
import { intlLocaleOf } from './intl-locale.ts';
import { translator, type Catalog, type Message, type MessageKey, type Translate } from './messages.ts';

export type { Catalog, Message, MessageKey, MessageParams, PluralMessage, Translate } from './messages.ts';
export type { Formats } from './formats.ts';
export { formatsFor } from './formats.ts';

/** The shipped catalogs by language subtag. */
export const CATALOGS: Readonly<Record<string, Catalog>> = { en, de, es, fr, nb };
/** The default of portal.yaml `locale`. */
export const DEFAULT_LOCALE = 'en';
/** Language subtags that another subtag's catalog serves: `no` (Norwegian) is written as Bokmål. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { no: 'nb' };

export interface I18n {
  /** The locale as BCP 47, canonical: `<html lang>`, the feed's `language`, Pagefind's language. */
  readonly lang: string;
  /** Writing direction of the language, for `<html dir>`. */
  readonly dir: 'ltr' | 'rtl';
  /** The locale that Intl formats with (and the chart island in the browser). */
  readonly intlLocale: string;
  /** A message of the catalog. */
  readonly t: Translate;
  /** A value of the content format (a status, kind, category...), or the value itself spelled out. */
  label(group: 'status' | 'grade' | 'kind' | 'krType' | 'category' | 'cadence' | 'direction', value: string): string;
  readonly format: Formats;
  /**
   * The messages of some keys as the catalog has them (plural forms and placeholders kept),
   * for an island that formats them in the browser with `translator`.
   */
  messages<K extends MessageKey>(keys: readonly K[]): Pick<Catalog, K>;
}

/**
 * The canonical tag and catalog of a locale; undefined when the tag is not BCP 47 or no
 * catalog serves its language.
 * @example resolveLocale('de-ch') // { lang: 'de-CH', language: 'de', ... }
 */
export function resolveLocale(tag: string): { lang: string; language: string; catalog: Catalog } | undefined {
  let lang: string;
  try {
    [lang = ''] = Intl.getCanonicalLocales(tag);
  } catch {
    return undefined;
  }
  if (!lang) return undefined;
  const subtag = new Intl.Locale(lang).language;
  const language = LANGUAGE_ALIASES[subtag] ?? subtag;
  const catalog = Object.hasOwn(CATALOGS, language) ? CATALOGS[language] : undefined;
  return catalog && { lang, language, catalog };
}

const made = new Map<string, I18n>();

/**
 * Messages and formats of a locale; a locale without a catalog falls back to English (the
 * content check reports it as an error at `portal.yaml: locale` first).
 * @example i18nFor('nb').t('nav.teams') // 'Team'
 */
export function i18nFor(locale: string = DEFAULT_LOCALE): I18n {
  let i18n = made.get(locale);
  if (!i18n) made.set(locale, (i18n = makeI18n(resolveLocale(locale) ?? resolveLocale(DEFAULT_LOCALE)!)));
  return i18n;
}

function makeI18n({ lang, catalog }: { lang: string; catalog: Catalog }): I18n {
  const intlLocale = intlLocaleOf(lang);
  const format = formatsFor(intlLocale);
  const t = translator(catalog, intlLocale, format.number);
  // textInfo is in V8's Intl.Locale (not yet in TypeScript's lib): right-to-left scripts.
  const direction = (new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo?.direction;
  return {
    lang,
    dir: direction === 'rtl' ? 'rtl' : 'ltr',
    intlLocale,
    t,
    format,
    label(group, value) {
      const message: Message | undefined = Object.hasOwn(catalog, `${group}.${value}`) ? catalog[`${group}.${value}` as MessageKey] : undefined;
      if (typeof message === 'string') return message;
      const spaced = value.replace(/-/g, ' ');
      return spaced.charAt(0).toUpperCase() + spaced.slice(1);
    },
    messages(keys) {
      return Object.fromEntries(keys.map((key) => [key, catalog[key]])) as Pick<Catalog, (typeof keys)[number]>;
    },
  };
}
