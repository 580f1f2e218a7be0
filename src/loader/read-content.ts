/**
 * Node side of content loading: reads the content folder from disk and runs the pure
 * pipeline (parse, validate, check references, lint, filter by audience). The `okr` CLI calls
 * it directly; the build and the dev server through content-source.ts, which memoizes it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { filterByAudience, type Audience } from '../lib/audience.ts';
import type { ContentFile, ContentSet } from '../lib/content-set.ts';
import { lintContent } from '../lib/lints.ts';
import { loadContentSet } from '../lib/load-content.ts';
import type { ContentProblem } from '../lib/problems.ts';
import { checkReferences } from '../lib/references.ts';
import { checkRetroComponents } from '../lib/retro-components.ts';
import { MAX_FILE_BYTES } from '../lib/frontmatter.ts';

export interface LoadedContent {
  /** Absolute content root. */
  root: string;
  /** Everything, drafts and every visibility included (for checks and the CLI). */
  all: ContentSet;
  /** What the audience may see. */
  visible: ContentSet;
  problems: ContentProblem[];
  files: ContentFile[];
}

/**
 * Reads every file below the content root, sorted, with `/` separators.
 * @example readContentFiles('content')
 */
export function readContentFiles(contentDir: string, cwd: string = process.cwd()): ContentFile[] {
  const root = resolve(cwd, contentDir);
  const files: ContentFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) {
        const path = relative(root, full).split(sep).join('/');
        const displayPath = relative(cwd, full).split(sep).join('/') || path;
        // Oversized files are not read at all; the parser reports them by their length.
        const text = stat.size > MAX_FILE_BYTES ? ' '.repeat(MAX_FILE_BYTES + 1) : readFileSync(full, 'utf8');
        files.push({ path, displayPath, text });
      }
    }
  };
  walk(root);
  return files;
}

/**
 * Loads, checks and filters a content folder. Never throws for bad content.
 * @example const { visible, problems } = loadContent({ contentDir: 'content', audience: 'public' })
 */
export function loadContent(options: { contentDir: string; audience: Audience; cwd?: string }): LoadedContent {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.contentDir);
  let exists = false;
  try {
    exists = statSync(root).isDirectory();
  } catch {
    exists = false;
  }
  if (!exists) {
    const { content } = loadContentSet([]);
    return {
      root,
      all: content,
      visible: content,
      files: [],
      problems: [{ file: relative(cwd, root) || root, field: '', severity: 'error', code: 'no-content', message: 'content folder does not exist (set PORTAL_CONTENT_DIR or create content/)' }],
    };
  }
  const files = readContentFiles(root, cwd);
  const { content, problems } = loadContentSet(files);
  problems.push(...checkReferences(content), ...checkRetroComponents(content, files), ...lintContent(content));
  return { root, all: content, visible: filterByAudience(content, options.audience), problems, files };
}
