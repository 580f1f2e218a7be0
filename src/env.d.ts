/**
 * A fingerprint of astro.config.mjs, set there with Vite's `define`: part of every page's cache
 * key (src/portal.ts), because Astro keeps cached pages when only the config changes.
 */
declare const __OKR_PORTAL_CONFIG__: string;
