/**
 * What a shard (PORTAL_SHARD=k/n) leaves beside its pages for `okr merge`: `_shard.json`
 * (src/lib/export/shard-manifest.ts) with the digests of the content and code it was built
 * from, its build inputs, the pages it rendered and the files it wrote; and the search
 * documents of its entries, which merge indexes together over the whole site (a shard's own
 * index would find only its part). Runs last in `astro:build:done`, after the derived files.
 *
 * It also keeps the pages without parameters (home, lists, search, TV, feeds, 404, robots.txt)
 * to the first shard: the other shards would render the same bytes, from the same whole
 * content, for nothing. Astro renders every route without parameters; the one way to leave
 * some out is the prerenderer, which an integration may wrap (`setPrerenderer` in
 * `astro:build:start`), so the paths it hands Astro are filtered there.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Shard } from '../lib/content/build-inputs.ts';
import { manifestInputs, SHARD_MANIFEST, SHARD_SEARCH_DOCUMENTS, WHOLE_SITE_SHARD, type ShardManifest } from '../lib/export/shard-manifest.ts';
import { i18nFor } from '../lib/i18n/index.ts';
import { searchDocuments } from '../lib/search/search-documents.ts';
import { readBuildInputs } from '../loader/build-inputs.ts';
import { bodyHtmlOf, buildModelOnce, loadContentOnce } from '../loader/content-source.ts';
import { sitePlanOnce } from '../loader/site-plan.ts';
import { stepFailed } from './build-failure.ts';

/** What decides the output besides the content: the code and the exact dependencies. */
const CODE_PATHS = ['src', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'public'];

/**
 * The shard-output integration.
 * @example integrations: [...(inputs.shard ? [shardOutput(inputs.shard)] : [])]
 */
export function shardOutput(shard: Shard): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'okr-portal:shard-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          getStaticPaths: async () => (await prerenderer.getStaticPaths()).filter(({ route }) => route.params.length > 0 || shard.index === WHOLE_SITE_SHARD),
        }));
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const model = buildModelOnce();
          const documents = { language: i18nFor(model.settings.locale).lang, documents: searchDocuments(model, bodyHtmlOf, { includes: sitePlanOnce().rendersEntry }) };
          writeFileSync(join(outDir, SHARD_SEARCH_DOCUMENTS), JSON.stringify(documents));
          const { inputs } = readBuildInputs();
          const manifest: ShardManifest = {
            format: 1,
            shard,
            content: contentDigest(inputs.contentDir, inputs.audience),
            code: codeDigest(root),
            inputs: manifestInputs(inputs),
            pages: pages.map(({ pathname }) => pathname).sort(),
            files: filesBelow(outDir).filter((file) => file !== SHARD_MANIFEST && file !== SHARD_SEARCH_DOCUMENTS),
          };
          writeFileSync(join(outDir, SHARD_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
          logger.info(`shard ${shard.index}/${shard.count}: ${manifest.pages.length} pages, ${manifest.files.length} files; join the shards with okr merge`);
        } catch (error) {
          throw stepFailed(`writing ${SHARD_MANIFEST}`, outDir, error);
        }
      },
    },
  };
}

/** sha256 of every file of the content folder, path and bytes, in the loader's order. */
function contentDigest(contentDir: string, audience: Parameters<typeof loadContentOnce>[0]['audience']): string {
  const loaded = loadContentOnce({ contentDir, audience });
  const hash = createHash('sha256');
  for (const file of loaded.files) hash.update(`${file.path}\0`).update(readFileSync(join(loaded.root, file.path))).update('\0');
  return hash.digest('hex');
}

/** sha256 of the code paths below the project root (tests included: they ship nothing, but cost nothing to hash). */
function codeDigest(root: string): string {
  const hash = createHash('sha256');
  for (const path of CODE_PATHS) {
    const full = join(root, path);
    const files = safeFilesBelow(full);
    for (const file of files ?? ['']) {
      const name = file ? `${path}/${file}` : path;
      hash.update(`${name}\0`);
      try {
        hash.update(readFileSync(file ? join(full, file) : full));
      } catch {
        hash.update('(absent)');
      }
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/** The files below a folder, or undefined when it is a file or absent. */
function safeFilesBelow(path: string): string[] | undefined {
  try {
    return filesBelow(path);
  } catch {
    return undefined;
  }
}

/** Every file below a folder, relative, `/`-separated, sorted. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
