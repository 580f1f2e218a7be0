/**
 * Edits a content file's frontmatter with yaml's Document API, so that comments, key order,
 * quoting and flow or block style survive, and everything after the closing `---` is kept
 * byte for byte.
 *
 * yaml writes a document in its own normal form, which may differ from the author's spacing
 * (`title: A   # note`, `-   id: x`). So the edit is made on the normal form and then merged
 * back line by line: only the lines that the edit adds or changes are new; every other line
 * is the author's own.
 */
import { diffArrays } from 'diff';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { Document, ToStringOptions } from 'yaml';
import { findFrontmatterBlock } from '../../src/lib/content/frontmatter.ts';

/** A frontmatter edit that cannot be made: the message names the field and what is wrong. */
export class FrontmatterEditError extends Error {
  override name = 'FrontmatterEditError';
}

export interface EditedFile {
  /** The whole file after the edit. */
  text: string;
}

const SEQ_UNDER_KEY_RE = /^([ \t]*)[^\s#-][^\n]*:[ \t]*(?:#.*)?\r?\n\1- /m;
const INDENT_RE = /^( +)\S/gm;

/**
 * Applies `edit` to the frontmatter of a file. Throws FrontmatterEditError when the file has
 * no frontmatter or its YAML does not parse.
 * @example editFrontmatter('---\ntitle: A # why\n---\nBody', (doc) => doc.set('title', 'B')).text
 * // '---\ntitle: B # why\n---\nBody'
 */
export function editFrontmatter(text: string, edit: (doc: Document) => void): EditedFile {
  const block = findFrontmatterBlock(text);
  if (!block) throw new FrontmatterEditError('has no frontmatter block (--- lines at the top) to edit');
  const crlf = block.yaml.includes('\r\n');
  const yamlText = crlf ? block.yaml.replace(/\r\n/g, '\n') : block.yaml;
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) throw new FrontmatterEditError(`YAML syntax: ${doc.errors[0]!.message.split('\n')[0]}`);
  const options = inferStyle(yamlText);
  const normal = doc.toString(options);
  edit(doc);
  const edited = doc.toString(options);
  const merged = mergeEdit(yamlText, normal, edited);
  // The merge keeps the author's lines; should it ever read differently from the edit, the
  // normal form is written instead: reformatted, but exactly the edit.
  const yaml = sameData(merged, edited) ? merged : edited;
  return { text: block.head + (crlf ? yaml.replace(/\n/g, '\r\n') : yaml) + block.tail };
}

function sameData(a: string, b: string): boolean {
  const docA = parseDocument(a);
  return docA.errors.length === 0 && JSON.stringify(docA.toJS()) === JSON.stringify(parseDocument(b).toJS());
}

/**
 * Carries an edit made on yaml's normal form of a text back to the text itself: lines that
 * the edit did not touch come from `original`, lines it added or changed from `edited`.
 * @example mergeEdit('a:   1\nb: 2\n', 'a: 1\nb: 2\n', 'a: 1\nb: 3\n') // 'a:   1\nb: 3\n'
 */
export function mergeEdit(original: string, normal: string, edited: string): string {
  if (original === normal) return edited;
  const originalLines = original.split('\n');
  const normalLines = normal.split('\n');
  const toOriginal = alignLines(originalLines, normalLines);
  const out: string[] = [];
  let cursor = 0;
  let index = 0;
  // yaml's indentation -> the author's, learnt from the lines kept so far.
  const columns = new Map<number, number>();
  for (const part of diffArrays(normalLines, edited.split('\n'))) {
    if (part.added) {
      out.push(...part.value.map((line) => reindent(line, columns)));
      continue;
    }
    for (let i = 0; i < part.value.length; i++, index++) {
      const target = toOriginal[index];
      if (target === undefined || target < cursor) continue;
      out.push(...originalLines.slice(cursor, part.removed ? target : target + 1));
      cursor = target + 1;
      if (!part.removed) learnColumns(columns, normalLines[index]!, originalLines[target]!);
    }
  }
  out.push(...originalLines.slice(cursor));
  return out.join('\n');
}

const LEAD_RE = /^ */;
const CONTENT_RE = /^ *(?:-[ \t]+)*/;

function learnColumns(columns: Map<number, number>, normal: string, original: string): void {
  if (normal.trim() === '' || original.trim() === '') return;
  columns.set(CONTENT_RE.exec(normal)![0].length, CONTENT_RE.exec(original)![0].length);
  columns.set(LEAD_RE.exec(normal)![0].length, LEAD_RE.exec(original)![0].length);
}

function reindent(line: string, columns: Map<number, number>): string {
  const lead = LEAD_RE.exec(line)![0].length;
  const newLead = columns.get(lead) ?? lead;
  const item = /^ *-[ \t]+/.exec(line);
  if (!item) return ' '.repeat(newLead) + line.slice(lead);
  // A list item: the author's column for the dash and for the content after it.
  const content = item[0].length;
  const newContent = Math.max(newLead + 2, columns.get(content) ?? newLead + content - lead);
  return `${' '.repeat(newLead)}-${' '.repeat(newContent - newLead - 1)}${line.slice(content)}`;
}

/** For each line of `normal`, the index of the same line in `original` (same or reformatted). */
function alignLines(original: string[], normal: string[]): (number | undefined)[] {
  const map: (number | undefined)[] = [];
  let o = 0;
  let n = 0;
  const parts = diffArrays(original, normal);
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (!part.added && !part.removed) {
      for (let i = 0; i < part.value.length; i++) map[n++] = o++;
    } else if (part.removed && parts[p + 1]?.added) {
      // A run of reformatted lines: pair them up in order.
      const added = parts[++p]!;
      for (let i = 0; i < added.value.length; i++) map[n + i] = i < part.value.length ? o + i : undefined;
      o += part.value.length;
      n += added.value.length;
    } else if (part.removed) o += part.value.length;
    else n += part.value.length;
  }
  return map;
}

/**
 * yaml's output options that reproduce a file's own style: no line folding, the file's
 * indentation, `- ` items indented under their key or not, `{a: 1}` or `{ a: 1 }`.
 * @example inferStyle('a:\n- {b: 1}\n') // { lineWidth: 0, indent: 2, indentSeq: false, flowCollectionPadding: false }
 */
export function inferStyle(yamlText: string): ToStringOptions {
  const indents = [...yamlText.matchAll(INDENT_RE)].map((match) => match[1]!.length);
  const indent = Math.min(8, Math.max(2, indents.length ? Math.min(...indents) : 2));
  return {
    lineWidth: 0,
    indent,
    indentSeq: !SEQ_UNDER_KEY_RE.test(yamlText),
    flowCollectionPadding: /\{ \S/.test(yamlText),
  };
}

/**
 * Appends an item to the list at `path`, creating the list when it is missing. A new item
 * takes the style of the last one (`- {date: ..., value: ...}` or block); the first item of
 * a new list is written in flow style, as the content format's examples do.
 * @example appendToList(doc, ['key_results', 0, 'checkins'], { date: '2026-09-01', value: 2 })
 */
export function appendToList(doc: Document, path: readonly (string | number)[], item: Record<string, unknown>): void {
  const node = doc.createNode(item) as YAMLMap;
  const list = doc.getIn(path, true);
  if (list === undefined || list === null) {
    node.flow = true;
    const seq = new YAMLSeq();
    seq.items.push(node);
    doc.setIn(path, seq);
    return;
  }
  if (!isSeq(list)) throw new FrontmatterEditError(`${path.join('.')} is not a list`);
  const last = list.items[list.items.length - 1];
  node.flow = last === undefined || (isMap(last) && last.flow === true);
  list.items.push(node);
}

/**
 * Sets a field of the mapping at `path`. An existing value keeps its place and comments; a
 * new field goes before the field named by `before` when that exists, else at the end.
 * @example setField(doc, ['key_results', 0], 'score', 0.7, { before: 'checkins' })
 */
export function setField(
  doc: Document,
  path: readonly (string | number)[],
  key: string,
  value: unknown,
  options: { before?: string } = {},
): void {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) throw new FrontmatterEditError(`${path.join('.') || 'the frontmatter'} is not a mapping of fields`);
  if (map.has(key)) {
    map.set(key, value);
    return;
  }
  const pair = doc.createPair(key, value);
  const index = options.before === undefined ? -1 : map.items.findIndex((item) => (item.key as { value?: unknown })?.value === options.before);
  if (index === -1) map.items.push(pair);
  else map.items.splice(index, 0, pair);
}
