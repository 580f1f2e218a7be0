import { describe, expect, test } from 'vitest';
import { planPeriodClose, roundScore } from './close-period.ts';
import { loadContentSet } from '../../src/lib/content/load-content.ts';

const file = (path: string, text: string) => ({ path, displayPath: path, text });

describe('roundScore', () => {
  test.each([
    [0.666, 0.67],
    [0.125, 0.13],
    [1, 1],
    [0, 0],
  ])('rounds %f to %f', (share, expected) => {
    expect(roundScore(share)).toBe(expected);
  });
});

describe('planPeriodClose', () => {
  const { content } = loadContentSet([
    file(
      'objectives/2026-q3/a.md',
      '---\ntitle: A\nperiod: 2026-Q3\nteam: x\nkey_results:\n' +
        '  - {id: deals, title: Deals from 0 to 3, start: 0, target: 3, checkins: [{date: 2026-08-01, value: 2}]}\n' +
        '  - {id: launch, title: Launch, type: milestone, done: true, weight: 2}\n' +
        '  - {id: nps, title: NPS from 30 to 40, start: 30, target: 40, score: 0.5}\n---\n',
    ),
    file('objectives/2026-q3/b.md', '---\ntitle: B\nperiod: 2026-Q3\nteam: x\nscore: 0.9\nkey_results:\n  - {id: k, title: K from 0 to 1, start: 0, target: 1}\n---\n'),
    file('objectives/2026-q3/draft.md', '---\ntitle: D\nperiod: 2026-Q3\nteam: x\ndraft: true\nkey_results:\n  - {id: k, title: K from 0 to 1, start: 0, target: 1}\n---\n'),
    file('objectives/2026-q4/c.md', '---\ntitle: C\nperiod: 2026-Q4\nteam: x\nkey_results:\n  - {id: k, title: K from 0 to 1, start: 0, target: 1}\n---\n'),
  ]);

  test('rounds computed key result scores, keeps manual ones, and averages by weight', () => {
    expect(planPeriodClose(content, '2026-Q3', '2026-10-02')).toEqual([
      {
        id: '2026-q3/a',
        path: 'objectives/2026-q3/a.md',
        // (0.67 x 1 + 1 x 2 + 0.5 x 1) / 4 = 0.7925
        score: 0.79,
        kept: false,
        keyResults: [
          { index: 0, id: 'deals', score: 0.67, kept: false },
          { index: 1, id: 'launch', score: 1, kept: false },
          { index: 2, id: 'nps', score: 0.5, kept: true },
        ],
      },
      { id: '2026-q3/b', path: 'objectives/2026-q3/b.md', score: 0.9, kept: true, keyResults: [{ index: 0, id: 'k', score: 0, kept: false }] },
    ]);
  });

  test('returns nothing for a period without objectives', () => {
    expect(planPeriodClose(content, '2025-Q1', '2026-10-02')).toEqual([]);
  });
});
