/**
 * The plain-Astro baseline of the benchmark: a minimal separate Astro project whose only
 * collection is a glob() loader over the SAME objective files, with one minimal page per
 * objective (title, period, key result titles, rendered Markdown body). It links the
 * portal's node_modules, so both builds use the same Astro.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const CONFIG = `import { defineConfig } from 'astro/config';
export default defineConfig({
  outDir: './dist',
  cacheDir: './.cache',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
`;

const CONTENT_CONFIG = (objectivesDir: string): string => `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  objectives: defineCollection({
    loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(objectivesDir)} }),
    schema: z.looseObject({
      title: z.string(),
      period: z.string(),
      key_results: z.array(z.looseObject({ id: z.string(), title: z.string() })),
    }),
  }),
};
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const objectives = await getCollection('objectives');
  return objectives.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>{entry.data.title}</title></head>
  <body>
    <h1>{entry.data.title}</h1>
    <p>{entry.data.period}</p>
    <ul>{entry.data.key_results.map((kr) => <li>{kr.title}</li>)}</ul>
    <Content />
  </body>
</html>
`;

/**
 * Writes the baseline project into `root` (which must not exist or be empty).
 * @example createBaselineProject('/tmp/bench/baseline', '/tmp/bench/content/objectives', '/work/main/node_modules');
 */
export function createBaselineProject(root: string, objectivesDir: string, nodeModules: string): void {
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('package.json', JSON.stringify({ name: 'okr-portal-bench-baseline', private: true, type: 'module' }, null, 2));
  write('astro.config.mjs', CONFIG);
  write('src/content.config.ts', CONTENT_CONFIG(objectivesDir));
  write('src/pages/objectives/[...id].astro', PAGE);
  symlinkSync(nodeModules, join(root, 'node_modules'), 'dir');
}
