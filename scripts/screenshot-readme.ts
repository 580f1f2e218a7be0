/**
 * The screenshots of the README, made from the demo build so that they never go stale:
 * `npm run screenshot:readme` builds the demo as the test suites do (test/support/shared-build.ts,
 * reused when the sources have not changed), serves it and writes the first screen of the
 * home page (light) and of the company alignment page (dark) at 1280 x 800 into docs/.
 */
import { join } from 'node:path';
import { launchChromium } from '../test/support/browser.ts';
import { PROJECT_ROOT } from '../test/support/project-paths.ts';
import { buildDemoOnce, DEMO_BASE } from '../test/support/shared-build.ts';
import { serveStatic } from '../test/support/static-server.ts';

/** What the README shows: file in docs/, page below the base path, colour scheme. */
const README_SCREENSHOTS = [
  { file: 'screenshot-home.png', path: '', colorScheme: 'light' },
  { file: 'screenshot-alignment-dark.png', path: 'alignment/2026-Q4/', colorScheme: 'dark' },
] as const;

const site = await buildDemoOnce();
const server = await serveStatic(site.outDir, DEMO_BASE);
const browser = await launchChromium();
try {
  for (const { file, path, colorScheme } of README_SCREENSHOTS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const out = join(PROJECT_ROOT, 'docs', file);
    await page.screenshot({ path: out });
    console.log(out);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
