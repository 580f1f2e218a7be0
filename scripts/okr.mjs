#!/usr/bin/env node
// The `okr` bin: runs scripts/okr.ts with a Node that strips TypeScript types (22.18+, 23.6+,
// 24). On an older Node, such as a system Node 20, it re-runs itself with the bundled Node
// (the `node` dependency) so that `npx okr` works everywhere. Installed as a package (below
// node_modules, where Node refuses to strip types), it runs okr.ts with the hook of
// strip-types.mjs; `okr build`, `dev` and `preview` pass the same flags on to Astro.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, 'okr.ts');
const packaged = here.split(sep).includes('node_modules');
// The hook's one warning ("stripTypeScriptTypes is an experimental feature") is noise to a user.
const packagedFlags = ['--disable-warning=ExperimentalWarning', '--import', pathToFileURL(join(here, 'strip-types.mjs')).href];
const hooked = process.execArgv.some((flag) => flag.endsWith('strip-types.mjs'));

if (process.features.typescript && (!packaged || hooked)) {
  await import(pathToFileURL(entry).href);
} else {
  const node = process.features.typescript && typeof module.registerHooks === 'function' ? process.execPath : findBundledNode();
  if (!node) {
    console.error(`okr: Node ${process.versions.node} cannot run TypeScript; install Node 22.18 or later, or run npm install to get the bundled Node`);
    process.exit(2);
  }
  const result = spawnSync(node, [...(packaged ? packagedFlags : []), entry, ...process.argv.slice(2)], { stdio: 'inherit' });
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
