import { describe, expect, test } from 'vitest';
import { memoized } from './memo.ts';

describe('memoized', () => {
  test('makes each value once, undefined included, and starts over when full', () => {
    const memo = new Map<string, number | undefined>();
    let made = 0;
    const make = (value: number | undefined) => () => {
      made++;
      return value;
    };
    expect(memoized(memo, 'a', make(1), 2)).toBe(1);
    expect(memoized(memo, 'a', make(9), 2)).toBe(1);
    expect(memoized(memo, 'bad', make(undefined), 2)).toBeUndefined();
    expect(memoized(memo, 'bad', make(7), 2)).toBeUndefined();
    expect(made).toBe(2);
    expect(memoized(memo, 'c', make(3), 2)).toBe(3);
    expect([...memo.keys()]).toEqual(['c']);
  });
});
