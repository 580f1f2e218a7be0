/**
 * The W3C Nu HTML checker (vnu-jar, Java) over every page of the shared demo build: the
 * validator browsers' makers use; it catches what html-validate (test/integration/quality.test.ts)
 * does not model: content models and ARIA in context. About 13 s of Java, so it runs among the
 * long checks (`npm run test:long`, run by `.ci/run`). Skipped where Java is not installed.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { beforeAll, expect, test } from 'vitest';
import { buildDemoOnce, type DemoSite } from '../support/shared-build.ts';

const HAS_JAVA = spawnSync('java', ['-version']).status === 0;

let site: DemoSite;
beforeAll(async () => {
  site = await buildDemoOnce();
});

test.skipIf(!HAS_JAVA)('every page of the demo passes the W3C Nu HTML checker (vnu-jar, errors)', () => {
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  const run = spawnSync('java', ['-jar', jar, '--skip-non-html', '--errors-only', '--format', 'gnu', site.outDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const errors = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.includes('error:')).map((line) => line.replace(`file:${site.outDir}/`, ''));
  expect(errors.join('\n')).toBe('');
  expect(run.status).toBe(0);
});
