/**
 * The Markdown pipelines for content bodies (docs/security.md explains the trust model).
 *
 * - Markdown bodies are parsed by Sätteri (Astro 7's Rust Markdown engine: CommonMark, GFM,
 *   smart punctuation) into a hast tree, and unified runs the rehype plugins below on that
 *   tree (`runSync`: the plugins are the ecosystem's, run by their own engine). Parsing was
 *   most of the content sync: 5,000 bodies took 3.9 s through remark, 0.4 s this way,
 *   sanitizing included. Sätteri's own hast plugins are not used: the sanitizer and the
 *   external-link rules exist only as rehype plugins, and porting them would mean copies.
 * - No other Markdown reaches Astro's Markdown pipeline (there are no .md pages), so
 *   astro.config.mjs configures only the MDX one.
 *
 * - Markdown (.md, every collection) is untrusted: raw HTML is parsed and then sanitized with
 *   a GitHub-like allow-list, links keep only URLs that stay on the portal and external
 *   http(s) and mailto URLs, images (and every other URL attribute) only URLs that stay on the
 *   portal, and external links get rel="noopener noreferrer". Whether a URL stays on the
 *   portal is decided by the WHATWG URL parser, as a browser decides it (src/lib/content/content-urls.ts):
 *   `//host`, `/\host` and `https:host` leave it.
 * - MDX (.mdx, retrospectives only) is code, reviewed like code: it is not sanitized (that
 *   would remove its components), but the same URL rules apply to its Markdown links and
 *   images and to the HTML elements it writes as JSX, and external links get the same rel.
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
import { unified, type PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import type { Node } from 'unist';
import { VFile } from 'vfile';
import { classifyUrl, isInternalSrcset } from '../lib/content/content-urls.ts';
import { mdxAttributeString } from '../lib/content/mdx-strings.ts';

/** Link schemes a body may use; relative URLs (no scheme) are always allowed. */
export const SAFE_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/**
 * The allow-list: hast-util-sanitize's default schema (GitHub's: headings, lists, tables,
 * emphasis, code, blockquote, details/summary, kbd, sub/sup, images; no script, style,
 * iframe, form, svg or event handler; `id`/`name` prefixed with `user-content-`), with
 * tighter URL rules. Links: http, https, mailto or relative. Images: on the portal only, so no
 * `data:` images and no remote tracking pixels (the CSP allows images from the site only).
 * `javascript:`, `vbscript:` and `data:` never survive, whatever their case or encoding:
 * the URL is checked after HTML entities are decoded, by rehypeSafeUrls (before and after
 * the sanitizer: its protocol lists are a second line, and compare schemes case-sensitively).
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // The content of <style> is dropped too, not kept as text (like <script>'s).
  strip: [...(defaultSchema.strip ?? []), 'style'],
  // An empty list would allow every scheme; relative-only images are enforced by rehypeSafeUrls.
  protocols: { ...defaultSchema.protocols, href: [...SAFE_LINK_PROTOCOLS], src: ['http', 'https'], cite: ['http', 'https'], longDesc: ['http', 'https'] },
};

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * Attributes that hold a URL, by their lower-case HTML name (hast property names and MDX JSX
 * attribute names are lower-cased before the look-up, `xlink:href` loses its colon). Link
 * targets (`href` of `<a>` and `<area>`) may leave the portal; every other URL is fetched or
 * submitted by the browser without a click, so it must stay on the portal.
 */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'longdesc', 'action', 'formaction', 'poster', 'data', 'background', 'ping', 'manifest', 'codebase', 'icon', 'xlinkhref', 'itemtype', 'lowsrc', 'dynsrc']);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);
const LINK_ELEMENTS = new Set(['a', 'area']);
/** The rel of every external link: the target page gets no handle on the portal's window, no referrer. */
const EXTERNAL_REL = ['noopener', 'noreferrer'] as const;

/**
 * Whether a URL is safe in a link (`href`) or an image (`src`): links may stay on the portal
 * or leave it for http(s) or mailto; images must stay on the portal. Entities must already be
 * decoded (hast property values are). See classifyUrl for how "stay" is decided.
 * @example isSafeUrl('JaVaScRiPt:alert(1)', 'href') // false
 * @example isSafeUrl('https://example.com', 'href') // true
 * @example isSafeUrl('//example.com/x.png', 'src') // false
 */
export function isSafeUrl(url: string, attribute: 'href' | 'src'): boolean {
  const { kind } = classifyUrl(url);
  return kind === 'internal' || (kind === 'external' && attribute === 'href');
}

/**
 * The value to keep for a URL attribute, or undefined to remove it: a link keeps an internal
 * URL as written and an external one in the form classifyUrl gives (so that the external-link
 * rules see it); every other attribute keeps internal URLs only.
 */
function checkedUrl(element: string, attribute: string, value: string): string | undefined {
  if (SRCSET_ATTRIBUTES.has(attribute)) return isInternalSrcset(value) ? value : undefined;
  const url = classifyUrl(value);
  if (url.kind === 'internal') return value;
  return url.kind === 'external' && attribute === 'href' && LINK_ELEMENTS.has(element) ? url.href : undefined;
}

const attributeKey = (name: string): string => name.toLowerCase().replace(/[:-]/g, '');

interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: unknown;
}

/** Checks the URL attributes of an HTML element written as JSX in MDX (lower-case name). */
function checkMdxElement(node: HastNode & { name?: string | null; attributes?: MdxAttribute[] }): void {
  const element = node.name;
  if (!element || !/^[a-z]/.test(element) || !node.attributes) return;
  let external = false;
  node.attributes = node.attributes.flatMap((attribute): MdxAttribute[] => {
    // A spread could carry any URL, and it cannot be read before the page runs.
    if (attribute.type === 'mdxJsxExpressionAttribute') return [];
    const key = attributeKey(attribute.name ?? '');
    if (!URL_ATTRIBUTES.has(key) && !SRCSET_ATTRIBUTES.has(key)) return [attribute];
    const value = mdxAttributeString(attribute.value);
    const checked = value === undefined ? undefined : checkedUrl(element, key, value);
    if (checked !== undefined && key === 'href' && LINK_ELEMENTS.has(element) && classifyUrl(checked).kind === 'external') external = true;
    return checked === undefined ? [] : [{ ...attribute, value: checked }];
  });
  // rehype-external-links sees hast elements only: JSX links get the same rel here.
  if (external) {
    node.attributes = [...node.attributes.filter((attribute) => attributeKey(attribute.name ?? '') !== 'rel'), { type: 'mdxJsxAttribute', name: 'rel', value: EXTERNAL_REL.join(' ') }];
  }
}

/** Checks the URL properties of a hast element (Markdown, raw HTML after rehype-raw). */
function checkElement(node: HastNode): void {
  const element = node.tagName ?? '';
  const properties = node.properties!;
  for (const [name, value] of Object.entries(properties)) {
    const key = attributeKey(name);
    if (!URL_ATTRIBUTES.has(key) && !SRCSET_ATTRIBUTES.has(key)) continue;
    // srcset and ping are lists in hast (comma- and space-separated) and never links: every
    // entry must stay on the portal.
    const checked = Array.isArray(value)
      ? value.every((entry) => checkedUrl(element, key, String(entry)) === String(entry) && classifyUrl(String(entry).split(/\s/)[0] ?? '').kind === 'internal') ? value : undefined
      : typeof value === 'string' ? checkedUrl(element, key, value) : value;
    if (checked === undefined) delete properties[name];
    else properties[name] = checked;
  }
}

/**
 * A rehype plugin that checks every URL in a body, wherever it comes from (Markdown links and
 * images, raw HTML, JSX in MDX): links keep internal URLs and external http(s) and mailto
 * ones, every other URL attribute (images, srcset, cite, form actions, ...) keeps URLs that
 * stay on the portal. It runs before the sanitizer (which then sees external links in their
 * plain form) and after it, and in the MDX pipeline, which is not sanitized.
 * @example unified().use(rehypeSafeUrls)
 */
export function rehypeSafeUrls() {
  return (tree: Node): void => {
    visit(tree, (node: HastNode) => {
      if (node.type === 'element' && node.properties) checkElement(node);
      else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') checkMdxElement(node);
    });
  };
}

const externalLinks = [rehypeExternalLinks, { rel: [...EXTERNAL_REL], target: false }] as const;

/** Plugins for Markdown bodies: parse raw HTML, sanitize it, check URLs, mark external links. */
export const markdownRehypePlugins = [rehypeRaw, rehypeSafeUrls, [rehypeSanitize, sanitizeSchema], rehypeSafeUrls, [...externalLinks]] satisfies PluggableList & RehypePlugins;

/** Plugins for MDX retrospectives: trusted code, but URLs are still checked. */
export const mdxRehypePlugins = [rehypeSafeUrls, [...externalLinks]] satisfies PluggableList & RehypePlugins;

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

/** The rehype plugins of `markdownRehypePlugins`, then Astro's heading ids, as Astro's unified pipeline orders them. */
const bodyProcessor = unified().use(markdownRehypePlugins).use(rehypeHeadingIds).freeze();

/**
 * Renders an untrusted Markdown body to sanitized HTML: Sätteri parses it (GFM, smart
 * punctuation, raw HTML kept as raw nodes), then unified runs the plugins on the tree.
 * @example renderMarkdownBody('## Why\n\n<script>x</script>Because').html // '<h2 id="why">Why</h2>\n<p>Because</p>'
 */
export function renderMarkdownBody(markdown: string): RenderedMarkdown {
  const parsed = markdownToHast(markdown, { features: { gfm: true, smartPunctuation: true, frontmatter: false }, position: false });
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: {} } } });
  const tree = bodyProcessor.runSync(alignTableCells(parsed as unknown as Root), file);
  const headings = (file.data as { astro?: { headings?: MarkdownHeading[] } }).astro?.headings ?? [];
  return { html: toHtml(tree as Parameters<typeof toHtml>[0], { allowDangerousHtml: true }), metadata: { headings, imagePaths: [], frontmatter: {} } };
}

const TEXT_ALIGN_RE = /^text-align: (left|center|right)$/;

/**
 * Sätteri writes a GFM table column's alignment as `style="text-align: …"`, which the
 * sanitizer (and the Content-Security-Policy) drop; remark writes `align`, which both keep.
 * Only cells Sätteri made are touched: raw HTML is still unparsed `raw` nodes here.
 */
function alignTableCells(tree: Root): Root {
  visit(tree, 'element', (node) => {
    if ((node.tagName !== 'td' && node.tagName !== 'th') || typeof node.properties.style !== 'string') return;
    const align = TEXT_ALIGN_RE.exec(node.properties.style)?.[1];
    if (align) {
      delete node.properties.style;
      node.properties.align = align;
    }
  });
  return tree;
}
