/**
 * `okr merge`: joins the output folders of a sharded build (PORTAL_SHARD=k/n) into one site
 * that equals a single build: checks from each `_shard.json` that the shards are the n parts
 * of one build, copies their files (a file two shards both wrote, such as a bundled script or
 * stylesheet, must be byte-identical; pages and derived files each come from one shard), and
 * writes what spans the site, the sitemap and the search index over every shard's search
 * documents, with the same code a single build uses for them.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { parseShardManifest, SHARD_MANIFEST, SHARD_SEARCH_DOCUMENTS, shardMismatches, type ShardPart } from '../../src/lib/export/shard-manifest.ts';
import { sortDocuments, type SearchDocument } from '../../src/lib/search/search-documents.ts';
import { indexDocuments, type IndexSummary } from '../../src/loader/search-index.ts';
import { writeSiteMap } from '../../src/loader/site-map.ts';
import { ContentError, UsageError } from './errors.ts';

/** What a merge did. */
export interface MergeSummary {
  shards: number;
  /** Files copied from the shards (each once). */
  files: number;
  /** Whether a sitemap was written (only with PORTAL_SITE). */
  sitemap: boolean;
  index: IndexSummary;
}

/** Most files reported when shards disagree about them: beyond a few, the cause is one. */
const MAX_REPORTED_FILES = 10;

/**
 * Merges shard output folders into `outDir` (emptied first). Throws a UsageError for wrong
 * folders and a ContentError, one line per difference, for shards that are not one build.
 * @example await mergeShards(['dist-1', 'dist-2'], 'dist', console.log)
 */
export async function mergeShards(folders: readonly string[], outDir: string, log: (line: string) => void): Promise<MergeSummary> {
  const out = resolve(outDir);
  const parts = readParts(folders, out);
  const mismatches = shardMismatches(parts);
  if (mismatches.length > 0) throw new ContentError(refusal(mismatches));
  parts.sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);
  prepareOutput(out, outDir);
  const files = copyShardFiles(parts, out);
  const { inputs } = parts[0]!.manifest;
  const site = inputs.PORTAL_SITE;
  if (site) {
    const pages = [...new Set(parts.flatMap(({ manifest }) => manifest.pages))].sort();
    await writeSiteMap(out, { site, base: inputs.PORTAL_BASE ?? '/', pages }, mergeLogger(log));
  }
  // Each shard made the documents of its own entries; together, in the single build's order, they are its documents.
  const searches = parts.map(({ folder }) => JSON.parse(readFileSync(join(folder, SHARD_SEARCH_DOCUMENTS), 'utf8')) as { language: string; documents: SearchDocument[] });
  const index = await indexDocuments(out, sortDocuments(searches.flatMap((search) => search.documents)), searches[0]!.language);
  return { shards: parts.length, files, sitemap: Boolean(site), index };
}

/** The manifests of the folders; a folder without one is a usage error, named. */
function readParts(folders: readonly string[], out: string): ShardPart[] {
  const problems: string[] = [];
  const parts: ShardPart[] = [];
  for (const folder of folders) {
    const path = resolve(folder);
    if (path === out || isInside(out, path) || isInside(path, out)) {
      problems.push(`--out ${relative(process.cwd(), out) || '.'} overlaps the shard folder ${folder}; merge into a folder of its own`);
      continue;
    }
    const manifestPath = join(path, SHARD_MANIFEST);
    if (!existsSync(manifestPath)) {
      problems.push(`${folder} has no ${SHARD_MANIFEST}: it is not the output folder of a build with PORTAL_SHARD=k/n`);
      continue;
    }
    const parsed = parseShardManifest(readFileSync(manifestPath, 'utf8'), folder);
    if ('problem' in parsed) problems.push(parsed.problem);
    else if (!existsSync(join(path, SHARD_SEARCH_DOCUMENTS))) problems.push(`${folder} has no ${SHARD_SEARCH_DOCUMENTS}: build shard ${parsed.manifest.shard.index}/${parsed.manifest.shard.count} again`);
    else parts.push({ folder: path === resolve(folder) ? folder : path, manifest: parsed.manifest });
  }
  if (problems.length > 0) throw new UsageError(refusal(problems));
  return parts;
}

/** Empties the output folder, as Astro does, unless it holds something other than a site. */
function prepareOutput(out: string, given: string): void {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UsageError(`--out ${given} is a file; give a folder`);
    const names = readdirSync(out);
    if (names.length > 0 && !names.includes('index.html') && !names.includes('_astro')) {
      throw new UsageError(`--out ${given} holds files that are not a built site; give a new or empty folder, or an earlier merge`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

/**
 * Copies every shard's files into `out`, in shard order; a file that an earlier shard wrote
 * too must have the same bytes (else the shards were not built alike, and the merge stops).
 */
function copyShardFiles(parts: readonly ShardPart[], out: string): number {
  const from = new Map<string, number>();
  const made = new Set<string>();
  const differing: string[] = [];
  for (const { folder, manifest } of parts) {
    for (const file of manifest.files) {
      const source = join(folder, file);
      const target = join(out, file);
      const earlier = from.get(file);
      if (earlier !== undefined) {
        if (!readFileSync(source).equals(readFileSync(target))) differing.push(`${file} differs between shard ${earlier} and shard ${manifest.shard.index}`);
        continue;
      }
      const parent = dirname(target);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      copyFileSync(source, target);
      from.set(file, manifest.shard.index);
    }
  }
  if (differing.length > 0) {
    const shown = differing.slice(0, MAX_REPORTED_FILES);
    if (differing.length > shown.length) shown.push(`and ${differing.length - shown.length} more files`);
    rmSync(out, { recursive: true, force: true });
    throw new ContentError(refusal([...shown, 'the shards were not built alike: build them again from the same commit and inputs']));
  }
  return from.size;
}

function refusal(lines: readonly string[]): string {
  return `cannot merge the shards:\n${lines.map((line) => `  ${line}`).join('\n')}`;
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The little of Astro's logger that the sitemap integration uses, printing through `log`. */
function mergeLogger(log: (line: string) => void): AstroIntegrationLogger {
  const logger = {
    options: {},
    label: 'okr merge',
    // Its one info line names the folder, which the merge's own summary does.
    info: () => {},
    warn: (message: string) => log(`warning: ${message}`),
    error: (message: string) => log(`error: ${message}`),
    debug: () => {},
    fork: () => logger,
  };
  return logger as unknown as AstroIntegrationLogger;
}
