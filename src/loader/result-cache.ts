/**
 * Results computed from the content that a rebuild takes from the last build instead of
 * computing them again, the largest fixed costs of a rebuild by CPU profile (docs/performance.md
 * "Incremental builds"): the snapshot timelines (content-source.ts), which score every
 * objective of a period on every snapshot date (4.4 s of 29 s at 2,000 objectives), and each
 * content file parsed and validated (read-content.ts, 2.2 s).
 *
 * A result is kept in the cache folder (PORTAL_CACHE_DIR) in one file per slot, with the key
 * it was computed for: the sha256 of the code version and of the whole input material. The
 * code version is a digest of every file below src/lib (the pure code that computes the
 * results) and of the lockfile (the libraries), so a result is reused only when the same
 * code would compute it from the same input; anything else computes it again and replaces
 * the file. Results are stored with node:v8's structured serialization, which keeps Maps,
 * `undefined` and NaN as they were (JSON would not).
 *
 * Only `astro build` uses it (the content check turns it on): a dev server's code changes
 * while it runs, and its code version is read once.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** Where results are kept, and the code version they are computed by. */
export interface ResultCache {
  dir: string;
  codeVersion: string;
  /** Compute every result and keep it, reading none (`astro build --force`). */
  fresh?: boolean | undefined;
}

/** Bumped when the file layout below changes. */
const LAYOUT = 'okr-portal-results-v1';

/**
 * The code version of a project: a digest of its src/lib files (path and bytes) and of its
 * package.json and package-lock.json.
 * @example codeVersion('/work/main') // 'Qm3x…'
 */
export function codeVersion(projectRoot: string): string {
  const hash = createHash('sha256').update(LAYOUT);
  const lib = join(projectRoot, 'src/lib');
  const files = readdirSync(lib, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`\0${relative(lib, file)}\0`).update(readFileSync(file));
  for (const name of ['package.json', 'package-lock.json']) {
    hash.update(`\0${name}\0`);
    try {
      hash.update(readFileSync(join(projectRoot, name)));
    } catch {
      hash.update('absent');
    }
  }
  return hash.digest('base64url');
}

/**
 * The result for `material` in `slot`: the kept one when it was computed by this code version
 * from the same material, else `compute()`, which is then kept. Without a cache, `compute()`.
 * A file that cannot be read or written costs only the time to compute it.
 * @example cachedResult(cache, 'timeline-2026-Q3', JSON.stringify(input), () => buildPeriodTimeline(...))
 */
export function cachedResult<T>(cache: ResultCache | undefined, slot: string, material: string | Uint8Array, compute: () => T): T {
  if (!cache) return compute();
  const key = createHash('sha256').update(cache.codeVersion).update('\0').update(material).digest('base64url');
  const file = join(cache.dir, LAYOUT, `${slot}.bin`);
  try {
    const kept = cache.fresh ? undefined : (deserialize(readFileSync(file)) as { key: string; result: T });
    if (kept?.key === key) return kept.result;
  } catch {
    // No result kept yet, or one of another layout: computed below.
  }
  const result = compute();
  try {
    mkdirSync(join(cache.dir, LAYOUT), { recursive: true });
    // Written aside and renamed, so that a build stopped halfway never leaves half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, serialize({ key, result }));
    renameSync(partial, file);
  } catch {
    // A read-only or full cache folder: the next build computes it again.
  }
  return result;
}

/** Many small results of one kind (one per content file), kept together: see resultMemo. */
export interface ResultMemo {
  /** The kept result for `material`, or `compute()`. */
  result<T>(material: string, compute: () => T): T;
  /** Keeps the results this build asked for (and only those) for the next build. */
  save(): void;
}

/**
 * A memo of many results in one slot, for results too small for a file each: read once,
 * asked per item by material, written back with the items asked for in this build, so that
 * the results of deleted files do not pile up. Without a cache, every result is computed.
 * @example const memo = resultMemo(cache, 'entries'); memo.result(file.text, () => parse(file)); memo.save();
 */
export function resultMemo(cache: ResultCache | undefined, slot: string): ResultMemo {
  if (!cache) return { result: (_material, compute) => compute(), save: () => {} };
  const file = join(cache.dir, LAYOUT, `${slot}.bin`);
  // Each result is kept serialized as soon as it is made, and handed out as a fresh copy: the
  // caller may change what it gets (the loader attaches a KPI's CSV values to its entry).
  let kept = new Map<string, Buffer>();
  try {
    const read = cache.fresh ? undefined : (deserialize(readFileSync(file)) as unknown);
    if (read instanceof Map) kept = read as Map<string, Buffer>;
  } catch {
    // Nothing kept yet: every result is computed.
  }
  const used = new Map<string, Buffer>();
  let computed = 0;
  return {
    result<T>(material: string, compute: () => T): T {
      const key = createHash('sha256').update(cache.codeVersion).update('\0').update(material).digest('base64url');
      const found = used.get(key) ?? kept.get(key);
      if (found) {
        used.set(key, found);
        return deserialize(found) as T;
      }
      const value = compute();
      computed += 1;
      used.set(key, serialize(value));
      return value;
    },
    save() {
      // Unchanged content, same results: the file stays as it is.
      if (computed === 0 && used.size === kept.size) return;
      try {
        mkdirSync(join(cache.dir, LAYOUT), { recursive: true });
        const partial = `${file}.${process.pid}.partial`;
        writeFileSync(partial, serialize(used));
        renameSync(partial, file);
      } catch {
        // A read-only or full cache folder: the next build computes them again.
      }
    },
  };
}
