/**
 * How the portal's integrations stop a build: an AstroError (Astro's documented error for
 * integrations, `astro/errors`) that Astro prints as `[AstroUserError] <message>` with its
 * hint and exits 1. Astro's CLI prints the full stack of every error that has one
 * (formatErrorMessage is called with showFullStacktrace), so these errors carry none: the
 * message names the step and the file, and PORTAL_DEBUG=1 brings the stack back.
 */
import { AstroError } from 'astro/errors';

import { debugging } from '../lib/content/build-inputs.ts';

/**
 * An error that stops the build with one message and no stack trace.
 * @example throw buildStopped('The content has 3 errors; nothing was built.', 'Fix them and build again.')
 */
export function buildStopped(message: string, hint?: string, cause?: unknown): AstroError {
  const error = new AstroError(message, hint);
  if (debugging(process.env)) {
    if (cause instanceof Error && cause.stack) error.stack = cause.stack;
  } else {
    error.stack = '';
  }
  return error;
}

/**
 * An unexpected failure of a build step, as one line naming the step and the file.
 * @example throw stepFailed('writing badges', '/srv/dist/badges/a.svg', error)
 */
export function stepFailed(step: string, file: string, error: unknown): AstroError {
  const reason = error instanceof Error ? error.message : String(error);
  return buildStopped(`${step} failed for ${file}: ${reason.split('\n')[0]}`, debugging(process.env) ? undefined : 'Set PORTAL_DEBUG=1 to see the stack trace.', error);
}
