import { describe, expect, test } from 'vitest';
import { entryText, keyResultFromTitle, retrospectiveText, slugify } from './entry-templates.ts';

describe('slugify', () => {
  test.each([
    ['Make support effortless, again!', 'make-support-effortless-again'],
    ['Überall schneller antworten', 'uberall-schneller-antworten'],
    ['One two three four five six seven', 'one-two-three-four-five-six'],
    ['  --  ', ''],
  ])('"%s" -> "%s"', (title, expected) => {
    expect(slugify(title)).toBe(expected);
  });
});

describe('keyResultFromTitle', () => {
  test.each([
    ['Resolution time from 5.5 to 3.0 min', { id: 'resolution-time', title: 'Resolution time from 5.5 to 3.0 min', start: 5.5, target: 3, unit: 'min' }],
    ['Tickets per customer from 1.5 to 0.5', { id: 'tickets-per-customer', title: 'Tickets per customer from 1.5 to 0.5', start: 1.5, target: 0.5 }],
    ['Conversion from 2% to 3%', { id: 'conversion', title: 'Conversion from 2% to 3%', start: 2, target: 3, unit: '%' }],
    ['Net revenue retention from -5 to 10 points', { id: 'net-revenue-retention', title: 'Net revenue retention from -5 to 10 points', start: -5, target: 10, unit: 'points' }],
    ['Publish the on-call rota', { id: 'publish-the-on-call', title: 'Publish the on-call rota', type: 'milestone' }],
  ])('"%s"', (title, expected) => {
    expect(keyResultFromTitle(title)).toEqual(expected);
  });
});

describe('entryText', () => {
  test('leaves out undefined fields, keeps the order, writes data points in flow style', () => {
    expect(entryText({ title: 'NPS', team: undefined, target: 40, data: [{ date: '2026-09-01', value: 41 }] }, 'Body\n')).toBe(
      '---\ntitle: NPS\ntarget: 40\ndata:\n  - {date: 2026-09-01, value: 41}\n---\nBody\n',
    );
  });
});

describe('retrospectiveText', () => {
  test('lists the results and marks a scaffold as a draft', () => {
    const text = retrospectiveText({ period: '2026-Q3', date: '2026-10-02', results: [{ title: 'Grow', score: 0.7 }], draft: true });
    expect(text.startsWith('---\ntitle: Q3 2026 retrospective\nperiod: 2026-Q3\ndate: 2026-10-02\ndraft: true\n---\n## Results\n\n- Grow: 0.70\n')).toBe(true);
  });
});
