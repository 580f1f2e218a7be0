/**
 * `okr build`, `okr dev`, `okr preview`: the portal's own Astro project (the root of this
 * package, wherever it is installed) run against the content of the current folder. The
 * build inputs (PORTAL_CONTENT_DIR, PORTAL_OUT_DIR, ...) are read by astro.config.mjs against
 * the current folder, which stays the user's: the package is only Astro's `--root`, so the
 * user's repository needs no Astro config and no src/.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { RunAction } from '../cli/context.ts';
import { UsageError } from '../cli/errors.ts';

/** The package root: the Astro project that renders every portal. */
export const PORTAL_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SITE_COMMANDS = [
  ['build', 'build the portal from ./content (or $PORTAL_CONTENT_DIR) into ./dist (or $PORTAL_OUT_DIR)'],
  ['dev', 'serve the portal with live reload while you edit the content'],
  ['preview', 'serve the built site (./dist or $PORTAL_OUT_DIR)'],
] as const;

/**
 * Registers `okr build`, `okr dev` and `okr preview`; other options go to Astro unchanged
 * (`okr dev --port 4000`).
 * @example registerSite(program, run)
 */
export function registerSite(program: Command, run: RunAction): void {
  for (const [name, description] of SITE_COMMANDS) {
    program
      .command(name)
      .description(description)
      .argument('[astro-options...]', 'passed on to `astro ' + name + '`, e.g. --port 4000')
      .allowUnknownOption()
      .action((astroOptions: string[]) => run(() => runAstro(name, astroOptions)));
  }
}

function runAstro(command: string, astroOptions: readonly string[]): number {
  if (astroOptions.some((option) => option === '--root' || option.startsWith('--root='))) {
    throw new UsageError(`okr ${command}: --root is the portal package itself; set PORTAL_CONTENT_DIR to build another content folder`);
  }
  // process.execArgv carries the type-stripping hook of an installed package (scripts/okr.mjs).
  const args = [...process.execArgv, astroBin(), command, '--root', PORTAL_ROOT, ...astroOptions];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env } });
  if (result.error) throw new UsageError(`could not start Astro: ${result.error.message}`);
  return result.status ?? 1;
}

/** Astro's bin, resolved from this package (hoisted or nested, whichever npm chose). */
function astroBin(): string {
  const manifestPath = createRequire(join(PORTAL_ROOT, 'package.json')).resolve('astro/package.json');
  return join(dirname(manifestPath), 'bin', 'astro.mjs');
}
