/**
 * The Markdown pipelines for content bodies (docs/security.md explains the trust model).
 *
 * - Markdown bodies are parsed by Sätteri (Astro 7's Rust Markdown engine: CommonMark, GFM,
 *   smart punctuation) into a hast tree, and the rehype plugins below run on that tree as
 *   they would in a unified pipeline. Parsing was most of the content sync: 5,000 bodies took
 *   3.9 s through remark, 0.4 s this way, sanitizing included.
 *
 * - Markdown (.md, every collection) is untrusted: raw HTML is parsed and then sanitized with
 *   a GitHub-like allow-list, links keep only http(s), mailto and relative URLs, images only
 *   relative URLs, and external links get rel="noopener noreferrer".
 * - MDX (.mdx, retrospectives only) is code, reviewed like code: it is not sanitized (that
 *   would remove its components), but the same URL rules apply to its Markdown links and
 *   images, and external links get the same rel.
 *
 * Syntax highlighting is off in both: Shiki writes inline `style` attributes, which the
 * Content-Security-Policy (style-src 'self') forbids.
 */
import { rehypeHeadingIds, type MarkdownHeading } from '@astrojs/markdown-remark';
import { toHtml } from 'hast-util-to-html';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { RehypePlugins } from '@astrojs/markdown-remark';
import { markdownToHast } from 'satteri';
import { VFile } from 'vfile';

/** Link schemes a body may use; relative URLs (no scheme) are always allowed. */
export const SAFE_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/**
 * The allow-list: hast-util-sanitize's default schema (GitHub's: headings, lists, tables,
 * emphasis, code, blockquote, details/summary, kbd, sub/sup, images; no script, style,
 * iframe, form, svg or event handler; `id`/`name` prefixed with `user-content-`), with
 * tighter URL rules. Links: http, https, mailto or relative. Images: relative only, so no
 * `data:` images and no remote tracking pixels (the CSP allows images from the site only).
 * `javascript:`, `vbscript:` and `data:` never survive, whatever their case or encoding:
 * the URL is checked after HTML entities are decoded.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // The content of <style> is dropped too, not kept as text (like <script>'s).
  strip: [...(defaultSchema.strip ?? []), 'style'],
  // An empty list would allow every scheme; relative-only images are enforced by rehypeSafeUrls.
  protocols: { ...defaultSchema.protocols, href: [...SAFE_LINK_PROTOCOLS], src: ['http', 'https'], cite: ['http', 'https'], longDesc: ['http', 'https'] },
};

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'longDesc', 'action', 'formAction', 'poster'];
/** A scheme, as a browser reads it: ASCII control characters and whitespace are ignored. */
const SCHEME_RE = /^([a-z][a-z0-9+.-]*):/i;
// eslint-disable-next-line no-control-regex
const IGNORED_IN_SCHEME_RE = /[\u0000-\u0020\u007f]/g;

/**
 * Whether a URL is safe in a link (`href`) or an image (`src`): relative, or with an allowed
 * scheme. Entities must already be decoded (hast property values are).
 * @example isSafeUrl('JaVaScRiPt:alert(1)', 'href') // false
 * @example isSafeUrl('https://example.com', 'href') // true
 * @example isSafeUrl('https://example.com/x.png', 'src') // false
 */
export function isSafeUrl(url: string, attribute: 'href' | 'src'): boolean {
  const scheme = SCHEME_RE.exec(url.replace(IGNORED_IN_SCHEME_RE, ''))?.[1]?.toLowerCase();
  if (scheme === undefined) return true;
  return attribute === 'href' && (SAFE_LINK_PROTOCOLS as readonly string[]).includes(scheme);
}

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * A rehype plugin that removes unsafe URLs from every element (the MDX pipeline's stand-in
 * for the sanitizer's protocol rules): links keep http(s), mailto and relative URLs, every
 * other URL attribute keeps relative URLs only.
 * @example unified().use(rehypeSafeUrls)
 */
export function rehypeSafeUrls() {
  return (tree: HastNode): void => {
    forEachNode(tree, (node) => {
      if (node.type !== 'element' || !node.properties) return;
      for (const attribute of URL_ATTRIBUTES) {
        const value = node.properties[attribute];
        if (typeof value === 'string' && !isSafeUrl(value, attribute === 'href' ? 'href' : 'src')) delete node.properties[attribute];
      }
    });
  };
}

/** Calls `visit` on every node of a tree (any order; the visitors only edit properties). */
function forEachNode(tree: HastNode, visit: (node: HastNode) => void): void {
  const stack: HastNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if (node.children) stack.push(...node.children);
  }
}

const externalLinks = [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], target: false }] as const;

/** Plugins for Markdown bodies: parse raw HTML, sanitize it, check URLs, mark external links. */
export const markdownRehypePlugins: RehypePlugins = [rehypeRaw, [rehypeSanitize, sanitizeSchema], rehypeSafeUrls, [...externalLinks]];

/** Plugins for MDX retrospectives: trusted code, but URLs are still checked. */
export const mdxRehypePlugins: RehypePlugins = [rehypeSafeUrls, [...externalLinks]];

/**
 * Smart punctuation, the same in both pipelines: curly quotes, `...` to an ellipsis, `--` to
 * an en dash and `---` to an em dash (Sätteri's rule; remark-smartypants calls it "oldschool").
 */
export const SMARTYPANTS = { dashes: 'oldschool' } as const;

/** What a rendered Markdown body holds, in the shape of Astro's `entry.rendered`. */
export interface RenderedMarkdown {
  html: string;
  metadata: { headings: MarkdownHeading[]; imagePaths: string[]; frontmatter: Record<string, never> };
}

type Transform = (tree: HastNode, file: VFile) => HastNode | undefined | void;
type Plugin = (options?: unknown) => Transform;
const bodyTransforms: Transform[] = [...markdownRehypePlugins, rehypeHeadingIds].map((entry) => {
  const [plugin, options] = (Array.isArray(entry) ? entry : [entry]) as [Plugin, unknown];
  return plugin(options);
});

/**
 * Renders an untrusted Markdown body to sanitized HTML: Sätteri parses it (GFM, smart
 * punctuation, raw HTML kept as raw nodes), then the plugins of `markdownRehypePlugins` run on
 * the tree in their order, then Astro's heading ids, as Astro's unified pipeline orders them.
 * @example renderMarkdownBody('## Why\n\n<script>x</script>Because').html // '<h2 id="why">Why</h2>\n<p>Because</p>'
 */
export function renderMarkdownBody(markdown: string): RenderedMarkdown {
  const parsed = markdownToHast(markdown, { features: { gfm: true, smartPunctuation: true, frontmatter: false }, position: false });
  let tree = alignTableCells(parsed as HastNode);
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: {} } } });
  for (const transform of bodyTransforms) tree = transform(tree, file) ?? tree;
  const headings = (file.data as { astro?: { headings?: MarkdownHeading[] } }).astro?.headings ?? [];
  return { html: toHtml(tree as Parameters<typeof toHtml>[0], { allowDangerousHtml: true }), metadata: { headings, imagePaths: [], frontmatter: {} } };
}

const TEXT_ALIGN_RE = /^text-align: (left|center|right)$/;

/**
 * Sätteri writes a GFM table column's alignment as `style="text-align: …"`, which the
 * sanitizer (and the Content-Security-Policy) drop; remark writes `align`, which both keep.
 * Only cells Sätteri made are touched: raw HTML is still unparsed `raw` nodes here.
 */
function alignTableCells(tree: HastNode): HastNode {
  forEachNode(tree, (node) => {
    if ((node.tagName !== 'td' && node.tagName !== 'th') || typeof node.properties?.style !== 'string') return;
    const align = TEXT_ALIGN_RE.exec(node.properties.style)?.[1];
    if (align) {
      delete node.properties.style;
      node.properties.align = align;
    }
  });
  return tree;
}
