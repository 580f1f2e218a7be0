/**
 * Build inputs from environment variables, validated like content: a bad value is a
 * problem that names the variable and what was expected.
 */
import { isIsoDate } from './calendar-date.ts';
import { AUDIENCES, type Audience } from './audience.ts';
import type { ContentProblem } from './problems.ts';
import type { HistoryDetails } from './history.ts';

const HISTORY_DETAILS = ['authors', 'subjects'] as const;

export interface BuildInputs {
  /** Content root, as given (resolved against the current directory by the caller). */
  contentDir: string;
  audience: Audience;
  /** "Today" for statuses and the current period. */
  asOf: string;
  /** Absolute site URL without trailing slash, if set. */
  site: string | undefined;
  /** Base path with a leading and a trailing slash, `/` by default. */
  base: string;
  /** Extension: repository web URL for "Edit this page" and commit links (PORTAL_REPO_URL). */
  repoUrl: string | undefined;
  /** Extension: branch for edit links (PORTAL_REPO_BRANCH, default main). */
  repoBranch: string;
  /** Extension: read change history from git (PORTAL_HISTORY=off disables it). */
  history: boolean;
  /**
   * Extension: which commit details the history publishes (PORTAL_HISTORY_DETAILS). Default:
   * none for the public audience, authors for the others; subjects only when asked for.
   */
  historyDetails: HistoryDetails;
}

/**
 * Reads the build inputs. `today` is the fallback for PORTAL_AS_OF, passed in so that this
 * stays free of clock reads.
 * @example parseBuildInputs({ PORTAL_BASE: 'okrs' }, '2026-11-23').inputs.base // '/okrs/'
 */
export function parseBuildInputs(
  env: Readonly<Record<string, string | undefined>>,
  today: string,
): { inputs: BuildInputs; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const problem = (variable: string, message: string): void => {
    problems.push({ file: 'environment', field: variable, message, severity: 'error', code: 'build-input' });
  };
  const audienceValue = env.PORTAL_AUDIENCE?.trim() || 'public';
  if (!(AUDIENCES as readonly string[]).includes(audienceValue)) {
    problem('PORTAL_AUDIENCE', `must be one of ${AUDIENCES.join(', ')}, got "${audienceValue}"`);
  }
  const asOf = env.PORTAL_AS_OF?.trim() || today;
  if (!isIsoDate(asOf)) problem('PORTAL_AS_OF', `must be a real date written YYYY-MM-DD, got "${asOf}"`);
  let site = env.PORTAL_SITE?.trim() || undefined;
  if (site !== undefined) {
    if (!/^https?:\/\/[^\s/]+/i.test(site)) problem('PORTAL_SITE', `must be an absolute http(s) URL such as https://example.org, got "${site}"`);
    site = site.replace(/\/+$/, '');
  }
  let repoUrl = env.PORTAL_REPO_URL?.trim() || undefined;
  if (repoUrl !== undefined) {
    if (!/^https?:\/\/[^\s/]+/i.test(repoUrl)) problem('PORTAL_REPO_URL', `must be an http(s) URL such as https://github.com/acme/okrs, got "${repoUrl}"`);
    repoUrl = repoUrl.replace(/\/+$/, '').replace(/\.git$/, '');
  }
  const historyValue = (env.PORTAL_HISTORY?.trim() || 'on').toLowerCase();
  if (!['on', 'off'].includes(historyValue)) problem('PORTAL_HISTORY', `must be on or off, got "${historyValue}"`);
  const audience: Audience = (AUDIENCES as readonly string[]).includes(audienceValue) ? (audienceValue as Audience) : 'public';
  const historyDetails = parseHistoryDetails(env.PORTAL_HISTORY_DETAILS, audience, (message) => problem('PORTAL_HISTORY_DETAILS', message));
  return {
    inputs: {
      contentDir: env.PORTAL_CONTENT_DIR?.trim() || 'content',
      audience,
      asOf: isIsoDate(asOf) ? asOf : today,
      site,
      base: normalizeBase(env.PORTAL_BASE),
      repoUrl: repoUrl && /^https?:\/\//i.test(repoUrl) ? repoUrl : undefined,
      repoBranch: env.PORTAL_REPO_BRANCH?.trim() || 'main',
      history: historyValue !== 'off',
      historyDetails,
    },
    problems,
  };
}

/**
 * PORTAL_HISTORY_DETAILS: `none`, or a comma-separated list of `authors` and `subjects`.
 * Subjects are free text that can name anything in the repository, hidden entries included,
 * so no audience gets them by default; author names are colleagues' names, which only
 * internal and private builds show by default.
 * @example parseHistoryDetails('authors, subjects', 'public', report) // { authors: true, subjects: true }
 */
export function parseHistoryDetails(value: string | undefined, audience: Audience, report: (message: string) => void): HistoryDetails {
  const fallback: HistoryDetails = { authors: audience !== 'public', subjects: false };
  const text = value?.trim().toLowerCase();
  if (!text) return fallback;
  if (text === 'none') return { authors: false, subjects: false };
  const items = text.split(',').map((item) => item.trim());
  const unknown = items.filter((item) => !(HISTORY_DETAILS as readonly string[]).includes(item));
  if (unknown.length > 0) {
    report(`must be none, or a comma-separated list of ${HISTORY_DETAILS.join(' and ')}, got "${value!.trim()}"`);
    // Nothing is published on a value nobody meant.
    return { authors: false, subjects: false };
  }
  return { authors: items.includes('authors'), subjects: items.includes('subjects') };
}

/**
 * A base path with one leading and one trailing slash.
 * @example normalizeBase('okrs/') // '/okrs/'
 */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
