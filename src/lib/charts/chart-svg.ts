/**
 * The one renderer of charts: the SVG of a chart spec, written into the page's HTML at build
 * time, so the chart is there without JavaScript and in print, and drawn again in the browser
 * by the <okr-chart> island for another time range (interactive-chart.ts). The SVG is the plot
 * box itself and fills it at any width: positions are percentages, and the tick, unit and
 * marker labels overflow into the chart frame's padding (PLOT_MARGIN and the gutter).
 * Colours are classes (styled with the page's tokens, so dark mode and print follow without a
 * redraw); lines are drawn in a stretched 1000 × 1000 box with non-scaling strokes. Imports
 * stay small and pure: this module is bundled for the browser.
 */
import type { Formats } from '../i18n/formats.ts';
import { escapeHtml } from '../render/html.ts';
import { textWidth } from '../render/svg.ts';
import { monthTicks, plotScale, yBounds, yTickValues } from './chart-axis.ts';
import { pointLook } from './chart-points.ts';
import type { ChartMarker, ChartSeries, ChartSpec } from './chart-spec.ts';

/**
 * Plot widths the labels are laid out for: the SVG is drawn once for every screen, so tick
 * and marker labels are thinned for a desktop's plot, a tablet's and a phone's, and CSS hides
 * a label where it does not belong (class `hide-<width>`, ChartScript.astro's media queries).
 */
export const PLOT_WIDTHS = { xl: 900, md: 560, sm: 280 } as const;
/** The lowest plot height (a compact chart on a phone), for whether a label fits above its line. */
const MIN_PLOT_HEIGHT = 130;

/** A label placed for one plot width. */
interface PlacedLabel {
  x: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * The chart as an SVG element with role="img" and the spec's summary as its name, drawn from
 * `spec.xMin` on (a range of the range switch): points and markers before it are left out.
 * @example chartSvg(trendChartSpec(kpi, asOf, i18n), i18n.format).startsWith('<svg class="chart-svg"') // true
 */
export function chartSvg(spec: ChartSpec, format: Formats, options: { box?: { x: number; y: number; width: number; height: number } } = {}): string {
  const bounds = yBounds(spec, spec.xMin);
  const scale = plotScale(spec, spec.xMin);
  const px = (x: number): number => round(scale.x(x));
  const py = (y: number): number => round(scale.y(y));
  const inRange = <T extends { x: number }>(items: readonly T[]): T[] => items.filter((item) => item.x >= spec.xMin);
  const markers = inRange(spec.markers);
  const parts: string[] = [];
  for (const level of spec.levels) {
    const [top, bottom] = level.side === 'above' ? [0, py(level.value)] : [py(level.value), 100];
    parts.push(`<rect class="band band-${level.meaning}" x="0" width="100%" y="${top}%" height="${round(Math.max(0, bottom - top))}%"></rect>`);
  }
  const ticks = yTickValues(bounds);
  for (const value of ticks) parts.push(`<line class="grid" x1="0" x2="100%" y1="${py(value)}%" y2="${py(value)}%"></line>`);
  for (const marker of markers) parts.push(`<line class="marker marker-${marker.kind}" x1="${px(marker.x)}%" x2="${px(marker.x)}%" y1="0" y2="100%"></line>`);
  for (const level of spec.levels) parts.push(`<line class="level level-${level.meaning}" x1="0" x2="100%" y1="${py(level.value)}%" y2="${py(level.value)}%"></line>`);
  parts.push(`<svg class="lines" viewBox="0 0 1000 1000" preserveAspectRatio="none">${spec.series.map((series) => seriesLines(inRange(series.points), series, spec, px, py)).join('')}</svg>`);
  for (const series of spec.series) {
    if (series.role === 'ideal' || series.role === 'forecast') continue;
    const many = series.points.length > 30;
    for (const point of inRange(series.points)) if (point.y !== null) parts.push(pointShape(pointLook(point, { kind: spec.kind, role: series.role }), series.role, px(point.x), py(point.y), many));
  }
  for (const value of ticks) parts.push(`<text class="tick" x="0" dx="-6" y="${py(value)}%" dy="0.32em" text-anchor="end">${escapeHtml(format.value(value))}</text>`);
  if (spec.unit) parts.push(`<text class="unit" x="0" dx="-${spec.gutter}" y="0" dy="-9">${escapeHtml(spec.unit)}</text>`);
  const tickLabels = (width: number): PlacedLabel[] => monthTicks(spec.ticks, spec.xMin, spec.xMax, width).map((tick) => ({ x: px(tick.x), text: tick.label, anchor: 'middle' }));
  parts.push(...byWidth(tickLabels, (label) => `<text class="tick" x="${label.x}%" y="100%" dy="15" text-anchor="middle">${escapeHtml(label.text)}</text>`));
  const rooms = new Map<string, number>();
  parts.push(...byWidth((width) => markerLabels(markers, px, width, rooms), (label) => markerText(label, markers)));
  for (const level of spec.levels) parts.push(levelLabel(level, py(level.value)));
  // A box places the plot inside a standalone SVG (the embeds); in a page CSS sizes it.
  const box = options.box ? ` x="${options.box.x}" y="${options.box.y}" width="${options.box.width}" height="${options.box.height}" overflow="visible"` : '';
  return `<svg class="chart-svg"${box} role="img" aria-label="${escapeHtml(spec.summary)}">${parts.join('')}</svg>`;
}

/** The polylines of a series, one per run between gaps, in the stretched 1000 × 1000 box. */
function seriesLines(points: ChartSeries['points'], series: ChartSeries, spec: ChartSpec, px: (x: number) => number, py: (y: number) => number): string {
  const style = series.role === 'kpi' && spec.kind === 'burn-up' ? 'secondary' : series.role === 'checkins' || series.role === 'kpi' ? 'primary' : series.role;
  const runs: string[][] = [[]];
  for (const point of points) {
    if (point.y === null) runs.push([]);
    else runs.at(-1)!.push(`${round(px(point.x) * 10)},${round(py(point.y) * 10)}`);
  }
  return runs
    .filter((run) => run.length > 1)
    .map((run) => `<polyline class="line line-${style}" points="${run.join(' ')}" vector-effect="non-scaling-stroke"></polyline>`)
    .join('');
}

/** A point in its shape (chart-points.ts says which), centred on its place. */
function pointShape(point: ReturnType<typeof pointLook>, role: ChartSeries['role'], x: number, y: number, many: boolean): string {
  const r = point.radius ?? (many ? 2.5 : 3.5);
  const className = `pt pt-${role}${point.tone ? ` tone-${point.tone}` : ''}`;
  if (point.style === 'circle') return `<circle class="${className}" cx="${x}%" cy="${y}%" r="${r}"></circle>`;
  const paths = {
    triangle: `M0 ${-r}L${r} ${round(r * 0.8)}L${-r} ${round(r * 0.8)}Z`,
    rect: `M${-r * 0.9} ${-r * 0.9}h${r * 1.8}v${r * 1.8}h${-r * 1.8}Z`,
    rectRot: `M0 ${-r}L${r} 0L0 ${r}L${-r} 0Z`,
    crossRot: `M${-r * 0.7} ${-r * 0.7}L${r * 0.7} ${r * 0.7}M${r * 0.7} ${-r * 0.7}L${-r * 0.7} ${r * 0.7}`,
  } as const;
  return `<svg x="${x}%" y="${y}%" overflow="visible"><path class="${className}${point.style === 'crossRot' ? ' cross' : ''}" d="${paths[point.style]}"></path></svg>`;
}

/** Marker labels above the plot that fit `width`: left of a marker when right of it would leave the chart. */
function markerLabels(markers: readonly ChartMarker[], px: (x: number) => number, width: number, rooms: Map<string, number>): PlacedLabel[] {
  const labels: PlacedLabel[] = [];
  let freeFrom = 0;
  for (const marker of markers) {
    const at = (px(marker.x) / 100) * width;
    let room = rooms.get(marker.label);
    if (room === undefined) rooms.set(marker.label, (room = textWidth(marker.label) + 8));
    const anchor = at + room <= width + 8 ? 'start' : 'end';
    const left = anchor === 'start' ? at : at - room;
    if (left < freeFrom) continue;
    freeFrom = left + room + 4;
    labels.push({ x: px(marker.x), text: marker.label, anchor });
  }
  return labels;
}

function markerText(label: PlacedLabel, markers: readonly ChartMarker[]): string {
  const kind = markers.find((marker) => marker.label === label.text)?.kind ?? 'quarter';
  return `<text class="marker-label marker-label-${kind}" x="${label.x}%" dx="${label.anchor === 'start' ? 3 : -3}" y="0" dy="-6" text-anchor="${label.anchor}">${escapeHtml(label.text)}</text>`;
}

/**
 * A level's label at the start of its line, inside its band where that fits: at the end it
 * would cover the latest point, which matters most.
 */
function levelLabel(level: ChartSpec['levels'][number], y: number): string {
  const room = (16 / MIN_PLOT_HEIGHT) * 100;
  const above = level.side === 'above' ? y - room >= 0 : y + room > 100;
  return `<text class="level-label level-label-${level.meaning}" x="0" dx="4" y="${y}%" dy="${above ? -4 : 12}">${escapeHtml(level.label)}</text>`;
}

/**
 * Labels laid out for each of PLOT_WIDTHS: one element per distinct label, with a class for
 * each width it does not belong to.
 */
function byWidth(place: (width: number) => PlacedLabel[], render: (label: PlacedLabel) => string): string[] {
  const widths = Object.entries(PLOT_WIDTHS);
  const labels = new Map<string, { label: PlacedLabel; widths: Set<string> }>();
  for (const [name, width] of widths) {
    for (const label of place(width)) {
      const key = `${label.x} ${label.text} ${label.anchor}`;
      const entry = labels.get(key) ?? { label, widths: new Set<string>() };
      entry.widths.add(name);
      labels.set(key, entry);
    }
  }
  return [...labels.values()].map(({ label, widths: shown }) => {
    const hidden = widths.flatMap(([name]) => (shown.has(name) ? [] : [`hide-${name}`]));
    return hidden.length === 0 ? render(label) : render(label).replace(/^<text class="([^"]+)"/, `<text class="$1 ${hidden.join(' ')}"`);
  });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
