import { describe, expect, test } from 'vitest';
import { visit } from 'unist-util-visit';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { parseMdx } from './body-tree.ts';
import { mdxAttributeString } from './mdx-strings.ts';

/** The attribute values of the first JSX element of an MDX source, read as strings. */
function attributesOf(source: string): Record<string, string | undefined> {
  const { tree } = parseMdx(source);
  let found: Record<string, string | undefined> = {};
  visit(tree!, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    found = Object.fromEntries(node.attributes.flatMap((attribute) => (attribute.type === 'mdxJsxAttribute' ? [[attribute.name, mdxAttributeString(attribute.value)]] : [])));
    return false;
  });
  return found;
}

describe('mdxAttributeString', () => {
  test('reads quoted values and string-literal expressions alike, escapes decoded', () => {
    expect(attributesOf('<Objective a="x" b={"y"} c={\'z\'} d={`w`} e={"q\\"t"} />')).toEqual({ a: 'x', b: 'y', c: 'z', d: 'w', e: 'q"t' });
  });

  test('anything but a plain string is undefined: numbers, templates with placeholders, calls, empty values', () => {
    expect(attributesOf('<Objective a={1} b={`x${y}`} c={f("x")} d e={"x" + "y"} />')).toEqual({ a: undefined, b: undefined, c: undefined, d: undefined, e: undefined });
  });
});
