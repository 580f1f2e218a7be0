import { describe, expect, test } from 'vitest';
import type { CheckinCadence } from '../content/schema/portal-settings.ts';
import type { KeyResultType } from '../content/schema/objective.ts';
import { keyResultFreshness } from './freshness.ts';

const checkinOn = (...dates: string[]): { date: string }[] => dates.map((date) => ({ date }));
const kr = (fields: { type?: KeyResultType; hasManualCurrent?: boolean; checkins?: { date: string }[]; kpiPoints?: { date: string }[] } = {}) => ({
  type: fields.type ?? 'increase',
  hasManualCurrent: fields.hasManualCurrent ?? false,
  checkins: fields.checkins ?? [],
  kpiPoints: fields.kpiPoints ?? [],
});
const at = (asOf: string, cadence: CheckinCadence = 'weekly') => ({ period: '2026-Q3', asOf, cadence });

describe('keyResultFreshness: the grace window is one and a half cadences', () => {
  test.each<[CheckinCadence, string, string, boolean]>([
    // weekly: more than 10.5 days old
    ['weekly', '2026-08-01', '2026-08-11', false], // 10 days
    ['weekly', '2026-08-01', '2026-08-12', true], // 11 days
    // biweekly: more than 21 days old
    ['biweekly', '2026-08-01', '2026-08-22', false], // 21 days
    ['biweekly', '2026-08-01', '2026-08-23', true], // 22 days
    // monthly (30 days): more than 45 days old
    ['monthly', '2026-07-10', '2026-08-24', false], // 45 days
    ['monthly', '2026-07-10', '2026-08-25', true], // 46 days
  ])('%s: last check-in %s is stale at %s: %s', (cadence, last, asOf, stale) => {
    const freshness = keyResultFreshness(kr({ checkins: checkinOn('2026-07-03', last) }), at(asOf, cadence));
    expect(freshness).toEqual({ lastUpdate: last, stale, staleDays: stale ? expect.any(Number) : undefined });
  });

  test('says how many days have passed without an update', () => {
    expect(keyResultFreshness(kr({ checkins: checkinOn('2026-08-01') }), at('2026-08-16')).staleDays).toBe(15);
  });
});

describe('keyResultFreshness: without a dated value', () => {
  test.each<[CheckinCadence, string, boolean]>([
    ['weekly', '2026-07-07', false], // 6 days since 2026-07-01
    ['weekly', '2026-07-08', true], // one whole week
    ['biweekly', '2026-07-14', false],
    ['biweekly', '2026-07-15', true],
    ['monthly', '2026-07-30', false],
    ['monthly', '2026-07-31', true],
  ])('%s: stale at %s: %s', (cadence, asOf, stale) => {
    expect(keyResultFreshness(kr(), at(asOf, cadence)).stale).toBe(stale);
  });

  test('counts the days since the period began', () => {
    expect(keyResultFreshness(kr(), at('2026-08-16'))).toEqual({ lastUpdate: undefined, stale: true, staleDays: 46 });
  });

  test('a hand-set current is never stale without dated values', () => {
    expect(keyResultFreshness(kr({ hasManualCurrent: true }), at('2026-09-20')).stale).toBe(false);
  });

  test('a hand-set current with old check-ins follows the check-ins', () => {
    expect(keyResultFreshness(kr({ hasManualCurrent: true, checkins: checkinOn('2026-07-02') }), at('2026-09-20')).stale).toBe(true);
  });

  test('a milestone without check-ins is never stale', () => {
    expect(keyResultFreshness(kr({ type: 'milestone' }), at('2026-09-20'))).toEqual({ lastUpdate: undefined, stale: false, staleDays: undefined });
  });

  test('a milestone with an old check-in is stale like any key result', () => {
    expect(keyResultFreshness(kr({ type: 'milestone', checkins: checkinOn('2026-07-02') }), at('2026-09-20')).stale).toBe(true);
  });
});

describe('keyResultFreshness: a key result measured by a KPI', () => {
  test('without check-ins, the KPI latest point dates it', () => {
    expect(keyResultFreshness(kr({ kpiPoints: checkinOn('2026-06-30', '2026-08-10') }), at('2026-08-16'))).toEqual({
      lastUpdate: '2026-08-10',
      stale: false,
      staleDays: undefined,
    });
    expect(keyResultFreshness(kr({ kpiPoints: checkinOn('2026-08-01') }), at('2026-08-16')).stale).toBe(true);
  });

  test('with check-ins, its own check-ins date it, not the KPI', () => {
    expect(keyResultFreshness(kr({ checkins: checkinOn('2026-07-20'), kpiPoints: checkinOn('2026-08-15') }), at('2026-08-16'))).toMatchObject({
      lastUpdate: '2026-07-20',
      stale: true,
    });
  });
});

describe('keyResultFreshness: only in an open period', () => {
  test('a closed period is never stale, and keeps its last update', () => {
    expect(keyResultFreshness(kr({ checkins: checkinOn('2026-07-02') }), at('2026-11-23'))).toEqual({ lastUpdate: '2026-07-02', stale: false, staleDays: undefined });
    expect(keyResultFreshness(kr(), at('2026-11-23')).stale).toBe(false);
  });

  test('an upcoming period is never stale', () => {
    expect(keyResultFreshness(kr(), at('2026-06-01')).stale).toBe(false);
  });

  test('the last day of the period is still open', () => {
    expect(keyResultFreshness(kr({ checkins: checkinOn('2026-09-01') }), at('2026-09-30')).stale).toBe(true);
  });
});
