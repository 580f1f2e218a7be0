/**
 * The one reading of a plain string in MDX: an attribute written `a="x"`, or an expression
 * that is nothing but a string literal (`a={"x"}`, `a={'x'}`, a template without
 * placeholders). Used by the retrospective component check (src/lib/content/retro-components.ts)
 * and by the URL check of JSX elements (src/loader/markdown.ts), so that what one accepts as a
 * string the other reads the same way.
 */
import type { Node as EstreeNode } from 'estree-jsx';

/**
 * The string an estree expression stands for, if it is a string literal; else undefined.
 * @example stringLiteralOf({ type: 'Literal', value: 'x' }) // 'x'
 */
export function stringLiteralOf(expression: EstreeNode | null | undefined): string | undefined {
  if (expression?.type === 'Literal') return typeof expression.value === 'string' ? expression.value : undefined;
  if (expression?.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The string value of an mdast MDX attribute (mdast-util-mdx-jsx): the value itself, or the
 * string literal of an expression value (its estree program has one expression statement).
 * @example mdxAttributeString('x') // 'x'
 */
export function mdxAttributeString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const program = (value as { data?: { estree?: { body?: readonly EstreeNode[] } | null } } | null | undefined)?.data?.estree;
  const statement = program?.body?.length === 1 ? program.body[0] : undefined;
  return statement?.type === 'ExpressionStatement' ? stringLiteralOf(statement.expression) : undefined;
}
