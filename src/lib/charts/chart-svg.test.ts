import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { i18nFor } from '../i18n/index.ts';
import { burnUpChartSpec, trendChartSpec } from './chart-spec.ts';
import { chartSvg } from './chart-svg.ts';
import { churn, coverage } from '../../../test/support/chart-inputs.ts';

/** The SVG parsed as HTML parses it (inline SVG in a page). */
function parse(svg: string): Element {
  const root: Root = fromHtml(svg, { fragment: true });
  return root.children[0] as Element;
}

/** Elements by `tag.class.class[attribute="value"]`, enough for these tests. */
function selectAll(selector: string, root: Element): Element[] {
  const [, tag, classes = '', attribute, value] = /^(\w+)((?:\.[\w-]+)*)(?:\[([\w-]+)="([^"]*)"\])?$/.exec(selector)!;
  const wanted = classes.split('.').filter(Boolean);
  const found: Element[] = [];
  visit(root, 'element', (node: Element) => {
    const names = (node.properties['className'] as string[] | undefined) ?? [];
    if (node.tagName !== tag || !wanted.every((name) => names.includes(name))) return;
    if (attribute && String(node.properties[attribute === 'text-anchor' ? 'textAnchor' : attribute]) !== value) return;
    found.push(node);
  });
  return found;
}

function toString(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}
const texts = (root: Element, selector: string): string[] => selectAll(selector, root).map((node) => toString(node));
const numbers = (root: Element, selector: string, attribute: string): number[] => selectAll(selector, root).map((node) => parseFloat(String(node.properties[attribute])));

describe('chartSvg', () => {
  const en = i18nFor('en');
  const spec = trendChartSpec(churn, '2026-11-23', en);
  const svg = parse(chartSvg(spec, en.format));

  test('is an image named by the spec summary', () => {
    expect(svg.properties['role']).toBe('img');
    expect(svg.properties['ariaLabel']).toBe(spec.summary);
  });

  test('one point per value, in the shape of its status, placed on the value axis', () => {
    // 7 values: 4 critical or warning shapes are paths, the healthy ones circles.
    const circles = selectAll('circle.pt', svg);
    const shapes = selectAll('path.pt', svg);
    expect(circles.length + shapes.length).toBe(7);
    expect(selectAll('path.pt.tone-critical', svg)).toHaveLength(3);
    // Bounds 1 .. 3.5: 1.4% (healthy, a circle) sits at (3.5 - 1.4) / 2.5 = 84% from the top.
    expect(numbers(svg, 'circle.pt', 'cy')).toContain(84);
  });

  test('the line breaks at gaps in the data: one polyline per run, lone values are points only', () => {
    // Dec 2025 | Mar 2026 | Jun, Jul, Sept, Oct, Nov: monthly values more than 62 days apart break the line.
    const lines = selectAll('polyline.line-primary', svg);
    expect(lines.map((line) => String(line.properties['points']).split(' ').length)).toEqual([5]);
  });

  test('value ticks without the unit, which is shown once above them', () => {
    expect(texts(svg, 'text.tick[text-anchor="end"]')).toEqual(['1', '1.5', '2', '2.5', '3', '3.5']);
    expect(texts(svg, 'text.unit')).toEqual(['%']);
  });

  test('month ticks read as months, the year on the first and when it changes', () => {
    const wide = selectAll('text.tick[text-anchor="middle"]', svg).filter((node) => !(node.properties['className'] as string[]).includes('hide-xl'));
    expect(wide.map((node) => toString(node))).toEqual(['Dec 2025', 'Jan 2026', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov']);
    const phone = selectAll('text.tick[text-anchor="middle"]', svg).filter((node) => !(node.properties['className'] as string[]).includes('hide-sm'));
    // Labels come in the order of the widths they were laid out for: sort them along the axis.
    phone.sort((a, b) => parseFloat(String(a.properties['x'])) - parseFloat(String(b.properties['x'])));
    expect(phone.map((node) => toString(node))).toEqual(['Dec 2025', 'Apr 2026', 'Jul', 'Oct']);
  });

  test('bands and level lines for target and threshold, labelled at the start so the latest point stays free', () => {
    expect(selectAll('rect.band-healthy', svg)).toHaveLength(1);
    expect(selectAll('rect.band-critical', svg)).toHaveLength(1);
    expect(texts(svg, 'text.level-label')).toEqual(['Target ≤ 1.5%', 'Critical > 2.5%']);
    expect(selectAll('text.level-label', svg).map((node) => node.properties['x'])).toEqual(['0', '0']);
  });

  test('quarter markers with their labels', () => {
    expect(selectAll('line.marker-quarter', svg)).toHaveLength(4);
    expect(texts(svg, 'text.marker-label')).toEqual(['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']);
  });

  test('in German: numbers, month ticks and labels in the portal language', () => {
    const de = i18nFor('de');
    const german = parse(chartSvg(trendChartSpec(churn, '2026-11-23', de), de.format));
    expect(texts(german, 'text.tick[text-anchor="end"]')).toEqual(['1', '1,5', '2', '2,5', '3', '3,5']);
    expect(texts(german, 'text.tick[text-anchor="middle"]').slice(0, 3)).toEqual(['Dez. 2025', 'Jan. 2026', 'Feb']);
    expect(texts(german, 'text.level-label')).toEqual(['Ziel ≤ 1,5\u00a0%', 'Kritisch > 2,5\u00a0%']);
    expect(german.properties['ariaLabel']).toMatch(/^Liniendiagramm von Monthly churn rate: von 1,9\u00a0% am 1\. Dez\. 2025/);
  });

  test('a burn-up chart: the ideal and the forecast dashed, check-ins shaped by confidence, the as-of marker', () => {
    const burnUp = burnUpChartSpec(coverage, '2026-Q4', '2026-11-23', undefined, en)!;
    const chart = parse(chartSvg(burnUp, en.format));
    expect(selectAll('polyline.line-ideal', chart)).toHaveLength(1);
    expect(selectAll('polyline.line-forecast', chart)).toHaveLength(1);
    // Confidence 0.5 is a diamond, 0.7 a circle, 0.3 a triangle.
    expect(selectAll('circle.pt-checkins', chart)).toHaveLength(1);
    expect(selectAll('path.pt-checkins', chart)).toHaveLength(2);
    expect(texts(chart, 'text.marker-label-as-of')).toContain('As of 23 Nov 2026');
  });

  test('drawn from a later xMin (the range switch): only the points and markers from there, on the bounds of that range', () => {
    const xMin = spec.series[0]!.points.at(-3)!.x;
    const range = parse(chartSvg({ ...spec, xMin }, en.format));
    expect(selectAll('circle.pt', range).length + selectAll('path.pt', range).length).toBe(3);
    const markers = spec.markers.filter((marker) => marker.x >= xMin).length;
    expect(selectAll('line.marker', range)).toHaveLength(markers);
    expect(markers).toBeLessThan(spec.markers.length);
    // Every point inside the plot, none in the gutter.
    expect(numbers(range, 'circle.pt', 'cx').every((x) => x >= 0 && x <= 100)).toBe(true);
    // Month ticks of the range only.
    expect(texts(range, 'text.tick[text-anchor="middle"]')[0]).not.toBe(texts(svg, 'text.tick[text-anchor="middle"]')[0]);
  });

  test('is the same text for the same spec', () => {
    expect(chartSvg(spec, en.format)).toBe(chartSvg(trendChartSpec(churn, '2026-11-23', en), en.format));
  });
});
