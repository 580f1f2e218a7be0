import { describe, expect, test } from 'vitest';
import { statusIcon, statusTone } from './status-tone.ts';

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
