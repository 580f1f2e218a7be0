import { describe, expect, test } from 'vitest';
import { changesAfterStart, keyResultChanges, snapshotKeyResults, type Revision } from './history.ts';

const file = (target: number, weight = 1) => `---\ntitle: X\nkey_results:\n  - id: a\n    title: A from 1 to ${target}\n    start: 1\n    target: ${target}\n    weight: ${weight}\n  - {id: b, title: B, type: milestone}\n---\nBody`;
const revision = (commit: string, date: string, text: string): Revision => ({ commit, date, author: 'Ada', subject: `s-${commit}`, keyResults: snapshotKeyResults(text) });

describe('snapshotKeyResults', () => {
  test('keeps the tracked fields of each key result', () => {
    expect(snapshotKeyResults(file(50, 2))).toEqual({ a: { start: 1, target: 50, weight: 2 }, b: { type: 'milestone' } });
  });

  test.each(['', 'no frontmatter', '---\nkey_results: 5\n---\n', '---\n[broken\n---\n'])('gives {} for %j', (text) => {
    expect(snapshotKeyResults(text)).toEqual({});
  });
});

describe('keyResultChanges', () => {
  test('reports field changes between consecutive revisions, oldest first, in any input order', () => {
    const changes = keyResultChanges([revision('c3', '2026-08-11', file(35, 2)), revision('c1', '2026-06-20', file(50)), revision('c2', '2026-07-02', file(50, 2))]);
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
