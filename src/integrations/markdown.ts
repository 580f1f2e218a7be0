/**
 * The Markdown pipeline for content bodies: raw HTML is sanitized with a GitHub-like
 * allow-list, unsafe URL schemes are removed, and external links open safely.
 */
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { RehypePlugins } from '@astrojs/markdown-remark';

/**
 * The allow-list: hast-util-sanitize's default (GitHub's), with only http(s) and mailto
 * links and http(s) images, so `javascript:`, `data:` and `vbscript:` URLs never survive.
 */
export const sanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'] },
};

const externalLinks: RehypePlugins[number] = [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], target: false }];

export const markdownRehypePlugins: RehypePlugins = [[rehypeSanitize, sanitizeSchema], externalLinks];

/**
 * MDX retrospectives are trusted code (they run at build time, like components), so they skip
 * the sanitizer, which would strip their components; external links still open safely.
 */
export const mdxRehypePlugins: RehypePlugins = [externalLinks];
