import { describe, expect, test } from 'vitest';
import { contentSet } from '../../../test/support/content-files.ts';
import { contentAsOf } from './as-of.ts';

const CONTENT = contentSet({
  'portal.yaml': { default_visibility: 'public' },
  'teams/t.md': { name: 'T' },
  'kpis/nps.md': { title: 'NPS', data: [{ date: '2026-08-02', value: 30 }, { date: '2026-08-09', value: 31 }, { date: '2026-08-10', value: 32 }] },
  'kpis/plain.md': { title: 'Plain', data: [{ date: '2026-07-01', value: 1 }] },
  'objectives/2026-q3/a.md': {
    title: 'A',
    team: 't',
    period: '2026-Q3',
    key_results: [
      { id: 'x', title: 'X from 0 to 10', start: 0, target: 10, checkins: [{ date: '2026-08-09', value: 4 }, { date: '2026-08-10', value: 5 }] },
      { id: 'y', title: 'Y from 0 to 10', start: 0, target: 10, checkins: [{ date: '2026-07-01', value: 1 }] },
    ],
  },
  'objectives/2026-q3/b.md': { title: 'B', period: '2026-Q3', team: 't', key_results: [{ id: 'z', title: 'Z', type: 'milestone' }] },
});

describe('contentAsOf', () => {
  const cut = contentAsOf(CONTENT, '2026-08-09');

  test.each([
    ['check-ins of x', cut.objectives[0]!.data.key_results[0]!.checkins.map((c) => c.date), ['2026-08-09']],
    ['check-ins of y', cut.objectives[0]!.data.key_results[1]!.checkins.map((c) => c.date), ['2026-07-01']],
    ['points of nps', cut.kpis.find((k) => k.id === 'nps')!.data.data!.map((p) => p.date), ['2026-08-02', '2026-08-09']],
  ])('keeps what is dated on or before the as-of date: %s', (_, dates, expected) => {
    expect(dates).toEqual(expected);
  });

  test('entries without later data stay the same objects, and the input is not changed', () => {
    expect(cut.objectives[1]).toBe(CONTENT.objectives[1]);
    expect(cut.kpis.find((k) => k.id === 'plain')).toBe(CONTENT.kpis.find((k) => k.id === 'plain'));
    expect(CONTENT.objectives[0]!.data.key_results[0]!.checkins).toHaveLength(2);
  });

  test('returns the content itself when nothing is dated after the as-of date', () => {
    expect(contentAsOf(CONTENT, '2026-12-31')).toBe(CONTENT);
  });

  test('drops everything dated after a date before all data', () => {
    const empty = contentAsOf(CONTENT, '2026-06-30');
    expect(empty.kpis.map((kpi) => kpi.data.data?.length)).toEqual([0, 0]);
    expect(empty.objectives[0]!.data.key_results.map((kr) => kr.checkins.length)).toEqual([0, 0]);
  });
});
