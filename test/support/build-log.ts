import { appendFileSync } from 'node:fs';

/**
 * With OKR_TEST_BUILD_LOG=<file>, one line per build (milliseconds, exit status, test file,
 * content folder, build inputs): the list to look at when `npm test` gets slow.
 */
export function logBuild(contentDir: string, env: Record<string, string>, status: number, ms: number): void {
  const log = process.env.OKR_TEST_BUILD_LOG;
  if (!log) return;
  const testFile = /\/(test\/[^:)]+\.test\.ts)/.exec(new Error().stack ?? '')?.[1] ?? '?';
  appendFileSync(log, `${ms}\t${status}\t${testFile}\t${contentDir}\t${JSON.stringify(env)}\n`);
}
