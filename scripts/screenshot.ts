/**
 * Screenshots of a built site for humans to look at:
 * `node scripts/screenshot.ts [dist] [base] [out-dir] [path...] [--viewport]`, light, dark and
 * 375 px wide; whole pages, or with `--viewport` the first screen only (1280x900, 375x812), which
 * an image viewer shows at full size.
 */
import { mkdirSync } from 'node:fs';
import { serveStatic } from '../test/support/static-server.ts';
import { launchChromium } from '../test/support/browser.ts';

const viewportOnly = process.argv.includes('--viewport');
const [root = 'dist', base = '/', outDir = '/tmp/screens', ...paths] = process.argv.slice(2).filter((arg) => arg !== '--viewport');
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
      const page = await browser.newPage({ viewport: { width: variant.width, height: variant.width < 600 ? 812 : 900 }, colorScheme: variant.scheme });
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      const file = `${outDir}/${(path || 'home').replace(/[/?=]+/g, '_').replace(/^_|_$/g, '') || 'home'}-${variant.name}.png`;
      await page.screenshot({ path: file, fullPage: !viewportOnly });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
