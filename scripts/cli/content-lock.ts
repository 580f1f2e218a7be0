/**
 * The content folder's write lock: one `okr` command at a time may read-modify-write content.
 * Two commands that each read a file, add a check-in and rename their copy over it would
 * otherwise both report success while the second rename drops the first check-in.
 *
 * The lock is a file created with O_EXCL (`wx`) at `<root>/.okr-write.lock` holding the owner's
 * pid; the loader skips dot files, so it is never content. A lock whose owner is gone (no such
 * process) or that is older than STALE_LOCK_MS is broken, under a second O_EXCL file so that two
 * waiters never both break it and then both hold it.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from './errors.ts';

export const LOCK_FILE = '.okr-write.lock';
/** How long a command waits for another one to finish writing. */
export const LOCK_WAIT_MS = 60_000;
/** A lock older than this is left over (a command holds it for one load and one write). */
export const STALE_LOCK_MS = 5 * 60_000;
const POLL_MS = 20;

const held = new Set<string>();

/**
 * Runs `action` holding the write lock of a content root, and releases it however the action
 * ends. Re-entrant within one process.
 * @example withContentLock('/site/content', () => writeChanges(loaded, changes))
 */
export function withContentLock<T>(root: string, action: () => T, options: { waitMs?: number } = {}): T {
  if (held.has(root)) return action();
  // A command may create the content folder (okr new in an empty project): the folder that
  // holds the lock is made here and removed again if nothing was written into it.
  const created = mkdirSync(root, { recursive: true });
  const lock = join(root, LOCK_FILE);
  try {
    acquire(lock, options.waitMs ?? LOCK_WAIT_MS);
  } catch (error) {
    if (created !== undefined) rmSync(created, { recursive: true, force: true });
    throw error;
  }
  held.add(root);
  try {
    return action();
  } finally {
    held.delete(root);
    rmSync(lock, { force: true });
    if (created !== undefined && readdirSync(root).length === 0) rmSync(created, { recursive: true, force: true });
  }
}

/**
 * Whether this process holds the write lock of a content root: writes check it, so that no
 * command can write content outside the lock.
 * @example holdsContentLock(loaded.root) // false outside withContentLock
 */
export function holdsContentLock(root: string): boolean {
  return held.has(root);
}

function acquire(lock: string, waitMs: number): void {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (tryCreate(lock)) return;
    const owner = readOwner(lock);
    if (owner !== undefined && isStale(lock, owner)) breakStale(lock, owner);
    else if (Date.now() > deadline) {
      throw new ContentError(
        `${lock}: another okr command (pid ${owner ?? 'unknown'}) is still writing this content folder; nothing was written. Run the command again when it has finished, or delete the lock file if no okr command is running`,
      );
    } else sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
  }
}

/** Creates the lock file with this process's pid; false when it exists. */
function tryCreate(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ContentError(`${lock}: cannot create the write lock (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was written`);
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock's content (its owner's pid line), or undefined when it vanished meanwhile. */
function readOwner(lock: string): string | undefined {
  try {
    return readFileSync(lock, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function isStale(lock: string, owner: string): boolean {
  const pid = Number.parseInt(owner, 10);
  // A lock file read between its creation and its pid being written is empty: not stale.
  if (owner === '') return ageOf(lock) > STALE_LOCK_MS;
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return true;
  return ageOf(lock) > STALE_LOCK_MS;
}

/**
 * Removes a stale lock, but only if it still holds the owner that was judged stale: the
 * breaker file makes "check, then remove" one step among waiters.
 */
function breakStale(lock: string, owner: string): void {
  const breaker = `${lock}.break`;
  if (!tryCreate(breaker)) {
    if (ageOf(breaker) > STALE_LOCK_MS) rmSync(breaker, { force: true });
    return;
  }
  try {
    if (readOwner(lock) === owner) rmSync(lock, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}

function ageOf(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
