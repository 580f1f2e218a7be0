/**
 * Message catalogs and `t`: a key, its placeholders filled in, the plural form chosen with
 * Intl.PluralRules. The English catalog is the source of the keys and placeholders; the types
 * here make a missing key or placeholder a type error at the call.
 */
// A type import: the browser islands use `translator` without shipping the English catalog.
import type { en } from './catalogs/en.ts';

/** Plural forms by Intl.PluralRules category; `other` is always there. */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}
export type Message = string | PluralMessage;
export type MessageKey = keyof typeof en;
/** A catalog of another language: exactly the keys of the English one. */
export type Catalog = { readonly [K in MessageKey]: Message };

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type TextsOf<M> = M extends string ? M : M extends PluralMessage ? M[keyof M] : never;
/** The parameters of a message: its placeholders, numbers or text. */
export type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<TextsOf<(typeof en)[K]>>]: string | number };
/** `t(key)` for messages without placeholders, `t(key, params)` for the others. */
export type Translate = <K extends MessageKey>(key: K, ...params: [Placeholders<TextsOf<(typeof en)[K]>>] extends [never] ? [] : [MessageParams<K>]) => string;

const PLACEHOLDER_RE = /\{(\w+)\}/g;

/**
 * The placeholders of a message, all forms together, sorted.
 * @example placeholdersOf({ one: '{count} day', other: '{count} days' }) // ['count']
 */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER_RE)].map((match) => match[1]!)))].sort();
}

/**
 * `t` of a catalog: numbers in parameters are formatted with `formatNumber`, and `{count}`
 * picks the plural form.
 * @example translator(en, 'en-GB', String)('home.daysLeft', { count: 1 }) // '1 day left'
 */
export function translator(catalog: Catalog, intlLocale: string, formatNumber: (value: number) => string): Translate {
  const plurals = new Intl.PluralRules(intlLocale);
  return ((key: MessageKey, params?: Record<string, string | number>) => {
    const message: Message = catalog[key];
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      const count = params?.['count'];
      const category = typeof count === 'number' ? plurals.select(count) : 'other';
      text = message[category] ?? message.other;
    }
    if (!params) return text;
    return text.replace(PLACEHOLDER_RE, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === 'number' ? formatNumber(value) : value;
    });
  }) as Translate;
}
