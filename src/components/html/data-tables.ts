/**
 * The data tables behind charts: a key result's check-ins and a KPI's values. They are the
 * charts' no-JavaScript fallback, so everyone gets the numbers. The styles of both are in
 * styles/parts.css.
 */
import { formatDate, formatPercent, formatValue } from '../../lib/render/format.ts';
import { attributes, html, type Html } from '../../lib/render/html.ts';
import type { Kpi, KeyResult } from '../../lib/model/portal-model.ts';

/**
 * The check-ins of a key result, newest first; open when there are few.
 * @example checkinTable(kr)
 */
export function checkinTable(kr: Pick<KeyResult, 'title' | 'unit' | 'checkins'>): Html {
  const rows = [...kr.checkins].reverse().map(
    (checkin) =>
      html`<tr><td><time datetime="${checkin.date}">${formatDate(checkin.date)}</time>${checkin.late && html`<span class="late"> (late)</span>`}</td><td class="num" data-value="${checkin.value}">${formatValue(checkin.value, kr.unit)}</td><td class="num">${checkin.confidence === undefined ? '–' : formatPercent(checkin.confidence)}</td><td>${checkin.note ?? ''}</td></tr>`,
  );
  // The wrapper is focusable so that keyboard users can scroll a wide table on a phone.
  return html`<details class="checkins"${attributes({ open: kr.checkins.length <= 8 })}><summary>Check-in history (${kr.checkins.length})</summary><section class="table-wrap" tabindex="0"${attributes({ 'aria-label': `Check-ins of ${kr.title}` })}><table><caption class="visually-hidden">Check-ins of ${kr.title}</caption><thead><tr><th scope="col">Date</th><th scope="col" class="num">Value</th><th scope="col" class="num">Confidence</th><th scope="col">Note</th></tr></thead><tbody>${rows}</tbody></table></section></details>`;
}

/**
 * A KPI's values (all of them, or those given), newest first; open when there are few.
 * @example kpiDataTable(kpi, { points: inPeriod, summary: `${kpi.title} in the period (3)` })
 */
export function kpiDataTable(kpi: Pick<Kpi, 'title' | 'unit' | 'data'>, options: { points?: Kpi['data'] | undefined; summary?: string | undefined } = {}): Html {
  const rows = [...(options.points ?? kpi.data)].reverse();
  const cells = rows.map(
    (point) =>
      html`<tr><td><time datetime="${point.date}">${formatDate(point.date)}</time></td><td class="num" data-value="${point.value}">${formatValue(point.value, kpi.unit)}</td><td>${point.note ?? ''}</td></tr>`,
  );
  return html`<details class="kpi-data"${attributes({ open: rows.length <= 13 })}><summary>${options.summary ?? `Data table: all values (${rows.length})`}</summary><section class="table-wrap" tabindex="0"${attributes({ 'aria-label': `Values of ${kpi.title}` })}><table><caption class="visually-hidden">Values of ${kpi.title}</caption><thead><tr><th scope="col">Date</th><th scope="col" class="num">Value</th><th scope="col">Note</th></tr></thead><tbody>${cells}</tbody></table></section></details>`;
}

/**
 * The grades of a graded key result, newest first, with the projected final grade of each.
 * @example gradeHistoryTable(kr)
 */
export function gradeHistoryTable(kr: Pick<KeyResult, 'title' | 'checkins'>): Html {
  const rows = [...kr.checkins].reverse().map(
    (checkin) =>
      html`<tr><td><time datetime="${checkin.date}">${formatDate(checkin.date)}</time>${checkin.late && html`<span class="late"> (late)</span>`}</td><td class="num" data-value="${checkin.value}">${checkin.value.toFixed(1)}</td><td class="num">${checkin.projected === undefined ? '–' : checkin.projected.toFixed(1)}</td><td>${checkin.note ?? ''}</td></tr>`,
  );
  return html`<details class="checkins grades" open><summary>Grade history (${kr.checkins.length})</summary><section class="table-wrap" tabindex="0"${attributes({ 'aria-label': `Grades of ${kr.title}` })}><table><caption class="visually-hidden">Grades of ${kr.title}</caption><thead><tr><th scope="col">Date</th><th scope="col" class="num">Grade</th><th scope="col" class="num">Projected</th><th scope="col">Note</th></tr></thead><tbody>${rows}</tbody></table></section></details>`;
}
