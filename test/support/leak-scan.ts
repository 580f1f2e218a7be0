/**
 * The leak scanner of test/integration/privacy.test.ts, shared with the tests that build the
 * leak fixture in other ways (test/integration/trust-inputs.test.ts: two builds at once).
 * test/fixtures/leak marks every hidden field with `LEAK-<LEVEL>-<FIELD>-<token>`; the scan
 * reads every output file (Pagefind's gzip files decompressed, see dist-scan.ts) and the build log.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { PROJECT_ROOT } from './build-site.ts';
import { findTokens, walk, type DistFile } from './dist-scan.ts';

export { readDist, walk, type DistFile } from './dist-scan.ts';

export const FIXTURE = 'test/fixtures/leak';
/** `LEAK-PRIVATE-TITLE-k5r9t3bx`, and in ids and folder names `leak-private-id-s6b2n8wf`. */
const MARKER_RE = /LEAK-(INTERNAL|PRIVATE|DRAFT)-([A-Z0-9]+)-([a-z0-9]{8})/gi;

export type Level = 'internal' | 'private' | 'draft';
export interface Marker {
  level: Level;
  field: string;
  text: string;
  /** The unique part: it survives tokenizing (pagefind splits on dashes) and lower-casing. */
  token: string;
}

/** Every marker of the leak fixture, from file names (ids are paths) and contents. */
export function collectMarkers(): Marker[] {
  const markers = new Map<string, Marker>();
  const root = resolve(PROJECT_ROOT, FIXTURE);
  for (const file of walk(root)) {
    const haystack = `${relative(root, file)}\n${readFileSync(file, 'latin1')}`;
    for (const [text, level, field, token] of haystack.matchAll(MARKER_RE)) {
      markers.set(token!.toLowerCase(), { level: level!.toLowerCase() as Level, field: field!.toUpperCase(), text, token: token!.toLowerCase() });
    }
  }
  return [...markers.values()];
}

/** Every `file: marker` where a marker of a hidden level appears, in paths or contents. */
export function findLeaks(files: readonly DistFile[], markers: readonly Marker[], hidden: readonly Level[], log = ''): string[] {
  const forbidden = markers.filter((marker) => hidden.includes(marker.level));
  const byToken = new Map(forbidden.map((marker) => [marker.token, marker.text]));
  return findTokens(files, [...byToken.keys()], log).map((hit) => {
    const at = hit.lastIndexOf(': ');
    return `${hit.slice(0, at)}: ${byToken.get(hit.slice(at + 2)) ?? hit.slice(at + 2)}`;
  });
}
