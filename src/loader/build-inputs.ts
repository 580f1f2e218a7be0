/**
 * The build inputs of this process: environment variables, with today's UTC date as the
 * default as-of date. The only clock read of the portal.
 */
import { parseBuildInputs, type BuildInputs } from '../lib/build-inputs.ts';
import type { ContentProblem } from '../lib/problems.ts';

/**
 * Build inputs from `process.env`.
 * @example readBuildInputs().inputs.asOf
 */
export function readBuildInputs(env: NodeJS.ProcessEnv = process.env): { inputs: BuildInputs; problems: ContentProblem[] } {
  return parseBuildInputs(env, new Date().toISOString().slice(0, 10));
}
