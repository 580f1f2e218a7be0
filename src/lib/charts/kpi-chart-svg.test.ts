import { describe, expect, test } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { i18nFor } from '../i18n/index.ts';
import type { Kpi } from '../model/portal-model.ts';
import { renderKpiChartSvg } from './kpi-chart-svg.ts';
import { churn } from '../../../test/support/chart-inputs.ts';

const kpi = { ...churn, id: 'customer/churn-rate', status: 'critical', latest: churn.data.at(-1) } as unknown as Kpi;

describe('renderKpiChartSvg', () => {
  const svg = renderKpiChartSvg(kpi, '2026-11-23', i18nFor('de'));

  test('is a standalone, valid SVG with a name, and no script or style for a policy to block', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img" aria-label="Monthly churn rate: Kritisch\. Liniendiagramm von Monthly churn rate: /);
    expect(svg).not.toMatch(/<script|<style|\bstyle=|\bclass=|\bon\w+=/);
  });

  test('draws the plot of the KPI page from the same spec: every value, bands, the unit once, month ticks', () => {
    expect(svg.match(/<(?:circle|path) [^>]*fill="#(?:3b43c4|8a5a00|b4232f)"/g)).toHaveLength(churn.data.length);
    expect(svg).toContain('fill="#ddf3e7"');
    expect(svg.match(/>%<\/text>/g)).toHaveLength(1);
    expect(svg).toContain('>Dez. 2025</text>');
    expect(svg).toContain('>Ziel ≤ 1,5\u00a0%</text>');
  });

  test('labels are laid out once, for the embed width', () => {
    const ticks = [...svg.matchAll(/text-anchor="middle">([^<]+)<\/text>/g)].map((match) => match[1]);
    expect(new Set(ticks).size).toBe(ticks.length);
  });
});
