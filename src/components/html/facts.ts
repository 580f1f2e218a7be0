/**
 * The small markup pieces that entry pages' facts lists share (`<dl class="facts">`).
 */
import { html, type Html, type HtmlPart } from '../../lib/render/html.ts';

/**
 * A linked title.
 * @example link('/okrs/teams/support/', 'Support').value // '<a href="/okrs/teams/support/">Support</a>'
 */
export function link(href: string, text: string): Html {
  return html`<a href="${href}">${text}</a>`;
}

/**
 * One `<dt>`/`<dd>` pair of a facts list, or nothing when the value is missing (`undefined`,
 * `null` or `false`, so that `condition && fact(...)` reads as in JSX).
 * @example fact('Owner', link(url, 'Ada')).value // '<dt>Owner</dt> <dd><a href="...">Ada</a></dd>'
 */
export function fact(term: string, value: HtmlPart): Html | undefined {
  return value === undefined || value === null || value === false ? undefined : html`<dt>${term}</dt> <dd>${value}</dd>`;
}
