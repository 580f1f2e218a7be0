/**
 * portal.yaml `branding`: the logo in the header (copied from the content folder), the accent
 * stylesheet linked from every page, and the footer links; none of it without branding.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT, type BuiltSite } from '../support/build-site.ts';

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n';
let site: BuiltSite;

beforeAll(() => {
  const content = join(mkdtempSync(join(tmpdir(), 'okr-branding-')), 'content');
  cpSync(join(PROJECT_ROOT, 'test/fixtures/basic'), content, { recursive: true });
  const settings = readFileSync(join(content, 'portal.yaml'), 'utf8');
  writeFileSync(
    join(content, 'portal.yaml'),
    `${settings}branding:\n  logo: images/acme.svg\n  accent: "#0B5CAD"\n  footer_links:\n    - { label: "Intranet & wiki", url: "https://intranet.example.com/okrs?a=1&b=2" }\n`,
  );
  mkdirSync(join(content, 'images'));
  writeFileSync(join(content, 'images/acme.svg'), LOGO);
  site = buildSite(content, { PORTAL_AS_OF: '2026-08-16' });
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
