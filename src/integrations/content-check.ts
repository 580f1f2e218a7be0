/**
 * Checks the build inputs and the whole content folder before Astro writes anything or syncs
 * its collections (astro:config:setup of the first integration), so that every problem is
 * printed at once, as `file:line:col: field: message`, and the build stops without a stack
 * trace. Then takes the checkout's build lock (src/loader/build-lock.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatProblem, sortProblems, plural, type ContentProblem } from '../lib/content/problems.ts';
import { acquireBuildLock, BuildLockedError } from '../loader/build-lock.ts';
import { checkBuildFolders, readBuildInputs } from '../loader/build-inputs.ts';
import { clearContentCache, keepResultsIn, loadContentOnce } from '../loader/content-source.ts';
import { codeVersion } from '../loader/result-cache.ts';
import { buildStopped, stepFailed } from './build-failure.ts';

/**
 * The content-check integration.
 * @example integrations: [contentCheck(), ...]
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'okr-portal:content-check',
    hooks: {
      'astro:config:setup': ({ logger, command, config }) => {
        if (command === 'dev') clearContentCache();
        const { inputs, problems } = readBuildInputs();
        const inputProblems = [...problems, ...checkBuildFolders(inputs)];
        const started = performance.now();
        // A build keeps results of the content (parsed files, snapshot timelines) in its checked
        // cache folder for the next one, under this code's version (src/loader/result-cache.ts):
        // the only thing it writes before the checks pass. A dev server, whose code changes
        // while it runs, keeps none; without its sources (src/lib) the code has no version.
        if (command === 'build' && inputProblems.length === 0 && inputs.cacheDir) {
          try {
            // `astro build --force` renders every page: it computes every result too. Astro
            // hands its flags to no hook, so they are read from its command line.
            keepResultsIn({ dir: inputs.cacheDir, codeVersion: codeVersion(fileURLToPath(config.root)), fresh: process.argv.includes('--force') });
          } catch {
            // Computed in every build, as without a cache.
          }
        }
        let loaded: ReturnType<typeof loadContentOnce>;
        try {
          loaded = loadContentOnce({ contentDir: inputs.contentDir, audience: inputs.audience });
        } catch (error) {
          throw stepFailed('reading the content', inputs.contentDir, error);
        }
        const { errors, warnings } = sortProblems([...inputProblems, ...loaded.problems]);
        for (const warning of warnings) logger.warn(formatProblem(warning));
        if (errors.length > 0) stop(logger, errors, inputProblems.length === errors.length ? 'The build inputs have' : 'The content has');
        // Only now, with nothing to refuse, does the build write anything: first its lock.
        if (command === 'build' || command === 'dev') {
          // Astro's root, not the current folder: run by `okr build` from an installed package,
          // the .astro/ folder that builds share is the package's.
          const root = fileURLToPath(config.root);
          try {
            acquireBuildLock(root, { command: `astro ${command}`, audience: inputs.audience, outDir: inputs.outDir });
          } catch (error) {
            if (error instanceof BuildLockedError) throw buildStopped(error.message);
            throw stepFailed('taking the build lock', root, error);
          }
        }
        if (!inputs.site && command === 'build') {
          logger.warn('PORTAL_SITE is not set: the build leaves out what needs absolute URLs (RSS and JSON feeds, sitemap, embed snippets). Set PORTAL_SITE=https://your.host to include them.');
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`content OK: ${loaded.root} for the ${inputs.audience} audience, as of ${inputs.asOf} (${plural(loaded.files.length, 'file')} checked in ${seconds} s)`);
      },
    },
  };
}

/** Prints every problem as one line and stops the build. */
function stop(logger: AstroIntegrationLogger, errors: readonly ContentProblem[], subject: string): never {
  for (const error of errors) logger.error(formatProblem(error));
  const hint = subject === 'The content has' ? 'Fix them and build again (okr check lists them too).' : 'Fix the environment variables named above and build again.';
  throw buildStopped(`${subject} ${plural(errors.length, 'error')}; nothing was built.`, hint);
}
