/**
 * Turns zod issues into content problems that name the field, the bad value and the fix.
 */
import type { z } from 'zod';
import { didYouMean } from './suggest.ts';
import { formatFieldPath, quoteValue, type ContentProblem } from './problems.ts';

type Locate = (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;

/**
 * Validates frontmatter with a schema; returns the parsed value or the problems.
 * @example validateEntry(TeamSchema, { name: 'Support' }, 'content/teams/support.md')
 */
export function validateEntry<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  locate: Locate = () => undefined,
): { value: z.output<S> | undefined; problems: ContentProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) => issueToProblems(schema, issue, file, locate));
  return { value: undefined, problems };
}

function issueToProblems(
  schema: z.ZodType,
  issue: z.core.$ZodIssue,
  file: string,
  locate: Locate,
): ContentProblem[] {
  const base = { file, severity: 'error' as const };
  if (issue.code === 'unrecognized_keys') {
    const known = fieldsAt(schema, issue.path);
    return issue.keys.map((key) => ({
      ...base,
      ...locate([...issue.path, key]),
      code: 'unknown-field',
      field: formatFieldPath([...issue.path, key]),
      message: `is not a known field${known.length ? ` (expected one of: ${known.join(', ')})` : ''}`,
      hint: didYouMean(key, known),
    }));
  }
  const field = formatFieldPath(issue.path);
  const got = describeInput(issue.input);
  const where = locate(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      // A schema's own wording ("must be a date written YYYY-MM-DD") says more than "a string".
      const expected = issue.message.startsWith('must be ') ? issue.message.slice('must be '.length) : article(issue.expected);
      if (issue.input === undefined) return [{ ...base, ...where, field, code: 'required', message: `is required (expected ${expected})` }];
      if (issue.input === null) {
        return [{ ...base, ...where, field, code: 'empty-value', message: `is empty (expected ${expected}); give a value or remove the field` }];
      }
      return [{ ...base, ...where, field, code: 'wrong-type', message: `must be ${expected}, got ${got}` }];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return [
        {
          ...base,
          ...where,
          field,
          code: 'invalid-value',
          message: `must be one of ${options.join(', ')}, got ${got}`,
          hint: typeof issue.input === 'string' ? didYouMean(issue.input, options) : undefined,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const words = issue.code === 'too_small' ? 'at least' : 'at most';
      const message =
        issue.origin === 'array'
          ? `needs ${words} ${String(bound)} item${bound === 1 ? '' : 's'}`
          : issue.origin === 'string'
            ? issue.code === 'too_small' && bound === 1
              ? 'must not be empty'
              : `must be ${words} ${String(bound)} characters long`
            : `must be ${words} ${String(bound)}, got ${got}`;
      return [{ ...base, ...where, field, code: 'out-of-range', message: issue.message.startsWith('must') ? `${issue.message}, got ${got}` : message }];
    }
    default:
      return [
        {
          ...base,
          ...where,
          field,
          code: issue.code === 'custom' ? 'invalid' : issue.code.replace(/_/g, '-'),
          // Custom messages from superRefine carry their values; a refined field's "must ..." does not.
          message:
            (issue.code === 'custom' && !issue.message.startsWith('must ')) || issue.input === undefined
              ? issue.message
              : `${issue.message}, got ${got}`,
        },
      ];
  }
}

function article(expected: string): string {
  if (expected === 'object') return 'a mapping of fields';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeInput(input: unknown): string {
  if (typeof input === 'string') return quoteValue(input);
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return String(input);
}

/** The field names the schema allows at a path, for "did you mean" hints. */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const remaining = [...path];
  for (let guard = 0; guard < 50 && current; guard++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (def.type === 'pipe') current = def.in;
    else if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') current = def.innerType;
    else if (def.type === 'array') {
      remaining.shift();
      current = def.element;
    } else if (def.type === 'object') {
      const shape = def.shape as Record<string, unknown>;
      if (remaining.length === 0) return Object.keys(shape);
      current = shape[String(remaining.shift())];
    } else return [];
  }
  return [];
}
