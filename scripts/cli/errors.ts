import { debugging } from '../../src/lib/content/build-inputs.ts';
import { escapeUnprintable } from '../../src/lib/content/problems.ts';

/**
 * The two ways a command fails: the invocation is wrong (exit 2) or the content is (exit 1).
 */

/** A wrong invocation: missing or unparseable arguments, unknown ids. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly exitCode = 2;
}

/** Content that is invalid, or would become invalid through the command. Exit code 1. */
export class ContentError extends Error {
  override name = 'ContentError';
  readonly exitCode = 1;
}

/**
 * What `okr` prints for any other failure (a bug, a full disk, a file in the way of a folder):
 * one line naming the command and the error, whose message names the file; the stack only
 * with PORTAL_DEBUG=1, as for the build.
 * @example unexpectedFailure('new', new Error("EEXIST: file already exists, mkdir 'content/teams/x'"), {})
 * // "okr: new failed: EEXIST: file already exists, mkdir 'content/teams/x' (set PORTAL_DEBUG=1 to see the stack trace)\n"
 */
export function unexpectedFailure(command: string, error: unknown, env: Readonly<Record<string, string | undefined>>): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = `okr: ${command} failed: ${escapeUnprintable(message.split('\n')[0] ?? '')}`;
  if (debugging(env) && error instanceof Error && error.stack) return `${line}\n${error.stack}\n`;
  return `${line} (set PORTAL_DEBUG=1 to see the stack trace)\n`;
}
