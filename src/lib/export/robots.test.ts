import { describe, expect, test } from 'vitest';
import { robotsTxt } from './robots.ts';

describe('robotsTxt', () => {
  test('names the sitemap when the build knows its site', () => {
    expect(robotsTxt('https://example.org/okrs/sitemap-index.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/okrs/sitemap-index.xml\n');
  });

  test('allows everything and names no sitemap without a site', () => {
    expect(robotsTxt(undefined)).toBe('User-agent: *\nAllow: /\n');
  });
});
