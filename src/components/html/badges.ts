/**
 * The small status elements that every list, card and entry page repeats: score pills,
 * status badges and progress bars. Markup only; their styles are in styles/parts.css.
 */
import { formatPercent, formatScore, labelOf } from '../../lib/render/format.ts';
import { attributes, html, type Html } from '../../lib/render/html.ts';
import type { Grade } from '../../lib/model/progress.ts';
import { statusIcon, statusTone } from '../../lib/render/status-tone.ts';

/**
 * A score with its grade, e.g. "0.62" on yellow; the grade is spelled out for screen readers.
 * @example scorePill({ score: 0.62, grade: 'yellow' })
 */
export function scorePill({ score, grade, final = false }: { score: number; grade: Grade; final?: boolean | undefined }): Html {
  const label = final ? 'Final score' : 'Score';
  const text = formatScore(score);
  return html`<span class="score score-${grade}"${attributes({ title: `${label} ${text} (${grade})` })}><span class="visually-hidden">${label} </span>${text}<span class="visually-hidden">, grade ${grade}</span></span>`;
}

/**
 * An objective or KPI status with its icon and label.
 * @example statusBadge('at-risk') // ▲ At risk, in yellow
 */
export function statusBadge(status: string): Html {
  return html`<span class="badge tone-${statusTone(status)}"${attributes({ 'data-status': status })}><span aria-hidden="true">${statusIcon(status)}</span> ${labelOf(status)}</span>`;
}

/**
 * A progress bar (an SVG rect's width, not a style attribute: the CSP allows no inline
 * styles) with the percentage as text.
 * @example progressBar({ value: 0.5, grade: 'yellow', label: 'Progress' })
 */
export function progressBar({ value, grade, label, size = 'md' }: { value: number; grade: Grade; label: string; size?: 'sm' | 'md' | undefined }): Html {
  const width = `${Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 10}%`;
  return html`<div class="progress progress-${size}"><svg class="track" aria-hidden="true" focusable="false"><rect class="fill fill-${grade}" width="${width}" height="100%"></rect></svg><span class="value"><span class="visually-hidden">${label}: </span>${formatPercent(value)}</span></div>`;
}

/**
 * "No update for N days" beside a stale key result or objective; nothing when fresh.
 * @example staleNote(15) // No update for 15 days
 */
export function staleNote(days: number | undefined): Html | undefined {
  if (days === undefined) return undefined;
  return html`<span class="stale-note" data-stale="${days}"><span aria-hidden="true">⏸</span> No update for ${days} day${days === 1 ? '' : 's'}</span>`;
}

/**
 * The forecast beside a progress bar, e.g. "Forecast 81%"; nothing without one.
 * @example forecastNote(0.81)
 */
export function forecastNote(forecast: number | undefined): Html | undefined {
  if (forecast === undefined) return undefined;
  return html`<span class="forecast" title="Where the check-ins' trend line ends on the period's last day">Forecast ${formatPercent(forecast)}</span>`;
}
