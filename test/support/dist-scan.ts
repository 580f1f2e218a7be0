/**
 * The leak scanner's reading side, shared by the privacy tests: every file of a built site as
 * lower-cased text (gzip files such as pagefind's fragments decompressed), and a search for
 * tokens that must not appear in any of them, in their paths or in the build log.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

const GZIP_MAGIC = [0x1f, 0x8b];

export interface DistFile {
  path: string;
  /** Text content, lower-cased, decompressed when gzip; binary files are read as latin1. */
  text: string;
  bytes: Buffer;
}

/**
 * Every file below a folder, sorted.
 * @example walk('/tmp/build/dist')
 */
export function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

/**
 * Every file of a built site, decompressed.
 * @example readDist(site.outDir).filter((file) => file.path.endsWith('.pf_fragment'))
 */
export function readDist(outDir: string): DistFile[] {
  return walk(outDir).map((file) => {
    let bytes = readFileSync(file);
    if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) bytes = gunzipSync(bytes);
    return { path: relative(outDir, file), bytes, text: bytes.toString('latin1').toLowerCase() };
  });
}

/**
 * Every `file: token` where a token (matched case-insensitively) appears in a file's path or
 * contents, or in the build log.
 * @example findTokens(readDist(site.outDir), ['secret_subject_1'], site.output) // []
 */
export function findTokens(files: readonly DistFile[], tokens: readonly string[], log = ''): string[] {
  const sources = [...files.map((file) => ({ name: file.path, text: `${file.path.toLowerCase()}\n${file.text}` })), { name: '(build log)', text: log.toLowerCase() }];
  const hits: string[] = [];
  for (const source of sources) for (const token of tokens) if (source.text.includes(token.toLowerCase())) hits.push(`${source.name}: ${token}`);
  return hits;
}
