import { describe, expect, test } from 'vitest';
import { changesAfterStart, entryAtRevision, entryHistory, keyResultChanges, settingsAtRevision, snapshotKeyResults, visibleAtRevision, visibleWindow, type Revision, type SettingsAtRevision, type TimelineRevision } from './history.ts';
import type { Audience } from '../content/audience.ts';

const file = (target: number, weight = 1) => `---\ntitle: X\nkey_results:\n  - id: a\n    title: A from 1 to ${target}\n    start: 1\n    target: ${target}\n    weight: ${weight}\n  - {id: b, title: B, type: milestone}\n---\nBody`;
const revision = (commit: string, date: string, text: string): Revision => ({ commit, date, author: 'Ada', subject: `s-${commit}`, keyResults: snapshotKeyResults(text) });
const bytes = (text: string) => new TextEncoder().encode(text);

/** An objective file at one revision. */
const objective = (fields: { target?: number; visibility?: string; draft?: boolean; extra?: string } = {}) =>
  bytes(
    `---\ntitle: T\nperiod: 2026-Q3\nteam: t\n${fields.visibility ? `visibility: ${fields.visibility}\n` : ''}${fields.draft ? 'draft: true\n' : ''}${fields.extra ?? ''}key_results:\n  - {id: a, title: A, start: 0, target: ${fields.target ?? 10}}\n---\nBody\n`,
  );

const PUBLIC_DEFAULT: SettingsAtRevision = { valid: true, defaultVisibility: 'public' };
const INTERNAL_DEFAULT: SettingsAtRevision = { valid: true, defaultVisibility: 'internal' };
let counter = 0;
const step = (file: Uint8Array | undefined, settings: SettingsAtRevision = INTERNAL_DEFAULT): TimelineRevision => {
  counter++;
  return { commit: `c${counter}`, date: `2026-07-${String(counter).padStart(2, '0')}`, author: `Author ${counter}`, subject: `Subject ${counter}`, entry: file && entryAtRevision(file), settings };
};

describe('snapshotKeyResults', () => {
  test('keeps the tracked fields of each key result', () => {
    expect(snapshotKeyResults(file(50, 2))).toEqual({ a: { start: 1, target: 50, weight: 2 }, b: { type: 'milestone' } });
  });

  test.each(['', 'no frontmatter', '---\nkey_results: 5\n---\n', '---\n[broken\n---\n'])('gives {} for %j', (text) => {
    expect(snapshotKeyResults(text)).toEqual({});
  });
});

describe('keyResultChanges', () => {
  test('reports field changes between consecutive revisions in the given (commit) order, not by date', () => {
    // Same day, and a rebased commit with an older author date: commit order decides.
    const changes = keyResultChanges([revision('c1', '2026-07-02', file(50)), revision('c2', '2026-07-02', file(50, 2)), revision('c3', '2026-06-30', file(35, 2))]);
    expect(changes.map(({ keyResultId, field, from, to, commit }) => [keyResultId, field, from, to, commit])).toEqual([
      ['a', 'weight', 1, 2, 'c2'],
      ['a', 'target', 50, 35, 'c3'],
    ]);
  });

  test('ignores key results that were added or removed', () => {
    const before = revision('c1', '2026-07-01', '---\nkey_results:\n  - {id: a, target: 5}\n---\n');
    const after = revision('c2', '2026-07-02', '---\nkey_results:\n  - {id: b, target: 6}\n---\n');
    expect(keyResultChanges([before, after])).toEqual([]);
  });

  test('reports a field that was removed as a change to undefined', () => {
    const before = revision('c1', '2026-07-01', '---\nkey_results:\n  - {id: a, target: 5, weight: 2}\n---\n');
    const after = revision('c2', '2026-07-02', '---\nkey_results:\n  - {id: a, target: 5}\n---\n');
    expect(keyResultChanges([before, after])).toMatchObject([{ field: 'weight', from: 2, to: undefined }]);
  });
});

describe('changesAfterStart', () => {
  test('keeps changes dated after the first day of the period', () => {
    const changes = keyResultChanges([revision('c1', '2026-06-20', file(50)), revision('c2', '2026-07-01', file(40)), revision('c3', '2026-07-02', file(30))]);
    expect(changesAfterStart(changes, '2026-Q3').map((change) => change.commit)).toEqual(['c3']);
  });
});

describe('entryAtRevision and settingsAtRevision judge a revision as the build would', () => {
  test.each([
    ['a valid public objective', objective({ visibility: 'public' }), { valid: true, draft: false, visibility: 'public' }],
    ['no visibility: the default applies later', objective(), { valid: true, draft: false, visibility: undefined }],
    ['a draft', objective({ visibility: 'public', draft: true }), { valid: true, draft: true }],
    ['broken YAML', bytes('---\ntitle: [T\n---\n'), { valid: false }],
    ['a schema error (unknown field)', objective({ visibility: 'public', extra: 'secret_field: 1\n' }), { valid: false }],
    ['a bad visibility', objective({ visibility: 'everyone' }), { valid: false }],
    ['not UTF-8', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]), { valid: false }],
  ])('%s', (_name, input, expected) => {
    expect(entryAtRevision(input)).toMatchObject(expected);
  });

  test.each([
    ['no portal.yaml gives the default internal', undefined, { valid: true, defaultVisibility: 'internal' }],
    ['default_visibility: public', bytes('default_visibility: public\n'), { valid: true, defaultVisibility: 'public' }],
    ['a broken portal.yaml', bytes('default_visibility: [public\n'), { valid: false }],
    ['an unknown default', bytes('default_visibility: world\n'), { valid: false }],
  ])('%s', (_name, input, expected) => {
    expect(settingsAtRevision(input)).toEqual(expected);
  });
});

describe('visibleAtRevision', () => {
  const cases: [string, Uint8Array | undefined, SettingsAtRevision, Record<Audience, boolean>][] = [
    ['public entry', objective({ visibility: 'public' }), INTERNAL_DEFAULT, { public: true, internal: true, private: true }],
    ['internal entry', objective({ visibility: 'internal' }), PUBLIC_DEFAULT, { public: false, internal: true, private: true }],
    ['private entry', objective({ visibility: 'private' }), PUBLIC_DEFAULT, { public: false, internal: false, private: true }],
    ['no visibility, default internal at that revision', objective(), INTERNAL_DEFAULT, { public: false, internal: true, private: true }],
    ['no visibility, default public at that revision', objective(), PUBLIC_DEFAULT, { public: true, internal: true, private: true }],
    ['draft', objective({ visibility: 'public', draft: true }), PUBLIC_DEFAULT, { public: false, internal: false, private: false }],
    ['deleted', undefined, PUBLIC_DEFAULT, { public: false, internal: false, private: false }],
    ['unparsable', bytes('---\n: :\n[\n---\n'), PUBLIC_DEFAULT, { public: false, internal: false, private: false }],
    ['broken portal.yaml', objective({ visibility: 'public' }), { valid: false }, { public: false, internal: false, private: false }],
  ];
  test.each(cases)('%s', (_name, input, settings, expected) => {
    const state = { entry: input && entryAtRevision(input), settings };
    expect({ public: visibleAtRevision(state, 'public'), internal: visibleAtRevision(state, 'internal'), private: visibleAtRevision(state, 'private') }).toEqual(expected);
  });
});

describe('visibleWindow keeps the newest unbroken run of visible revisions', () => {
  test.each([
    ['all visible', 'VVV', 'VVV'],
    ['hidden, then visible', 'HHVV', 'VV'],
    ['visible, hidden, visible again: the first stretch is dropped', 'VVHVV', 'VV'],
    ['newest hidden: nothing', 'VVH', ''],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    const revisions = [...input].map((flag, index) => ({ flag, index }));
    expect(visibleWindow(revisions, (revision) => revision.flag === 'V').map((revision) => revision.flag).join('')).toBe(expected);
  });
});

describe('entryHistory', () => {
  const none = { authors: false, subjects: false };
  const all = { authors: true, subjects: true };

  test('a draft with target 999 published later with target 50: published is the first public revision, no diff from the draft', () => {
    const timeline = [step(objective({ visibility: 'public', draft: true, target: 999 })), step(objective({ visibility: 'public', draft: true, target: 70 })), step(objective({ visibility: 'public', target: 50 }))];
    const history = entryHistory(timeline, 'public', all)!;
    expect(history.published).toEqual({ commit: timeline[2]!.commit, date: timeline[2]!.date, author: timeline[2]!.author, subject: timeline[2]!.subject });
    expect(history.changes).toEqual([]);
  });

  test('a subject that names a hidden entry is left out, the other subjects and the changes stay', () => {
    const timeline = [step(objective({ visibility: 'public', target: 20 })), step(objective({ visibility: 'public', target: 25 })), step(objective({ visibility: 'public', target: 30 }))];
    const named = timeline[1]!.subject!;
    const history = entryHistory(timeline, 'public', all, (subject) => subject === named)!;
    expect(history.published.subject).toBe(timeline[0]!.subject);
    expect(history.changes.map(({ to, subject, author }) => [to, subject, author])).toEqual([
      [25, undefined, timeline[1]!.author],
      [30, timeline[2]!.subject, timeline[2]!.author],
    ]);
  });

  test('a private objective deleted and re-created public at the same path: nothing before the re-creation', () => {
    const timeline = [step(objective({ visibility: 'private', target: 7 })), step(undefined), step(objective({ visibility: 'public', target: 20 })), step(objective({ visibility: 'public', target: 25 }))];
    const history = entryHistory(timeline, 'private', none)!;
    expect(history.published.commit).toBe(timeline[2]!.commit);
    expect(history.changes.map(({ from, to, commit }) => [from, to, commit])).toEqual([[20, 25, timeline[3]!.commit]]);
  });

  test('internal then public: the internal life is history only for internal audiences', () => {
    const timeline = [step(objective({ visibility: 'internal', target: 30 })), step(objective({ visibility: 'public', target: 40 })), step(objective({ visibility: 'public', target: 45 }))];
    expect(entryHistory(timeline, 'public', none)!.changes.map(({ from, to }) => [from, to])).toEqual([[40, 45]]);
    expect(entryHistory(timeline, 'internal', none)!.changes.map(({ from, to }) => [from, to])).toEqual([[30, 40], [40, 45]]);
  });

  test('a change of default_visibility in portal.yaml opens the window at that commit', () => {
    const timeline = [step(objective({ target: 11 }), INTERNAL_DEFAULT), step(objective({ target: 12 }), INTERNAL_DEFAULT), step(objective({ target: 12 }), PUBLIC_DEFAULT), step(objective({ target: 13 }), PUBLIC_DEFAULT)];
    const history = entryHistory(timeline, 'public', none)!;
    expect(history.published.commit).toBe(timeline[2]!.commit);
    expect(history.changes.map(({ from, to }) => [from, to])).toEqual([[12, 13]]);
  });

  test('an unparsable revision ends the window', () => {
    const timeline = [step(objective({ visibility: 'public', target: 1 })), step(bytes('---\ntitle: [\n---\n')), step(objective({ visibility: 'public', target: 2 }))];
    expect(entryHistory(timeline, 'public', none)).toMatchObject({ published: { commit: timeline[2]!.commit }, changes: [] });
  });

  test('hidden now: no history at all', () => {
    expect(entryHistory([step(objective({ visibility: 'public' })), step(objective({ visibility: 'internal' }))], 'public', all)).toBeUndefined();
  });

  test.each([
    [{ authors: false, subjects: false }, []],
    [{ authors: true, subjects: false }, ['author']],
    [{ authors: false, subjects: true }, ['subject']],
    [{ authors: true, subjects: true }, ['author', 'subject']],
  ])('details %j publish only %j', (details, keys) => {
    const history = entryHistory([step(objective({ visibility: 'public', target: 1 })), step(objective({ visibility: 'public', target: 2 }))], 'public', details)!;
    const extra = (meta: object) => Object.keys(meta).filter((key) => key === 'author' || key === 'subject').sort();
    expect(extra(history.published)).toEqual(keys);
    expect(extra(history.changes[0]!)).toEqual(keys);
  });
});
