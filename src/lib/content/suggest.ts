/**
 * "Did you mean" hints for typos in field names and ids.
 */

/**
 * Levenshtein edit distance between two strings.
 * @example editDistance('kitten', 'sitting') // 3
 */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The closest candidate, if it is close enough to be a likely typo.
 * Ids also match on their last path segment, so `efficiency` suggests `2026-q3/support/efficiency`.
 * @example suggestClosest('grow-actvation', ['grow-activation', 'nps']) // 'grow-activation'
 */
export function suggestClosest(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const tail = lower.slice(lower.lastIndexOf('/') + 1);
    const distance = Math.min(editDistance(needle, lower), tail === needle ? 0.5 : Infinity);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/**
 * `Did you mean "x"?` or undefined.
 * @example didYouMean('titel', ['title']) // 'Did you mean "title"?'
 */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const suggestion = suggestClosest(value, candidates);
  return suggestion === undefined ? undefined : `Did you mean "${suggestion}"?`;
}
