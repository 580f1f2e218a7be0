/**
 * The manifest of a shard (`_shard.json`, written by src/integrations/shard-output.ts): what
 * it was built from and what it wrote, so that `okr merge` joins only parts of one build and
 * can say, one line per difference, why it refuses others.
 */
import type { BuildInputs, Shard } from '../content/build-inputs.ts';

/** The manifest's file name, at the top of a shard's output folder. */
export const SHARD_MANIFEST = '_shard.json';
/** The search documents of a shard's entries, which it hands to `okr merge`. */
export const SHARD_SEARCH_DOCUMENTS = '_shard-search.json';
/** The shard that renders the pages without parameters (src/integrations/shard-output.ts). */
export const WHOLE_SITE_SHARD = 1;
const FORMAT = 1;

export interface ShardManifest {
  format: typeof FORMAT;
  shard: Shard;
  /** sha256 of the content folder's files (paths and bytes). */
  content: string;
  /** sha256 of the portal's code and dependencies (src/, astro.config.mjs, package files). */
  code: string;
  /** The build inputs that shape the output, by variable; PORTAL_SHARD and the folders left out. */
  inputs: Record<string, string>;
  /** The pathnames of the pages and endpoints Astro rendered, as its `astro:build:done` reports them. */
  pages: string[];
  /** Every file the shard wrote, below its output folder, `/`-separated, sorted. */
  files: string[];
}

/**
 * The inputs a manifest records, as text by variable: all that decide the bytes of a page.
 * The content and output folders' paths are not among them (the content digest stands for the content).
 * @example manifestInputs(inputs).PORTAL_AS_OF // '2026-11-23'
 */
export function manifestInputs(inputs: BuildInputs): Record<string, string> {
  const details = Object.entries(inputs.historyDetails).flatMap(([detail, on]) => (on ? [detail] : []));
  return {
    PORTAL_AUDIENCE: inputs.audience,
    PORTAL_AS_OF: inputs.asOf,
    PORTAL_SITE: inputs.site ?? '',
    PORTAL_BASE: inputs.base,
    PORTAL_REPO_URL: inputs.repoUrl ?? '',
    PORTAL_REPO_BRANCH: inputs.repoBranch,
    PORTAL_HISTORY: inputs.history ? 'on' : 'off',
    PORTAL_HISTORY_DETAILS: details.join(',') || 'none',
    PORTAL_SNAPSHOTS: inputs.snapshots ? 'on' : 'off',
  };
}

/**
 * Reads a manifest, or says in one line why it cannot be used.
 * @example parseShardManifest('{}', 'dist-1') // { problem: 'dist-1/_shard.json: not a shard manifest of this portal (...)' }
 */
export function parseShardManifest(text: string, folder: string): { manifest: ShardManifest } | { problem: string } {
  const where = `${folder}/${SHARD_MANIFEST}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: `${where}: not JSON; build the shard again` };
  }
  const manifest = value as Partial<ShardManifest>;
  const isText = (field: unknown): boolean => typeof field === 'string';
  const isTextList = (field: unknown): boolean => Array.isArray(field) && field.every(isText);
  const shard = manifest.shard;
  const valid =
    manifest.format === FORMAT &&
    typeof shard?.index === 'number' &&
    typeof shard.count === 'number' &&
    isText(manifest.content) &&
    isText(manifest.code) &&
    typeof manifest.inputs === 'object' &&
    manifest.inputs !== null &&
    Object.values(manifest.inputs).every(isText) &&
    isTextList(manifest.pages) &&
    isTextList(manifest.files);
  if (!valid) return { problem: `${where}: not a shard manifest of this portal (format ${FORMAT}); build the shard again with this version` };
  return { manifest: manifest as ShardManifest };
}

/** A shard's manifest and the folder it was read from. */
export interface ShardPart {
  folder: string;
  manifest: ShardManifest;
}

/**
 * Why a set of shards cannot be merged, one line per difference: against the first shard,
 * other content, code, inputs or shard count; then each shard missing or given twice.
 * Empty when they are the n parts of one build.
 * @example shardMismatches([{ folder: 'a', manifest: m1 }, { folder: 'b', manifest: { ...m2, code: 'x' } }])
 * // ['b was built from other code than a (code x, not 5f3c…); build every shard from the same commit']
 */
export function shardMismatches(parts: readonly ShardPart[]): string[] {
  const [first, ...others] = parts;
  if (!first) return ['no shards given'];
  const lines: string[] = [];
  const short = (digest: string): string => digest.slice(0, 12);
  for (const { folder, manifest } of others) {
    if (manifest.content !== first.manifest.content) lines.push(`${folder} was built from other content than ${first.folder} (content ${short(manifest.content)}, not ${short(first.manifest.content)}); build every shard from the same commit`);
    if (manifest.code !== first.manifest.code) lines.push(`${folder} was built from other code than ${first.folder} (code ${short(manifest.code)}, not ${short(first.manifest.code)}); build every shard from the same commit`);
    const variables = [...new Set([...Object.keys(first.manifest.inputs), ...Object.keys(manifest.inputs)])].sort();
    for (const variable of variables) {
      const [theirs, ours] = [manifest.inputs[variable], first.manifest.inputs[variable]];
      if (theirs !== ours) lines.push(`${folder} was built with ${variable}=${JSON.stringify(theirs ?? '')}, ${first.folder} with ${variable}=${JSON.stringify(ours ?? '')}; give every shard the same build inputs`);
    }
    if (manifest.shard.count !== first.manifest.shard.count) lines.push(`${folder} is shard ${manifest.shard.index}/${manifest.shard.count}, ${first.folder} shard ${first.manifest.shard.index}/${first.manifest.shard.count}: one build has one number of shards`);
  }
  const { count } = first.manifest.shard;
  for (let index = 1; index <= count; index++) {
    const given = parts.filter(({ manifest }) => manifest.shard.index === index && manifest.shard.count === count);
    if (given.length === 0) lines.push(`shard ${index}/${count} is missing; give the output folders of all ${count} shards`);
    if (given.length > 1) lines.push(`shard ${index}/${count} is given ${given.length} times (${given.map(({ folder }) => folder).join(', ')})`);
  }
  return lines;
}
