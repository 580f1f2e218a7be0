/**
 * The build inputs of this process: environment variables, with today's UTC date as the
 * default as-of date (the only clock read of the portal), and the checks that need the file
 * system: where the build may write.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { buildFolderProblems, parseBuildInputs, type BuildInputs, type GuardedFolder } from '../lib/content/build-inputs.ts';
import type { ContentProblem } from '../lib/content/problems.ts';

/**
 * Build inputs from `process.env`, with the output and cache folders resolved against `cwd`
 * (the project root). Without PORTAL_CACHE_DIR each build gets its own cache folder, keyed by
 * its audience and output folder, so that builds never read each other's data store.
 * @example readBuildInputs().inputs.asOf
 */
export function readBuildInputs(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): { inputs: BuildInputs; problems: ContentProblem[] } {
  const { inputs, problems } = parseBuildInputs(env, new Date().toISOString().slice(0, 10));
  const outDir = resolve(cwd, inputs.outDir);
  // A shard's cache is its own: its pages differ from the other shards' and from a whole build's.
  const shard = inputs.shard ? `\0${inputs.shard.index}/${inputs.shard.count}` : '';
  const key = createHash('sha256').update(`${inputs.audience}\0${outDir}${shard}`).digest('hex').slice(0, 12);
  const cacheDir = inputs.cacheDir ? resolve(cwd, inputs.cacheDir) : join(cwd, 'node_modules/.astro/okr-portal', `${inputs.audience}-${key}`);
  return { inputs: { ...inputs, outDir, cacheDir }, problems };
}

/**
 * Problems of the folders a build writes (PORTAL_OUT_DIR, PORTAL_CACHE_DIR): each must keep
 * clear of the content folder, `src/`, `public/` and the project root (see
 * buildFolderProblems), the cache must keep clear of the output (it would be published),
 * and each must be a folder or creatable as one. Symlinks are resolved first, so a link to
 * the content folder is the content folder. Reads the file system, writes nothing.
 * @example checkBuildFolders(readBuildInputs().inputs) // []
 */
export function checkBuildFolders(inputs: BuildInputs, cwd = process.cwd()): ContentProblem[] {
  const root = realPath(cwd);
  const outDir = realPath(resolve(cwd, inputs.outDir));
  const cacheDir = realPath(resolve(cwd, inputs.cacheDir ?? 'node_modules/.astro'));
  const guarded: GuardedFolder[] = [
    { name: 'the content folder', path: realPath(resolve(cwd, inputs.contentDir)) },
    { name: 'the source folder', path: realPath(join(cwd, 'src')) },
    { name: 'the public folder', path: realPath(join(cwd, 'public')) },
    { name: 'the project root', path: root, insideAllowed: true },
  ];
  const problems = buildFolderProblems([{ variable: 'PORTAL_OUT_DIR', path: outDir }], guarded);
  // Against the output folder only once that is itself acceptable: one problem, one line.
  const cacheGuarded = problems.length === 0 ? [...guarded, { name: 'the output folder', path: outDir }] : guarded;
  problems.push(...buildFolderProblems([{ variable: 'PORTAL_CACHE_DIR', path: cacheDir }], cacheGuarded));
  for (const [variable, path] of [['PORTAL_OUT_DIR', outDir], ['PORTAL_CACHE_DIR', cacheDir]] as const) {
    if (problems.some((problem) => problem.field === variable)) continue;
    const why = uncreatable(path);
    if (why) problems.push({ file: 'environment', field: variable, message: `${why}; expected a folder the build can create or write to`, severity: 'error', code: 'build-input' });
  }
  if (!problems.some((problem) => problem.field === 'PORTAL_OUT_DIR')) {
    const foreign = foreignFolder(outDir);
    if (foreign) problems.push({ file: 'environment', field: 'PORTAL_OUT_DIR', message: foreign, severity: 'error', code: 'build-input' });
  }
  return problems;
}

/**
 * What an earlier build leaves in its output folder: Astro's assets, the home page, a
 * shard's manifest, and the portal's own files, which a build that failed midway may have
 * written alone. Astro empties the output folder before it writes (every file, `.git`
 * included), so a folder with other files would be lost: `scripts/`, `node_modules/`, `/tmp`.
 */
const BUILD_OUTPUT_SIGNS = ['_astro', 'index.html', '_shard.json', 'badges', 'pagefind'];

/** Why an existing, non-empty folder is not a build's output, or undefined if it may be emptied. */
function foreignFolder(path: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(path);
  } catch {
    return undefined;
  }
  if (names.length === 0 || names.some((name) => BUILD_OUTPUT_SIGNS.includes(name))) return undefined;
  return `${path} holds files that no build wrote (no ${BUILD_OUTPUT_SIGNS.join(', ')}), and a build first deletes everything in its output folder; use an empty or new folder, such as ./dist`;
}

/** The path with symlinks of its existing part resolved, `/`-separated (for buildFolderProblems). */
function realPath(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (true) {
    try {
      existing = realpathSync.native(existing);
      break;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) break;
      rest.unshift(existing.slice(parent.length).replace(/^[\\/]/, ''));
      existing = parent;
    }
  }
  return join(existing, ...rest).split(sep).join('/').replace(/(?<=.)\/$/, '');
}

/** Why a folder could not be created or written, or undefined if it can. */
function uncreatable(path: string): string | undefined {
  let existing = path;
  while (!exists(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return `${path} cannot be created`;
    existing = parent;
  }
  if (!statSync(existing).isDirectory()) return existing === path ? `${path} is a file, not a folder` : `${existing} is a file, so ${path} cannot be created`;
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    return `${existing} is not writable`;
  }
  return undefined;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
