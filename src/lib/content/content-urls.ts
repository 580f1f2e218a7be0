/**
 * Where a URL written in content takes a browser: to the portal itself, to another host, or
 * nowhere we allow. The answer comes from the WHATWG URL parser (the one browsers use), not
 * from patterns: `//host`, `/\host`, `\\host`, `/\t/host`, ` //host`, `java\tscript:`,
 * `HTTPS://host` and `https:host` are all read the way a browser reads them.
 *
 * The portal's own origin is not known here (PORTAL_SITE may be unset, http or https), so a
 * URL is internal only if it stays on the page's origin whatever that is: it is resolved
 * against an https and an http page of a reserved host, and both must stay there. That is
 * what catches `https:host`, which is a relative path on an https page and another host on an
 * http one.
 */

/** Schemes a link (`<a href>`, `<area href>`) may lead to; anything else is removed. */
export const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

// `.invalid` is reserved (RFC 2606): no content can mean this host.
const PAGE_BASES = ['https://portal.invalid/base/', 'http://portal.invalid/base/'].map((base) => new URL(base));

/** Characters browsers ignore or reinterpret in a URL, so a written href is not what they follow. */
// eslint-disable-next-line no-control-regex
const AMBIGUOUS_RE = /[\u0000-\u0020\u007f\\]/;
const PLAIN_ABSOLUTE_RE = /^(?:https?:\/\/|mailto:)/;

export type UrlClass =
  /** Stays on the portal's origin, whatever its scheme: a path, a fragment, a query. */
  | { kind: 'internal' }
  /** Leaves the portal for an allowed scheme; `href` is the form to write (see classifyUrl). */
  | { kind: 'external'; href: string }
  /** Does not parse, or uses a scheme other than http(s) and mailto. */
  | { kind: 'unsafe' };

/**
 * Classifies a URL from content as a browser would resolve it on a portal page. An external
 * URL comes with the href to write: the written one when it is a plain lower-case
 * `http(s)://` or `mailto:` URL without characters browsers strip or turn around, else the
 * parser's absolute form (so `/\evil.example` is written `https://evil.example/`, and the
 * external-link rules, which look at the written text, see it for what it is).
 * @example classifyUrl('/kpis/nps/') // { kind: 'internal' }
 * @example classifyUrl('/\\evil.example/x') // { kind: 'external', href: 'https://evil.example/x' }
 * @example classifyUrl('java\tscript:alert(1)') // { kind: 'unsafe' }
 */
export function classifyUrl(url: string): UrlClass {
  let external: URL | undefined;
  for (const base of PAGE_BASES) {
    let resolved: URL;
    try {
      resolved = new URL(url, base);
    } catch {
      return { kind: 'unsafe' };
    }
    if (!(LINK_PROTOCOLS as readonly string[]).includes(resolved.protocol)) return { kind: 'unsafe' };
    if (resolved.origin !== base.origin) external ??= resolved;
  }
  if (!external) return { kind: 'internal' };
  const plain = PLAIN_ABSOLUTE_RE.test(url) && !AMBIGUOUS_RE.test(url);
  return { kind: 'external', href: plain ? url : external.href };
}

/** A width or density descriptor in a `srcset` candidate: `640w`, `2x`, `1.5x`. */
const SRCSET_DESCRIPTOR_RE = /^\d+(?:\.\d+)?[wx]$/i;

/**
 * Whether every URL of a `srcset` value stays on the portal. Candidates are split on commas
 * and whitespace, more finely than a browser splits them, so that no piece of a URL escapes
 * the check; a piece that is a descriptor is skipped.
 * @example isInternalSrcset('a.png 1x, b.png 2x') // true
 * @example isInternalSrcset('a.png 1x, //evil.example/b.png 2x') // false
 */
export function isInternalSrcset(srcset: string): boolean {
  return srcset
    .split(/[\s,]+/)
    .filter((piece) => piece !== '' && !SRCSET_DESCRIPTOR_RE.test(piece))
    .every((piece) => classifyUrl(piece).kind === 'internal');
}
