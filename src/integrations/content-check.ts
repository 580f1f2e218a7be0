/**
 * Checks the whole content folder before Astro syncs its collections, so that every problem
 * is printed at once, as `file:field: message`, and the build stops without a stack trace.
 */
import type { AstroIntegration } from 'astro';
import { formatProblem, sortProblems, plural } from '../lib/problems.ts';
import { readBuildInputs } from '../loader/build-inputs.ts';
import { clearContentCache, loadContentOnce } from '../loader/content-source.ts';

/**
 * The content-check integration.
 * @example integrations: [contentCheck()]
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'okr-portal:content-check',
    hooks: {
      'astro:config:setup': ({ logger, command }) => {
        if (command === 'dev') clearContentCache();
        const { inputs, problems: inputProblems } = readBuildInputs();
        const started = performance.now();
        const loaded = loadContentOnce({ contentDir: inputs.contentDir, audience: inputs.audience });
        const { errors, warnings } = sortProblems([...inputProblems, ...loaded.problems]);
        for (const warning of warnings) logger.warn(formatProblem(warning));
        if (errors.length === 0) {
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          logger.info(`content OK: ${loaded.root} for the ${inputs.audience} audience, as of ${inputs.asOf} (${plural(loaded.files.length, 'file')} checked in ${seconds} s)`);
          return;
        }
        for (const error of errors) console.error(`error   ${formatProblem(error)}`);
        console.error(`\nThe content has ${plural(errors.length, 'error')}; nothing was built. Fix them and build again (okr check lists them too).`);
        process.exit(1);
      },
    },
  };
}
