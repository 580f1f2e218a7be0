/**
 * Change history of objectives from their file's revisions in git: when a key result's
 * target, start, weight or type changed, and in which commit. Goal drift and sandbagging
 * become visible.
 */
import { parseFrontmatter } from './frontmatter.ts';
import { compareDates } from './calendar-date.ts';
import { periodBounds } from './period.ts';

/** The fields whose changes are tracked. */
export const TRACKED_FIELDS = ['target', 'start', 'weight', 'type'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

/** The tracked fields of each key result in one revision, by key result id. */
export type KeyResultSnapshot = Record<string, Partial<Record<TrackedField, string | number>>>;

export interface Revision {
  commit: string;
  /** Author date, YYYY-MM-DD. */
  date: string;
  author: string;
  subject: string;
  keyResults: KeyResultSnapshot;
}

export interface KeyResultChange {
  keyResultId: string;
  field: TrackedField;
  from: string | number | undefined;
  to: string | number | undefined;
  commit: string;
  date: string;
  author: string;
  subject: string;
}

/**
 * The tracked key result fields of a file's text; an unparsable revision gives `{}`.
 * @example snapshotKeyResults('---\nkey_results:\n  - {id: a, target: 5}\n---\n') // { a: { target: 5 } }
 */
export function snapshotKeyResults(text: string): KeyResultSnapshot {
  const { data } = parseFrontmatter(text);
  const snapshot: KeyResultSnapshot = {};
  const keyResults = data?.key_results;
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
 * Changes of tracked fields between consecutive revisions (given in any order), oldest first.
 * Key results that appear or disappear are not changes of a field and are left out.
 * @example keyResultChanges([rev1, rev2])[0] // { keyResultId: 'a', field: 'target', from: 50, to: 35, ... }
 */
export function keyResultChanges(revisions: readonly Revision[]): KeyResultChange[] {
  const ordered = [...revisions].sort((a, b) => compareDates(a.date, b.date));
  const changes: KeyResultChange[] = [];
  for (let index = 1; index < ordered.length; index++) {
    const before = ordered[index - 1]!;
    const after = ordered[index]!;
    for (const [keyResultId, fields] of Object.entries(after.keyResults)) {
      const previous = before.keyResults[keyResultId];
      if (!previous) continue;
      for (const field of TRACKED_FIELDS) {
        if (previous[field] === fields[field]) continue;
        changes.push({ keyResultId, field, from: previous[field], to: fields[field], commit: after.commit, date: after.date, author: after.author, subject: after.subject });
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
