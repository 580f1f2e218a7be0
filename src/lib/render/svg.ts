/**
 * Small helpers for hand-written SVG files: text width estimates and truncation. Text is
 * escaped with html.ts's escapeHtml, the one escaper: its five references (`&#39;` for the
 * apostrophe) mean the same in XML.
 */

const NARROW = /[ijlI.,:;'!|()[\]{} ]/;
const WIDE = /[mwMW@%]/;

/**
 * Approximate width in px of text in an 11 px sans-serif (Verdana-like) font.
 * @example textWidth('abc') // 20.4
 */
export function textWidth(text: string, fontSize = 11): number {
  let units = 0;
  for (const char of text) units += NARROW.test(char) ? 0.36 : WIDE.test(char) ? 0.92 : /[A-Z0-9]/.test(char) ? 0.7 : 0.62;
  return Math.round(units * fontSize * 10) / 10;
}

/**
 * Shortens text to at most `max` characters with an ellipsis.
 * @example truncate('Make support effortless', 12) // 'Make suppor…'
 */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
