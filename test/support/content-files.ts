/**
 * In-memory content folders for unit tests: frontmatter objects in, ContentSet out, through
 * the same loadContentSet that the build runs.
 */
import { stringify } from 'yaml';
import type { ContentFile, ContentSet } from '../../src/lib/content/content-set.ts';
import { loadContentSet } from '../../src/lib/content/load-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';

/** Path below the content root -> frontmatter (an object) or the whole file text (a string). */
export type ContentSpec = Record<string, object | string>;

/**
 * Files of a content folder. An object becomes YAML frontmatter (for portal.yaml: the file).
 * @example contentFiles({ 'teams/support.md': { name: 'Support' } })
 */
export function contentFiles(spec: ContentSpec): ContentFile[] {
  return Object.entries(spec).map(([path, value]) => {
    const yaml = typeof value === 'string' ? '' : stringify(value, { aliasDuplicateObjects: false });
    const text = typeof value === 'string' ? value : path === 'portal.yaml' ? yaml : `---\n${yaml}---\n`;
    return { path, displayPath: `content/${path}`, text };
  });
}

/**
 * Loads a content folder; problems are formatted as the build prints them.
 * @example loadSpec({ 'teams/x.md': {} }).problems // ['content/teams/x.md: name: is required ...']
 */
export function loadSpec(spec: ContentSpec): { content: ContentSet; problems: string[] } {
  const { content, problems } = loadContentSet(contentFiles(spec));
  return { content, problems: problems.map(formatProblem) };
}

/**
 * Loads a content folder that must be valid; throws with every problem otherwise.
 * @example contentSet({ 'teams/support.md': { name: 'Support' } }).teams[0].id // 'support'
 */
export function contentSet(spec: ContentSpec): ContentSet {
  const { content, problems } = loadContentSet(contentFiles(spec));
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(`test content has problems:\n${errors.map(formatProblem).join('\n')}`);
  return content;
}
