/**
 * The slides of the TV view: what a wall screen rotates through, packed so that each fits a
 * 16:9 screen without scrolling and none is near empty. Company objectives and KPI health
 * get a slide each; departments share slides up to a number of objectives (small ones
 * together, a big one over several slides). The number of rows that fit is a property of
 * the TV page's type scale (tv.astro sizes its text by the screen's height), not of content.
 */

/** A group of rows on a slide: a department's (part of its) objectives. */
export interface TvGroup<T> {
  /** The department, e.g. its name; shown as the group's heading. */
  heading: string;
  rows: T[];
  /** 1-based part and number of parts when a department runs over several slides. */
  part?: { index: number; count: number } | undefined;
}

export interface TvSlideLimits {
  /** Rows that fit one slide. */
  rows: number;
  /** Fewer rows than this make a slide near empty: it is merged with its neighbour if they fit together. */
  minRows: number;
}

/**
 * Packs departments into slides in order: each slide holds at most `rows` rows; a department
 * with more is split into parts; a slide with fewer than `minRows` rows is merged into the
 * slide before it when both fit together.
 * @example packTvSlides([{ heading: 'Sales', rows: [a, b] }, { heading: 'Product', rows: [c] }], { rows: 6, minRows: 3 }) // [[Sales, Product]]
 */
export function packTvSlides<T>(departments: readonly { heading: string; rows: readonly T[] }[], { rows, minRows }: TvSlideLimits): TvGroup<T>[][] {
  const groups = departments.flatMap(({ heading, rows: all }) => {
    const count = Math.ceil(all.length / rows);
    return Array.from({ length: count }, (_, index) => ({ heading, rows: all.slice(index * rows, (index + 1) * rows), part: count > 1 ? { index: index + 1, count } : undefined }));
  });
  const slides: TvGroup<T>[][] = [];
  const size = (slide: readonly TvGroup<T>[]): number => slide.reduce((sum, group) => sum + group.rows.length, 0);
  for (const group of groups) {
    const last = slides.at(-1);
    if (last && size(last) + group.rows.length <= rows) last.push(group);
    else slides.push([group]);
  }
  // A near-empty slide left at the end joins the one before if they fit; otherwise rows move over.
  const tail = slides.at(-1);
  const before = slides.at(-2);
  if (tail && before && size(tail) < minRows && size(before) + size(tail) <= rows) {
    before.push(...tail);
    slides.pop();
  }
  return slides;
}
