/**
 * Change history of objectives from their file's revisions in git: when a key result's
 * target, start, weight or type changed, and in which commit. Goal drift and sandbagging
 * become visible.
 *
 * History is published only for the time an entry was visible to the build's audience: each
 * revision is judged with the build's own rules (schema, draft, visibility with portal.yaml's
 * default at that revision), and only the unbroken run of visible revisions up to the newest
 * one is used. Its first revision is "published"; diffs never reach across a hidden revision.
 */
import { parseFrontmatter } from '../content/frontmatter.ts';
import { periodBounds } from '../calendar/period.ts';
import { compareDates } from '../calendar/calendar-date.ts';
import { isVisibleTo, type Audience } from '../content/audience.ts';
import { loadContentSet } from '../content/load-content.ts';
import type { Visibility } from '../content/schema/common.ts';
import type { ObjectiveData } from '../content/schema/objective.ts';
import type { HistoryDetails } from '../content/build-inputs.ts';

/** The fields whose changes are tracked. */
export const TRACKED_FIELDS = ['target', 'start', 'weight', 'type'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

/** The tracked fields of each key result in one revision, by key result id. */
export type KeyResultSnapshot = Record<string, Partial<Record<TrackedField, string | number>>>;

/** What a build publishes about a commit; author and subject only when the build allows it. */
export interface RevisionMeta {
  commit: string;
  /** Author date, YYYY-MM-DD. */
  date: string;
  author?: string;
  subject?: string;
}

export interface Revision extends RevisionMeta {
  keyResults: KeyResultSnapshot;
}

/** An entry file at one revision: `valid: false` when the build would have rejected it. */
export type EntryAtRevision = { valid: false } | { valid: true; draft: boolean; visibility: Visibility | undefined; keyResults: KeyResultSnapshot };

/** portal.yaml at one revision (a missing file is valid and gives the defaults). */
export type SettingsAtRevision = { valid: false } | { valid: true; defaultVisibility: Visibility };

/** One step of an entry's timeline: the state of its file and of portal.yaml after a commit. */
export interface TimelineRevision extends RevisionMeta {
  /** Undefined when the file did not exist at this commit (deleted). */
  entry: EntryAtRevision | undefined;
  settings: SettingsAtRevision;
}

export interface KeyResultChange extends RevisionMeta {
  keyResultId: string;
  field: TrackedField;
  from: string | number | undefined;
  to: string | number | undefined;
}

/** What a build publishes of one entry's history. */
export interface EntryHistory {
  /** The first revision in which the audience could see the entry. */
  published: RevisionMeta;
  /** Changes between visible revisions, oldest first. */
  changes: KeyResultChange[];
}

/** Any valid path gives the same verdict: validity of an entry does not depend on where it lives. */
const PROBE_PATH = 'objectives/history/revision.md';
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The tracked key result fields of a file's text; an unparsable revision gives `{}`.
 * @example snapshotKeyResults('---\nkey_results:\n  - {id: a, target: 5}\n---\n') // { a: { target: 5 } }
 */
export function snapshotKeyResults(text: string): KeyResultSnapshot {
  return snapshotOf(parseFrontmatter(text).data?.key_results);
}

function snapshotOf(keyResults: unknown): KeyResultSnapshot {
  const snapshot: KeyResultSnapshot = {};
  if (!Array.isArray(keyResults)) return snapshot;
  for (const kr of keyResults) {
    if (typeof kr !== 'object' || kr === null || typeof (kr as { id?: unknown }).id !== 'string') continue;
    const fields: Partial<Record<TrackedField, string | number>> = {};
    for (const field of TRACKED_FIELDS) {
      const value = (kr as Record<string, unknown>)[field];
      if (typeof value === 'number' || typeof value === 'string') fields[field] = value;
    }
    snapshot[(kr as { id: string }).id] = fields;
  }
  return snapshot;
}

/**
 * An objective file's bytes at one revision, judged by the build's own loader: anything it
 * would reject (not UTF-8, broken YAML, schema errors) is invalid, and so never visible.
 * @example entryAtRevision(Buffer.from('---\ntitle: T\nperiod: 2026-Q3\nvisibility: public\n---\n')) // { valid: true, draft: false, visibility: 'public', ... }
 */
export function entryAtRevision(bytes: Uint8Array): EntryAtRevision {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { valid: false };
  }
  const { content, problems } = loadContentSet([{ path: PROBE_PATH, displayPath: PROBE_PATH, text }]);
  const entry = content.objectives[0];
  if (!entry || problems.some((problem) => problem.severity === 'error')) return { valid: false };
  const data = entry.data as ObjectiveData;
  // The validated values (defaults applied, type derived), as the build saw them, and no second YAML parse.
  return { valid: true, draft: data.draft === true, visibility: data.visibility, keyResults: snapshotOf(data.key_results) };
}

/**
 * portal.yaml's bytes at one revision (undefined: no portal.yaml then, so the defaults).
 * @example settingsAtRevision(Buffer.from('default_visibility: public\n')) // { valid: true, defaultVisibility: 'public' }
 */
export function settingsAtRevision(bytes: Uint8Array | undefined): SettingsAtRevision {
  let text = '';
  try {
    if (bytes) text = UTF8.decode(bytes);
  } catch {
    return { valid: false };
  }
  const { content, problems } = loadContentSet(bytes ? [{ path: 'portal.yaml', displayPath: 'portal.yaml', text }] : []);
  if (problems.some((problem) => problem.severity === 'error')) return { valid: false };
  return { valid: true, defaultVisibility: content.settings.default_visibility };
}

/**
 * Whether the audience could see the entry at this revision, by the rule the build applies
 * (src/lib/content/audience.ts) with the default visibility of portal.yaml at the same revision. A
 * deleted, unparsable or invalid file, or a broken portal.yaml, counts as not visible.
 * @example visibleAtRevision(revision, 'public')
 */
export function visibleAtRevision(revision: Pick<TimelineRevision, 'entry' | 'settings'>, audience: Audience): boolean {
  const { entry, settings } = revision;
  if (!entry?.valid || !settings.valid) return false;
  return isVisibleTo(audience, { data: { draft: entry.draft }, visibility: entry.visibility ?? settings.defaultVisibility });
}

/**
 * The newest unbroken run of visible revisions (input and output oldest first). Whatever came
 * before the last hidden revision is dropped, even an earlier visible stretch: an entry that
 * was hidden and shown again starts a new history, so nothing of its hidden time, and no diff
 * against it, can be published. Empty when the newest revision is hidden.
 * @example visibleWindow([hidden, shown1, shown2], isShown) // [shown1, shown2]
 */
export function visibleWindow<T>(revisions: readonly T[], visible: (revision: T) => boolean): T[] {
  let start = revisions.length;
  while (start > 0 && visible(revisions[start - 1]!)) start--;
  return revisions.slice(start);
}

/**
 * What a build publishes of an entry's timeline (oldest first, in commit order): the first
 * visible revision as "published", and the changes between visible revisions. Authors and
 * subjects are left out unless `details` allows them, and so is every subject that
 * `mentionsHidden` finds naming a hidden entry. Undefined when no revision is visible.
 * @example entryHistory(timeline, 'public', { authors: false, subjects: false })?.published.date // '2026-07-01'
 */
export function entryHistory(
  timeline: readonly TimelineRevision[],
  audience: Audience,
  details: HistoryDetails,
  mentionsHidden: (subject: string) => boolean = () => false,
): EntryHistory | undefined {
  const window = visibleWindow(timeline, (revision) => visibleAtRevision(revision, audience));
  if (window.length === 0) return undefined;
  const meta = (revision: RevisionMeta): RevisionMeta => publishedMeta(revision, details, mentionsHidden);
  const revisions: Revision[] = window.map((revision) => ({
    ...meta(revision),
    // Visible revisions are valid: visibleAtRevision checked it.
    keyResults: revision.entry?.valid ? revision.entry.keyResults : {},
  }));
  return { published: meta(window[0]!), changes: keyResultChanges(revisions) };
}

/**
 * A revision's commit, date and the details the build publishes. A subject is free text
 * about the whole commit, which may also have changed hidden entries: one that names a
 * hidden entry (`mentionsHidden`, src/lib/content/hidden-titles.ts) is left out.
 */
function publishedMeta(revision: RevisionMeta, details: HistoryDetails, mentionsHidden: (subject: string) => boolean): RevisionMeta {
  return {
    commit: revision.commit,
    date: revision.date,
    ...(details.authors && revision.author !== undefined && { author: revision.author }),
    ...(details.subjects && revision.subject !== undefined && !mentionsHidden(revision.subject) && { subject: revision.subject }),
  };
}

/**
 * Changes of tracked fields between consecutive revisions, given oldest first in commit order
 * (not sorted by date: author dates can go backwards after a rebase, and several commits share
 * a day). Key results that appear or disappear are not changes of a field and are left out.
 * @example keyResultChanges([rev1, rev2])[0] // { keyResultId: 'a', field: 'target', from: 50, to: 35, ... }
 */
export function keyResultChanges(revisions: readonly Revision[]): KeyResultChange[] {
  const changes: KeyResultChange[] = [];
  for (let index = 1; index < revisions.length; index++) {
    const before = revisions[index - 1]!;
    const { keyResults, ...meta } = revisions[index]!;
    for (const [keyResultId, fields] of Object.entries(keyResults)) {
      const previous = before.keyResults[keyResultId];
      if (!previous) continue;
      for (const field of TRACKED_FIELDS) {
        if (previous[field] === fields[field]) continue;
        changes.push({ keyResultId, field, from: previous[field], to: fields[field], ...meta });
      }
    }
  }
  return changes;
}

/**
 * Changes made after a period started: the ones that move the goalposts.
 * @example changesAfterStart(changes, '2026-Q3')
 */
export function changesAfterStart(changes: readonly KeyResultChange[], period: string): KeyResultChange[] {
  const { first } = periodBounds(period);
  return changes.filter((change) => compareDates(change.date, first) > 0);
}
