/**
 * Ids carry no hidden names. An entry's id is its path and its URL, so a public objective at
 * `objectives/2026-q3/secret-team/x.md` publishes `/objectives/2026-q3/secret-team/x/`, and with
 * it the name of the internal team `secret-team`. The rule, for each audience level that is
 * published (public, internal): no entry visible at that level may have a path segment equal
 * to a path segment of the id of a team or person that the level may not see. It is checked
 * on all content, whatever the build's audience, so that one folder builds for every audience,
 * and `okr new` proposes ids with the same names left out. Key result ids count too: each
 * names a badge file (`badges/key-results/<objective>/<key result>.svg`). A folder segment of a
 * hidden id that is also part of the id of a team or person the level may see (the public
 * parent `company` of an internal `company/secret-ops`) names nothing hidden.
 */
import { canSee } from './audience.ts';
import { isDraft, type ContentSet } from './content-set.ts';
import type { ContentProblem } from './problems.ts';
import type { Visibility } from './schema/common.ts';

/** A team or person whose id is a name that some readers may not see. */
export interface HiddenName {
  kind: 'team' | 'person';
  /** Display path of the team's or person's file. */
  file: string;
  visibility: Visibility;
}

/** The levels that are published; a private build is a local preview of everything. */
const PUBLISHED_LEVELS = ['public', 'internal'] as const satisfies readonly Visibility[];

/**
 * The names that readers of an entry with `visibility` may not see: the id's last segment of
 * every team or person above that visibility, and the other segments of such ids that are no
 * segment of the id of a team or person they may see, with the first such file (in file order).
 * @example hiddenNames(content, 'public').get('secret-team')?.file // 'content/teams/secret-team.md'
 */
export function hiddenNames(content: ContentSet, visibility: Visibility): Map<string, HiddenName> {
  const names = new Map<string, HiddenName>();
  const visible = new Set([...content.teams, ...content.people].filter((entry) => canSee(visibility, entry.visibility)).flatMap((entry) => entry.id.split('/')));
  const add = (kind: HiddenName['kind'], entries: ContentSet['teams'] | ContentSet['people']): void => {
    for (const entry of entries) {
      if (canSee(visibility, entry.visibility)) continue;
      const segments = entry.id.split('/');
      segments.forEach((segment, index) => {
        // The last segment is the entry's own name; the folders above it name nothing hidden
        // when readers see them anyway, in the id of a team or person they may see.
        const own = index === segments.length - 1;
        if (!names.has(segment) && (own || !visible.has(segment))) names.set(segment, { kind, file: entry.file, visibility: entry.visibility });
      });
    }
  };
  add('team', content.teams);
  add('person', content.people);
  return names;
}

/**
 * An id with the segments left out that readers of `visibility` may not see, for `okr new`;
 * undefined when nothing would be left.
 * @example withoutHiddenNames('2026-q3/secret-team/grow', content, 'public') // '2026-q3/grow'
 */
export function withoutHiddenNames(id: string, content: ContentSet, visibility: Visibility): string | undefined {
  const names = hiddenNames(content, visibility);
  const kept = id.split('/').filter((segment) => !names.has(segment));
  return kept.length > 0 ? kept.join('/') : undefined;
}

/**
 * One error for each visible entry (of any collection, drafts excepted) whose id contains a
 * name hidden from its readers, naming the entry's file, the field `id` and the hidden file.
 * Each entry is checked at its own visibility, the widest audience that sees it.
 * @example checkHiddenNamesInIds(content)[0].message // 'path segment "secret-team" is the id of team ...'
 */
export function checkHiddenNamesInIds(content: ContentSet): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const entries = [...content.teams, ...content.people, ...content.objectives, ...content.kpis, ...content.retrospectives];
  for (const level of PUBLISHED_LEVELS) {
    const names = hiddenNames(content, level);
    if (names.size === 0) continue;
    for (const entry of entries) {
      if (entry.visibility !== level || isDraft(entry)) continue;
      for (const segment of new Set(entry.id.split('/'))) {
        const hidden = names.get(segment);
        if (!hidden) continue;
        problems.push({
          file: entry.file,
          field: 'id',
          severity: 'error',
          code: 'hidden-name-in-id',
          message:
            `path segment "${segment}" is the id of ${hidden.kind} ${hidden.file}, which is ${hidden.visibility}: this ${level} entry's URL would show that name ` +
            `to readers who may not see the ${hidden.kind}; move the file to a path without "${segment}", or make ${hidden.file} ${level}`,
        });
      }
      const keyResults = (entry.data as { key_results?: readonly { id?: unknown }[] }).key_results ?? [];
      keyResults.forEach((keyResult, index) => {
        const hidden = typeof keyResult.id === 'string' ? names.get(keyResult.id) : undefined;
        if (!hidden) return;
        problems.push({
          file: entry.file,
          field: `key_results[${index}].id`,
          severity: 'error',
          code: 'hidden-name-in-id',
          message:
            `"${String(keyResult.id)}" is the id of ${hidden.kind} ${hidden.file}, which is ${hidden.visibility}: this ${level} key result's badge URL would show that name ` +
            `to readers who may not see the ${hidden.kind}; choose another key result id, or make ${hidden.file} ${level}`,
        });
      });
    }
  }
  return problems;
}
