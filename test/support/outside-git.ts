/**
 * The basic fixture outside any git repository, with portal.yaml `branding` (a logo, an accent,
 * footer links) and one objective titled with markup, built once with PORTAL_SNAPSHOTS=off and
 * shared by the suites that read it: search.test.ts (the index, and a title that is markup),
 * branding.test.ts, and history.test.ts (a build without git shows no history). One build
 * instead of three: each costs seconds of both cores, and none of these suites looks at what
 * the others added.
 *
 * The folder is written once per recipe under the system's temp folder (not below the project,
 * which is a git repository), at a path named by the digest of its files, so that every test
 * file, in any worker, builds or reuses the same shared build (test/support/shared-build.ts).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-paths.ts';
import { buildOnce, type SharedSite } from './shared-build.ts';

/** The header logo of the branding. */
export const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n';
/** The title of the added objective: markup that must stay text everywhere. */
export const XSS_TITLE = '<img src=x onerror=alert(1)>';
/** The build inputs of the shared build. */
export const OUTSIDE_GIT_ENV: Readonly<Record<string, string>> = { PORTAL_AS_OF: '2026-08-16', PORTAL_SNAPSHOTS: 'off' };

const ADDED_FILES: Readonly<Record<string, string>> = {
  'images/acme.svg': LOGO,
  'objectives/2026-q3/markup.md': `---\ntitle: "${XSS_TITLE}"\nperiod: 2026-Q3\nteam: support\nkey_results:\n  - {id: kr, title: "Escape <b>everything</b>", type: milestone}\n---\nA zebra-crossing objective.\n`,
};
const BRANDING = 'branding:\n  logo: images/acme.svg\n  accent: "#0B5CAD"\n  footer_links:\n    - { label: "Intranet & wiki", url: "https://intranet.example.com/okrs?a=1&b=2" }\n';

/** Writes the content folder (once per recipe) and returns its path. */
export function outsideGitContent(): string {
  const work = mkdtempSync(join(tmpdir(), 'okr-portal-outside-git-'));
  const content = join(work, 'content');
  cpSync(join(PROJECT_ROOT, 'test/fixtures/basic'), content, { recursive: true });
  writeFileSync(join(content, 'portal.yaml'), `${readFileSync(join(content, 'portal.yaml'), 'utf8')}${BRANDING}`);
  for (const [path, text] of Object.entries(ADDED_FILES)) {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  const digest = createHash('sha256');
  for (const path of (readdirSync(content, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
    const full = join(content, path);
    if (statSync(full).isFile()) digest.update(`${path}\0`).update(readFileSync(full)).update('\0');
  }
  const target = join(tmpdir(), `okr-portal-outside-git-${digest.digest('hex').slice(0, 16)}`);
  if (existsSync(target)) {
    rmSync(work, { recursive: true, force: true });
  } else {
    try {
      renameSync(work, target);
    } catch {
      rmSync(work, { recursive: true, force: true }); // another test file was first
    }
  }
  return join(target, 'content');
}

/**
 * The shared build of the outside-git content.
 * @example const site = await buildOutsideGitOnce(); site.read('branding/logo.svg')
 */
export function buildOutsideGitOnce(): Promise<SharedSite> {
  return buildOnce(outsideGitContent(), { ...OUTSIDE_GIT_ENV });
}
