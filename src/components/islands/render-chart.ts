/**
 * Draws a chart spec (see src/lib/charts/chart-spec.ts) with a tree-shaken chart.js over its
 * build-time SVG (src/lib/charts/chart-svg.ts), in the same box and with the same bounds,
 * month ticks, margins and labels (src/lib/charts/chart-axis.ts): a linear x axis of day
 * numbers, bands and lines for target and threshold, vertical markers for quarters and the
 * as-of date, the unit once above the value ticks. What it adds is tooltips and the range
 * switch. Colours come from the CSS custom properties of the page, so dark mode works; the
 * chart is redrawn when the colour scheme changes. Loaded by the <okr-chart> element on the
 * first interaction, never on pages without charts.
 */
import { Chart, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartDataset, type Plugin, type ScriptableContext } from 'chart.js';
import { formatsFor } from '../../lib/i18n/formats.ts';
import { intlLocaleOf } from '../../lib/i18n/intl-locale.ts';
import { PLOT_MARGIN, monthTicks, xDomain, yBounds } from '../../lib/charts/chart-axis.ts';
import { chartPointsOf, type ChartPoint } from '../../lib/charts/chart-points.ts';
import type { ChartSeries, ChartSpec } from '../../lib/charts/chart-spec.ts';

/** Ticks and tooltips in the page's language (`<html lang>`, set from portal.yaml `locale`). */
function pageFormats(): ReturnType<typeof formatsFor> {
  return formatsFor(intlLocaleOf(document.documentElement.lang || 'en'));
}

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

interface Palette {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  line: string;
  kpi: string;
  ideal: string;
  healthy: string;
  healthyBand: string;
  warning: string;
  critical: string;
  criticalBand: string;
  font: string;
}

function readPalette(element: HTMLElement): Palette {
  const style = getComputedStyle(element);
  const token = (name: string): string => style.getPropertyValue(name).trim();
  return {
    text: token('--text'),
    muted: token('--text-muted'),
    grid: token('--border'),
    surface: token('--surface'),
    line: token('--accent'),
    kpi: token('--chart-kpi'),
    ideal: token('--text-muted'),
    healthy: token('--green'),
    healthyBand: token('--green-soft'),
    warning: token('--yellow'),
    critical: token('--red'),
    criticalBand: token('--red-soft'),
    font: style.fontFamily,
  };
}

/** Bands, level lines and vertical markers, drawn under the data; labels on top. */
function annotations(spec: ChartSpec, palette: Palette): Plugin<'line'> {
  return {
    id: 'okrAnnotations',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales['x']!;
      const y = scales['y']!;
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.left, area.top, area.width, area.height);
      ctx.clip();
      for (const level of spec.levels) {
        const levelY = y.getPixelForValue(level.value);
        ctx.fillStyle = level.meaning === 'healthy' ? palette.healthyBand : palette.criticalBand;
        ctx.globalAlpha = 0.75;
        const [top, bottom] = level.side === 'above' ? [area.top, levelY] : [levelY, area.bottom];
        ctx.fillRect(area.left, top, area.width, Math.max(0, bottom - top));
        ctx.globalAlpha = 1;
      }
      for (const level of spec.levels) {
        const levelY = y.getPixelForValue(level.value);
        ctx.strokeStyle = level.meaning === 'healthy' ? palette.healthy : palette.critical;
        ctx.setLineDash(level.meaning === 'healthy' ? [8, 4] : [2, 3]);
        ctx.lineWidth = 1.5;
        line(ctx, area.left, levelY, area.right, levelY);
      }
      for (const marker of spec.markers) {
        const markerX = x.getPixelForValue(marker.x);
        if (markerX < area.left || markerX > area.right) continue;
        ctx.strokeStyle = marker.kind === 'as-of' ? palette.text : palette.grid;
        ctx.setLineDash(marker.kind === 'as-of' ? [4, 3] : []);
        ctx.lineWidth = marker.kind === 'as-of' ? 1.5 : 1;
        line(ctx, markerX, area.top, markerX, area.bottom);
      }
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales['x']!;
      const y = scales['y']!;
      ctx.save();
      ctx.font = `600 11px ${palette.font}`;
      ctx.textBaseline = 'bottom';
      ctx.textAlign = 'left';
      for (const level of spec.levels) {
        const levelY = y.getPixelForValue(level.value);
        if (levelY < area.top || levelY > area.bottom) continue;
        // At the start of the line, inside the band unless that would leave the plot: at the
        // end it would cover the latest point (the SVG places it the same way).
        const above = level.side === 'above' ? levelY - 16 >= area.top : levelY + 16 > area.bottom;
        label(ctx, level.label, area.left + 4, above ? levelY - 3 : levelY + 15, level.meaning === 'healthy' ? palette.healthy : palette.critical, palette.surface);
      }
      // The unit once, above the value ticks, where the SVG has it.
      if (spec.unit) label(ctx, spec.unit, area.left - spec.gutter, area.top - 8, palette.muted);
      ctx.font = `11px ${palette.font}`;
      let freeFrom = area.left;
      for (const marker of spec.markers) {
        const markerX = x.getPixelForValue(marker.x);
        const width = ctx.measureText(marker.label).width + 8;
        const start = markerX + width <= chart.width;
        const left = start ? markerX : markerX - width;
        if (left < freeFrom) continue;
        freeFrom = left + width + 4;
        // Above the plot, in the layout padding, so that labels never hide points.
        ctx.textAlign = start ? 'left' : 'right';
        label(ctx, marker.label, start ? markerX + 3 : markerX - 3, area.top - 5, marker.kind === 'as-of' ? palette.text : palette.muted);
      }
      ctx.restore();
    },
  };
}

function line(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, background?: string): void {
  if (background) {
    const width = ctx.measureText(text).width;
    const left = ctx.textAlign === 'right' ? x - width : x;
    ctx.fillStyle = background;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(left - 2, y - 13, width + 4, 14);
    ctx.globalAlpha = 1;
  }
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}

function datasetOf(series: ChartSeries, spec: ChartSpec, palette: Palette): ChartDataset<'line', ChartPoint[]> {
  const { kind } = spec;
  // The forecast continues the check-ins' line: their colour, dotted, without points.
  const color = series.role === 'ideal' ? palette.ideal : series.role === 'kpi' && kind === 'burn-up' ? palette.kpi : palette.line;
  const dashed = series.role === 'ideal' || series.role === 'forecast';
  const toneColor = (context: ScriptableContext<'line'>): string => {
    const tone = (context.raw as ChartPoint | undefined)?.tone;
    return tone === 'critical' ? palette.critical : tone === 'warning' ? palette.warning : color;
  };
  return {
    label: series.label,
    data: chartPointsOf(spec, series, pageFormats()),
    borderColor: color,
    borderWidth: dashed ? 1.5 : 2,
    borderDash: series.role === 'ideal' ? [6, 4] : series.role === 'forecast' ? [2, 3] : [],
    pointStyle: (context) => (context.raw as ChartPoint | undefined)?.style ?? 'circle',
    pointRadius: (context) => (dashed ? 0 : ((context.raw as ChartPoint | undefined)?.radius ?? (series.points.length > 30 ? 2.5 : 3.5))),
    pointHoverRadius: (context) => ((context.raw as ChartPoint | undefined)?.radius ?? 3.5) + 2,
    pointBackgroundColor: toneColor,
    pointBorderColor: toneColor,
    pointHitRadius: 8,
    spanGaps: false,
    // Let points on the edges of the plot show whole.
    clip: 8,
    tension: 0,
  };
}

function createChart(canvas: HTMLCanvasElement, spec: ChartSpec, palette: Palette, xMin: number): Chart<'line', ChartPoint[]> {
  const bounds = yBounds(spec, xMin);
  const domain = xDomain(spec, xMin);
  const tickLabels = new Map<number, string>();
  return new Chart<'line', ChartPoint[]>(canvas, {
    type: 'line',
    data: { datasets: spec.series.map((series) => datasetOf(series, spec, palette)) },
    plugins: [annotations(spec, palette)],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      font: { family: palette.font },
      color: palette.muted,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      // The plot box of the SVG: the axes get exactly the frame's padding (chart-axis.ts).
      layout: { padding: { top: PLOT_MARGIN.top, right: PLOT_MARGIN.right, left: 0, bottom: 0 } },
      scales: {
        x: {
          type: 'linear',
          min: domain.min,
          max: domain.max,
          grid: { display: false, drawTicks: false },
          border: { display: false },
          ticks: { color: palette.muted, autoSkip: false, maxRotation: 0, padding: 5, font: { size: 11 }, callback: (value) => tickLabels.get(Number(value)) ?? '' },
          afterBuildTicks: (scale) => {
            tickLabels.clear();
            for (const tick of monthTicks(spec.ticks, xMin, spec.xMax, scale.width)) tickLabels.set(tick.x, tick.label);
            scale.ticks = [...tickLabels.keys()].map((value) => ({ value }));
          },
          afterFit: (scale) => {
            scale.height = PLOT_MARGIN.bottom;
          },
        },
        y: {
          type: 'linear',
          min: bounds.min,
          max: bounds.max,
          grid: { color: palette.grid, drawTicks: false },
          border: { display: false },
          // The unit is said once, above the ticks (the annotations plugin), not on every tick.
          ticks: { color: palette.muted, stepSize: bounds.step, padding: 6, font: { size: 11 }, callback: (value) => pageFormats().value(Number(value)) },
          afterFit: (scale) => {
            scale.width = spec.gutter;
          },
        },
      },
      plugins: {
        tooltip: {
          backgroundColor: palette.text,
          titleColor: palette.surface,
          bodyColor: palette.surface,
          displayColors: false,
          filter: (item) => (item.raw as ChartPoint).y !== null,
          callbacks: {
            title: (items) => (items[0]?.raw as ChartPoint | undefined)?.lines?.[0] ?? '',
            label: (item) => (item.raw as ChartPoint).lines?.slice(1) ?? [],
          },
        },
      },
    },
  });
}

/**
 * Draws the chart of an <okr-chart> element from its spec (its JSON data block, which the
 * element has read) and wires the range buttons and colour-scheme changes.
 * @example renderChart(element, spec)
 */
export function renderChart(element: HTMLElement, spec: ChartSpec): void {
  const canvas = element.querySelector('canvas');
  if (!canvas) throw new Error('okr-chart: missing the <canvas>');
  let xMin = spec.xMin;
  let chart = createChart(canvas, spec, readPalette(element), xMin);
  const redraw = (): void => {
    chart.destroy();
    chart = createChart(canvas, spec, readPalette(element), xMin);
  };
  const buttons = [...element.querySelectorAll<HTMLButtonElement>('button[data-range-min]')];
  for (const button of buttons) {
    button.addEventListener('click', () => {
      xMin = Number(button.dataset['rangeMin']);
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
      redraw();
    });
  }
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
}
