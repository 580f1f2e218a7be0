/**
 * Launches Debian's Chromium (or OKR_PORTAL_CHROMIUM) through playwright-core; no browser
 * download is involved.
 */
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Path of the Chromium binary used by e2e tests and screenshots. */
export const CHROMIUM_PATH = process.env.OKR_PORTAL_CHROMIUM || '/usr/bin/chromium';

/**
 * Whether a Chromium binary is available.
 * @example if (!hasChromium()) test.skip(...)
 */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * A headless Chromium with the flags this sandbox needs (no sandbox as root, no background
 * networking).
 * @example const browser = await launchChromium();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
