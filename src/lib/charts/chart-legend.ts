/**
 * The legend of a chart: line styles and point shapes in words, in the portal's language, so
 * that no colour has to be guessed. Rendered at build time under the chart's SVG
 * (components/html/chart-island.ts), so it is there without JavaScript and in print.
 */
import type { I18n } from '../i18n/index.ts';
import type { ChartSpec } from './chart-spec.ts';

/** A swatch drawn in front of a legend label. */
export type LegendSwatch =
  /** A line in a style (`primary`, `secondary`, `ideal`); `cross` adds the KPI point shape. */
  | { kind: 'line'; style: 'primary' | 'secondary' | 'ideal'; cross: boolean }
  /** A tinted band with its level line. */
  | { kind: 'band'; meaning: 'healthy' | 'critical' }
  /** A vertical marker line. */
  | { kind: 'marker'; style: 'quarter' | 'as-of' }
  /** Point shapes written as characters; `critical` is the last one, drawn smaller. */
  | { kind: 'shapes'; shapes: string; critical?: string };

export interface LegendItem {
  swatch: LegendSwatch;
  label: string;
}

/**
 * The legend entries of a chart, in display order: series, point shapes, levels, markers.
 * @example legendItems(spec, i18nFor('en'))[0] // { swatch: { kind: 'line', style: 'ideal', cross: false }, label: 'Ideal' }
 */
export function legendItems(spec: ChartSpec, { t }: Pick<I18n, 't'>): LegendItem[] {
  // The forecast is dashed like the ideal line, so it shares its swatch.
  const styles = { checkins: 'primary', ideal: 'ideal', forecast: 'ideal', kpi: spec.kind === 'trend' ? 'primary' : 'secondary' } as const;
  const items: LegendItem[] = spec.series.map((series) => ({
    swatch: { kind: 'line', style: styles[series.role], cross: series.role === 'kpi' && spec.kind === 'burn-up' },
    label: spec.kind === 'trend' ? t('chart.series.actual') : series.label,
  }));
  if (spec.series.some((series) => series.points.some((point) => point.tone))) {
    items.push({ swatch: { kind: 'shapes', shapes: '● ▲ ', critical: '■' }, label: t('chart.shapes.status') });
  }
  const hasConfidence = spec.series.some((series) => series.role === 'checkins' && series.points.some((point) => point.confidence !== undefined));
  if (hasConfidence) items.push({ swatch: { kind: 'shapes', shapes: '● ◆ ▲' }, label: t('chart.shapes.confidence') });
  for (const level of spec.levels) {
    items.push({ swatch: { kind: 'band', meaning: level.meaning }, label: t(level.meaning === 'healthy' ? 'chart.zone.healthy' : 'chart.zone.critical', { level: level.label }) });
  }
  if (spec.markers.some((marker) => marker.kind === 'quarter')) items.push({ swatch: { kind: 'marker', style: 'quarter' }, label: t('chart.marker.quarter') });
  const asOf = spec.markers.find((marker) => marker.kind === 'as-of');
  if (asOf) items.push({ swatch: { kind: 'marker', style: 'as-of' }, label: asOf.label });
  return items;
}
