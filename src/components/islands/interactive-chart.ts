/**
 * What the <okr-chart> island adds to a build-time chart SVG: tooltips and the range switch.
 * The range switch draws the SVG again with the same renderer as the build
 * (src/lib/charts/chart-svg.ts), so build, no-JS, print and interaction show one drawing; the
 * tooltips find the nearest point where that renderer put it (plotScale, chart-axis.ts). A
 * pointer shows the points nearest to it on the time axis; on the focused chart the arrow keys
 * (Home, End) step through them, a ring marks the point and a live region reads its tooltip.
 * Colours are CSS classes on the page's tokens, so a colour-scheme change needs no redraw.
 * This replaced chart.js, whose core alone (34.5 KB gzipped) exceeded the 35 KB budget of a
 * KPI page (docs/performance.md, "Chart bundle"). Loaded on the first interaction.
 */
import { plotScale } from '../../lib/charts/chart-axis.ts';
import { chartPointsOf, type ChartPoint } from '../../lib/charts/chart-points.ts';
import type { ChartSpec } from '../../lib/charts/chart-spec.ts';
import { chartSvg } from '../../lib/charts/chart-svg.ts';
import { formatsFor } from '../../lib/i18n/formats.ts';
import { intlLocaleOf } from '../../lib/i18n/intl-locale.ts';

/** The points at one day: what a tooltip shows (the nearest points on the time axis). */
interface Stop {
  x: number;
  /** The highest point of the day, in percent of the plot's height: where the ring and the tooltip point. */
  top: number;
  lines: string[];
}

/** Pixels between a point and its tooltip. */
const TIP_GAP = 10;

/** The tooltip of the points of a day: the date once, then each point's lines. */
function stopsOf(points: readonly ChartPoint[], y: (value: number) => number): Stop[] {
  const byDay = new Map<number, ChartPoint[]>();
  for (const point of points) byDay.set(point.x, [...(byDay.get(point.x) ?? []), point]);
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([x, day]) => ({ x, top: Math.min(...day.map((point) => y(point.y!))), lines: [day[0]!.lines![0]!, ...day.flatMap((point) => point.lines!.slice(1))] }));
}

/**
 * Enhances an <okr-chart> element, whose JSON data block it has read, with tooltips, keyboard
 * steps and the range switch.
 * @example enhanceChart(element, JSON.parse(block.textContent))
 */
export function enhanceChart(element: HTMLElement, spec: ChartSpec): void {
  const frame = element.querySelector<HTMLElement>('.chart-frame');
  const svg = frame?.querySelector<SVGSVGElement>('svg.chart-svg');
  if (!frame || !svg) throw new Error('okr-chart: missing the chart SVG');
  // Numbers and dates in the page's language (`<html lang>`, from portal.yaml `locale`), the
  // words from the spec: the island bundles no catalog.
  const format = formatsFor(intlLocaleOf(document.documentElement.lang || 'en'));
  const points = spec.series.flatMap((series) => chartPointsOf(spec, series, format)).filter((point) => point.y !== null && point.lines);
  const tip = Object.assign(document.createElement('div'), { className: 'chart-tip', hidden: true });
  const ring = Object.assign(document.createElement('div'), { className: 'chart-ring', hidden: true });
  // The tooltip is for the eyes; the live region says the same to a screen reader.
  tip.setAttribute('aria-hidden', 'true');
  ring.setAttribute('aria-hidden', 'true');
  tip.dir = document.documentElement.dir || 'ltr';
  const live = Object.assign(document.createElement('p'), { className: 'visually-hidden' });
  live.setAttribute('aria-live', 'polite');
  frame.append(tip, ring);
  element.append(live);

  let xMin = spec.xMin;
  let scale = plotScale(spec, xMin);
  let stops = stopsOf(points.filter((point) => point.x >= xMin), scale.y);
  let current: number | undefined;

  /** Shows the tooltip of a stop; transforms only, so moving it is no layout shift. */
  const show = (index: number, announce: boolean): void => {
    const stop = stops[index];
    if (!stop) return;
    current = index;
    const plot = svg.getBoundingClientRect();
    const box = frame.getBoundingClientRect();
    const left = plot.left - box.left + (scale.x(stop.x) / 100) * plot.width;
    const top = plot.top - box.top + (stop.top / 100) * plot.height;
    tip.replaceChildren(...stop.lines.map((line, at) => Object.assign(document.createElement(at === 0 ? 'strong' : 'span'), { textContent: line })));
    tip.hidden = false;
    ring.hidden = false;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    // Above the point where there is room in the frame, else beside it, towards the middle:
    // never over the point it explains.
    const above = top - height - TIP_GAP >= 0;
    const beside = left > box.width / 2 ? left - TIP_GAP - width : left + TIP_GAP;
    const tipLeft = above ? Math.min(Math.max(0, left - width / 2), box.width - width) : beside;
    const tipTop = above ? top - height - TIP_GAP : Math.min(Math.max(0, top - height / 2), box.height - height);
    tip.style.transform = `translate(${Math.round(tipLeft)}px, ${Math.round(tipTop)}px)`;
    ring.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    if (announce) live.textContent = stop.lines.join(', ');
  };
  const hide = (): void => {
    current = undefined;
    tip.hidden = true;
    ring.hidden = true;
  };

  /** The stop nearest to a pointer on the time axis. */
  const nearest = (clientX: number): number => {
    const plot = svg.getBoundingClientRect();
    let best = 0;
    for (let index = 1; index < stops.length; index += 1) {
      const distance = (stop: Stop): number => Math.abs(plot.left + (scale.x(stop.x) / 100) * plot.width - clientX);
      if (distance(stops[index]!) < distance(stops[best]!)) best = index;
    }
    return best;
  };
  const onPointer = (event: PointerEvent): void => show(nearest(event.clientX), false);
  frame.addEventListener('pointermove', onPointer);
  frame.addEventListener('pointerdown', onPointer);
  frame.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'mouse') hide();
  });

  // The plot is focusable (ChartScript.astro makes it so): the arrow keys step through the days.
  svg.addEventListener('keydown', (event) => {
    const last = stops.length - 1;
    const next = { ArrowRight: (current ?? -1) + 1, ArrowLeft: (current ?? last + 1) - 1, Home: 0, End: last }[event.key];
    if (next === undefined && event.key === 'Escape') hide();
    if (next === undefined) return;
    event.preventDefault();
    show(Math.min(Math.max(0, next), last), true);
  });
  svg.addEventListener('blur', hide);

  const buttons = [...element.querySelectorAll<HTMLButtonElement>('button[data-range-min]')];
  for (const button of buttons) {
    button.addEventListener('click', () => {
      xMin = Number(button.dataset['rangeMin']);
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
      // The same renderer as the build, for the range; its children replace the drawing, so
      // the element, its name and its focus stay.
      const template = document.createElement('template');
      template.innerHTML = chartSvg({ ...spec, xMin, summary: '' }, format);
      svg.replaceChildren(...template.content.firstElementChild!.childNodes);
      scale = plotScale(spec, xMin);
      stops = stopsOf(points.filter((point) => point.x >= xMin), scale.y);
      hide();
    });
  }
}
