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
