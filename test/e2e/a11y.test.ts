/**
 * axe-core on every page kind of the demo (discovered from dist) at WCAG 2.2 AA and axe's
 * best-practice rules in the light colour scheme and its colour rules in the dark one, plus text
 * alternatives for charts (canvas and SVG graphics).
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoBrowser, type DemoBrowser } from '../support/demo-browser.ts';
import { buildDemoOnce } from '../support/shared-build.ts';
import { pagesToVisit } from '../support/page-kinds.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** WCAG 2.2 AA and axe's best practices (landmarks, one h1, heading order, region, ...), issue 24. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
/**
 * What the dark scheme can break: it swaps the colour tokens (src/styles/tokens.css, and the
 * chart island's own) and nothing else, so in it axe runs the rules that read colours, not all
 * of them again (the whole set twice was half of this suite's four minutes in CI).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

const kinds = [
  ...pagesToVisit((await buildDemoOnce()).outDir),
  // The largest team page is a department's; a sub-team's page highlights a pill in the
  // second filter row, whose colours once clashed (muted text on the accent colour).
  { kind: 'alignment (sub-team)', path: 'alignment/2026-Q4/support/' },
];

describe('accessibility (axe-core, WCAG 2.2 AA and best practices)', () => {
  let demo: DemoBrowser;
  beforeAll(async () => {
    demo = await startDemoBrowser();
  });
  afterAll(async () => {
    await demo?.close();
  });

  describe.each(SCHEMES)('%s colour scheme', (scheme) => {
    test.each(kinds)('$kind: /okrs/$path', async ({ path }) => {
      const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      try {
        await page.goto(demo.url(path), { waitUntil: 'networkidle' });
        const violations = await runAxe(page, scheme === 'light' ? { type: 'tag', values: AXE_TAGS } : { type: 'rule', values: COLOUR_RULES });
        expect(formatViolations(violations)).toBe('');
        if (scheme === 'light') expect((await findUnlabelledGraphics(page)).join('\n')).toBe('');
      } finally {
        await page.close();
      }
    });
  });
});

async function runAxe(page: Page, runOnly: { type: 'tag' | 'rule'; values: string[] }): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: only, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary ?? '' })),
    }));
  }, runOnly);
}

/**
 * Charts and graphics need text alternatives: a `<canvas>` needs a name (its own, or a
 * `role="img"` ancestor's), fallback content, or a table/caption in its figure or chart
 * island; an `<svg>` is either aria-hidden or `role="img"` with a name.
 */
function findUnlabelledGraphics(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (element: Element | null): boolean =>
      Boolean(element?.getAttribute('aria-label')?.trim() || element?.getAttribute('aria-labelledby')?.trim()
        || element?.querySelector(':scope > title')?.textContent?.trim());
    const problems: string[] = [];
    for (const canvas of document.querySelectorAll('canvas')) {
      const labelled = named(canvas) || named(canvas.closest('[role="img"]'));
      const fallback = (canvas.textContent ?? '').trim() !== '';
      const container = canvas.closest('figure, okr-chart, [data-chart]');
      const beside = Boolean(container?.querySelector('figcaption, table'));
      if (!labelled && !fallback && !beside) problems.push(`<canvas> without a text alternative: ${canvas.outerHTML.slice(0, 120)}`);
    }
    for (const svg of document.querySelectorAll('svg')) {
      if (svg.closest('[aria-hidden="true"]') || svg.parentElement?.closest('svg')) continue;
      if (svg.getAttribute('role') !== 'img' || !named(svg)) problems.push(`<svg> neither aria-hidden nor role="img" with a name: ${svg.outerHTML.slice(0, 120)}`);
    }
    return problems;
  });
}

/** One block per rule, one line per offending element with axe's summary of the fix. */
function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => [
      `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
      ...v.nodes.slice(0, 8).map((n) => `  ${n.target.join(' ')}\n    ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
      ...(v.nodes.length > 8 ? [`  … and ${v.nodes.length - 8} more`] : []),
    ].join('\n'))
    .join('\n\n');
}
