/**
 * The axes and plot box of a chart spec, for the SVG renderer (chart-svg.ts), which draws every
 * chart at build time and again in the browser for the range switch, and for the island's
 * tooltips, which find points where the SVG drew them: round value bounds and steps, the x
 * domain with its padding, where a value sits in the plot, which month ticks fit and which of
 * them carry the year. Small and pure, so the island can import it without pulling in the
 * rest of the library.
 */

/** A month tick: the month alone (`Oct`) and with its year (`Oct 2026`), in the portal's language. */
export interface MonthTick {
  x: number;
  /** The calendar month, 1 to 12, and the year: thinning and year labels need no date maths. */
  month: number;
  year: number;
  label: string;
  yearLabel: string;
}

/** What the axes need to know about a chart (a subset of ChartSpec, to keep this module leaf). */
export interface AxisInput {
  series: readonly { points: readonly { x: number; y: number | null }[] }[];
  levels: readonly { value: number; side: 'above' | 'below' }[];
  xMin: number;
  xMax: number;
}

/**
 * Margins of the plot inside the chart box, in CSS pixels: marker labels and the unit above,
 * month ticks below, value ticks in the gutter on the left (its width is per chart, one of
 * GUTTERS). The chart frame's CSS padding is the same numbers.
 */
export const PLOT_MARGIN = { top: 22, right: 12, bottom: 24 } as const;
/** Gutter widths for the value ticks; the frame has a class `gutter-<width>` for each. */
export const GUTTERS = [40, 52, 64, 76] as const;
/** Room a month label needs, in pixels: how many ticks fit a plot. */
const TICK_ROOM = 52;
/** Month steps that keep ticks on quarter and half-year starts when thinned. */
const MONTH_STEPS = [1, 2, 3, 6, 12] as const;

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

/**
 * Round value bounds of what a chart shows from `xMin` on, its levels included; a band on the
 * edge of the plot gets one step of room, or it would be invisible.
 * @example yBounds(spec, spec.xMin) // { min: 1, max: 3.5, step: 0.5 }
 */
export function yBounds(chart: AxisInput, xMin: number): { min: number; max: number; step: number } {
  const values = chart.series.flatMap((series) => series.points.filter((point) => point.x >= xMin && point.y !== null).map((point) => point.y as number));
  values.push(...chart.levels.map((level) => level.value));
  const bounds = niceBounds(Math.min(...values), Math.max(...values));
  for (const level of chart.levels) {
    if (level.side === 'below' && level.value <= bounds.min) bounds.min = roundTo(bounds.min - bounds.step, bounds.step);
    if (level.side === 'above' && level.value >= bounds.max) bounds.max = roundTo(bounds.max + bounds.step, bounds.step);
  }
  return bounds;
}

/**
 * The values of the ticks from min to max.
 * @example yTickValues({ min: 1, max: 2, step: 0.5 }) // [1, 1.5, 2]
 */
export function yTickValues(bounds: { min: number; max: number; step: number }): number[] {
  const count = Math.round((bounds.max - bounds.min) / bounds.step);
  return Array.from({ length: count + 1 }, (_, index) => roundTo(bounds.min + index * bounds.step, bounds.step));
}

/**
 * The x domain from `xMin`: a little room on both sides, so the first and last points show whole.
 * @example xDomain({ xMax: 100 }, 0) // { min: -1.5, max: 101.5 }
 */
export function xDomain(chart: Pick<AxisInput, 'xMax'>, xMin: number): { min: number; max: number } {
  const pad = (chart.xMax - xMin || 1) * 0.015;
  return { min: xMin - pad, max: chart.xMax + pad };
}

/**
 * Where a point of the chart drawn from `xMin` sits in its plot box, in percent of the box's
 * width from the left and of its height from the top (unrounded: the SVG rounds what it writes).
 * @example plotScale(spec, spec.xMin).x(spec.xMax) // 98.5...
 */
export function plotScale(chart: AxisInput, xMin: number): { x: (x: number) => number; y: (y: number) => number } {
  const bounds = yBounds(chart, xMin);
  const domain = xDomain(chart, xMin);
  return {
    x: (x) => ((x - domain.min) / (domain.max - domain.min)) * 100,
    y: (y) => ((bounds.max - y) / (bounds.max - bounds.min)) * 100,
  };
}

/**
 * The gutter for value tick labels of up to `characters` characters.
 * @example gutterFor(4) // 40
 */
export function gutterFor(characters: number): (typeof GUTTERS)[number] {
  return GUTTERS.find((gutter) => characters * 6.6 + 12 <= gutter) ?? 76;
}

/**
 * The month ticks of the range from `xMin` that fit a plot `width` pixels wide, each month
 * alone but the first and the first of each new year, which carry the year: `Oct 2026, Nov, Dec, Jan 2027`
 * (never `Oct 26`, which reads as a day). Thinned to every second, third, sixth or twelfth
 * month, counted from January, so the ticks stay on quarter starts.
 * @example monthTicks(spec.ticks, spec.xMin, spec.xMax, 300).map((tick) => tick.label) // ['Dec 2025', 'Mar', 'Jun', 'Sept']
 */
export function monthTicks(ticks: readonly MonthTick[], xMin: number, xMax: number, width: number): { x: number; label: string }[] {
  const visible = ticks.filter((tick) => tick.x >= xMin && tick.x <= xMax);
  const fit = Math.max(2, Math.floor(width / TICK_ROOM));
  const step = MONTH_STEPS.find((months) => Math.ceil(visible.length / months) <= fit) ?? 12;
  // The first tick always shows; a thinned tick closer to it than the step is left out, or
  // two labels with their years (`Dec 2025`, `Jan 2026`) would run into each other.
  const kept = visible.filter((tick, index) => index === 0 || ((tick.month - 1) % step === 0 && index >= step));
  return kept.map((tick, index) => ({ x: tick.x, label: index === 0 || tick.year !== kept[index - 1]!.year ? tick.yearLabel : tick.label }));
}

function roundTo(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(digits));
}
