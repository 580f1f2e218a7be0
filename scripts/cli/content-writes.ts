/**
 * Writing content safely: every command that writes runs its edit through editContent, which
 * locks the content folder and reads it afresh under the lock, so that concurrent commands
 * apply their edits one after the other and none is lost. Every change is validated with the
 * build's own pipeline against the whole folder first, then each file is written to a temp
 * file beside it and renamed over the original, so a file is never half written and an
 * invalid edit is never written.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ContentFile, ContentSet } from '../../src/lib/content/content-set.ts';
import { loadContentSet } from '../../src/lib/content/load-content.ts';
import { formatProblem, type ContentProblem } from '../../src/lib/content/problems.ts';
import { checkReferences } from '../../src/lib/content/references.ts';
import type { LoadedContent } from '../../src/loader/read-content.ts';
import { withContentLock, holdsContentLock } from './content-lock.ts';
import { openContent, resolveContentOptions, type CommandContext, type ContentOptions } from './context.ts';
import { ContentError } from './errors.ts';

/** New text for files below the content root, keyed by their path below the root. */
export type ContentChanges = Map<string, string>;

/**
 * Runs a command's edit on the content folder as it is now: takes the folder's write lock,
 * loads the folder under it (never a copy read before the lock), runs `edit`, which plans,
 * validates and writes its changes, and releases the lock. The one way a command writes.
 * @example editContent(options, (ctx) => { writeChanges(ctx.loaded, plan(ctx)); })
 */
export function editContent<T>(options: ContentOptions, edit: (ctx: CommandContext) => T): T {
  // The root is resolved the way loadContent resolves it, before the load it guards.
  const root = resolve(resolveContentOptions(options).contentDir);
  return withContentLock(root, () => edit(openContent(options)));
}

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
  if (!holdsContentLock(loaded.root)) throw new Error('writeChanges called outside editContent: content is written only under its lock');
  assertUnchanged(loaded, changes);
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
 * Refuses to write when a target's bytes on disk are no longer those that were loaded: another
 * program (an editor, git) changed it after the load, and renaming over it would drop that.
 */
function assertUnchanged(loaded: LoadedContent, changes: ContentChanges): void {
  for (const path of changes.keys()) {
    const loadedText = loaded.files.find((file) => file.path === path)?.text;
    let diskText: string | undefined;
    try {
      diskText = readFileSync(join(loaded.root, path), 'utf8');
    } catch {
      diskText = undefined;
    }
    if (diskText !== loadedText) {
      throw new ContentError(`${displayPathOf(loaded, path)} changed on disk while okr was editing it; nothing was written. Run the command again`);
    }
  }
}

/**
 * A path below the content root as the loader shows it (relative to the current directory).
 * @example displayPathOf(loaded, 'kpis/nps.md') // 'content/kpis/nps.md'
 */
export function displayPathOf(loaded: LoadedContent, path: string): string {
  return relative(process.cwd(), join(loaded.root, path)).split(sep).join('/') || path;
}
