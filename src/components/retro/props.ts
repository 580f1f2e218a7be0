/**
 * Render-time guards for the retrospective components. The content check has already
 * verified every usage in the content folder; these catch a component used from code with
 * bad props, with a message that names the component and the prop.
 */
import { PERIOD_RE } from '../../lib/calendar/period.ts';

/**
 * Throws unless `value` is a `YYYY-Qn` period.
 * @example requirePeriod('Scorecard', '2026-Q3')
 */
export function requirePeriod(component: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || !PERIOD_RE.test(value)) {
    throw new TypeError(`<${component}>: period ${JSON.stringify(value)} is not a period (expected YYYY-Qn, e.g. period="2026-Q3")`);
  }
}

/**
 * Throws unless `value` is a non-empty string id.
 * @example requireId('Objective', 'id', '2026-q3/support/efficiency')
 */
export function requireId(component: string, prop: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`<${component}>: ${prop} ${JSON.stringify(value)} is not an id (e.g. ${prop}="…")`);
  }
}
