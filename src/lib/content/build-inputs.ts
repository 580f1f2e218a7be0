/**
 * Build inputs from environment variables, validated like content: a bad value is a
 * problem that names the variable and what was expected.
 */
import { isIsoDate } from '../calendar/calendar-date.ts';
import { AUDIENCES, type Audience } from './audience.ts';
import type { ContentProblem } from './problems.ts';

const HISTORY_DETAILS = ['authors', 'subjects'] as const;

/** Which commit details a build publishes (PORTAL_HISTORY_DETAILS). */
export interface HistoryDetails {
  authors: boolean;
  subjects: boolean;
}

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
   * Extension: build the weekly snapshots (contract v1.1): snapshot pages and exports, the
   * period timeline and the objectives' progress over time (PORTAL_SNAPSHOTS=off leaves them out).
   */
  snapshots: boolean;
  /**
   * Extension: which commit details the history publishes (PORTAL_HISTORY_DETAILS). Default:
   * none for the public audience, authors for the others; subjects only when asked for.
   */
  historyDetails: HistoryDetails;
  /** Output folder, as given (PORTAL_OUT_DIR, `./dist` by default). */
  outDir: string;
  /** Cache folder, as given (PORTAL_CACHE_DIR); without it the caller derives one per build. */
  cacheDir: string | undefined;
  /**
   * Extension: the part of the site this build renders (PORTAL_SHARD=k/n), for organisations
   * large enough to build in parallel jobs that `okr merge` joins; undefined builds it all.
   */
  shard: Shard | undefined;
}

/** The k-th of n disjoint parts of the site (PORTAL_SHARD=k/n): 1 <= index <= count. */
export interface Shard {
  index: number;
  count: number;
}

/** PORTAL_SHARD: two whole numbers without signs or leading zeros. */
const SHARD_RE = /^([1-9]\d*)\/([1-9]\d*)$/;

/** Characters of a base path segment: RFC 3986 unreserved characters, nothing to escape anywhere. */
const BASE_SEGMENT_RE = /^[A-Za-z0-9._~-]+$/;
/** What the URL parser would silently drop or rewrite, and characters that have no place in an origin. */
const SITE_FORBIDDEN_RE = /[\s\u0000-\u001f\u007f"'<>\\`?#]/u;

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
  const base = parseBase(env.PORTAL_BASE);
  if (base.problem) problem('PORTAL_BASE', base.problem);
  const site = parseSite(env.PORTAL_SITE, base.value);
  if (site.problem) problem('PORTAL_SITE', site.problem);
  const repoUrl = parseRepoUrl(env.PORTAL_REPO_URL);
  if (repoUrl.problem) problem('PORTAL_REPO_URL', repoUrl.problem);
  const repoBranch = parseRepoBranch(env.PORTAL_REPO_BRANCH);
  if (repoBranch.problem) problem('PORTAL_REPO_BRANCH', repoBranch.problem);
  const historyValue = (env.PORTAL_HISTORY?.trim() || 'on').toLowerCase();
  if (!['on', 'off'].includes(historyValue)) problem('PORTAL_HISTORY', `must be on or off, got "${historyValue}"`);
  const snapshotsValue = (env.PORTAL_SNAPSHOTS?.trim() || 'on').toLowerCase();
  if (!['on', 'off'].includes(snapshotsValue)) problem('PORTAL_SNAPSHOTS', `must be on or off, got "${snapshotsValue}"`);
  const audience: Audience = (AUDIENCES as readonly string[]).includes(audienceValue) ? (audienceValue as Audience) : 'public';
  const shard = parseShard(env.PORTAL_SHARD);
  if (shard.problem) problem('PORTAL_SHARD', shard.problem);
  const historyDetails = parseHistoryDetails(env.PORTAL_HISTORY_DETAILS, audience, (message) => problem('PORTAL_HISTORY_DETAILS', message));
  return {
    inputs: {
      contentDir: env.PORTAL_CONTENT_DIR?.trim() || 'content',
      audience,
      asOf: isIsoDate(asOf) ? asOf : today,
      site: site.value,
      base: base.value,
      repoUrl: repoUrl.value,
      repoBranch: repoBranch.value,
      history: historyValue !== 'off',
      snapshots: snapshotsValue !== 'off',
      historyDetails,
      outDir: env.PORTAL_OUT_DIR?.trim() || './dist',
      cacheDir: env.PORTAL_CACHE_DIR?.trim() || undefined,
      shard: shard.value,
    },
    problems,
  };
}

/**
 * Whether PORTAL_DEBUG asks for stack traces: the build and `okr` report an unexpected
 * failure in one line, and print its stack only then.
 * @example debugging({ PORTAL_DEBUG: '1' }) // true
 */
export function debugging(env: Readonly<Record<string, string | undefined>>): boolean {
  return ['1', 'true', 'yes', 'on'].includes((env.PORTAL_DEBUG ?? '').trim().toLowerCase());
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

/**
 * PORTAL_SHARD: `k/n`, the k-th of n parts, 1 <= k <= n. A bad value is refused rather than
 * read as a whole build: a CI job meant to build a part would otherwise build everything,
 * and the merge would find the other parts twice.
 * @example parseShard('2/4').value // { index: 2, count: 4 }
 */
export function parseShard(raw: string | undefined): Parsed<Shard | undefined> {
  const value = raw?.trim() || undefined;
  if (value === undefined) return { value: undefined };
  const match = SHARD_RE.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index > count || !Number.isSafeInteger(count)) return { value: undefined, problem: `must be k/n with 1 <= k <= n, such as 2/4, got ${JSON.stringify(value)}` };
  return { value: { index, count } };
}

/** A parsed value, or the default with what was wrong with the given one. */
interface Parsed<T> {
  value: T;
  problem?: string | undefined;
}

/**
 * PORTAL_BASE: a URL path of plain segments. Astro writes it into every link, script and
 * feed, so anything a browser or an HTML or XML writer would read differently is refused
 * rather than escaped: `..`, empty segments (`//host` is another site), query, fragment,
 * quotes, `<`, backslashes, whitespace, control characters, percent escapes.
 * @example parseBase('/okrs').value // '/okrs/'
 */
export function parseBase(raw: string | undefined): Parsed<string> {
  const value = (raw ?? '').trim();
  const inner = value.replace(/^\/|\/$/g, '');
  if (inner === '') return { value: '/' };
  const bad = inner.split('/').find((segment) => !BASE_SEGMENT_RE.test(segment) || segment === '.' || segment === '..');
  if (bad === undefined) return { value: `/${inner}/` };
  return { value: '/', problem: `must be a URL path such as /okrs, of segments made of letters, digits and - . _ ~ (no empty, "." or ".." segment), got ${JSON.stringify(value)}` };
}

/**
 * PORTAL_SITE: an http(s) origin, parsed by the WHATWG URL parser (the browsers' own), and
 * written back as that parser's serialization, so that what Astro puts into feeds, the
 * sitemap and embed snippets is exactly what a browser would resolve. A path is allowed
 * only when it is the base path.
 * @example parseSite('https://OKRs.Example.org/', '/').value // 'https://okrs.example.org'
 */
export function parseSite(raw: string | undefined, base: string): Parsed<string | undefined> {
  const value = raw?.trim() || undefined;
  if (value === undefined) return { value: undefined };
  const refuse = (why: string): Parsed<undefined> => ({ value: undefined, problem: `must be an http(s) origin such as https://okrs.example.org${why}, got ${JSON.stringify(value)}` });
  if (SITE_FORBIDDEN_RE.test(value)) return refuse(' (no whitespace, quotes, <, >, backslash, query or fragment)');
  if (!URL.canParse(value)) return refuse('');
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('');
  if (url.username || url.password) return refuse(', without user name or password');
  const path = url.pathname.replace(/\/?$/, '/');
  if (path !== '/' && path !== base) return refuse(`, without a path (set the path as PORTAL_BASE)`);
  return { value: url.origin };
}

/**
 * PORTAL_REPO_URL: the repository's web page, an http(s) URL that edit and commit links
 * extend with a path. Parsed like PORTAL_SITE (the WHATWG parser's serialization, nothing it
 * would drop or rewrite, no credentials, query or fragment), so every page's links go where
 * the variable says; trailing slashes and `.git` are dropped.
 * @example parseRepoUrl('https://github.com/acme/okrs.git').value // 'https://github.com/acme/okrs'
 */
export function parseRepoUrl(raw: string | undefined): Parsed<string | undefined> {
  const value = raw?.trim() || undefined;
  if (value === undefined) return { value: undefined };
  const refuse = (why = ''): Parsed<undefined> => ({ value: undefined, problem: `must be an http(s) URL such as https://github.com/acme/okrs${why}, got ${JSON.stringify(value)}` });
  if (SITE_FORBIDDEN_RE.test(value)) return refuse(' (no whitespace, quotes, <, >, backslash, query or fragment)');
  if (!URL.canParse(value)) return refuse();
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse();
  if (url.username || url.password) return refuse(', without user name or password');
  return { value: `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\.git$/, '') };
}

/** A git branch name as edit links carry it: plain segments, none starting with `.` or `-`. */
const BRANCH_RE = /^(?:[A-Za-z0-9_][A-Za-z0-9._-]*\/)*[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * PORTAL_REPO_BRANCH: the branch of edit links (`main` by default), a path segment of every
 * edit URL, so only characters that need no escaping and no `..`.
 * @example parseRepoBranch('release/2026').value // 'release/2026'
 */
export function parseRepoBranch(raw: string | undefined): Parsed<string> {
  const value = raw?.trim() || 'main';
  if (BRANCH_RE.test(value) && !value.includes('..')) return { value };
  return { value: 'main', problem: `must be a branch name such as main or release/2026 (letters, digits, . _ - and /, no ".."), got ${JSON.stringify(value)}` };
}

/** A folder the output and cache folders must keep clear of. */
export interface GuardedFolder {
  /** How the message names it, e.g. `the content folder`. */
  name: string;
  /** Absolute path with `/` separators and no trailing slash, symlinks resolved. */
  path: string;
  /** Whether a build folder may lie inside it (the project root: `./dist` is fine). */
  insideAllowed?: boolean;
}

/**
 * Problems of the build's own folders (PORTAL_OUT_DIR, PORTAL_CACHE_DIR) against the folders
 * a build must never write into or over: a folder may not be, contain, or lie inside the
 * content folder, `src/` or `public/`, nor be or contain the project root. Paths are
 * absolute, `/`-separated, without a trailing slash, with symlinks resolved by the caller.
 * @example buildFolderProblems([{ variable: 'PORTAL_OUT_DIR', path: '/p/content' }], [{ name: 'the content folder', path: '/p/content' }])
 * // [{ file: 'environment', field: 'PORTAL_OUT_DIR', message: 'must not be the content folder (/p/content); ...', ... }]
 */
export function buildFolderProblems(folders: readonly { variable: string; path: string }[], guarded: readonly GuardedFolder[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const folder of folders) {
    // The closest relation is the clearest message: being the folder, then lying inside it.
    const found = RELATIONS.flatMap((relation) => guarded.filter((other) => relates(relation, folder.path, other)).map((other) => ({ relation, other })))[0];
    if (!found) continue;
    problems.push({
      file: 'environment',
      field: folder.variable,
      message: `must not ${found.relation} ${found.other.name} (${found.other.path}); use a folder of its own, such as ./dist`,
      severity: 'error',
      code: 'build-input',
    });
  }
  return problems;
}

const RELATIONS = ['be', 'lie inside', 'contain'] as const;

function relates(relation: (typeof RELATIONS)[number], path: string, other: GuardedFolder): boolean {
  if (relation === 'be') return path === other.path;
  if (relation === 'contain') return isInside(other.path, path);
  return !other.insideAllowed && isInside(path, other.path);
}

/** Whether `path` lies strictly inside `folder` (both normalized as in buildFolderProblems). */
function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder === '/' ? '/' : `${folder}/`) && path !== folder;
}
