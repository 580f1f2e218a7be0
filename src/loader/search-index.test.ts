import { describe, expect, test } from 'vitest';
import { formatIndexSummary } from './search-index.ts';

describe('formatIndexSummary', () => {
  test.each([
    [{ pages: 71, seconds: 0.314, bytes: 784_384 }, 'pagefind: indexed 71 pages in 0.31 s, index 766 KB'],
    [{ pages: 5510, seconds: 41.046, bytes: 8_870_912 }, 'pagefind: indexed 5510 pages in 41.05 s, index 8663 KB'],
    [{ pages: 0, seconds: 0, bytes: 0 }, 'pagefind: indexed 0 pages in 0.00 s, index 0 KB'],
  ])('prints the line the benchmark reads for %j', (summary, expected) => {
    expect(formatIndexSummary(summary)).toBe(expected);
  });
});
