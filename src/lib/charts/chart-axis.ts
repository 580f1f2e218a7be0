/**
 * Value axes for charts: round bounds and steps. Small and pure, so the chart island can
 * import it without pulling in the rest of the library.
 */

/**
 * Round axis bounds and step around the values from `low` to `high`: about five steps of
 * 1, 2, 2.5 or 5 times a power of ten, so tick labels read well.
 * @example niceBounds(1.5, 3.2) // { min: 1.5, max: 3.5, step: 0.5 }
 */
export function niceBounds(low: number, high: number): { min: number; max: number; step: number } {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => raw / magnitude <= factor) ?? 10) * magnitude;
  let min = Math.floor(low / step + 1e-9) * step;
  let max = Math.ceil(high / step - 1e-9) * step;
  if (min === max) [min, max] = [min - step, max + step];
  return { min: roundTo(min, step), max: roundTo(max, step), step };
}

function roundTo(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(digits));
}
