/**
 * portal.yaml `branding`: the logo in the header (copied from the content folder), the accent
 * stylesheet linked from every page, and the footer links; none of it without branding.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOutsideGitOnce, LOGO } from '../support/outside-git.ts';
import type { SharedSite } from '../support/shared-build.ts';

// The basic fixture with branding, in the build it shares with search.test.ts and history.test.ts.
let site: SharedSite;

beforeAll(async () => {
  site = await buildOutsideGitOnce();
});

describe('branding', () => {
  test('builds without warnings about the logo file', () => {
    expect(site.status, site.output).toBe(0);
    expect(site.output).not.toContain('images/acme.svg');
  });

  test('shows the logo in the header instead of the portal mark, and copies it', () => {
    const home = site.read('index.html');
    expect(home).toContain('<a class="brand" href="/"><img src="/branding/logo.svg" alt="" height="26"><span>');
    expect(site.read('branding/logo.svg')).toBe(LOGO);
  });

  test('links the accent stylesheet from every page', () => {
    expect(site.read('teams/index.html')).toContain('<link rel="stylesheet" href="/branding/theme.css">');
    expect(site.read('branding/theme.css')).toContain(':root:root { --accent: #0b5cad; --focus: #0b5cad; }');
  });

  test('adds the footer links, escaped', () => {
    expect(site.read('index.html')).toContain('<li><a href="https://intranet.example.com/okrs?a=1&amp;b=2" rel="noopener noreferrer">Intranet &amp; wiki</a></li></ul>');
  });
});
