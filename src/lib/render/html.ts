/**
 * HTML as escaped strings, for the page parts that repeat hundreds of times per build (key
 * result sections, score pills, progress bars, tables). Astro renders each component through
 * async render instructions, which made these parts most of a 5,000-objective build; the same
 * markup assembled as strings costs a fraction. Pages and components insert the parts with
 * `<Fragment set:html={part.value} />`; which parts are strings, and the figures, are in
 * src/components/html/README.md.
 *
 * Safety: every interpolated value is escaped unless it is an `Html` value, which only `html`,
 * `attributes` and `trustedHtml` make.
 */

/** Markup that is already safe to insert. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text (escaped), markup, lists of either, or nothing. */
export type HtmlPart = Html | string | number | boolean | null | undefined | readonly HtmlPart[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const ESCAPE_RE = /[&<>"']/g;
/** The same characters without the global flag, whose `test` keeps no state between calls. */
const NEEDS_ESCAPE_RE = /[&<>"']/;

/**
 * Escapes text for HTML content and quoted attribute values.
 * @example escapeHtml('<b> & "c"') // '&lt;b&gt; &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE_RE.test(text) ? text.replace(ESCAPE_RE, (char) => ESCAPES[char]!) : text;
}

const TEXT_ESCAPE_RE = /[&<>"]/g;

/**
 * Escapes text for element content and double-quoted attributes, leaving apostrophes as
 * written (as Astro writes literal template text), so that a catalog message renders byte
 * for byte like the literal it replaced.
 * @example escapeText("team's <b>") // "team's &lt;b&gt;"
 */
export function escapeText(text: string): string {
  return text.replace(TEXT_ESCAPE_RE, (char) => ESCAPES[char]!);
}

function partToString(part: HtmlPart): string {
  if (part instanceof Html) return part.value;
  if (part === null || part === undefined || part === false || part === true) return '';
  if (typeof part === 'number') return String(part);
  if (typeof part === 'string') return escapeHtml(part);
  let joined = '';
  for (const item of part) joined += partToString(item);
  return joined;
}

/**
 * A template of markup: interpolated text is escaped, `Html` values and lists of them are
 * inserted, `false`, `true`, `null` and `undefined` render nothing (as in JSX).
 * @example html`<p class="note">${'a < b'}</p>`.value // '<p class="note">a &lt; b</p>'
 */
export function html(strings: TemplateStringsArray, ...parts: HtmlPart[]): Html {
  let out = strings[0]!;
  for (let index = 0; index < parts.length; index++) out += partToString(parts[index]!) + strings[index + 1]!;
  return new Html(out);
}

/**
 * Attributes from a record, each with a leading space: `true` renders the bare name, `false`
 * and `undefined` leave the attribute out.
 * @example attributes({ class: 'kr card', open: true, hidden: false }).value // ' class="kr card" open'
 */
export function attributes(record: Record<string, string | number | boolean | undefined>): Html {
  let out = '';
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return new Html(out);
}

/**
 * Marks markup from a trusted producer (the sanitizing Markdown pipeline, JSON data blocks
 * escaped for script elements) as safe.
 * @example trustedHtml(entry.rendered.html)
 */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}
