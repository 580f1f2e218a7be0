/**
 * Templates for new content files (`okr new`, `okr close`): their path below the content root
 * and their text, with the frontmatter written by yaml in the content format's style.
 */
import { Document, isMap, isSeq } from 'yaml';
import { periodLabel } from '../../src/lib/calendar/period.ts';
import { formatScore } from '../../src/lib/render/format.ts';

const FROM_TO_RE = /\bfrom\s+(-?\d+(?:\.\d+)?)\s*([^\s\d]*)\s+to\s+(-?\d+(?:\.\d+)?)(?:\s*([^\s,;.)]+))?/i;
const SLUG_WORDS = 6;

/**
 * A file-name slug from a title: lower case, ASCII, words joined by dashes, at most 6 words.
 * @example slugify('Make support effortless, again!') // 'make-support-effortless-again'
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, SLUG_WORDS)
    .join('-');
}

export interface KeyResultDraft {
  id: string;
  title: string;
  type?: 'milestone';
  start?: number;
  target?: number;
  unit?: string;
}

/**
 * A key result from its title: "from X to Y [unit]" gives start, target and unit; any other
 * title becomes a milestone.
 * @example keyResultFromTitle('Resolution time from 5.5 to 3.0 min')
 * // { id: 'resolution-time', title: 'Resolution time from 5.5 to 3.0 min', start: 5.5, target: 3, unit: 'min' }
 */
export function keyResultFromTitle(title: string): KeyResultDraft {
  const text = title.trim();
  const match = FROM_TO_RE.exec(text);
  const before = match ? text.slice(0, match.index) : text;
  const id = slugify(before.split(/\s+/).slice(0, 3).join(' ')) || slugify(text) || 'key-result';
  if (!match) return { id, title: text, type: 'milestone' };
  const unit = match[4] ?? (match[2] || undefined);
  return { id, title: text, start: Number(match[1]), target: Number(match[3]), ...(unit ? { unit } : {}) };
}

/**
 * A content file: frontmatter from the fields (undefined ones left out, in their order), then
 * the body. Key results and check-ins are written in block style, data points in flow style.
 * @example entryText({ name: 'Support', parent: 'company' }, 'What we do.\n')
 * // '---\nname: Support\nparent: company\n---\nWhat we do.\n'
 */
export function entryText(fields: Record<string, unknown>, body: string): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const doc = new Document(defined);
  const data = doc.get('data', true);
  if (isSeq(data)) for (const item of data.items) if (isMap(item)) item.flow = true;
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${body}`;
}

/**
 * A retrospective to write: the period's scores and the questions a retrospective answers.
 * `okr close` scaffolds it as a draft.
 * @example retrospectiveText({ period: '2026-Q3', date: '2026-10-02', results: [{ title: 'Grow', score: 0.7 }], draft: true })
 */
export function retrospectiveText(options: {
  period: string;
  date: string;
  results: readonly { title: string; score: number }[];
  title?: string | undefined;
  team?: string | undefined;
  visibility?: string | undefined;
  draft?: boolean | undefined;
}): string {
  const { period, date, results, team } = options;
  const label = periodLabel(period);
  const list = results.length ? results.map((result) => `- ${result.title}: ${formatScore(result.score)}`).join('\n') : '- (no objectives)';
  const body = [
    '## Results',
    '',
    list,
    '',
    '## What went well',
    '',
    '<!-- Wins, and why they happened. -->',
    '',
    '## What did not',
    '',
    '<!-- Misses, and what got in the way. -->',
    '',
    '## What we change next quarter',
    '',
    '<!-- Decisions for the next period\'s objectives. -->',
    '',
  ].join('\n');
  return entryText({ title: options.title ?? `${label} retrospective`, period, team, date, visibility: options.visibility, draft: options.draft || undefined }, body);
}
