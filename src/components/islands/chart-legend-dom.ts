/**
 * Builds a chart's legend in the browser from its spec (src/lib/charts/chart-legend.ts says what it
 * contains). Elements and classes only, no inline styles: the Content-Security-Policy
 * allows none, and the look comes from ChartIsland's stylesheet.
 */
import { legendItems, type LegendSwatch } from '../../lib/charts/chart-legend.ts';
import type { ChartSpec } from '../../lib/charts/chart-spec.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svgElement(name: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function swatchElement(swatch: LegendSwatch): Element {
  if (swatch.kind === 'shapes') {
    const shapes = document.createElement('span');
    shapes.className = 'shapes';
    shapes.setAttribute('aria-hidden', 'true');
    shapes.textContent = swatch.shapes;
    if (swatch.critical) {
      const critical = document.createElement('span');
      critical.className = 'critical';
      critical.textContent = swatch.critical;
      shapes.append(critical);
    }
    return shapes;
  }
  const [width, height] = swatch.kind === 'marker' ? [12, 14] : [28, 12];
  const svg = svgElement('svg', { 'aria-hidden': 'true', width, height, viewBox: `0 0 ${width} ${height}` });
  if (swatch.kind === 'marker') {
    svg.append(svgElement('line', { class: `swatch swatch-${swatch.style}`, x1: 6, y1: 0, x2: 6, y2: 14 }));
  } else if (swatch.kind === 'band') {
    svg.append(svgElement('rect', { class: `band band-${swatch.meaning}`, x: 0, y: 0, width: 28, height: 12 }));
    svg.append(svgElement('line', { class: `swatch swatch-${swatch.meaning}`, x1: 1, y1: 6, x2: 27, y2: 6 }));
  } else {
    svg.append(svgElement('line', { class: `swatch swatch-${swatch.style}`, x1: 1, y1: 6, x2: 27, y2: 6 }));
    if (swatch.cross) svg.append(svgElement('path', { class: 'swatch swatch-secondary', d: 'M10 2L18 10M18 2L10 10' }));
  }
  return svg;
}

/**
 * The legend list of a chart.
 * @example controls.append(legendElement(spec))
 */
export function legendElement(spec: ChartSpec): HTMLUListElement {
  const list = document.createElement('ul');
  list.className = 'legend';
  list.setAttribute('aria-label', 'Legend');
  for (const item of legendItems(spec)) {
    const entry = document.createElement('li');
    entry.append(swatchElement(item.swatch), item.label);
    list.append(entry);
  }
  return list;
}
