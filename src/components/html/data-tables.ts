/**
 * The data tables behind charts: a key result's check-ins and a KPI's values. They are the
 * charts' no-JavaScript fallback, so everyone gets the numbers. The styles of both are in
 * styles/parts.css.
 */
import type { I18n } from '../../lib/i18n/index.ts';
import { attributes, html, type Html } from '../../lib/render/html.ts';
import type { Kpi, KeyResult } from '../../lib/model/portal-model.ts';

/**
 * The check-ins of a key result, newest first, closed: the chart (or its sparkline) above
 * tells the story, and open tables made objective pages twice as long (issue 24).
 * @example checkinTable(kr, portal.i18n)
 */
export function checkinTable(kr: Pick<KeyResult, 'title' | 'unit' | 'checkins'>, { t, format }: Pick<I18n, 't' | 'format'>): Html {
  const rows = [...kr.checkins].reverse().map(
    (checkin) =>
      html`<tr><td><time datetime="${checkin.date}">${format.date(checkin.date)}</time>${checkin.late && html`<span class="late">${t('table.late')}</span>`}</td><td class="num" data-value="${checkin.value}">${format.value(checkin.value, kr.unit)}</td><td class="num col-minor">${checkin.confidence === undefined ? '–' : format.percent(checkin.confidence)}</td><td>${checkin.note ?? ''}</td></tr>`,
  );
  // The wrapper is focusable so that keyboard users can scroll a wide table on a phone.
  return html`<details class="checkins"><summary>${t('table.checkinHistory', { count: kr.checkins.length })}</summary><section class="table-wrap" tabindex="0"${attributes({ 'aria-label': t('table.checkinsOf', { title: kr.title }) })}><table><caption class="visually-hidden">${t('table.checkinsOf', { title: kr.title })}</caption><thead><tr><th scope="col">${t('table.date')}</th><th scope="col" class="num">${t('table.value')}</th><th scope="col" class="num col-minor">${t('table.confidence')}</th><th scope="col">${t('table.note')}</th></tr></thead><tbody>${rows}</tbody></table></section></details>`;
}

/**
 * A KPI's values (all of them, or those given), newest first; open when there are few.
 * @example kpiDataTable(kpi, portal.i18n, { points: inPeriod, summary: `${kpi.title} in the period (3)` })
 */
export function kpiDataTable(kpi: Pick<Kpi, 'title' | 'unit' | 'data'>, { t, format }: Pick<I18n, 't' | 'format'>, options: { points?: Kpi['data'] | undefined; summary?: string | undefined } = {}): Html {
  const rows = [...(options.points ?? kpi.data)].reverse();
  const cells = rows.map(
    (point) =>
      html`<tr><td><time datetime="${point.date}">${format.date(point.date)}</time></td><td class="num" data-value="${point.value}">${format.value(point.value, kpi.unit)}</td><td>${point.note ?? ''}</td></tr>`,
  );
  return html`<details class="kpi-data"${attributes({ open: rows.length <= 13 })}><summary>${options.summary ?? t('table.allValues', { count: rows.length })}</summary><section class="table-wrap" tabindex="0"${attributes({ 'aria-label': t('table.valuesOf', { title: kpi.title }) })}><table><caption class="visually-hidden">${t('table.valuesOf', { title: kpi.title })}</caption><thead><tr><th scope="col">${t('table.date')}</th><th scope="col" class="num">${t('table.value')}</th><th scope="col">${t('table.note')}</th></tr></thead><tbody>${cells}</tbody></table></section></details>`;
}

/**
 * The grades of a graded key result, newest first, with the projected final grade of each;
 * closed, like the check-ins.
 * @example gradeHistoryTable(kr)
 */
export function gradeHistoryTable(kr: Pick<KeyResult, 'title' | 'checkins'>, { t, format }: Pick<I18n, 't' | 'format'>): Html {
  const rows = [...kr.checkins].reverse().map(
    (checkin) =>
      html`<tr><td><time datetime="${checkin.date}">${format.date(checkin.date)}</time>${checkin.late && html`<span class="late">${t('table.late')}</span>`}</td><td class="num" data-value="${checkin.value}">${format.grade(checkin.value)}</td><td class="num col-minor">${checkin.projected === undefined ? '–' : format.grade(checkin.projected)}</td><td>${checkin.note ?? ''}</td></tr>`,
  );
  return html`<details class="checkins grades"><summary>${t('table.gradeHistory', { count: kr.checkins.length })}</summary><section class="table-wrap" tabindex="0"${attributes({ 'aria-label': t('table.gradesOf', { title: kr.title }) })}><table><caption class="visually-hidden">${t('table.gradesOf', { title: kr.title })}</caption><thead><tr><th scope="col">${t('table.date')}</th><th scope="col" class="num">${t('table.grade')}</th><th scope="col" class="num col-minor">${t('table.projected')}</th><th scope="col">${t('table.note')}</th></tr></thead><tbody>${rows}</tbody></table></section></details>`;
}
