import { describe, expect, test } from 'vitest';
import { scoreVerdict, statusIcon, statusTone } from './status-tone.ts';

describe('statusTone and statusIcon', () => {
  test.each([
    ['on-track', 'green', '●'],
    ['at-risk', 'yellow', '▲'],
    ['off-track', 'red', '■'],
    ['done', 'accent', '✓'],
    ['cancelled', 'grey', '×'],
    ['healthy', 'green', '●'],
    ['warning', 'yellow', '▲'],
    ['critical', 'red', '■'],
    ['no-data', 'grey', '○'],
    ['untracked', 'grey', '○'],
    ['something-else', 'grey', '●'],
    ['toString', 'grey', '●'],
  ])('%s is %s with %s', (status, tone, icon) => {
    expect(statusTone(status)).toBe(tone);
    expect(statusIcon(status)).toBe(icon);
  });

});

describe('scoreVerdict: one verdict per colour at a time', () => {
  test.each([
    ['open', false, undefined],
    ['upcoming', false, undefined],
    ['open', true, 'yellow'],
    ['closed', false, 'yellow'],
  ] as const)('a yellow score in an %s period (final %s) is coloured %s', (phase, final, expected) => {
    expect(scoreVerdict({ grade: 'yellow', phase, final })).toBe(expected);
  });
});
