/**
 * Where the project is, what of it a build reads, and where test builds go: shared by the
 * build helpers (build-site.ts), project copies (project-snapshot.ts) and the build cache
 * (shared-build.ts).
 */
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where builds go. It must be inside the project: for an outDir outside the current
 * directory Astro stages prerendered chunks in the shared `<project>/.astro/.prerender/` and
 * deletes it afterwards, so concurrent builds break each other (ERR_MODULE_NOT_FOUND).
 */
export const BUILDS_DIR = join(PROJECT_ROOT, 'node_modules/.cache/okr-portal-builds');

/** What a build reads from the project, besides node_modules (and .git for history). */
export const PROJECT_FILES: readonly string[] = ['src', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
