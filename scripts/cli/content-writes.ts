/**
 * Writing content safely: every change is validated with the build's own pipeline against the
 * whole folder first, then each file is written to a temp file beside it and renamed over
 * the original, so a file is never half written and an invalid edit is never written.
 */
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ContentFile, ContentSet } from '../../src/lib/content-set.ts';
import { loadContentSet } from '../../src/lib/load-content.ts';
import { formatProblem, type ContentProblem } from '../../src/lib/problems.ts';
import { checkReferences } from '../../src/lib/references.ts';
import type { LoadedContent } from '../../src/loader/read-content.ts';
import { ContentError } from './errors.ts';

/** New text for files below the content root, keyed by their path below the root. */
export type ContentChanges = Map<string, string>;

/**
 * Validates the folder as it would be after the changes; throws a ContentError listing the
 * errors in the changed files. Returns the content set after the changes.
 * @example const after = validateChanges(loaded, new Map([['kpis/nps.md', text]]))
 */
export function validateChanges(loaded: LoadedContent, changes: ContentChanges): ContentSet {
  const files: ContentFile[] = loaded.files.map((file) => (changes.has(file.path) ? { ...file, text: changes.get(file.path)! } : file));
  for (const [path, text] of changes) {
    if (!loaded.files.some((file) => file.path === path)) files.push({ path, displayPath: displayPathOf(loaded, path), text });
  }
  const { content, problems } = loadContentSet(files);
  problems.push(...checkReferences(content));
  const changed = new Set([...changes.keys()].map((path) => displayPathOf(loaded, path)));
  const before = new Set(loaded.problems.map(formatProblem));
  const errors = problems.filter((problem: ContentProblem) => problem.severity === 'error' && changed.has(problem.file) && !before.has(formatProblem(problem)));
  if (errors.length > 0) {
    throw new ContentError(`nothing was written: the change would make the content invalid:\n${errors.map((error) => `error   ${formatProblem(error)}`).join('\n')}`);
  }
  return content;
}

/**
 * Writes changed files: all temp files first, then the renames, so that a failure while
 * writing leaves every original untouched.
 * @example writeChanges(loaded, changes)
 */
export function writeChanges(loaded: LoadedContent, changes: ContentChanges): string[] {
  const staged: { temp: string; target: string }[] = [];
  const realRoot = realpathSync(loaded.root);
  try {
    for (const [path, text] of changes) {
      const target = join(loaded.root, path);
      // The content root is a boundary for writes too: never through a folder link that leaves
      // it, checked on the nearest folder that exists before any folder is created.
      let existing = dirname(target);
      while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
      const realFolder = realpathSync(existing);
      if (realFolder !== realRoot && !realFolder.startsWith(realRoot + sep)) {
        throw new ContentError(`nothing was written: ${displayPathOf(loaded, path)} is in a folder that links outside the content folder`);
      }
      mkdirSync(dirname(target), { recursive: true });
      const temp = join(dirname(target), `.${basename(target)}.okr-${process.pid}-${staged.length}.tmp`);
      writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  return [...changes.keys()].map((path) => displayPathOf(loaded, path));
}

/**
 * A path below the content root as the loader shows it (relative to the current directory).
 * @example displayPathOf(loaded, 'kpis/nps.md') // 'content/kpis/nps.md'
 */
export function displayPathOf(loaded: LoadedContent, path: string): string {
  return relative(process.cwd(), join(loaded.root, path)).split(sep).join('/') || path;
}
