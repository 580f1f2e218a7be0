import { describe, expect, test } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { i18nFor } from '../i18n/index.ts';
import { keyResultBadge, kpiBadge, objectiveBadge, renderBadge } from './badge.ts';
import { textWidth, truncate } from './svg.ts';

describe('renderBadge', () => {
  test('is valid XML with the label and value as its accessible name', () => {
    const svg = renderBadge({ label: 'Q3 <b>support</b> & "ops"', value: '67%', tone: 'yellow' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('aria-label="Q3 &lt;b&gt;support&lt;/b&gt; &amp; &quot;ops&quot;: 67%"');
    expect(svg).not.toContain('<b>');
  });

  test('grows with its text', () => {
    const width = (label: string) => Number(/width="(\d+)"/.exec(renderBadge({ label, value: '1%', tone: 'green' }))![1]);
    expect(width('a much longer label than this')).toBeGreaterThan(width('short'));
  });
});

describe('objectiveBadge and kpiBadge', () => {
  test.each([
    [{ period: '2026-Q3', title: 'Support efficiency', score: 0.666, grade: 'yellow' as const }, { label: 'Q3 Support efficiency', value: '67%', tone: 'yellow' }],
    [{ period: '2026-Q4', title: 'Grow', score: 1, grade: 'green' as const }, { label: 'Q4 Grow', value: '100%', tone: 'green' }],
  ])('%j', (objective, expected) => {
    expect(objectiveBadge(objective, i18nFor('en').format)).toEqual(expected);
  });

  test('values are written in the portal\'s locale', () => {
    const de = i18nFor('de').format;
    expect(objectiveBadge({ period: '2026-Q3', title: 'Wachsen', score: 0.666, grade: 'yellow' }, de).value).toBe('67\u00a0%');
    expect(keyResultBadge({ title: 'Antworten', score: 0.5 }, 'red', de)).toEqual({ label: 'Antworten', value: '50\u00a0%', tone: 'red' });
    expect(kpiBadge({ title: 'Umsatz', status: 'healthy', unit: 'EUR', latest: { value: 1250.5 } }, de).value).toBe('1.251\u00a0€');
    expect(kpiBadge({ title: 'NPS', status: 'healthy', unit: 'pts', latest: { value: 1250.5 } }, i18nFor('en').format).value).toBe('1,251 pts');
    expect(kpiBadge({ title: 'NPS', status: 'no-data', unit: 'pts' }, i18nFor('nb').format).value).toBe('–');
  });

  test.each([
    ['healthy', 'green'],
    ['warning', 'yellow'],
    ['critical', 'red'],
    ['no-data', 'grey'],
    ['untracked', 'grey'],
  ])('a %s KPI is %s', (status, tone) => {
    expect(kpiBadge({ title: 'NPS', status }, i18nFor('en').format).tone).toBe(tone);
  });
});

describe('svg helpers', () => {
  test('badge text is escaped with the one escaper, html.ts escapeHtml', () => {
    const svg = renderBadge({ label: `Acme's <R&D>`, value: '"1"', tone: 'grey' });
    expect(svg).toContain('<title>Acme&#39;s &lt;R&amp;D&gt;: &quot;1&quot;</title>');
    expect(svg).not.toMatch(/&apos;|<R|'s/);
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  test('truncate adds an ellipsis only when needed', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('Make support effortless', 12)).toBe('Make suppor…');
  });
  test('textWidth counts wide letters wider than narrow ones', () => {
    expect(textWidth('mmm')).toBeGreaterThan(textWidth('iii'));
  });
});
