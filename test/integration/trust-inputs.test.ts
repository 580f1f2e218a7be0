/**
 * Issue 18, classes 3, 4, 10 and 9 (unexpected failures), and issue 19 (plain hooks): build
 * inputs are checked before anything is written, two builds of one checkout never mix, a
 * build without PORTAL_SITE claims no localhost URL, and a failing build prints one line per
 * problem and no stack trace.
 *
 * Most cases run the build's own checks (readBuildInputs, checkBuildFolders, the build lock)
 * against real temporary folders; four real builds prove the wiring: an output folder over
 * the content (refused, content untouched), two builds started together (the second refuses
 * at once; the privacy and localhost scans run over the first), and the broken fixture.
 */
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync, cpSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildStopped, stepFailed } from '../../src/integrations/build-failure.ts';
import { writeDerivedFiles } from '../../src/integrations/static-files.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { checkBuildFolders, readBuildInputs } from '../../src/loader/build-inputs.ts';
import { acquireBuildLock, lockFileOf } from '../../src/loader/build-lock.ts';
import { BUILDS_DIR, buildSite, checkoutRoot, PROJECT_ROOT } from '../support/build-site.ts';
import { collectMarkers, findLeaks, FIXTURE, readDist, type DistFile } from '../support/leak-scan.ts';
import { copyFixture, okrProcess, snapshotFiles } from '../cli/run-okr.ts';

const FOLDER_HINT = 'use a folder of its own, such as ./dist';

/** The folder problems of a build with these variables, as printed. */
function folderLines(env: Record<string, string>, cwd: string): string[] {
  const { inputs } = readBuildInputs(env, cwd);
  return checkBuildFolders(inputs, cwd).map(formatProblem);
}

/** A throwaway project: content/, src/, public/, as the build sees a checkout. */
function scratchProject(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'okr-inputs-')));
  for (const folder of ['content/objectives', 'src/pages', 'public']) mkdirSync(join(root, folder), { recursive: true });
  writeFileSync(join(root, 'content/portal.yaml'), 'name: Scratch\n');
  return root;
}

/** Every path below a folder (folders included) with the hash of each file's bytes. */
function treeDigest(root: string): Record<string, string> {
  const digest: Record<string, string> = {};
  for (const path of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(root, path);
    digest[path] = statSync(full).isDirectory() ? 'folder' : createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return digest;
}

describe('PORTAL_OUT_DIR and PORTAL_CACHE_DIR keep clear of the sources (checked before anything is written)', () => {
  let root: string;
  beforeAll(() => {
    root = scratchProject();
  });
  const env = (extra: Record<string, string>): Record<string, string> => ({ PORTAL_CONTENT_DIR: 'content', PORTAL_CACHE_DIR: 'node_modules/.cache/okr', ...extra });

  test('an output folder inside the project (./dist, node_modules/.cache/...) or elsewhere is fine', () => {
    expect(folderLines(env({ PORTAL_OUT_DIR: 'dist' }), root)).toEqual([]);
    expect(folderLines(env({ PORTAL_OUT_DIR: 'node_modules/.cache/okr-site/dist' }), root)).toEqual([]);
    expect(folderLines(env({ PORTAL_OUT_DIR: join(tmpdir(), 'okr-elsewhere', 'dist') }), root)).toEqual([]);
  });

  test('a symlink to the content folder is the content folder', () => {
    symlinkSync(join(root, 'content'), join(root, 'innocent-link'));
    expect(folderLines(env({ PORTAL_OUT_DIR: 'innocent-link' }), root)).toEqual([
      `environment: PORTAL_OUT_DIR: must not be the content folder (${root}/content); ${FOLDER_HINT}`,
    ]);
    expect(folderLines(env({ PORTAL_OUT_DIR: 'innocent-link/objectives/new' }), root)).toEqual([
      `environment: PORTAL_OUT_DIR: must not lie inside the content folder (${root}/content); ${FOLDER_HINT}`,
    ]);
  });

  test('the project root, its parent, src/ and public/ are refused', () => {
    expect(folderLines(env({ PORTAL_OUT_DIR: '.' }), root)).toEqual([`environment: PORTAL_OUT_DIR: must not be the project root (${root}); ${FOLDER_HINT}`]);
    expect(folderLines(env({ PORTAL_OUT_DIR: '..' }), root)).toEqual([`environment: PORTAL_OUT_DIR: must not contain the content folder (${root}/content); ${FOLDER_HINT}`]);
    expect(folderLines(env({ PORTAL_OUT_DIR: 'src/pages' }), root)).toEqual([`environment: PORTAL_OUT_DIR: must not lie inside the source folder (${root}/src); ${FOLDER_HINT}`]);
    expect(folderLines(env({ PORTAL_OUT_DIR: './public/' }), root)).toEqual([`environment: PORTAL_OUT_DIR: must not be the public folder (${root}/public); ${FOLDER_HINT}`]);
  });

  test('the cache folder gets the same rules, and may not lie inside the output (it would be published)', () => {
    expect(folderLines({ PORTAL_OUT_DIR: 'dist', PORTAL_CACHE_DIR: 'dist/.cache' }, root)).toEqual([
      `environment: PORTAL_CACHE_DIR: must not lie inside the output folder (${root}/dist); ${FOLDER_HINT}`,
    ]);
    expect(folderLines({ PORTAL_OUT_DIR: 'dist', PORTAL_CACHE_DIR: 'content' }, root)).toEqual([`environment: PORTAL_CACHE_DIR: must not be the content folder (${root}/content); ${FOLDER_HINT}`]);
  });

  test('a folder that cannot be created is named, with the file in the way', () => {
    writeFileSync(join(root, 'a-file'), 'x');
    expect(folderLines(env({ PORTAL_OUT_DIR: 'a-file' }), root)).toEqual([
      `environment: PORTAL_OUT_DIR: ${root}/a-file is a file, not a folder; expected a folder the build can create or write to`,
    ]);
    expect(folderLines(env({ PORTAL_OUT_DIR: 'a-file/dist' }), root)).toEqual([
      `environment: PORTAL_OUT_DIR: ${root}/a-file is a file, so ${root}/a-file/dist cannot be created; expected a folder the build can create or write to`,
    ]);
  });

  test('an existing folder of other files (scripts/, /tmp) is refused, since the build empties its output first; an empty folder or an earlier output is fine', () => {
    mkdirSync(join(root, 'scripts'));
    writeFileSync(join(root, 'scripts/deploy.sh'), 'echo deploy\n');
    const foreign = (path: string): string =>
      `environment: PORTAL_OUT_DIR: ${path} holds files that no build wrote (no _astro, index.html, _shard.json, badges, pagefind), and a build first deletes everything in its output folder; use an empty or new folder, such as ./dist`;
    expect(folderLines(env({ PORTAL_OUT_DIR: 'scripts' }), root)).toEqual([foreign(`${root}/scripts`)]);
    expect(folderLines(env({ PORTAL_OUT_DIR: './scripts/' }), root)).toEqual([foreign(`${root}/scripts`)]);
    const elsewhere = realpathSync(mkdtempSync(join(tmpdir(), 'okr-home-')));
    writeFileSync(join(elsewhere, 'notes.txt'), 'mine');
    expect(folderLines(env({ PORTAL_OUT_DIR: elsewhere }), root)).toEqual([foreign(elsewhere)]);
    mkdirSync(join(root, 'empty'));
    expect(folderLines(env({ PORTAL_OUT_DIR: 'empty' }), root)).toEqual([]);
    for (const [folder, sign] of [['built', 'index.html'], ['assets', '_astro'], ['shard', '_shard.json'], ['failed', 'badges'], ['indexed', 'pagefind']] as const) {
      const isFolder = !sign.includes('.');
      mkdirSync(join(root, folder, isFolder ? sign : ''), { recursive: true });
      if (!isFolder) writeFileSync(join(root, folder, sign), '');
      writeFileSync(join(root, folder, 'other.txt'), '');
      expect(folderLines(env({ PORTAL_OUT_DIR: folder }), root)).toEqual([]);
    }
  });

  test.skipIf(process.getuid?.() === 0)('an unwritable parent folder is named', () => {
    mkdirSync(join(root, 'locked'));
    chmodSync(join(root, 'locked'), 0o500);
    expect(folderLines(env({ PORTAL_OUT_DIR: 'locked/dist' }), root)).toEqual([
      `environment: PORTAL_OUT_DIR: ${root}/locked is not writable; expected a folder the build can create or write to`,
    ]);
  });

  test('without PORTAL_CACHE_DIR each audience and output folder gets its own cache', () => {
    const cacheOf = (extra: Record<string, string>): string | undefined => readBuildInputs({ PORTAL_OUT_DIR: 'dist', ...extra }, root).inputs.cacheDir;
    const caches = new Set([cacheOf({}), cacheOf({ PORTAL_AUDIENCE: 'internal' }), cacheOf({ PORTAL_OUT_DIR: 'dist-2' })]);
    expect(caches.size).toBe(3);
    for (const cache of caches) expect(cache?.startsWith(`${root}/node_modules/.astro/okr-portal/`)).toBe(true);
    expect(cacheOf({})).toBe(cacheOf({}));
  });

  test('okr commands that write refuse bad build inputs, every one named, and change nothing', () => {
    const cwd = copyFixture('basic');
    const before = snapshotFiles(cwd);
    const result = okrProcess(['checkin', '2026-q3/support/efficiency', 'handbook', '1', '--as-of', '2026-08-16'], {
      cwd,
      env: { PORTAL_SITE: 'https://example.org/"><script>', PORTAL_BASE: '/okrs/../admin' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'okr: PORTAL_BASE: must be a URL path such as /okrs, of segments made of letters, digits and - . _ ~ (no empty, "." or ".." segment), got "/okrs/../admin"',
      'okr: PORTAL_SITE: must be an http(s) origin such as https://okrs.example.org (no whitespace, quotes, <, >, backslash, query or fragment), got "https://example.org/\\"><script>"',
    ]);
    expect(snapshotFiles(cwd)).toEqual(before);
  });
});

describe('okr check', () => {
  test('fails on an output folder the build would refuse, with the same line', () => {
    const cwd = realpathSync(copyFixture('basic'));
    const result = okrProcess(['check', '--as-of', '2026-08-16', '--no-methodology'], { cwd, env: { PORTAL_OUT_DIR: 'content/objectives' } });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(`error   environment: PORTAL_OUT_DIR: must not lie inside the content folder (${cwd}/content); ${FOLDER_HINT}`);
  });
});

describe('the build lock', () => {
  test('a lock held by a running process refuses, naming that build in one line', () => {
    const root = scratchProject();
    const owner = { pid: process.ppid, host: hostname(), command: 'astro build', audience: 'internal', outDir: '/srv/internal', started: '2026-11-23T08:00:00.000Z' };
    mkdirSync(join(root, '.astro'));
    writeFileSync(lockFileOf(root), JSON.stringify(owner));
    expect(() => acquireBuildLock(root, { command: 'astro build', audience: 'public', outDir: '/srv/public' })).toThrow(
      `another build of this checkout is running: astro build for the internal audience into /srv/internal (pid ${process.ppid} on ${hostname()}, since 2026-11-23T08:00:00.000Z). Builds of one checkout share its .astro/ folder; wait for it to finish, or build from another checkout (lock: ${root}/.astro/okr-portal-build.lock)`,
    );
  });

  test('a stale lock (its process is gone) is taken over, and released', () => {
    const root = scratchProject();
    mkdirSync(join(root, '.astro'));
    // A pid that cannot be running: above the kernel's pid_max.
    writeFileSync(lockFileOf(root), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), command: 'astro build', audience: 'internal', outDir: '/x', started: 'then' }));
    const release = acquireBuildLock(root, { command: 'astro build', audience: 'public', outDir: '/srv/public' });
    expect(JSON.parse(readFileSync(lockFileOf(root), 'utf8'))).toMatchObject({ pid: process.pid, audience: 'public' });
    release();
    expect(existsSync(lockFileOf(root))).toBe(false);
  });
});

describe('the build lock, taken over', () => {
  test('a stale lock that another build is breaking (its .break file exists) is left alone: this build refuses, and takes it over once the other is done', () => {
    const root = scratchProject();
    mkdirSync(join(root, '.astro'));
    const stale = { pid: 2 ** 22 + 1, host: hostname(), command: 'astro build', audience: 'internal', outDir: '/x', started: 'then' };
    writeFileSync(lockFileOf(root), JSON.stringify(stale));
    writeFileSync(`${lockFileOf(root)}.break`, '');
    const build = { command: 'astro build', audience: 'public', outDir: '/srv/public' };
    expect(() => acquireBuildLock(root, build)).toThrow(`another build of this checkout is running: astro build for the internal audience into /x (pid ${2 ** 22 + 1} on ${hostname()}, since then)`);
    expect(JSON.parse(readFileSync(lockFileOf(root), 'utf8'))).toEqual(stale);
    rmSync(`${lockFileOf(root)}.break`);
    const release = acquireBuildLock(root, build);
    expect(JSON.parse(readFileSync(lockFileOf(root), 'utf8'))).toMatchObject({ pid: process.pid, audience: 'public' });
    expect(existsSync(`${lockFileOf(root)}.break`)).toBe(false);
    release();
  });
});

describe('unexpected failures of a build step', () => {
  test('are one line naming the step and the file, with no stack trace unless PORTAL_DEBUG=1', () => {
    const error = stepFailed('writing the search index', '/srv/dist/pagefind', new Error('EACCES: permission denied\n    at write (node:fs)'));
    expect(error.message).toBe('writing the search index failed for /srv/dist/pagefind: EACCES: permission denied');
    expect(error.stack).toBe('');
    expect(buildStopped('x').stack).toBe('');
  });

  test('the file writer names the file it could not write', async () => {
    const outDir = realpathSync(mkdtempSync(join(tmpdir(), 'okr-writer-')));
    writeFileSync(join(outDir, 'badges'), 'in the way');
    await expect(writeDerivedFiles(outDir, [['badges/objectives/a.svg', '<svg/>']])).rejects.toThrow(
      new RegExp(`^writing badges, embeds and KPI CSVs failed for ${outDir}/badges/objectives: (EEXIST|ENOTDIR)`),
    );
  });
});

describe('a real build with PORTAL_OUT_DIR set to the content folder, and other bad build inputs', () => {
  // Every bad build input in one failing build (each costs a second of Astro start-up): the
  // unit tests of src/lib/content/build-inputs.ts hold the rules; this is the build path.
  test('is refused with every bad input named, and the content stays byte for byte', () => {
    const content = join(realpathSync(mkdtempSync(join(tmpdir(), 'okr-victim-'))), 'content');
    cpSync(resolve(PROJECT_ROOT, 'test/fixtures/basic'), content, { recursive: true });
    const before = treeDigest(content);
    const site = buildSite(content, { PORTAL_OUT_DIR: content, PORTAL_SITE: 'https://example.org/?x', PORTAL_BASE: '//evil.example', PORTAL_AS_OF: '2026-13-01', PORTAL_SHARD: '4/3' });
    expect(site.status).toBe(1);
    const lines = site.output.split('\n');
    for (const expected of [
      `environment: PORTAL_OUT_DIR: must not be the content folder (${content}); ${FOLDER_HINT}`,
      'environment: PORTAL_BASE: must be a URL path such as /okrs, of segments made of letters, digits and - . _ ~ (no empty, "." or ".." segment), got "//evil.example"',
      'environment: PORTAL_SITE: must be an http(s) origin such as https://okrs.example.org (no whitespace, quotes, <, >, backslash, query or fragment), got "https://example.org/?x"',
      'environment: PORTAL_AS_OF: must be a real date written YYYY-MM-DD, got "2026-13-01"',
      'environment: PORTAL_SHARD: must be k/n with 1 <= k <= n, such as 2/4, got "4/3"',
    ]) {
      expect(lines.filter((line) => line.endsWith(`[okr-portal:content-check] ${expected}`)), site.output).toHaveLength(1);
    }
    expect(lines).toContain('[AstroUserError] The build inputs have 5 errors; nothing was built.');
    expect(site.output).not.toMatch(/^\s+at /m);
    expect(treeDigest(content)).toEqual(before);
  });
});

interface RunningBuild {
  pid: number;
  outDir: string;
  done: Promise<{ status: number; output: string; seconds: number }>;
}

/** Starts `astro build` of the leak fixture without waiting for it (buildSite waits). */
function startBuild(audience: string): RunningBuild {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const work = mkdtempSync(join(BUILDS_DIR, `concurrent-${audience}-`));
  const outDir = join(work, 'dist');
  const started = performance.now();
  const child = spawn(join(PROJECT_ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: checkoutRoot(),
    // Its own process group, so that the test can pause and resume the build with all its
    // child processes (the astro bin may hand over to the bundled Node).
    detached: true,
    env: {
      ...process.env,
      PATH: `${join(PROJECT_ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      PORTAL_CONTENT_DIR: resolve(checkoutRoot(), FIXTURE),
      PORTAL_AUDIENCE: audience,
      PORTAL_AS_OF: '2026-08-16',
      PORTAL_OUT_DIR: outDir,
      PORTAL_CACHE_DIR: join(work, 'cache'),
      PORTAL_SITE: '',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ status: number; output: string; seconds: number }>((resolveDone) => {
    child.on('close', (code) => resolveDone({ status: code ?? 1, output: stripVTControlCharacters(output), seconds: (performance.now() - started) / 1000 }));
  });
  return { pid: child.pid!, outDir, done };
}

async function waitFor(condition: () => boolean, seconds: number): Promise<void> {
  const until = performance.now() + seconds * 1000;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`not within ${seconds} s`);
    await new Promise((wake) => setTimeout(wake, 25));
  }
}

describe('two builds of one checkout started together (public and internal)', () => {
  const lockFile = lockFileOf(checkoutRoot());
  let publicBuild: { status: number; output: string };
  let internalBuild: { status: number; output: string; seconds: number };
  let publicOut: string;
  let internalOut: string;
  let owner: { pid: number; started: string; host: string };
  let files: DistFile[];

  beforeAll(async () => {
    rmSync(lockFile, { force: true });
    const first = startBuild('public');
    // The second starts while the first holds the lock. The first is paused (SIGSTOP to its
    // process group) until the second has ended, so the overlap does not depend on how fast
    // either runs: under load the first could otherwise finish before the second looks.
    await waitFor(() => existsSync(lockFile) && readFileSync(lockFile, 'utf8').endsWith('\n'), 60);
    owner = JSON.parse(readFileSync(lockFile, 'utf8')) as typeof owner;
    process.kill(-first.pid, 'SIGSTOP');
    try {
      const second = startBuild('internal');
      internalBuild = await second.done;
      internalOut = second.outDir;
    } finally {
      process.kill(-first.pid, 'SIGCONT');
    }
    publicBuild = await first.done;
    publicOut = first.outDir;
    files = readDist(publicOut);
  });

  test('the second refuses at once, in one line naming the build that runs, and writes nothing', () => {
    expect(owner.pid).toBeGreaterThan(0);
    expect(internalBuild.status).toBe(1);
    expect(internalBuild.output.split('\n')).toContain(
      `[AstroUserError] another build of this checkout is running: astro build for the public audience into ${publicOut} (pid ${owner.pid} on ${owner.host}, since ${owner.started}). Builds of one checkout share its .astro/ folder; wait for it to finish, or build from another checkout (lock: ${lockFile})`,
    );
    expect(internalBuild.output).not.toMatch(/^\s+at /m);
    expect(internalBuild.seconds).toBeLessThan(30);
    expect(existsSync(internalOut)).toBe(false);
  });

  test('the first completes, releases the lock, and publishes nothing internal, private or draft (privacy scan of every file)', () => {
    expect(publicBuild.status, publicBuild.output).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
    expect(files.length).toBeGreaterThan(10);
    expect(files.map((file) => file.text).join('\n')).toContain('public company objective');
    expect(findLeaks(files, collectMarkers(), ['internal', 'private', 'draft'], publicBuild.output)).toEqual([]);
  });

  test('without PORTAL_SITE no file claims a localhost URL, feeds and sitemap are left out, and one warning names PORTAL_SITE', () => {
    expect(files.filter((file) => /localhost|127\.0\.0\.1|:4321/.test(file.text)).map((file) => file.path)).toEqual([]);
    const paths = files.map((file) => relative(publicOut, join(publicOut, file.path)).split('\\').join('/'));
    expect(paths.filter((path) => /^(rss\.xml|feed\.json|sitemap.*\.xml)$/.test(path))).toEqual([]);
    // Nothing links to the feeds that are not there.
    expect(files.filter((file) => file.path.endsWith('.html') && /rss\.xml|feed\.json/.test(file.text)).map((file) => file.path)).toEqual([]);
    const warnings = publicBuild.output.split('\n').filter((line) => line.includes('PORTAL_SITE'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /\[WARN\] \[okr-portal:content-check\] PORTAL_SITE is not set: the build leaves out what needs absolute URLs \(RSS and JSON feeds, sitemap, embed snippets\)\. Set PORTAL_SITE=https:\/\/your\.host to include them\.$/,
    );
  });

  test('without PORTAL_SITE robots.txt names no sitemap, and objective and KPI pages offer downloads but no embed code (it would need a host)', () => {
    expect(files.find((file) => file.path === 'robots.txt')?.text).toBe('user-agent: *\nallow: /\n');
    const pages = files.filter((file) => /^(objectives|kpis)\/.+\/index\.html$/.test(file.path.split('\\').join('/')));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page.text, page.path).toContain('<details class="embed no-print">');
      expect(page.text, page.path).not.toMatch(/<pre><code>\[!\[|https?:\/\/[^"'\s]*\/badges\//);
    }
  });
});

// A failing build goes through Astro (no process.exit), printing every problem as
// file:line:col: field: message, and no stack trace: the broken fixture's build in build.test.ts.
