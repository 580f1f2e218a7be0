#!/usr/bin/env node
// The `okr` bin: runs scripts/okr.ts with a Node that strips TypeScript types (22.18+, 23.6+,
// 24). On an older Node, such as a system Node 20, it re-runs itself with the project's
// bundled Node (the `node` dev dependency) so that `npx okr` works everywhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, 'okr.ts');

if (process.features.typescript) {
  await import(pathToFileURL(entry).href);
} else {
  const node = findBundledNode();
  if (!node) {
    console.error(`okr: Node ${process.versions.node} cannot run TypeScript; install Node 22.18 or later, or run npm install to get the bundled Node`);
    process.exit(2);
  }
  const result = spawnSync(node, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.error) {
    console.error(`okr: could not start ${node}: ${result.error.message}`);
    process.exit(2);
  }
  process.exit(result.status ?? 1);
}

function findBundledNode() {
  const root = join(here, '..');
  const candidates = [join(root, 'node_modules', 'node', 'bin', 'node'), join(root, 'node_modules', '.bin', 'node')];
  try {
    candidates.push(join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node'));
  } catch {
    // not installed
  }
  return candidates.find((candidate) => candidate !== process.execPath && existsSync(candidate));
}
