/**
 * The leak scanner of test/integration/privacy.test.ts, shared with the tests that build the
 * leak fixture in other ways (test/integration/trust-inputs.test.ts: two builds at once).
 * test/fixtures/leak marks every hidden field with `LEAK-<LEVEL>-<FIELD>-<token>`; the scan
 * reads every output file (Pagefind's gzip files decompressed) and the build log.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from './build-site.ts';

export const FIXTURE = 'test/fixtures/leak';
/** `LEAK-PRIVATE-TITLE-k5r9t3bx`, and in ids and folder names `leak-private-id-s6b2n8wf`. */
const MARKER_RE = /LEAK-(INTERNAL|PRIVATE|DRAFT)-([A-Z0-9]+)-([a-z0-9]{8})/gi;
const GZIP_MAGIC = [0x1f, 0x8b];

export type Level = 'internal' | 'private' | 'draft';
export interface Marker {
  level: Level;
  field: string;
  text: string;
  /** The unique part: it survives tokenizing (pagefind splits on dashes) and lower-casing. */
  token: string;
}
export interface DistFile {
  path: string;
  /** Text content, decompressed when gzip; binary files are read as latin1. */
  text: string;
  bytes: Buffer;
}

export function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

export function collectMarkers(): Marker[] {
  const markers = new Map<string, Marker>();
  const root = resolve(PROJECT_ROOT, FIXTURE);
  for (const file of walk(root)) {
    // File names are part of the scan: ids are paths.
    const haystack = `${relative(root, file)}\n${readFileSync(file, 'latin1')}`;
    for (const [text, level, field, token] of haystack.matchAll(MARKER_RE)) {
      markers.set(token!.toLowerCase(), { level: level!.toLowerCase() as Level, field: field!.toUpperCase(), text, token: token!.toLowerCase() });
    }
  }
  return [...markers.values()];
}

export function readDist(outDir: string): DistFile[] {
  return walk(outDir).map((file) => {
    let bytes = readFileSync(file);
    if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) bytes = gunzipSync(bytes);
    return { path: relative(outDir, file), bytes, text: bytes.toString('latin1').toLowerCase() };
  });
}

/** Every `file: marker` where a marker of a hidden level appears, in paths or contents. */
export function findLeaks(files: readonly DistFile[], markers: readonly Marker[], hidden: readonly Level[], log = ''): string[] {
  const forbidden = markers.filter((marker) => hidden.includes(marker.level));
  const leaks: string[] = [];
  const sources = [...files.map((file) => ({ name: file.path, text: `${file.path.toLowerCase()}\n${file.text}` })), { name: '(build log)', text: log.toLowerCase() }];
  for (const source of sources) {
    for (const marker of forbidden) if (source.text.includes(marker.token)) leaks.push(`${source.name}: ${marker.text}`);
  }
  return leaks;
}

