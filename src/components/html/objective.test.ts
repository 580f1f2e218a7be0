import { describe, expect, test } from 'vitest';
import { i18nFor } from '../../lib/i18n/index.ts';
import { embedSnippet } from './objective.ts';

// Issue 18, class 10: a build without PORTAL_SITE has no absolute URLs (portal.absolute gives
// undefined), so the embed box offers the preview and downloads only, never a snippet with a
// guessed host.
describe('embedSnippet', () => {
  const base = { preview: '/badges/objectives/2026-q3/grow.svg', alt: 'Grow: score 60%', downloads: [{ label: 'CSV', href: '/api/key-results.csv' }] };

  test('without absolute URLs: the preview and the downloads, no snippet and no host', () => {
    const box = embedSnippet({ ...base, src: undefined, href: undefined }, i18nFor('en')).value;
    expect(box).not.toMatch(/<pre>|https?:|localhost/);
    expect(box).toContain('<img src="/badges/objectives/2026-q3/grow.svg" alt="Grow: score 60%" loading="lazy">');
    expect(box).toContain('<a href="/api/key-results.csv" download>CSV</a>');
  });

  test('with absolute URLs: Markdown and HTML snippets that use them', () => {
    const box = embedSnippet({ ...base, src: 'https://okrs.example.org/badges/objectives/2026-q3/grow.svg', href: 'https://okrs.example.org/objectives/2026-q3/grow/' }, i18nFor('en')).value;
    expect(box.match(/<pre><code>[^<]*<\/code><\/pre>/g)).toEqual([
      '<pre><code>[![Grow: score 60%](https://okrs.example.org/badges/objectives/2026-q3/grow.svg)](https://okrs.example.org/objectives/2026-q3/grow/)</code></pre>',
      '<pre><code>&lt;a href=&quot;https://okrs.example.org/objectives/2026-q3/grow/&quot;&gt;&lt;img src=&quot;https://okrs.example.org/badges/objectives/2026-q3/grow.svg&quot; alt=&quot;Grow: score 60%&quot;&gt;&lt;/a&gt;</code></pre>',
    ]);
  });
});
