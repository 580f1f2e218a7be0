/**
 * The folder rules of docs/architecture.md, checked on every import of src/ and scripts/:
 * which folder may import which, and that src/lib stays pure (no Node, no Astro, no clock).
 * Imports are read with TypeScript's own pre-processor (`ts.preProcessFile`), which finds
 * static imports, re-exports and `import()` without type-checking; `.astro` files are read
 * from their frontmatter and their `<script>` tags. Also: the styles use logical properties only
 * (docs/i18n.md, right-to-left languages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Folders (longest prefix wins) and the folders each may import besides itself. */
const LIB = ['src/lib/memo.ts', 'src/lib/i18n', 'src/lib/calendar', 'src/lib/content', 'src/lib/model', 'src/lib/render', 'src/lib/charts', 'src/lib/search', 'src/lib/export'];
const MEMO = 'src/lib/memo.ts';
const I18N = 'src/lib/i18n';
const ALLOWED: Record<string, readonly string[]> = {
  [MEMO]: [],
  [I18N]: [MEMO],
  'src/lib/calendar': [MEMO],
  'src/lib/content': [MEMO, I18N, 'src/lib/calendar'],
  'src/lib/model': [MEMO, I18N, 'src/lib/calendar', 'src/lib/content'],
  'src/lib/render': [MEMO, I18N, 'src/lib/calendar', 'src/lib/content', 'src/lib/model'],
  'src/lib/charts': [MEMO, I18N, 'src/lib/calendar', 'src/lib/content', 'src/lib/model', 'src/lib/render'],
  'src/lib/search': [MEMO, I18N, 'src/lib/calendar', 'src/lib/content', 'src/lib/model', 'src/lib/render'],
  'src/lib/export': [MEMO, I18N, 'src/lib/calendar', 'src/lib/content', 'src/lib/model', 'src/lib/render'],
  'src/loader': LIB,
  'src/integrations': [...LIB, 'src/loader'],
  'src/content.config.ts': [...LIB, 'src/loader'],
  'src/portal.ts': [...LIB, 'src/loader'],
  'src/env.d.ts': [],
  'src/components': [...LIB, 'src/portal.ts', 'src/styles'],
  'src/layouts': [...LIB, 'src/portal.ts', 'src/components', 'src/styles'],
  'src/pages': [...LIB, 'src/portal.ts', 'src/components', 'src/layouts', 'src/styles'],
  'src/styles': [],
  'scripts/cli': [...LIB, 'src/loader'],
  'scripts/commands': [...LIB, 'src/loader', 'scripts/cli'],
  'scripts/program.ts': ['scripts/commands', 'scripts/cli'],
  'scripts/okr.ts': ['scripts/program.ts'],
  'scripts/okr.mjs': ['scripts/okr.ts'],
  'scripts/strip-types.mjs': [],
  // The benchmark, the screenshot tool and the Lighthouse audit are tools of this repository
  // (not shipped): they build and open sites the way the tests do.
  'scripts/bench': [...LIB, 'src/loader', 'test/support'],
  'scripts/bench.ts': ['scripts/bench', 'test/support'],
  'scripts/screenshot.ts': [...LIB, 'src/loader', 'test/support'],
  'scripts/screenshot-readme.ts': ['test/support'],
  'scripts/lighthouse.ts': ['test/support'],
  'test/support': [],
};
const FOLDERS = Object.keys(ALLOWED).sort((a, b) => b.length - a.length);

function folderOf(file: string): string | undefined {
  const path = file.replace(/\.test\.ts$/, '.ts');
  return FOLDERS.find((folder) => path === folder || path.startsWith(`${folder}/`));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .map((path) => posix.join(folder, path.split('\\').join('/')))
    .filter((path) => /\.(ts|mts|mjs|astro)$/.test(path));
}

/** The script parts of an .astro file: its frontmatter and its <script> tags. */
function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.astro')) return text;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return [frontmatter, ...scripts].join('\n');
}

interface Import {
  file: string;
  specifier: string;
  /** The project path it resolves to, for relative specifiers. */
  target: string | undefined;
}

function importsOf(file: string): Import[] {
  const text = scriptOf(file, readFileSync(join(ROOT, file), 'utf8'));
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map(({ fileName: specifier }) => ({
    file,
    specifier,
    target: specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier.split('?')[0]!)) : undefined,
  }));
}

const FILES = [...sourceFiles('src'), ...sourceFiles('scripts')];
const IMPORTS = FILES.flatMap(importsOf);
const isTest = (file: string): boolean => /\.test\.ts$/.test(file);

describe('the folder rules of docs/architecture.md', () => {
  test('every source file lies in a folder the rules name', () => {
    expect(FILES.filter((file) => !folderOf(file))).toEqual([]);
  });

  test('finds the imports it checks (the reader works)', () => {
    expect(IMPORTS.length).toBeGreaterThan(500);
    expect(IMPORTS.some((entry) => entry.file.endsWith('.astro') && entry.target?.startsWith('src/lib/'))).toBe(true);
  });

  test('each folder imports only the folders it may (tests beside a module may use test support)', () => {
    const broken = IMPORTS.filter((entry) => {
      if (!entry.target || isTest(entry.file)) return false;
      const from = folderOf(entry.file)!;
      const to = folderOf(entry.target);
      if (to === undefined) return !entry.target.startsWith('node_modules/');
      return to !== from && !ALLOWED[from]!.includes(to);
    });
    expect(broken.map(({ file, specifier }) => `${file} imports ${specifier}`)).toEqual([]);
  });

  test('no relative import leaves the project or reaches into test/ from shipped code', () => {
    const tools = (file: string): boolean => /^scripts\/(bench|screenshot|lighthouse)/.test(file);
    const outside = IMPORTS.filter(({ file, target }) => target && (target.startsWith('..') || (!isTest(file) && !tools(file) && target.startsWith('test/'))));
    expect(outside.map(({ file, specifier }) => `${file} imports ${specifier}`)).toEqual([]);
  });

  test('src/lib is pure: no node: or astro: module, no clock, no environment', () => {
    const libFiles = FILES.filter((file) => file.startsWith('src/lib/') && !isTest(file));
    const impure = IMPORTS.filter(({ file, specifier }) => file.startsWith('src/lib/') && !isTest(file) && /^(node:|astro:|astro$|fs$|path$)/.test(specifier)).map(
      ({ file, specifier }) => `${file} imports ${specifier}`,
    );
    for (const file of libFiles) {
      const text = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
      const visit = (node: ts.Node): void => {
        if (ts.isNewExpression(node) && node.expression.getText(text) === 'Date' && (node.arguments?.length ?? 0) === 0) impure.push(`${file} reads the clock (new Date())`);
        if (ts.isPropertyAccessExpression(node) && ['Date.now', 'process.env'].includes(node.getText(text))) impure.push(`${file} reads ${node.getText(text)}`);
        ts.forEachChild(node, visit);
      };
      visit(text);
    }
    expect(impure).toEqual([]);
  });
});

describe('styles for right-to-left languages (docs/i18n.md)', () => {
  // A left/right property stays left/right in Arabic or Hebrew; the logical ones
  // (margin-inline-start, inset-inline-end, text-align: start) follow `<html dir>`, so a
  // right-to-left language needs only a catalog.
  const PHYSICAL = /\b(?:margin|padding|border|inset)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:|\b(?:text-align|float|clear)\s*:\s*(?:left|right)\b/;
  const styleFiles = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .map((path) => posix.join('src', path.split('\\').join('/')))
    .filter((path) => /\.(css|astro)$/.test(path));

  test('finds the styles it checks (the reader works)', () => {
    expect(styleFiles.filter((file) => file.endsWith('.css')).length).toBeGreaterThan(2);
    expect(PHYSICAL.test('.x { margin-left: 1rem }')).toBe(true);
    expect(PHYSICAL.test('.x { left: 0 }')).toBe(true);
    expect(PHYSICAL.test('.x { text-align: right }')).toBe(true);
    expect(PHYSICAL.test('.x { margin-inline-start: 1rem; inset-inline-end: 0; text-align: end }')).toBe(false);
  });

  test('use logical properties, never left or right', () => {
    const physical = styleFiles.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const css = file.endsWith('.css') ? text : [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
      return css.split('\n').filter((line) => PHYSICAL.test(line)).map((line) => `${file}: ${line.trim()}`);
    });
    expect(physical).toEqual([]);
  });
});
