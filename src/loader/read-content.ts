/**
 * Node side of content loading: reads the content folder from disk and runs the pure
 * pipeline (parse, validate, check references, lint, filter by audience). The `okr` CLI calls
 * it directly; the build and the dev server through content-source.ts, which memoizes it.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { filterByAudience, type Audience } from '../lib/content/audience.ts';
import type { ContentFile, ContentSet } from '../lib/content/content-set.ts';
import { lintContent } from '../lib/content/lints.ts';
import { loadContentSet } from '../lib/content/load-content.ts';
import type { ContentProblem } from '../lib/content/problems.ts';
import { checkReferences } from '../lib/content/references.ts';
import { checkRetroComponents } from '../lib/content/retro-components.ts';
import { MAX_FILE_BYTES } from '../lib/content/frontmatter.ts';
import { decodeContentText } from '../lib/content/text-encoding.ts';
import { resultMemo, type ResultCache } from './result-cache.ts';

export interface LoadedContent {
  /** Absolute content root. */
  root: string;
  /** Everything, drafts and every visibility included (for checks and the CLI). */
  all: ContentSet;
  /** What the audience may see. */
  visible: ContentSet;
  problems: ContentProblem[];
  files: ContentFile[];
}

/** Files the loader parses; any other file is listed (and warned about) but never opened. */
const PARSED_FILE_RE = /\.(?:md|mdx|csv)$/i;
const SETTINGS_FILE = 'portal.yaml';
/**
 * Opening never follows a last-component symlink (the walk resolved links already, so one
 * that appears after the check is refused) and never blocks (a FIFO put in place of a file
 * between the check and the open). Windows has neither flag; there the lstat checks stand.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The files of a content folder, and the problems of the ones that could not be read. */
export interface ContentTree {
  files: ContentFile[];
  problems: ContentProblem[];
}

/**
 * Reads every file below the content root, sorted, with `/` separators. The root is a
 * boundary: nothing outside it is read. The root itself may be a symlink (it is resolved
 * first); below it, a symlink to a file whose real path stays inside the root is read, and
 * every other symlink (leaving the root, dangling, looping, or to a folder) is an error naming
 * the link, as are FIFOs, sockets, devices, unreadable files and files that are not UTF-8 text.
 * Nothing of such a file is read or quoted.
 * @example readContentFiles('content').files[0].path // 'kpis/nps.csv'
 */
export function readContentFiles(contentDir: string, cwd: string = process.cwd()): ContentTree {
  const root = resolve(cwd, contentDir);
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
  const displayOf = (full: string): string => relative(cwd, full).split(sep).join('/') || full;
  const fail = (full: string, code: string, message: string): void => {
    problems.push({ file: displayOf(full), field: '', severity: 'error', code, message });
  };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (error) {
    fail(root, 'unreadable-folder', `cannot be read (${reasonOf(error)})`);
    return { files, problems };
  }
  const walk = (dir: string, realDir: string): void => {
    let names: string[];
    try {
      names = readdirSync(realDir).sort();
    } catch (error) {
      fail(dir, 'unreadable-folder', `cannot be read (${reasonOf(error)})`);
      return;
    }
    for (const name of names) {
      if (isSkippedName(name)) continue;
      const full = join(dir, name);
      const target = resolveEntry(join(realDir, name), realDir, realRoot);
      if ('code' in target) {
        fail(full, target.code, target.message);
        continue;
      }
      if (target.stat.isDirectory()) walk(full, target.real);
      else {
        const path = relative(root, full).split(sep).join('/');
        const parsed = path === SETTINGS_FILE || PARSED_FILE_RE.test(name);
        const read = parsed ? readContentText(target.real) : { text: '' };
        if ('code' in read) fail(full, read.code, read.message);
        else files.push({ path, displayPath: displayOf(full), text: read.text, ...(!parsed && { size: target.stat.size }) });
      }
    }
  };
  walk(root, realRoot);
  return { files, problems };
}

type Failure = { code: string; message: string };

/**
 * Names the walk never enters or reads: hidden files and folders (`.git`, `.env`, editors'
 * swap files) and `node_modules`. A link may not reach them either, or `kpis/x.csv ->
 * ../.git/config` would put a line of the repository's credentials into a message.
 */
function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether a real (symlink-free) path is the real root or lies below it. */
function isInsideRoot(real: string, realRoot: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

/** A file of the content folder that the build could not read after the check had listed it. */
export class ContentReadError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ContentReadError';
    // One line, as every other build failure: the file and the reason say all there is.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * The bytes of a file that the walk listed without reading (the branding logo), read under
 * the walk's rules once more: the file may have been swapped for a link leaving the root, a
 * FIFO or a bigger file since the check, so its real path must still lie inside the root,
 * it is opened without following a link or blocking, and it must be a regular file of at
 * most `maxBytes`. Throws ContentReadError naming the file otherwise.
 * @example readContentBytes('/srv/okrs/content', 'branding/logo.svg', MAX_LOGO_BYTES)
 */
export function readContentBytes(root: string, path: string, maxBytes: number): Uint8Array<ArrayBuffer> {
  const shown = join(root, path);
  let real: string;
  try {
    real = realpathSync(shown);
    const realRoot = realpathSync(root);
    if (!isInsideRoot(real, realRoot)) throw new ContentReadError(shown, 'is a symbolic link to a path outside the content folder, which is never read');
    if (relative(realRoot, real).split(sep).some(isSkippedName)) throw new ContentReadError(shown, 'is a symbolic link to a hidden file or folder or into node_modules, which the portal never reads');
  } catch (error) {
    if (error instanceof ContentReadError) throw error;
    throw new ContentReadError(shown, `cannot be read (${reasonOf(error)})`);
  }
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    throw new ContentReadError(shown, `cannot be read (${reasonOf(error)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ContentReadError(shown, `is ${describeKind(stat)}, not a regular file, and is never read`);
    if (stat.size > maxBytes) throw new ContentReadError(shown, `is more than ${maxBytes} bytes`);
    const bytes = readFileSync(fd);
    if (bytes.length > maxBytes) throw new ContentReadError(shown, `is more than ${maxBytes} bytes`);
    return new Uint8Array(bytes);
  } catch (error) {
    if (error instanceof ContentReadError) throw error;
    throw new ContentReadError(shown, `cannot be read (${reasonOf(error)})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * What an entry of the walk is: a folder or a regular file (with its real path), or why it
 * is not read. Symlinks are resolved with realpath and must stay inside the root.
 */
function resolveEntry(entry: string, realDir: string, realRoot: string): { real: string; stat: Stats } | Failure {
  let stat: Stats;
  try {
    stat = lstatSync(entry);
  } catch (error) {
    return { code: 'unreadable-file', message: `cannot be read (${reasonOf(error)})` };
  }
  let real = entry;
  if (stat.isSymbolicLink()) {
    try {
      real = realpathSync(entry);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return { code: 'symlink-loop', message: 'is a symbolic link that loops back to itself; replace it with the file' };
      if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'dangling-symlink', message: 'is a symbolic link to a file that does not exist; remove it or replace it with the file' };
      return { code: 'unreadable-file', message: `is a symbolic link that cannot be followed (${reasonOf(error)})` };
    }
    // The target is not named: it is not content, and a path can be a secret too.
    if (!isInsideRoot(real, realRoot)) return { code: 'symlink-outside-content', message: 'is a symbolic link to a path outside the content folder, which is never read; copy the file into the content folder instead' };
    if (relative(realRoot, real).split(sep).some(isSkippedName)) {
      return { code: 'symlink-to-skipped', message: 'is a symbolic link to a hidden file or folder or into node_modules, which the portal never reads; copy the file here instead' };
    }
    try {
      stat = statSync(real);
    } catch (error) {
      return { code: 'unreadable-file', message: `cannot be read (${reasonOf(error)})` };
    }
    if (stat.isDirectory()) {
      const loops = realDir === real || realDir.startsWith(real + sep);
      return loops
        ? { code: 'symlink-loop', message: 'is a symbolic link to a folder that contains it (a loop); remove it' }
        : { code: 'folder-symlink', message: 'is a symbolic link to a folder; below the content folder only links to files are followed, so move the folder here instead' };
    }
  }
  if (stat.isDirectory() || stat.isFile()) return { real, stat };
  return { code: 'not-a-file', message: `is ${describeKind(stat)}, not a regular file, and is never opened; remove it` };
}

/** A regular file's text, opened without following links or blocking, or why it cannot be. */
function readContentText(real: string): { text: string } | Failure {
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return { code: 'unreadable-file', message: `cannot be read (${reasonOf(error)})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { code: 'not-a-file', message: `is ${describeKind(stat)}, not a regular file, and is never opened; remove it` };
    // Oversized files are not read at all; the parser reports them by their length.
    if (stat.size > MAX_FILE_BYTES) return { text: ' '.repeat(MAX_FILE_BYTES + 1) };
    const bytes = readFileSync(fd);
    // A file that grew after fstat (or reports no size) is held to the same limit.
    if (bytes.length > MAX_FILE_BYTES) return { text: ' '.repeat(MAX_FILE_BYTES + 1) };
    const decoded = decodeContentText(bytes);
    return decoded.problem ?? { text: decoded.text };
  } catch (error) {
    return { code: 'unreadable-file', message: `cannot be read (${reasonOf(error)})` };
  } finally {
    closeSync(fd);
  }
}

function describeKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a file or folder';
}

/** `permission denied`, `EIO`: the error's kind, never its message (which names other paths). */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  return code ?? 'unknown error';
}

/**
 * Loads, checks and filters a content folder. Never throws for bad content. With `results`
 * (a build's cache folder), a file whose text, path and settings are those of an earlier
 * build gets that build's entry and problems instead of being parsed and validated again;
 * the checks across files run on every load.
 * @example const { visible, problems } = loadContent({ contentDir: 'content', audience: 'public' })
 */
export function loadContent(options: { contentDir: string; audience: Audience; cwd?: string; results?: ResultCache | undefined }): LoadedContent {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.contentDir);
  let exists = false;
  try {
    exists = statSync(root).isDirectory();
  } catch {
    exists = false;
  }
  if (!exists) {
    const { content } = loadContentSet([]);
    return {
      root,
      all: content,
      visible: content,
      files: [],
      problems: [{ file: relative(cwd, root) || root, field: '', severity: 'error', code: 'no-content', message: 'content folder does not exist (set PORTAL_CONTENT_DIR or create content/)' }],
    };
  }
  const { files, problems: fileProblems } = readContentFiles(root, cwd);
  const memo = resultMemo(options.results, 'content-entries');
  const { content, problems } = loadContentSet(files, (material, compute) => memo.result(material, compute));
  memo.save();
  problems.unshift(...fileProblems);
  problems.push(...checkReferences(content), ...checkRetroComponents(content, files), ...lintContent(content));
  return { root, all: content, visible: filterByAudience(content, options.audience), problems, files };
}
