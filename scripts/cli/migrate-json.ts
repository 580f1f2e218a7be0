/**
 * What the JSON exports of `okr migrate` (Tability, Asana) share: the parse, validation by a
 * format's zod schema with problems that name the file, the line and the JSON path
 * (`outcomes[2].to`), and the calendar quarter of a tool's start and end dates.
 */
import type { z } from 'zod';
import { periodOf } from '../../src/lib/calendar/period.ts';
import { parseYamlMapping } from '../../src/lib/content/frontmatter.ts';
import { boundMessage, formatFieldPath, type ContentProblem } from '../../src/lib/content/problems.ts';
import { NumberSchema } from '../../src/lib/content/schema/common.ts';
import { validateEntry } from '../../src/lib/content/schema-problems.ts';

/** A date, or a timestamp whose first ten characters are its date (`2026-10-09T14:03:11Z`). */
export const DATE_PREFIX_RE = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

/** A number of the export: the content format's range, or null (a tool's "not set"). */
export const ExportNumberSchema = NumberSchema.nullable().optional();

/** A JSON export read and checked against a format's schema, and a problem maker at JSON paths. */
export interface JsonExport<T> {
  value?: T | undefined;
  problems: ContentProblem[];
  /** A problem at a JSON path of the export, with the line and column where it is. */
  problemAt(path: readonly PropertyKey[], message: string): ContentProblem;
}

/**
 * Parses a JSON export and validates it with `schema`; syntax errors are one problem.
 * @example readJsonExport('{"data": []}', 'goals.json', AsanaExportSchema).value // { data: [] }
 */
export function readJsonExport<S extends z.ZodType>(text: string, file: string, schema: S): JsonExport<z.output<S>> {
  // Positions come from the YAML parser (JSON is YAML), run only when a message needs one.
  let locate: ReturnType<typeof parseYamlMapping>['locate'] | undefined;
  const where = (path: readonly PropertyKey[]): { line: number; column: number } | undefined => (locate ??= parseYamlMapping(text, 0, { exact: true }).locate)(path);
  const problemAt = (path: readonly PropertyKey[], message: string): ContentProblem => ({ file, ...where(path), field: formatFieldPath(path), message, severity: 'error', code: 'migrate' });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problems: [{ file, field: '', message: `JSON syntax: ${boundMessage((error as Error).message)}`, severity: 'error', code: 'migrate' }], problemAt };
  }
  const { value, problems } = validateEntry(schema, data, file, where);
  return { value, problems: problems.map((problem) => ({ ...problem, code: 'migrate' })), problemAt };
}

/**
 * The calendar quarter that holds both dates (or timestamps), or undefined when they span
 * more than one: the content format's periods are calendar quarters.
 * @example quarterOf('2026-10-01', '2026-12-31T23:59:59Z') // '2026-Q4'
 * @example quarterOf('2026-10-01', '2027-03-31') // undefined
 */
export function quarterOf(first: string, last: string): string | undefined {
  const period = periodOf(first.slice(0, 10));
  return periodOf(last.slice(0, 10)) === period ? period : undefined;
}
