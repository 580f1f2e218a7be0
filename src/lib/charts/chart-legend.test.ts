import { describe, expect, test } from 'vitest';
import { legendItems, type LegendItem } from './chart-legend.ts';
import { burnUpChartSpec, trendChartSpec } from './chart-spec.ts';
import { churn, coverage } from '../../../test/support/chart-inputs.ts';
import { i18nFor } from '../i18n/index.ts';

const en = i18nFor('en');

const text = (items: LegendItem[]): string[] =>
  items.map(({ swatch, label }) => {
    const drawn = swatch.kind === 'line' ? `${swatch.style}${swatch.cross ? '+cross' : ''}` : swatch.kind === 'band' ? `band ${swatch.meaning}` : swatch.kind === 'marker' ? `marker ${swatch.style}` : `shapes ${swatch.shapes}${swatch.critical ?? ''}`;
    return `${drawn}: ${label}`;
  });

describe('legendItems', () => {
  const kpi = { title: 'Onboarding rate', unit: '%', data: [{ date: '2026-10-01', value: 10 }, { date: '2026-11-01', value: 40 }] };

  test('a burn-up chart: ideal, check-ins, forecast, the KPI with its cross, confidence shapes, the target zone, as of', () => {
    expect(text(legendItems(burnUpChartSpec(coverage, '2026-Q4', '2026-11-23', kpi)!, en))).toEqual([
      'ideal: Ideal',
      'primary: Check-ins',
      'ideal: Forecast',
      'secondary+cross: KPI: Onboarding rate',
      'shapes ● ◆ ▲: confidence high, medium, low',
      'band healthy: Target 90% (healthy zone)',
      'marker as-of: As of 23 Nov 2026',
    ]);
  });

  test('check-ins without confidence need no shape key; an as-of date outside the period has no marker', () => {
    const plain = { ...coverage, checkins: [{ date: '2026-10-02', value: 9 }] };
    expect(text(legendItems(burnUpChartSpec(plain, '2026-Q3', '2026-11-23')!, en))).toEqual(['ideal: Ideal', 'primary: Check-ins', 'band healthy: Target 90% (healthy zone)']);
    expect(text(legendItems(burnUpChartSpec(plain, '2026-Q4', '2026-11-23')!, en))).toEqual(['ideal: Ideal', 'primary: Check-ins', 'band healthy: Target 90% (healthy zone)', 'marker as-of: As of 23 Nov 2026']);
  });

  test('a KPI trend: its values, status shapes, both zones and quarter starts', () => {
    expect(text(legendItems(trendChartSpec(churn, '2026-11-23'), en))).toEqual([
      'primary: Actual',
      'shapes ● ▲ ■: healthy, warning, critical',
      'band healthy: Target ≤ 1.5% (healthy zone)',
      'band critical: Critical > 2.5% (critical zone)',
      'marker quarter: Quarter start',
    ]);
  });

  test('in Norwegian: every word of the legend from the catalog', () => {
    const nb = i18nFor('nb');
    expect(text(legendItems(trendChartSpec(churn, '2026-11-23', nb), nb))).toEqual([
      'primary: Faktisk',
      'shapes ● ▲ ■: god, advarsel, kritisk',
      'band healthy: Mål ≤ 1,5\u00a0% (god sone)',
      'band critical: Kritisk > 2,5\u00a0% (kritisk sone)',
      'marker quarter: Kvartalsstart',
    ]);
  });
});
