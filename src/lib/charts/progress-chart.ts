/**
 * The geometry of an objective's progress over time (contract v1.1 snapshots): its progress
 * on each snapshot date against the expected line, the elapsed share of the period, from 0 on
 * the first day to 1 after the last. Computed at build time; the page draws it as an inline
 * SVG (components/html/progress-over-time.ts) beside a table of the same values.
 */
import { toDayNumber } from '../calendar/calendar-date.ts';
import { daysInPeriod, periodBounds } from '../calendar/period.ts';
import type { Standing } from '../model/snapshots.ts';
import type { I18n } from '../i18n/index.ts';
import { statusTone, type Tone } from '../render/status-tone.ts';

export interface ProgressChart {
  width: number;
  height: number;
  /** The plot area inside the axis labels. */
  plot: { left: number; top: number; right: number; bottom: number };
  /** The path of the progress on the snapshot dates (empty with fewer than two). */
  progressPath: string;
  /** The expected line from the first day (0) to the end of the last day (1). */
  expected: { x1: number; y1: number; x2: number; y2: number };
  points: { x: number; y: number; date: string; progress: number; status: Standing['status']; tone: Tone }[];
  yTicks: { y: number; label: string }[];
  xLabels: { x: number; label: string; anchor: 'start' | 'end' }[];
  /** The chart in words, for its accessible name. */
  summary: string;
}

const PLOT = { left: 44, right: 12, top: 12, bottom: 28 };

/**
 * Places the standings of one objective on a chart of the whole period.
 * @example progressChart(standings, '2026-Q3', { width: 640, height: 220 }, i18nFor('en')).points[0].tone // 'green'
 */
export function progressChart(standings: readonly Standing[], period: string, size: { width: number; height: number }, { t, format, label }: Pick<I18n, 't' | 'format' | 'label'>): ProgressChart {
  const { width, height } = size;
  const plot = { left: PLOT.left, top: PLOT.top, right: width - PLOT.right, bottom: height - PLOT.bottom };
  const { first, last } = periodBounds(period);
  const firstDay = toDayNumber(first)!;
  const days = daysInPeriod(period);
  const x = (date: string): number => round(plot.left + ((toDayNumber(date)! - firstDay) / days) * (plot.right - plot.left));
  const y = (share: number): number => round(plot.bottom - share * (plot.bottom - plot.top));
  const points = standings.map((standing) => ({ x: x(standing.date), y: y(standing.progress), date: standing.date, progress: standing.progress, status: standing.status, tone: statusTone(standing.status) }));
  const latest = standings.at(-1);
  const summary = latest
    ? t('progressOverTime.summary', { count: standings.length, date: format.date(latest.date), progress: format.percent(latest.progress), expected: format.percent(latest.expected), status: label('status', latest.status) })
    : t('progressOverTime.empty');
  return {
    width,
    height,
    plot,
    progressPath: points.length >= 2 ? points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join('') : '',
    expected: { x1: plot.left, y1: y(0), x2: plot.right, y2: y(1) },
    points,
    yTicks: [0, 0.5, 1].map((share) => ({ y: y(share), label: format.percent(share) })),
    xLabels: [
      { x: plot.left, label: format.date(first), anchor: 'start' },
      { x: plot.right, label: format.date(last), anchor: 'end' },
    ],
    summary,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
