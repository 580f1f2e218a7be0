// Wiring only: build inputs, integrations and the Markdown pipeline.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { contentCheck } from './src/integrations/content-check.ts';
import { SMARTYPANTS, markdownRehypePlugins, mdxRehypePlugins } from './src/integrations/markdown.ts';
import { searchIndex } from './src/integrations/pagefind.ts';
import { staticFiles } from './src/integrations/static-files.ts';
import { readBuildInputs } from './src/loader/build-inputs.ts';

const { inputs } = readBuildInputs();

export default defineConfig({
  // Feeds and sitemaps need absolute URLs; without PORTAL_SITE they point at localhost.
  site: inputs.site ?? 'http://localhost:4321',
  base: inputs.base,
  trailingSlash: 'always',
  outDir: process.env.PORTAL_OUT_DIR || './dist',
  cacheDir: process.env.PORTAL_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  markdown: {
    // Content bodies are rendered by the loaders (renderMarkdownBody); this pipeline, with the
    // same plugins, serves any other Markdown Astro renders.
    processor: unified({ rehypePlugins: markdownRehypePlugins, smartypants: SMARTYPANTS }),
    // Shiki writes inline style attributes, which the Content-Security-Policy forbids.
    syntaxHighlight: false,
  },
  integrations: [contentCheck(), mdx({ processor: unified({ rehypePlugins: mdxRehypePlugins, smartypants: SMARTYPANTS }) }), sitemap(), staticFiles(), searchIndex()],
  vite: {
    build: {
      sourcemap: false,
      // Never inline scripts or assets: the Content-Security-Policy allows only same-origin files.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // MDX modules start with Astro's "use astro:head-inject" marker, which rolldown reports
        // as a module-level directive it may not preserve; Astro handles it, so the warning is noise.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
