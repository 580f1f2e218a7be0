/**
 * The small status elements that every list, card and entry page repeats: score pills,
 * status badges and progress bars. Markup only; their styles are in styles/parts.css.
 */
import type { I18n } from '../../lib/i18n/index.ts';
import { attributes, html, type Html } from '../../lib/render/html.ts';
import type { Grade } from '../../lib/model/progress.ts';
import { scoreVerdict, statusIcon, statusTone } from '../../lib/render/status-tone.ts';
import { periodPhase } from '../../lib/calendar/period.ts';
import type { Objective } from '../../lib/model/portal-model.ts';

/**
 * A score with its grade, e.g. "0.62" on yellow; the grade is spelled out for screen readers.
 * Without a grade (an open period: lib/render/status-tone.ts scoreVerdict) the pill is
 * neutral, as the status beside it carries the colour.
 * @example scorePill({ score: 0.62, grade: 'yellow' }, portal.i18n)
 */
export function scorePill({ score, grade, final = false }: { score: number; grade: Grade | undefined; final?: boolean | undefined }, { t, format, label: labelOf }: I18n): Html {
  const label = t(final ? 'score.final' : 'score.score');
  const text = format.score(score);
  if (grade === undefined) return html`<span class="score score-neutral"><span class="visually-hidden">${label} </span>${text}</span>`;
  const gradeName = labelOf('grade', grade);
  return html`<span class="score score-${grade}"${attributes({ title: t('score.title', { label, score: text, grade: gradeName }) })}><span class="visually-hidden">${label} </span>${text}<span class="visually-hidden">${t('score.grade', { grade: gradeName })}</span></span>`;
}

/**
 * An objective's score pill: graded once its period is closed or its score final, neutral
 * while the period runs (lib/render/status-tone.ts scoreVerdict).
 * @example objectiveScorePill(objective, portal)
 */
export function objectiveScorePill(objective: Pick<Objective, 'score' | 'grade' | 'finalScore' | 'period'>, { asOf, i18n }: { asOf: string; i18n: I18n }): Html {
  const final = objective.finalScore !== undefined;
  return scorePill({ score: objective.score, grade: scoreVerdict({ grade: objective.grade, phase: periodPhase(objective.period, asOf), final }), final }, i18n);
}

/**
 * An objective or KPI status with its icon and label.
 * @example statusBadge('at-risk', portal.i18n) // ▲ At risk, in yellow
 */
export function statusBadge(status: string, i18n: I18n): Html {
  return html`<span class="badge tone-${statusTone(status)}"${attributes({ 'data-status': status })}><span aria-hidden="true">${statusIcon(status)}</span> ${i18n.label('status', status)}</span>`;
}

/**
 * A progress bar (an SVG rect's width, not a style attribute: the CSP allows no inline
 * styles) with the percentage as text. It is always the accent colour: it shows how far,
 * and the verdict is the status or score beside it (one meaning per colour).
 * @example progressBar({ value: 0.5, label: 'Progress' }, portal.i18n)
 */
export function progressBar({ value, label, size = 'md' }: { value: number; label: string; size?: 'sm' | 'md' | undefined }, i18n: I18n): Html {
  const width = `${Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 10}%`;
  return html`<div class="progress progress-${size}"><svg class="track" aria-hidden="true" focusable="false"><rect class="fill" width="${width}" height="100%"></rect></svg><span class="value"><span class="visually-hidden">${label}: </span>${i18n.format.percent(value)}</span></div>`;
}

/**
 * "No update for N days" beside a stale key result or objective; nothing when fresh.
 * @example staleNote(15, portal.i18n) // No update for 15 days
 */
export function staleNote(days: number | undefined, { t }: Pick<I18n, 't'>): Html | undefined {
  if (days === undefined) return undefined;
  return html`<span class="stale-note" data-stale="${days}"><span aria-hidden="true">◷</span> ${t('stale.note', { count: days })}</span>`;
}

/**
 * The forecast beside a progress bar, e.g. "Forecast 81%"; nothing without one.
 * @example forecastNote(0.81, portal.i18n)
 */
export function forecastNote(forecast: number | undefined, { t, format }: Pick<I18n, 't' | 'format'>): Html | undefined {
  if (forecast === undefined) return undefined;
  return html`<span class="forecast" title="${t('forecast.title')}">${t('forecast.note', { percent: format.percent(forecast) })}</span>`;
}
