/**
 * One build at a time per checkout. Astro keeps state of the running build in the project's
 * `.astro/` folder whatever outDir and cacheDir say: the list of content modules and assets
 * that Vite bundles (content-modules.mjs, content-assets.mjs), the collections manifest, and
 * for an outDir outside the project the staged prerender chunks. A second build started at
 * the same time overwrites them, and a public build then bundled the internal build's MDX
 * retrospective and its image. That folder cannot be moved (Astro derives it from the
 * project root), so a second build refuses at once, naming the one that runs.
 *
 * The lock is a file created with O_EXCL holding the owner's pid; a lock whose process is
 * gone (killed build, crashed dev server) is stale and taken over, under a second O_EXCL file
 * (`.break`): two builds that both found the same stale lock would otherwise both remove it,
 * the second removing the lock the first had just taken, and both would run.
 */
import { hostname } from 'node:os';
import { mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export interface LockOwner {
  pid: number;
  host: string;
  /** What runs, e.g. `astro build`. */
  command: string;
  audience: string;
  outDir: string;
  /** ISO time it started. */
  started: string;
}

/** Another build holds the lock; the message is the one line to print. */
export class BuildLockedError extends Error {
  override name = 'BuildLockedError';
  constructor(lockFile: string, owner: LockOwner | undefined) {
    const who = owner ? `${owner.command} for the ${owner.audience} audience into ${owner.outDir} (pid ${owner.pid} on ${owner.host}, since ${owner.started})` : `a build whose lock file cannot be read`;
    super(`another build of this checkout is running: ${who}. Builds of one checkout share its .astro/ folder; wait for it to finish, or build from another checkout (lock: ${lockFile})`);
  }
}

/** The lock file of a project root. */
export function lockFileOf(projectRoot: string): string {
  return join(projectRoot, '.astro', 'okr-portal-build.lock');
}

/**
 * Takes the build lock of `projectRoot` for this process, or throws BuildLockedError.
 * Taking it again in the same process (the dev server reloading its config) is a no-op.
 * Returns the function that releases it; it is also released when the process exits.
 * @example const release = acquireBuildLock(process.cwd(), { command: 'astro build', audience: 'public', outDir: '/srv/dist' });
 */
export function acquireBuildLock(projectRoot: string, build: Pick<LockOwner, 'command' | 'audience' | 'outDir'>): () => void {
  const lockFile = lockFileOf(projectRoot);
  mkdirSync(join(projectRoot, '.astro'), { recursive: true });
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), ...build };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${JSON.stringify(owner)}\n`);
      closeSync(fd);
      const release = (): void => {
        if (readOwner(lockFile)?.pid === process.pid) rmSync(lockFile, { force: true });
        process.off('exit', release);
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readOwner(lockFile);
      if (current?.pid === process.pid && current.host === owner.host) return () => {};
      if (current && isStale(current, owner.host)) {
        breakStale(lockFile, current);
        continue;
      }
      throw new BuildLockedError(lockFile, current);
    }
  }
  throw new BuildLockedError(lockFile, readOwner(lockFile));
}

/** A break file older than this was left by a build that died while breaking a lock. */
const STALE_BREAK_MS = 60_000;

/**
 * Removes a stale lock, but only while holding the break file and only if the lock still
 * holds the owner that was judged stale; a build that cannot take the break file leaves the
 * lock alone (another build is taking it over) and then refuses.
 */
function breakStale(lockFile: string, stale: LockOwner): void {
  const breaker = `${lockFile}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(breaker).mtimeMs > STALE_BREAK_MS) rmSync(breaker, { force: true });
    } catch {
      // released meanwhile
    }
    return;
  }
  try {
    const current = readOwner(lockFile);
    if (current && current.pid === stale.pid && current.host === stale.host && current.started === stale.started) rmSync(lockFile, { force: true });
  } finally {
    closeSync(fd);
    rmSync(breaker, { force: true });
  }
}

function readOwner(lockFile: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** A lock of this host whose process no longer runs. Locks of other hosts are never stale here. */
function isStale(owner: LockOwner, host: string): boolean {
  if (owner.host !== host) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
