/**
 * Build and dev server take the model from one function (src/loader/content-source.ts); the
 * data store holds only rendered bodies in both. These tests build a fixture, check what its
 * data store kept, and start the dev server on the same cache folder, whose pages must show
 * the full entries and follow edits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, buildSite, checkoutRoot, type BuiltSite } from '../support/build-site.ts';

const PORT = 4600 + (process.pid % 300);
const OBJECTIVE = 'objectives/2026-q3/support-efficiency';

function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
}

/** Starts `astro dev` and resolves once it listens; rejects with its output after 60 s. */
function startDev(env: Record<string, string>): Promise<{ server: ChildProcess; output: () => string }> {
  // --force: start even when a developer's own dev server holds this project's lock file.
  // (It also clears the data store, which a different Astro config than the build's does anyway.)
  const server = spawn(join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1', '--force'], {
    cwd: checkoutRoot(),
    // Without vitest's variables: astro dev answers 404 everywhere when VITEST is set.
    env: { ...withoutVitest(process.env), PATH: `${join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 60_000);
    const listen = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(`127.0.0.1:${PORT}`)) {
        clearTimeout(timer);
        resolve({ server, output: () => output });
      }
    };
    server.stdout!.on('data', listen);
    server.stderr!.on('data', listen);
    server.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
  });
}

/** Fetches a page of the dev server, retrying while it warms up. */
async function page(path: string): Promise<string> {
  let last: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/okrs/${path}/`);
      if (response.ok) return await response.text();
      last = new Error(`${response.status} for ${path}`);
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw last;
}

describe('a build, then the dev server on the same cache', () => {
  let site: BuiltSite;
  let cacheDir: string;
  let contentDir: string;
  let dev: { server: ChildProcess; output: () => string } | undefined;

  beforeAll(async () => {
    // A copy of the fixture, so that the edits below stay in this test; outside node_modules,
    // which the dev server's watcher ignores.
    contentDir = join(mkdtempSync(join(tmpdir(), 'okr-dev-content-')), 'content');
    cpSync(join(PROJECT_ROOT, 'test/fixtures/basic'), contentDir, { recursive: true });
    site = buildSite(contentDir, { PORTAL_AS_OF: '2026-08-16', PORTAL_BASE: '/okrs/' });
    expect(site.status, site.output).toBe(0);
    cacheDir = join(dirname(site.outDir), 'cache');
    // The same build inputs and output folder as the build.
    dev = await startDev({ PORTAL_CONTENT_DIR: contentDir, PORTAL_CACHE_DIR: cacheDir, PORTAL_OUT_DIR: site.outDir, PORTAL_AS_OF: '2026-08-16', PORTAL_BASE: '/okrs/' });
  }, 120_000);

  afterAll(() => {
    dev?.server.kill('SIGTERM');
  });

  test('the built page shows the key results', () => {
    expect(site.read(`${OBJECTIVE}/index.html`)).toContain('Tickets per customer from 1.5 to 0.5');
  });

  test('the build kept rendered bodies in the data store, not the entries', () => {
    const store = readFileSync(join(cacheDir, 'data-store.json'), 'utf8');
    expect(store).toContain('support-efficiency');
    expect(store).not.toContain('Tickets per customer from 1.5 to 0.5');
    expect(store).not.toContain('Macros shipped');
  });

  test('the dev server renders whole entries from the same content source and cache folder', async () => {
    const html = await page(OBJECTIVE).catch((error: unknown) => `${String(error)}\n${dev?.output()}`);
    expect(html).toContain('Tickets per customer from 1.5 to 0.5');
    expect(html).toContain('Macros shipped');
  }, 60_000);

  test('the dev server follows an edit', async () => {
    const file = join(contentDir, `${OBJECTIVE}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Tickets per customer from 1.5 to 0.5', 'Tickets per customer from 1.5 to 0.4'));
    let html = '';
    for (let attempt = 0; attempt < 30 && !html.includes('1.5 to 0.4'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      html = await page(OBJECTIVE);
    }
    expect(html, dev?.output()).toContain('Tickets per customer from 1.5 to 0.4');
  }, 60_000);

  test('the dev server reports a broken edit with file and field, and keeps the last good content', async () => {
    const file = join(contentDir, `${OBJECTIVE}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: aspirational', 'kind: sometimes'));
    const problem = 'objectives/2026-q3/support-efficiency.md:6:7: kind: must be one of';
    for (let attempt = 0; attempt < 30 && !dev!.output().includes(problem); attempt++) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(dev!.output()).toContain(problem);
    expect(await page(OBJECTIVE)).toContain('Tickets per customer from 1.5 to 0.4');
  }, 60_000);
});
