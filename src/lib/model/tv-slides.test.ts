import { describe, expect, test } from 'vitest';
import { packTvSlides } from './tv-slides.ts';

const rows = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
/** A slide as `Heading:rows|Heading:rows`, parts as `Heading 1/2`. */
const describeSlides = (slides: ReturnType<typeof packTvSlides<string>>): string[] =>
  slides.map((slide) => slide.map((group) => `${group.heading}${group.part ? ` ${group.part.index}/${group.part.count}` : ''}:${group.rows.join(',')}`).join('|'));

describe('packTvSlides', () => {
  test.each([
    ['small departments share a slide', [['A', 3], ['B', 3], ['C', 2], ['D', 3]], ['A:a1,a2,a3|B:b1,b2,b3', 'C:c1,c2|D:d1,d2,d3']],
    ['a big department runs over parts', [['A', 8]], ['A 1/2:a1,a2,a3,a4,a5,a6', 'A 2/2:a7,a8']],
    ['a near-empty last slide joins the one before when they fit', [['A', 4], ['B', 3], ['C', 1]], ['A:a1,a2,a3,a4', 'B:b1,b2,b3|C:c1']],
    ['a small department between two full ones keeps its own slide', [['A', 5], ['B', 2], ['C', 5]], ['A:a1,a2,a3,a4,a5', 'B:b1,b2', 'C:c1,c2,c3,c4,c5']],
    ['nothing to show, no slide', [], []],
  ] as const)('%s', (_, departments, expected) => {
    const input = departments.map(([heading, count]) => ({ heading, rows: rows(heading.toLowerCase(), count) }));
    expect(describeSlides(packTvSlides(input, { rows: 6, minRows: 3 }))).toEqual(expected);
  });
});
