/**
 * Reads the revisions of content files from git with two processes for the whole build:
 * one `git log --raw` for the commits that touched each file, one `git cat-file --batch` for
 * the blobs. Parsed blobs are cached by blob id in the cache folder, so a rebuild only reads
 * what changed. Without git, outside a repository or in a shallow clone, it returns what it
 * can find, possibly nothing, and never fails the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { snapshotKeyResults, type KeyResultSnapshot, type Revision } from '../lib/history.ts';

const RECORD = '\u001e';
const FIELD = '\u001f';

interface RawRevision {
  commit: string;
  date: string;
  author: string;
  subject: string;
  blob: string;
}

function git(cwd: string, args: string[], input?: string): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', input, maxBuffer: 1024 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/**
 * The git top-level folder of a path, or undefined outside a repository or without git.
 * @example gitTopLevel('content') // '/work/main'
 */
export function gitTopLevel(path: string): string | undefined {
  return git(path, ['rev-parse', '--show-toplevel'])?.trim() || undefined;
}

/**
 * Revisions of the files below `folder` (absolute), keyed by path relative to `contentRoot`
 * with `/` separators, newest first.
 * @example readRevisions('/repo/content', '/repo/content/objectives', '/repo/node_modules/.astro')
 */
export function readRevisions(contentRoot: string, folder: string, cacheDir: string): Map<string, Revision[]> {
  const revisions = new Map<string, Revision[]>();
  if (!existsSync(folder)) return revisions;
  const top = gitTopLevel(folder);
  if (!top) return revisions;
  const log = git(top, ['log', `--format=${RECORD}%H${FIELD}%ad${FIELD}%an${FIELD}%s`, '--date=short', '--raw', '--no-abbrev', '--no-renames', '--', relative(top, folder) || '.']);
  if (!log) return revisions;
  const raw = new Map<string, RawRevision[]>();
  for (const record of log.split(RECORD).slice(1)) {
    const [header = '', ...lines] = record.split('\n');
    const [commit = '', date = '', author = '', subject = ''] = header.split(FIELD);
    for (const line of lines) {
      const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [AM]\t(.+)$/.exec(line);
      if (!match) continue;
      const path = relative(contentRoot, resolve(top, match[2]!)).split(sep).join('/');
      raw.set(path, [...(raw.get(path) ?? []), { commit, date, author, subject, blob: match[1]! }]);
    }
  }
  const snapshots = readSnapshots(top, [...new Set([...raw.values()].flat().map((revision) => revision.blob))], cacheDir);
  for (const [path, list] of raw) {
    revisions.set(
      path,
      list.map(({ blob, ...revision }) => ({ ...revision, keyResults: snapshots.get(blob) ?? {} })),
    );
  }
  return revisions;
}

function readSnapshots(top: string, blobs: string[], cacheDir: string): Map<string, KeyResultSnapshot> {
  const cacheFile = join(cacheDir, 'okr-portal-history.json');
  let cache: Record<string, KeyResultSnapshot> = {};
  try {
    cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, KeyResultSnapshot>;
  } catch {
    cache = {};
  }
  const missing = blobs.filter((blob) => !(blob in cache));
  if (missing.length > 0) {
    const result = spawnSync('git', ['cat-file', '--batch'], { cwd: top, input: `${missing.join('\n')}\n`, maxBuffer: 1024 * 1024 * 1024 });
    if (result.status === 0) {
      const output = result.stdout;
      let offset = 0;
      for (const blob of missing) {
        const headerEnd = output.indexOf(10, offset);
        if (headerEnd === -1) break;
        const [, type, size] = output.subarray(offset, headerEnd).toString('utf8').split(' ');
        if (type !== 'blob') {
          offset = headerEnd + 1;
          continue;
        }
        const end = headerEnd + 1 + Number(size);
        cache[blob] = snapshotKeyResults(output.subarray(headerEnd + 1, end).toString('utf8'));
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
  return new Map(blobs.map((blob) => [blob, cache[blob] ?? {}]));
}
