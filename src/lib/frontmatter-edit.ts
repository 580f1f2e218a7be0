/**
 * Edits a content file's frontmatter with yaml's Document API, so that comments, key order,
 * quoting and flow or block style survive; only the frontmatter block is re-serialized and
 * everything after the closing `---` is kept byte for byte.
 */
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { Document, ToStringOptions } from 'yaml';
import { findFrontmatterBlock } from './frontmatter.ts';

/** A frontmatter edit that cannot be made: the message names the field and what is wrong. */
export class FrontmatterEditError extends Error {
  override name = 'FrontmatterEditError';
}

export interface EditedFile {
  /** The whole file after the edit. */
  text: string;
  /**
   * Lines of the frontmatter that yaml writes differently although the edit did not touch
   * them (unusual spacing or indentation); 0 for files in yaml's normal form.
   */
  reformattedLines: number;
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
  const untouched = doc.toString(options);
  edit(doc);
  let yaml = doc.toString(options);
  if (crlf) yaml = yaml.replace(/\n/g, '\r\n');
  return { text: block.head + yaml + block.tail, reformattedLines: countChangedLines(yamlText, untouched) };
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

function countChangedLines(before: string, after: string): number {
  if (before === after) return 0;
  const a = before.split('\n');
  const b = new Set(after.split('\n'));
  return a.filter((line) => !b.has(line)).length;
}
