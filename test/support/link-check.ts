/**
 * A link checker for a built site, the way a static host under a base path serves it:
 * every internal href/src/srcset/action resolves to a file in dist (a directory to its
 * index.html), every #fragment exists on its target page, nothing points outside the base
 * path, and every page is reachable by links from the home page. External links are
 * collected, never fetched. HTML is read with parse5.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { listHtmlFiles, urlPathOfPage } from './page-kinds.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface LinkReference {
  /** The page that holds the reference, relative to dist (e.g. `teams/support/index.html`). */
  page: string;
  /** e.g. `a[href]`. */
  attribute: string;
  /** The value as written. */
  value: string;
}

export interface LinkCheckReport {
  /** Broken references, one readable line each. */
  problems: string[];
  /** Distinct external URLs with the number of pages that use them. */
  external: Map<string, number>;
  /** Pages (relative to dist) that no chain of links from the home page reaches. */
  unreachable: string[];
  /** How many HTML pages and references were checked. */
  pages: number;
  references: number;
}

export interface LinkCheckOptions {
  /** The base path the site is served under, with slashes: `/okrs/`. */
  base: string;
  /** The absolute site URL (PORTAL_SITE): absolute links to it are checked as internal. */
  site?: string | undefined;
  /** Pages that need not be linked from anywhere (default: 404.html). */
  entryPoints?: string[];
}

/** Which attributes of which elements hold URLs. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  object: ['data'],
};
const IGNORED_SCHEMES = /^(mailto|tel|data|blob):/i;
const ORIGIN = 'http://portal.invalid';

interface ParsedPage {
  ids: Set<string>;
  references: LinkReference[];
}

/**
 * Checks every HTML page below `root`.
 * @example const report = checkLinks('/tmp/dist', { base: '/okrs/' }); report.problems // []
 */
export function checkLinks(root: string, options: LinkCheckOptions): LinkCheckReport {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const site = options.site ? new URL(options.site) : undefined;
  const files = listHtmlFiles(root);
  const pages = new Map<string, ParsedPage>(files.map((file) => [file, parsePage(join(root, file), file)]));
  const problems: string[] = [];
  const external = new Map<string, number>();
  const linkedFrom = new Map<string, Set<string>>();
  let references = 0;

  for (const [file, page] of pages) {
    const pageUrl = new URL(`${base}${urlPathOfPage(file)}`, ORIGIN);
    const seenExternal = new Set<string>();
    for (const reference of page.references) {
      for (const value of splitUrls(reference)) {
        references += 1;
        const where = `${file}: ${reference.attribute}="${value}"`;
        if (IGNORED_SCHEMES.test(value)) continue;
        if (/^javascript:/i.test(value)) {
          problems.push(`${where}: javascript: URLs do not work without JavaScript`);
          continue;
        }
        if (file === '404.html' && !/^([a-z]+:|\/|#)/i.test(value)) {
          problems.push(`${where}: the 404 page is served at any URL, so its links must start with the base path`);
          continue;
        }
        let url: URL;
        try {
          url = new URL(value, pageUrl);
        } catch {
          problems.push(`${where}: not a valid URL`);
          continue;
        }
        const internal = url.origin === ORIGIN || (site !== undefined && url.origin === site.origin);
        if (!internal) {
          if (!seenExternal.has(url.href)) external.set(url.href, (external.get(url.href) ?? 0) + 1);
          seenExternal.add(url.href);
          continue;
        }
        const problem = checkInternal(root, pages, url, base);
        if (problem.message) problems.push(`${where}: ${problem.message}`);
        else if (problem.target && /^(a|area|form)\[/.test(reference.attribute)) {
          const from = linkedFrom.get(problem.target) ?? new Set<string>();
          from.add(file);
          linkedFrom.set(problem.target, from);
        }
      }
    }
  }
  const unreachable = findUnreachable(files, linkedFrom, options.entryPoints ?? ['404.html']);
  return { problems, external, unreachable, pages: files.length, references };
}

/** Resolves one internal URL; returns the target page (for HTML) or a problem. */
function checkInternal(
  root: string,
  pages: Map<string, ParsedPage>,
  url: URL,
  base: string,
): { message?: string; target?: string } {
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) return { message: `points outside the base path ${base}` };
  const relativePath = path.slice(base.length);
  let file = relativePath === '' || relativePath.endsWith('/') ? `${relativePath}index.html` : relativePath;
  const absolute = join(root, file);
  if (!existsSync(absolute)) return { message: `no such file in dist (${file})` };
  if (statSync(absolute).isDirectory()) {
    if (!existsSync(join(absolute, 'index.html'))) return { message: `no such file in dist (${file})` };
    return { message: `directory link without trailing slash (use ${path}/)` };
  }
  const fragment = decodeURIComponent(url.hash.slice(1));
  const target = pages.get(file);
  if (fragment && target && !target.ids.has(fragment)) return { message: `no element with id="${fragment}" on ${file}` };
  if (fragment && !target) return { message: `fragment #${fragment} on a non-HTML file` };
  return target ? { target: file } : {};
}

/** Pages that no chain of links (`<a href>`, `<area href>`, `<form action>`) from index.html reaches. */
function findUnreachable(files: string[], linkedFrom: Map<string, Set<string>>, entryPoints: string[]): string[] {
  const links = new Map<string, string[]>();
  for (const [target, sources] of linkedFrom) {
    for (const source of sources) links.set(source, [...(links.get(source) ?? []), target]);
  }
  const reached = new Set<string>(['index.html']);
  const queue = ['index.html'];
  while (queue.length > 0) {
    for (const next of links.get(queue.shift()!) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return files.filter((file) => !reached.has(file) && !entryPoints.includes(file));
}

/** A `srcset` holds several URLs; every other attribute one. */
function splitUrls(reference: LinkReference): string[] {
  const value = reference.value.trim();
  if (!reference.attribute.endsWith('[srcset]')) return [value];
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

function parsePage(path: string, file: string): ParsedPage {
  const ids = new Set<string>();
  const references: LinkReference[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) collect(node, file, ids, references);
    if ('content' in node && node.content) node.content.childNodes.forEach(visit);
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parse(readFileSync(path, 'utf8')));
  return { ids, references };
}

function collect(element: Element, page: string, ids: Set<string>, references: LinkReference[]): void {
  for (const attr of element.attrs) {
    if (attr.name === 'id' || (element.tagName === 'a' && attr.name === 'name')) ids.add(attr.value);
  }
  const names = URL_ATTRIBUTES[element.tagName];
  if (!names) return;
  for (const attr of element.attrs) {
    const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
    if (names.includes(name) && attr.value.trim() !== '') {
      references.push({ page, attribute: `${element.tagName}[${name}]`, value: attr.value });
    }
  }
}
