/**
 * Reads the timelines of content files from git with two processes for the whole build:
 * one `git log --raw` for the commits that touched the objectives or portal.yaml, one
 * `git cat-file --batch` for the blobs. Parsed blobs are cached by blob id in the cache
 * folder, so a rebuild only reads what changed. Without git, outside a repository or in a
 * shallow clone, it returns what it can find, possibly nothing, and never fails the build.
 *
 * The content root is the boundary: git runs in it, every path is limited to it
 * (`--relative`, literal pathspecs), and repository or environment settings that would run
 * programs or change the output (pagers, fsmonitor, signatures, colours, GIT_DIR) are off.
 * git's own messages are never printed: they can quote paths of hidden files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { entryAtRevision, settingsAtRevision, type EntryAtRevision, type SettingsAtRevision, type TimelineRevision } from '../lib/model/history.ts';

const SETTINGS_PATH = 'portal.yaml';
/** Bump when the cached shape changes, so that an old cache is not misread. */
const CACHE_FILE = 'okr-portal-history-v2.json';
const HASH_RE = /^[0-9a-f]{40,64}$/;
const RAW_RE = /^\n?:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/;
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

/** Global options that keep repository configuration from running programs or reshaping output. */
const SAFE_OPTIONS = [
  '--no-pager',
  '--literal-pathspecs',
  '--no-replace-objects',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.quotePath=false',
  '-c', 'color.ui=false',
  '-c', 'log.showSignature=false',
  '-c', 'i18n.logOutputEncoding=UTF-8',
];

/** The environment without GIT_* variables that could point git at another repository or config. */
function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', GIT_PAGER: 'cat', LC_ALL: 'C' };
}

function git(cwd: string, args: string[], input?: string): Buffer | undefined {
  try {
    const result = spawnSync('git', [...SAFE_OPTIONS, ...args], { cwd, input, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
    return result.status === 0 ? result.stdout : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The git top-level folder of a path, or undefined outside a repository or without git.
 * @example gitTopLevel('content') // '/work/main'
 */
export function gitTopLevel(path: string): string | undefined {
  return git(path, ['rev-parse', '--show-toplevel'])?.toString('utf8').trim() || undefined;
}

interface Change {
  path: string;
  /** Undefined when the commit deleted the file. */
  blob: string | undefined;
  mode: string;
}

interface Commit {
  commit: string;
  date: string;
  author: string;
  subject: string;
  changes: Change[];
}

/**
 * The timeline of each of `paths` (below `contentRoot`, `/` separators), oldest first: one
 * revision per first-parent commit that changed the file or portal.yaml. First-parent
 * history is what the checked-out branch went through; states that only existed on merged
 * branches were never built. Paths without history are missing from the map.
 * @example readTimelines('/repo/content', ['objectives/2026-Q3/a.md'], '/repo/node_modules/.astro')
 */
export function readTimelines(contentRoot: string, paths: readonly string[], cacheDir: string): Map<string, TimelineRevision[]> {
  const timelines = new Map<string, TimelineRevision[]>();
  const wanted = new Set(paths);
  if (wanted.size === 0) return timelines;
  const folders = [...new Set(paths.map((path) => path.split('/')[0]!))];
  const log = git(contentRoot, [
    'log', '--first-parent', '--diff-merges=first-parent', '--no-renames', '--raw', '-z', '--no-abbrev', '--relative',
    '--no-color', '--no-show-signature', '--no-ext-diff', '--no-textconv', '--date=short', '--format=%H%x00%ad%x00%an%x00%s',
    '--', ...folders, SETTINGS_PATH,
  ]);
  if (!log) return timelines;
  const commits = parseLog(log.toString('utf8')).reverse();
  // Only the blobs of the wanted files and of portal.yaml are read, never those of other files.
  const requests = new Map<string, BlobKind>();
  for (const { changes } of commits) {
    for (const change of changes) {
      if (!change.blob || !REGULAR_FILE_MODES.has(change.mode)) continue;
      if (change.path === SETTINGS_PATH) requests.set(`settings:${change.blob}`, 'settings');
      else if (wanted.has(change.path)) requests.set(`entry:${change.blob}`, 'entry');
    }
  }
  const parsed = readBlobs(contentRoot, requests, cacheDir);

  const current = new Map<string, Change>();
  let settings: SettingsAtRevision = settingsAtRevision(undefined);
  for (const commit of commits) {
    const touched = new Set<string>();
    let settingsChanged = false;
    for (const change of commit.changes) {
      if (change.path === SETTINGS_PATH) {
        settingsChanged = true;
        settings = !change.blob ? settingsAtRevision(undefined) : REGULAR_FILE_MODES.has(change.mode) ? ((parsed.get(`settings:${change.blob}`) as SettingsAtRevision | undefined) ?? { valid: false }) : { valid: false };
        continue;
      }
      if (!wanted.has(change.path)) continue;
      touched.add(change.path);
      if (change.blob) current.set(change.path, change);
      else current.delete(change.path);
    }
    // A new default visibility changes what every entry without its own visibility shows.
    const affected = settingsChanged ? new Set([...touched, ...current.keys()]) : touched;
    for (const path of affected) {
      const file = current.get(path);
      const entry: EntryAtRevision | undefined = !file ? undefined : REGULAR_FILE_MODES.has(file.mode) ? ((parsed.get(`entry:${file.blob}`) as EntryAtRevision | undefined) ?? { valid: false }) : { valid: false };
      const list = timelines.get(path) ?? [];
      list.push({ commit: commit.commit, date: commit.date, author: commit.author, subject: commit.subject, entry, settings });
      timelines.set(path, list);
    }
  }
  return timelines;
}

/**
 * Commits of `git log -z --raw` with the format `%H%x00%ad%x00%an%x00%s`, newest first. Fields
 * are NUL-separated and read by position, so no subject or path can forge a record (git
 * allows no NUL in either).
 */
function parseLog(output: string): Commit[] {
  const tokens = output.split('\0');
  const commits: Commit[] = [];
  let index = 0;
  while (index < tokens.length) {
    const hash = tokens[index]!.replace(/^\n/, '');
    if (!HASH_RE.test(hash)) {
      index++;
      continue;
    }
    const commit: Commit = { commit: hash, date: tokens[index + 1] ?? '', author: tokens[index + 2] ?? '', subject: tokens[index + 3] ?? '', changes: [] };
    index += 4;
    for (let raw = RAW_RE.exec(tokens[index] ?? ''); raw; raw = RAW_RE.exec(tokens[index] ?? '')) {
      const [, , mode, , blob, status] = raw;
      const path = tokens[index + 1] ?? '';
      commit.changes.push({ path, mode: mode!, blob: status === 'D' || /^0+$/.test(blob!) ? undefined : blob });
      index += 2;
    }
    commits.push(commit);
  }
  return commits;
}

type BlobKind = 'entry' | 'settings';
type ParsedBlob = EntryAtRevision | SettingsAtRevision;

/** Parsed blobs by `<kind>:<blob id>`; a blob git cannot give is missing (and so invalid). */
function readBlobs(contentRoot: string, requests: ReadonlyMap<string, BlobKind>, cacheDir: string): Map<string, ParsedBlob> {
  const cacheFile = join(cacheDir, CACHE_FILE);
  let cache: Record<string, ParsedBlob> = {};
  try {
    cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, ParsedBlob>;
  } catch {
    cache = {};
  }
  const missing = [...requests].filter(([key]) => !(key in cache));
  if (missing.length > 0) {
    const output = git(contentRoot, ['cat-file', '--batch'], `${missing.map(([key]) => key.slice(key.indexOf(':') + 1)).join('\n')}\n`);
    if (output) {
      let offset = 0;
      for (const [key, kind] of missing) {
        const headerEnd = output.indexOf(10, offset);
        if (headerEnd === -1) break;
        const [, type, size] = output.subarray(offset, headerEnd).toString('utf8').split(' ');
        if (type !== 'blob') {
          offset = headerEnd + 1;
          continue;
        }
        const end = headerEnd + 1 + Number(size);
        const bytes = output.subarray(headerEnd + 1, end);
        cache[key] = kind === 'entry' ? entryAtRevision(bytes) : settingsAtRevision(bytes);
        offset = end + 1;
      }
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        writeFileSync(cacheFile, JSON.stringify(cache));
      } catch {
        // A read-only cache folder only costs time on the next build.
      }
    }
  }
  const parsed = new Map<string, ParsedBlob>();
  for (const key of requests.keys()) if (cache[key]) parsed.set(key, cache[key]);
  return parsed;
}
