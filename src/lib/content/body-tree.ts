/**
 * The one Markdown parse of src/lib: a body as an mdast tree (micromark with GFM, and MDX for
 * `.mdx` files), used by the check of MDX components (retro-components.ts) and by the search
 * text (search/search-documents.ts). Pages are rendered by Astro's own pipelines
 * (src/loader/markdown.ts), which this does not replace: it reads, it never renders.
 *
 * An MDX file is parsed whole, its YAML frontmatter recognised by the parser (the micromark
 * and mdast parts of remark-frontmatter), so positions are those of the file.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';

export type BodyFormat = 'md' | 'mdx';

/** Where and why MDX did not parse (1-based, relative to what was parsed). */
export interface BodyParseError {
  line: number;
  column: number;
  message: string;
}

/**
 * MDX, a body or a whole file (a leading YAML frontmatter becomes a `yaml` node), or where it
 * stops parsing. The MDX compiler would stop at the same place.
 * @example parseMdx('---\ntitle: Q3\n---\n<Objective id="x" />').tree?.children[1]?.position?.start.line // 4
 */
export function parseMdx(source: string): { tree: Root; error?: undefined } | { tree?: undefined; error: BodyParseError } {
  try {
    return { tree: fromMarkdown(source, { extensions: [frontmatter(['yaml']), mdxjs(), gfm()], mdastExtensions: [frontmatterFromMarkdown(['yaml']), mdxFromMarkdown(), gfmFromMarkdown()] }) };
  } catch (caught) {
    const place = (caught as { line?: number; column?: number; reason?: string; message?: string }) ?? {};
    return { error: { line: place.line ?? 1, column: place.column ?? 1, message: String(place.reason ?? place.message ?? caught) } };
  }
}

/**
 * A body as the page shows it: MDX for `.mdx`, Markdown otherwise. MDX that does not parse
 * (the MDX compiler reports it when the page renders) is read as plain Markdown.
 * @example parseBody('## Why', 'md').children[0]?.type // 'heading'
 */
export function parseBody(body: string, format: BodyFormat): Root {
  if (format === 'mdx') {
    const { tree } = parseMdx(body);
    if (tree) return tree;
  }
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}
