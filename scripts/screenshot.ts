/**
 * Screenshots of a built site for humans to look at:
 * `node scripts/screenshot.ts [dist] [base] [out-dir] [path...]`, light, dark and 375 px wide.
 */
import { mkdirSync } from 'node:fs';
import { serveStatic } from '../test/support/static-server.ts';
import { launchChromium } from '../test/support/browser.ts';

const [root = 'dist', base = '/', outDir = '/tmp/screens', ...paths] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const server = await serveStatic(root, base);
const browser = await launchChromium();
try {
  for (const path of paths.length ? paths : ['']) {
    for (const variant of [
      { name: 'light', width: 1280, scheme: 'light' as const },
      { name: 'dark', width: 1280, scheme: 'dark' as const },
      { name: 'mobile', width: 375, scheme: 'light' as const },
    ]) {
      const page = await browser.newPage({ viewport: { width: variant.width, height: 900 }, colorScheme: variant.scheme });
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      const file = `${outDir}/${(path || 'home').replace(/[/?=]+/g, '_').replace(/^_|_$/g, '') || 'home'}-${variant.name}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
