/**
 * Build-time SVG badges (shields.io style) for objectives, key results and KPIs, to put in a
 * README, wiki or handbook. Script-free, with an accessible name. Values are written in the
 * portal's locale (`67 %` and `1.250,5 €` in German), like the pages the badge links to.
 */
import type { Formats } from '../i18n/index.ts';
import type { Grade } from '../model/progress.ts';
import { escapeHtml } from './html.ts';
import { statusTone, type Tone } from './status-tone.ts';
import { textWidth, truncate } from './svg.ts';

/** Background and text colours per tone; every pair meets 4.5:1 contrast. */
const TONES: Record<Tone, { background: string; text: string }> = {
  green: { background: '#17794a', text: '#ffffff' },
  yellow: { background: '#f2c14e', text: '#1a1a1a' },
  red: { background: '#b4232f', text: '#ffffff' },
  grey: { background: '#5e6673', text: '#ffffff' },
  accent: { background: '#3b43c4', text: '#ffffff' },
};
const LABEL = { background: '#3a3f4b', text: '#ffffff' };
const PAD = 6;

/**
 * A two-part badge: a grey label and a coloured value.
 * @example renderBadge({ label: 'Q3 support efficiency', value: '67%', tone: 'yellow' })
 */
export function renderBadge(input: BadgeText): string {
  const label = truncate(input.label, 48);
  const value = truncate(input.value, 24);
  const labelWidth = Math.ceil(textWidth(label) + 2 * PAD);
  const valueWidth = Math.ceil(textWidth(value) + 2 * PAD);
  const width = labelWidth + valueWidth;
  const tone = TONES[input.tone];
  const name = escapeHtml(`${label}: ${value}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${name}">`,
    `<title>${name}</title>`,
    `<rect width="${labelWidth}" height="20" rx="3" fill="${LABEL.background}"/>`,
    `<rect x="${labelWidth}" width="${valueWidth}" height="20" rx="3" fill="${tone.background}"/>`,
    `<rect x="${labelWidth}" width="4" height="20" fill="${tone.background}"/>`,
    `<g font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">`,
    `<text x="${labelWidth / 2}" y="14" fill="${LABEL.text}">${escapeHtml(label)}</text>`,
    `<text x="${labelWidth + valueWidth / 2}" y="14" fill="${tone.text}" font-weight="bold">${escapeHtml(value)}</text>`,
    `</g></svg>`,
    '',
  ].join('\n');
}

/** What a badge says: its label, its value and the tone of the value. */
export interface BadgeText {
  label: string;
  value: string;
  tone: Tone;
}

/**
 * The badge of an objective: `Q3 <title>` and its score as a percentage, coloured by grade.
 * @example objectiveBadge({ period: '2026-Q3', title: 'Support efficiency', score: 0.67, grade: 'yellow' }, i18nFor('en').format)
 * // { label: 'Q3 Support efficiency', value: '67%', tone: 'yellow' }
 */
export function objectiveBadge(objective: { period: string; title: string; score: number; grade: Grade }, format: Pick<Formats, 'percent'>): BadgeText {
  return { label: `${objective.period.slice(5)} ${objective.title}`, value: format.percent(objective.score), tone: objective.grade };
}

/**
 * The badge of a key result: its title and score as a percentage, coloured by grade.
 * @example keyResultBadge({ title: 'Reply within a day', score: 0.5 }, 'red', i18nFor('de').format)
 * // { label: 'Reply within a day', value: '50 %', tone: 'red' }
 */
export function keyResultBadge(keyResult: { title: string; score: number }, grade: Grade, format: Pick<Formats, 'percent'>): BadgeText {
  return { label: keyResult.title, value: format.percent(keyResult.score), tone: grade };
}

/**
 * The badge of a KPI: its title and latest value with its unit, coloured by status.
 * @example kpiBadge({ title: 'NPS', status: 'healthy', unit: 'pts', latest: { value: 41 } }, i18nFor('en').format)
 * // { label: 'NPS', value: '41 pts', tone: 'green' }
 */
export function kpiBadge(kpi: { title: string; status: string; unit?: string | undefined; latest?: { value: number } | undefined }, format: Pick<Formats, 'value'>): BadgeText {
  return { label: kpi.title, value: format.value(kpi.latest?.value, kpi.unit), tone: statusTone(kpi.status) };
}
