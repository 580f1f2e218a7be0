/**
 * The one memo helper of src/lib (formatting, day numbers, chart ticks). Intl formatting and
 * date parsing cost microseconds per call and a big portal repeats the same inputs hundreds
 * of thousands of times, so each distinct input is computed once. Bounded: cleared when full,
 * so memory stays flat on any content.
 */
const MEMO_LIMIT = 50_000;

/**
 * The memo's value for `key`, made once; the memo is cleared when it holds `limit` values.
 * `undefined` is a value like any other (a date that is not a real date is parsed once too).
 * @example memoized(labels, '2026-10', () => slowLabel('2026-10'), 1_000)
 */
export function memoized<T>(memo: Map<string, T>, key: string, make: () => T, limit = MEMO_LIMIT): T {
  const value = memo.get(key);
  if (value !== undefined || memo.has(key)) return value as T;
  const made = make();
  if (memo.size >= limit) memo.clear();
  memo.set(key, made);
  return made;
}
