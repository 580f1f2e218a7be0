/**
 * Bodies that quote hidden titles: a public objective whose text says "as planned in Project
 * Nightingale" publishes the title of an internal objective. The lint warns (it cannot know
 * whether the words mean the entry) when the body of an entry visible at a published level
 * (public, internal) contains, exactly and case-sensitively, the title of an objective, KPI or
 * retrospective, or the name of a team or person, that readers of that level may not see:
 * above the level or a draft. Only titles of at least MIN_QUOTED_TITLE_WORDS words and
 * MIN_QUOTED_TITLE_LENGTH characters count, so that "Q3" or a one-word team name such as
 * "Onboarding" is not flagged in every body, and the match must not continue a word on either
 * side ("Growth Plan" does not match "Growth Planning"). A hidden title that a visible entry
 * of the level also has is public anyway and not flagged.
 */
import { canSee, type Audience } from './audience.ts';
import { isDraft, type ContentEntry, type ContentSet } from './content-set.ts';
import type { ContentProblem } from './problems.ts';
import type { Visibility } from './schema/common.ts';

/** A quoted title counts from this many words ("Hannah Lee", "Project Nightingale"). */
export const MIN_QUOTED_TITLE_WORDS = 2;
/** ...and this many characters ("Q3 goals" is the shortest that counts). */
export const MIN_QUOTED_TITLE_LENGTH = 8;

const WORD_RE = /[\p{L}\p{N}]+/gu;
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const PUBLISHED_LEVELS = ['public', 'internal'] as const satisfies readonly Visibility[];

interface HiddenTitle {
  title: string;
  /** Offset of the title's first word in the title (titles may start with a quote mark). */
  offset: number;
  /** `title`, or `name` for teams and people. */
  field: 'title' | 'name';
  file: string;
  why: string;
}

type AnyEntry = ContentEntry<{ title?: string; name?: string }>;

/**
 * One warning per visible body and hidden entry whose title the body quotes.
 * @example lintHiddenTitles(content)[0].message // 'quotes "Project Nightingale", the title of ...'
 */
export function lintHiddenTitles(content: ContentSet): ContentProblem[] {
  const entries: AnyEntry[] = [...content.teams, ...content.people, ...content.objectives, ...content.kpis, ...content.retrospectives];
  const warnings: ContentProblem[] = [];
  for (const level of PUBLISHED_LEVELS) {
    const index = hiddenTitleIndex(entries, level);
    if (index.size === 0) continue;
    for (const entry of entries) {
      if (entry.visibility !== level || isDraft(entry) || entry.body === '') continue;
      for (const hidden of quotedTitles(entry.body, index)) {
        warnings.push({
          file: entry.file,
          field: 'body',
          severity: 'warning',
          code: 'quotes-hidden-title',
          message: `quotes "${hidden.title}", the ${hidden.field} of ${hidden.file}, which ${hidden.why}: readers of this ${level} entry may not see it; rephrase, or make ${hidden.file} ${level}`,
        });
      }
    }
  }
  return warnings;
}

/**
 * A test for free text that the build would publish but the content does not hold (commit
 * subjects of the history): whether it quotes, by the rules of the lint above, the title or
 * name of an entry the audience may not see, or contains a hidden entry's id (its path, such
 * as `2026-q3/nightingale`) as a whole token. Such text is left out rather than published.
 * @example mentionsHidden(content, 'public')('Raise target, see Project Nightingale') // true
 */
export function mentionsHidden(content: ContentSet, audience: Audience): (text: string) => boolean {
  const entries: AnyEntry[] = [...content.teams, ...content.people, ...content.objectives, ...content.kpis, ...content.retrospectives];
  const index = hiddenTitleIndex(entries, audience);
  const visibleIds = new Set(entries.filter((entry) => !isDraft(entry) && canSee(audience, entry.visibility)).map((entry) => entry.id));
  const hiddenIds = [...new Set(entries.filter((entry) => (isDraft(entry) || !canSee(audience, entry.visibility)) && !visibleIds.has(entry.id)).map((entry) => entry.id))];
  return (text) => quotedTitles(text, index).length > 0 || hiddenIds.some((id) => containsToken(text, id));
}

/** Characters that continue an id (ids are lower-case letters, digits, `.`, `-`, `_` and `/`). */
const ID_CHAR_RE = /[a-z0-9._/-]/;

function containsToken(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
    if (!ID_CHAR_RE.test(text.charAt(at - 1)) && !ID_CHAR_RE.test(text.charAt(at + token.length))) return true;
  }
  return false;
}

/** Hidden titles long enough to count, by their first word. */
function hiddenTitleIndex(entries: readonly AnyEntry[], level: Visibility): Map<string, HiddenTitle[]> {
  const visibleTitles = new Set<string>();
  for (const entry of entries) if (!isDraft(entry) && canSee(level, entry.visibility)) visibleTitles.add(titleOf(entry));
  const index = new Map<string, HiddenTitle[]>();
  for (const entry of entries) {
    if (!isDraft(entry) && canSee(level, entry.visibility)) continue;
    const title = titleOf(entry).trim();
    const words = [...title.matchAll(WORD_RE)];
    if (words.length < MIN_QUOTED_TITLE_WORDS || title.length < MIN_QUOTED_TITLE_LENGTH || visibleTitles.has(title)) continue;
    const first = words[0]!;
    const why = isDraft(entry) ? 'is a draft' : `is ${entry.visibility}`;
    const hidden: HiddenTitle = { title, offset: first.index, field: entry.data.title === undefined ? 'name' : 'title', file: entry.file, why };
    index.set(first[0], [...(index.get(first[0]) ?? []), hidden]);
  }
  return index;
}

/** The hidden titles a body contains, each once, in the order they first occur. */
function quotedTitles(body: string, index: ReadonlyMap<string, HiddenTitle[]>): HiddenTitle[] {
  const found = new Set<HiddenTitle>();
  for (const word of body.matchAll(WORD_RE)) {
    for (const hidden of index.get(word[0]) ?? []) {
      if (found.has(hidden)) continue;
      const start = word.index - hidden.offset;
      const end = start + hidden.title.length;
      // The word is a whole word of the body, so the title cannot start inside another one.
      if (start < 0 || !body.startsWith(hidden.title, start)) continue;
      if (WORD_CHAR_RE.test(hidden.title.at(-1)!) && WORD_CHAR_RE.test(body.charAt(end))) continue;
      found.add(hidden);
    }
  }
  return [...found];
}

function titleOf(entry: AnyEntry): string {
  return entry.data.title ?? entry.data.name ?? '';
}

