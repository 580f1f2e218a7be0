// Wiring only: build inputs, integrations and the Markdown pipeline.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { contentCheck } from './src/integrations/content-check.ts';
import { SMARTYPANTS, mdxRehypePlugins } from './src/loader/markdown.ts';
import { feeds } from './src/integrations/feeds.ts';
import { searchIndex } from './src/integrations/pagefind.ts';
import { staticFiles } from './src/integrations/static-files.ts';
import { readBuildInputs } from './src/loader/build-inputs.ts';
import { siteMap } from './src/loader/site-map.ts';
import { shardOutput } from './src/integrations/shard-output.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Read here, validated by the content check in astro:config:setup, before Astro writes
// anything: a bad value only reaches Astro's config schema, never the file system.
const { inputs } = readBuildInputs();

// The config's own fingerprint goes into every page's cache key (src/portal.ts): Astro keeps
// cached pages when only this file changes, and such pages linked a script that the new build
// no longer wrote (seen when a rolldown option changed the chart bundle's name).
const CONFIG_FINGERPRINT = createHash('sha256').update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 16);

export default defineConfig({
  // Feeds, the sitemap and embed snippets need absolute URLs: without PORTAL_SITE they are
  // left out (src/integrations/feeds.ts), never pointed at localhost.
  site: inputs.site,
  base: inputs.base,
  trailingSlash: 'always',
  outDir: inputs.outDir,
  // One cache per audience and output folder (src/loader/build-inputs.ts).
  cacheDir: inputs.cacheDir,
  // build.concurrency stays 1: above it Astro turns incremental builds off.
  build: { format: 'directory', inlineStylesheets: 'never' },
  experimental: {
    // Objective, KPI, team and person pages carry a cacheKey (src/lib/model/page-keys.ts):
    // unchanged ones are copied from <cacheDir>/dist/ instead of rendered. `astro build
    // --force` renders everything. The other pages render on every build.
    incrementalBuild: true,
  },
  devToolbar: { enabled: false },
  markdown: {
    // No Markdown reaches Astro's own Markdown pipeline: content bodies are rendered by the
    // loaders (renderMarkdownBody in src/loader/markdown.ts) and MDX retrospectives by the
    // MDX pipeline below. Shiki writes inline style attributes, which the
    // Content-Security-Policy forbids, should a Markdown page ever be added.
    syntaxHighlight: false,
  },
  integrations: [
    contentCheck(),
    mdx({ processor: unified({ rehypePlugins: mdxRehypePlugins, smartypants: SMARTYPANTS }) }),
    // A shard (PORTAL_SHARD) leaves what spans the whole site, the sitemap and the search
    // index, to `okr merge`, and writes what merge needs for them (src/integrations/shard-output.ts).
    ...(inputs.site && !inputs.shard ? [siteMap({ base: inputs.base })] : []),
    feeds({ site: inputs.site }),
    // The badges, embeds and KPI CSVs: a shard writes those of its entities (src/loader/site-plan.ts).
    staticFiles(),
    ...(inputs.shard ? [shardOutput(inputs.shard)] : [searchIndex()]),
  ],
  vite: {
    define: { __OKR_PORTAL_CONFIG__: JSON.stringify(CONFIG_FINGERPRINT) },
    // Vite's own cache (node_modules/.vite by default) belongs to the build, like Astro's.
    cacheDir: `${inputs.cacheDir}/vite`,
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
