import { describe, expect, test } from 'vitest';
import { contrastRatio, parseHexColor } from './color-contrast.ts';
import { formatProblem } from './problems.ts';
import { loadContentSet } from './load-content.ts';

function settingsProblems(yaml: string, extraFiles: string[] = []): string[] {
  const files = [{ path: 'portal.yaml', displayPath: 'content/portal.yaml', text: yaml }, ...extraFiles.map((path) => ({ path, displayPath: `content/${path}`, text: '' }))];
  return loadContentSet(files).problems.map(formatProblem);
}

describe('contrastRatio', () => {
  test.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#3b43c4', '#ffffff', 7.54],
    ['#777', '#fff', 4.48],
  ])('%s on %s is %s:1', (a, b, ratio) => {
    expect(contrastRatio(parseHexColor(a)!, parseHexColor(b)!)).toBeCloseTo(ratio, 2);
  });

  test('parseHexColor reads #rgb and #rrggbb only', () => {
    expect(parseHexColor('#1D4ED8')).toEqual({ r: 29, g: 78, b: 216 });
    expect(parseHexColor('#abc')).toEqual({ r: 170, g: 187, b: 204 });
    expect(parseHexColor('1d4ed8')).toBeUndefined();
    expect(parseHexColor('#1d4ed8ff')).toBeUndefined();
    expect(parseHexColor('red')).toBeUndefined();
  });
});

describe('portal.yaml branding', () => {
  test('accepts a logo in the content folder, an accent with enough contrast and http(s) footer links', () => {
    const yaml = 'branding:\n  logo: branding/logo.svg\n  accent: "#1D4ED8"\n  footer_links:\n    - { label: Intranet, url: "https://intranet.example.com/okrs" }\n';
    const { content, problems } = loadContentSet([
      { path: 'portal.yaml', displayPath: 'content/portal.yaml', text: yaml },
      { path: 'branding/logo.svg', displayPath: 'content/branding/logo.svg', text: '' },
    ]);
    // The logo is part of the portal, so it is not reported as an ignored file.
    expect(problems).toEqual([]);
    expect(content.settings.branding).toEqual({ logo: 'branding/logo.svg', accent: '#1d4ed8', footer_links: [{ label: 'Intranet', url: 'https://intranet.example.com/okrs' }] });
  });

  test('a logo above 1 MB is an error naming the logo file, before the build copies it', () => {
    const files = [
      { path: 'portal.yaml', displayPath: 'content/portal.yaml', text: 'branding:\n  logo: branding/logo.png\n' },
      { path: 'branding/logo.png', displayPath: 'content/branding/logo.png', text: '', size: 1_000_001 },
    ];
    expect(loadContentSet(files).problems.map(formatProblem)).toEqual(['content/branding/logo.png: branding.logo: is 1000001 bytes, more than the limit of 1000000 bytes (1 MB) for a logo; use a smaller image']);
    expect(loadContentSet([files[0]!, { ...files[1]!, size: 1_000_000 }]).problems).toEqual([]);
  });

  test('is optional', () => {
    expect(loadContentSet([{ path: 'portal.yaml', displayPath: 'content/portal.yaml', text: 'name: X\n' }]).content.settings.branding).toBeUndefined();
  });

  test.each([
    ['branding:\n  accent: blue\n', 'content/portal.yaml:2:11: branding.accent: must be a CSS hex colour written #rgb or #rrggbb, such as "#1d4ed8", got "blue"'],
    ['branding:\n  accent: "#ffcc00"\n', 'content/portal.yaml:2:11: branding.accent: "#ffcc00" has a contrast of 1.51:1 with white, below 4.5:1; choose a darker colour (it is the colour of links and of white text on buttons)'],
    ['branding:\n  logo: ../logo.svg\n', 'content/portal.yaml:2:9: branding.logo: must be a path inside the content folder, in lower case, ending in .svg, .png, .webp, .jpg, .jpeg, such as "branding/logo.svg", got "../logo.svg"'],
    ['branding:\n  logo: /etc/logo.png\n', 'content/portal.yaml:2:9: branding.logo: must be a path inside the content folder, in lower case, ending in .svg, .png, .webp, .jpg, .jpeg, such as "branding/logo.svg", got "/etc/logo.png"'],
    ['branding:\n  logo: logo.gif\n', 'content/portal.yaml:2:9: branding.logo: must be a path inside the content folder, in lower case, ending in .svg, .png, .webp, .jpg, .jpeg, such as "branding/logo.svg", got "logo.gif"'],
    ['branding:\n  logo: logo.svg\n', 'content/portal.yaml: branding.logo: "logo.svg" is not a file in the content folder; put the logo there or correct the path'],
    ['branding:\n  footer_links:\n    - { label: Home, url: "javascript:alert(1)" }\n', 'content/portal.yaml:3:27: branding.footer_links[0].url: must be an absolute http:// or https:// URL, such as "https://intranet.example.com/okrs", got "javascript:alert(1)"'],
    ['branding:\n  footer_links:\n    - { label: Home, url: "//evil.example" }\n', 'content/portal.yaml:3:27: branding.footer_links[0].url: must be an absolute http:// or https:// URL, such as "https://intranet.example.com/okrs", got "//evil.example"'],
    ['branding:\n  colour: "#000"\n', 'content/portal.yaml:2:11: branding.colour: is not a known field (expected one of: logo, accent, footer_links)'],
  ])('%j: %s', (yaml, message) => {
    expect(settingsProblems(yaml)).toEqual([message]);
  });
});
