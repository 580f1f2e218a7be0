/**
 * Byte-for-byte comparison of two folders (two builds of the same content), for the
 * reproducible-build check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file below `root`, relative with `/` separators, sorted.
 * @example listFiles('/tmp/dist') // ['404.html', '_astro/BaseLayout.x.css', ...]
 */
export function listFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else files.push(relative(root, path).split(sep).join('/'));
    }
  };
  visit(root);
  return files.sort();
}

/**
 * The differences between two folders, one line per file: only in one of them, or with
 * different bytes (with the first differing offset and a little context).
 * @example compareTrees('/tmp/a/dist', '/tmp/b/dist') // [] when identical
 */
export function compareTrees(left: string, right: string): string[] {
  const leftFiles = new Set(listFiles(left));
  const rightFiles = new Set(listFiles(right));
  const differences: string[] = [];
  for (const file of [...new Set([...leftFiles, ...rightFiles])].sort()) {
    if (!rightFiles.has(file)) differences.push(`${file}: only in the first build`);
    else if (!leftFiles.has(file)) differences.push(`${file}: only in the second build`);
    else {
      const a = readFileSync(join(left, file));
      const b = readFileSync(join(right, file));
      if (!a.equals(b)) differences.push(`${file}: differs ${describeDifference(a, b)}`);
    }
  }
  return differences;
}

function describeDifference(a: Buffer, b: Buffer): string {
  let offset = 0;
  while (offset < a.length && offset < b.length && a[offset] === b[offset]) offset += 1;
  const context = (buffer: Buffer): string => JSON.stringify(buffer.subarray(Math.max(0, offset - 30), offset + 50).toString('utf8'));
  return `at byte ${offset} (sizes ${a.length} / ${b.length}): ${context(a)} vs ${context(b)}`;
}
