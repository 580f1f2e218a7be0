/**
 * A copy of the project's sources (src, content, public, config) in a fresh folder that
 * links the real node_modules. Builds from a snapshot do not see edits made while they run,
 * and two snapshots in different folders show whether the output depends on where the
 * project is checked out.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { logBuild } from './build-log.ts';
import { BUILDS_DIR, PROJECT_FILES, PROJECT_ROOT } from './project-paths.ts';

export interface SnapshotOptions {
  /** A commit to copy instead of the working tree (`HEAD`, for the benchmark). */
  ref?: string | undefined;
  /** The folder the copy goes in. Default BUILDS_DIR. */
  under?: string | undefined;
  /** Paths of the working tree to copy besides PROJECT_FILES (e.g. `test/fixtures`). */
  files?: readonly string[] | undefined;
  /** Paths of the project to link besides node_modules (e.g. `.git`, for history views). */
  links?: readonly string[] | undefined;
}

/**
 * Copies the sources into a new folder below BUILDS_DIR and returns its path: the working
 * tree as it is (default), or a commit (`ref: 'HEAD'`, for the benchmark, so that half-done
 * edits in the checkout cannot break or skew it).
 * @example const root = snapshotProject('repro-a-');
 */
export function snapshotProject(prefix = 'snapshot-', options: SnapshotOptions = {}): string {
  const under = options.under ?? BUILDS_DIR;
  mkdirSync(under, { recursive: true });
  const root = mkdtempSync(join(under, prefix));
  if (options.ref) {
    const ref = options.ref;
    const tracked = PROJECT_FILES.filter((file) => spawnSync('git', ['cat-file', '-e', `${ref}:${file}`], { cwd: PROJECT_ROOT }).status === 0);
    const archive = spawnSync('sh', ['-c', 'ref="$1"; shift; git archive --format=tar "$ref" -- "$@" | tar -x -C "$0"', root, ref, ...tracked], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (archive.status !== 0 || tracked.length === 0) throw new Error(`git archive ${ref} failed: ${archive.stderr}`);
  } else {
    for (const file of [...PROJECT_FILES, ...(options.files ?? [])]) {
      if (existsSync(join(PROJECT_ROOT, file))) cpSync(join(PROJECT_ROOT, file), join(root, file), { recursive: true, verbatimSymlinks: true });
    }
  }
  for (const link of ['node_modules', ...(options.links ?? [])]) symlinkSync(join(PROJECT_ROOT, link), join(root, link), 'dir');
  return root;
}

/**
 * Builds a snapshot's own content/ into `<root>/dist` with `astro build`.
 * @example const { status, outDir } = buildSnapshot(root, { PORTAL_AS_OF: '2026-11-23' });
 */
export function buildSnapshot(root: string, env: Record<string, string>): { status: number; output: string; outDir: string } {
  const bin = join(PROJECT_ROOT, 'node_modules/.bin');
  const started = Date.now();
  const result = spawnSync(join(bin, 'astro'), ['build'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      PORTAL_CONTENT_DIR: 'content',
      PORTAL_OUT_DIR: join(root, 'dist'),
      PORTAL_CACHE_DIR: join(root, '.cache'),
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  logBuild(root, env, result.status ?? 1, Date.now() - started);
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}`, outDir: join(root, 'dist') };
}
