import { describe, expect, test } from 'vitest';
import { findFrontmatterBlock } from '../../src/lib/content/frontmatter.ts';
import { appendToList, editFrontmatter, FrontmatterEditError, inferStyle, mergeEdit, setField } from './frontmatter-edit.ts';

const OBJECTIVE = `---
# Owner: Carlos
title: Make support effortless   # keep this comment
period: 2026-Q3
team: 'support'
key_results:
  - id: tickets
    title: "Tickets per customer from 1.5 to 0.5"
    start: 1.50
    target: 0.5
    checkins:
      - {date: 2026-07-15, value: 1.3, confidence: 0.6}
  - id: resolution
    title: Resolution time from 5.5 to 3.0 min
    start: 5.5
    target: 3.0
    checkins:
      - date: 2026-08-14
        value: 4.25
---
Body with  odd   spacing
and no final newline`;

describe('findFrontmatterBlock', () => {
  test.each([
    ['LF', '---\ntitle: A\n---\nBody', { head: '---\n', yaml: 'title: A\n', tail: '---\nBody', line: 2 }],
    ['CRLF', '---\r\ntitle: A\r\n---\r\nBody', { head: '---\r\n', yaml: 'title: A\r\n', tail: '---\r\nBody', line: 2 }],
    ['a BOM', '\uFEFF---\ntitle: A\n---\n', { head: '\uFEFF---\n', yaml: 'title: A\n', tail: '---\n', line: 2 }],
    ['an empty block', '---\n---\nBody', { head: '---\n', yaml: '', tail: '---\nBody', line: 2 }],
    ['no body', '---\ntitle: A\n---', { head: '---\n', yaml: 'title: A\n', tail: '---', line: 2 }],
  ])('cuts a file with %s so that the parts join to the file', (_, text, expected) => {
    const block = findFrontmatterBlock(text);
    expect(block).toEqual(expected);
    expect(block!.head + block!.yaml + block!.tail).toBe(text);
  });

  test.each([
    ['no opening fence', 'title: A\n---\n'],
    ['no closing fence', '---\ntitle: A\n'],
  ])('returns undefined for %s', (_, text) => {
    expect(findFrontmatterBlock(text)).toBeUndefined();
  });
});

describe('inferStyle', () => {
  test.each([
    ['indented lists and tight braces', 'a:\n  - {b: 1}\n', { lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: false }],
    ['lists under their key', 'a:\n- {b: 1}\n', { lineWidth: 0, indent: 2, indentSeq: false, flowCollectionPadding: false }],
    ['padded braces and four spaces', 'a:\n    - { b: 1 }\n', { lineWidth: 0, indent: 4, indentSeq: true, flowCollectionPadding: true }],
  ])('reads %s', (_, yaml, expected) => {
    expect(inferStyle(yaml)).toEqual(expected);
  });
});

describe('editFrontmatter', () => {
  test('appends a check-in in the style of the list, changing nothing else', () => {
    const { text } = editFrontmatter(OBJECTIVE, (doc) => appendToList(doc, ['key_results', 0, 'checkins'], { date: '2026-08-01', value: 1.1, note: 'Macros: shipped' }));
    const before = OBJECTIVE.split('\n');
    const after = text.split('\n');
    expect(after.length).toBe(before.length + 1);
    expect(after[12]).toBe('      - {date: 2026-08-01, value: 1.1, note: "Macros: shipped"}');
    expect([...after.slice(0, 12), ...after.slice(13)].join('\n')).toBe(OBJECTIVE);
  });

  test('appends a block item after block items', () => {
    const { text } = editFrontmatter(OBJECTIVE, (doc) => appendToList(doc, ['key_results', 1, 'checkins'], { date: '2026-09-01', value: 4 }));
    expect(text).toContain('      - date: 2026-08-14\n        value: 4.25\n      - date: 2026-09-01\n        value: 4\n---\n');
  });

  test('creates a missing list with a flow item', () => {
    const { text } = editFrontmatter('---\ntitle: NPS\ntarget: 40\n---\n', (doc) => appendToList(doc, ['data'], { date: '2026-09-01', value: 42 }));
    expect(text).toBe('---\ntitle: NPS\ntarget: 40\ndata:\n  - {date: 2026-09-01, value: 42}\n---\n');
  });

  test('sets a new field before another one and replaces an existing value in place', () => {
    const { text } = editFrontmatter(OBJECTIVE, (doc) => {
      setField(doc, [], 'score', 0.67, { before: 'key_results' });
      setField(doc, [], 'team', 'care');
    });
    expect(text).toContain("team: 'care'\nscore: 0.67\nkey_results:\n");
  });

  test('keeps CRLF line ends and the body byte for byte', () => {
    const crlf = OBJECTIVE.replace(/\n/g, '\r\n');
    const { text } = editFrontmatter(crlf, (doc) => setField(doc, ['key_results', 0], 'score', 0.5, { before: 'checkins' }));
    expect(text).toBe(crlf.replace('target: 0.5\r\n    checkins', 'target: 0.5\r\n    score: 0.5\r\n    checkins'));
  });

  test('keeps lines that yaml would write differently: spacing, indentation, comments', () => {
    const odd = '---\ntitle:   A    # spaced\nkey_results:\n    -   id: a   # four and three\n        title: "A from 1 to 2"\n        start: 1\n        target: 2\n---\n';
    expect(editFrontmatter(odd, () => {}).text).toBe(odd);
    const { text } = editFrontmatter(odd, (doc) => setField(doc, ['key_results', 0], 'score', 0.5));
    expect(text).toBe(odd.replace('target: 2\n', 'target: 2\n        score: 0.5\n'));
    const added = editFrontmatter(odd, (doc) => appendToList(doc, ['key_results'], { id: 'b', title: 'B', type: 'milestone' })).text;
    expect(added).toBe(odd.replace('target: 2\n', 'target: 2\n    -   id: b\n        title: B\n        type: milestone\n'));
  });

  test('replaces a reformatted line that the edit changes', () => {
    const { text } = editFrontmatter('---\ntitle:   A   # keep?\nscore:    0.2   # draft\n---\n', (doc) => setField(doc, [], 'score', 0.5));
    expect(text).toBe('---\ntitle:   A   # keep?\nscore: 0.5 # draft\n---\n');
  });

  test.each([
    ['no frontmatter', 'title: A\n', 'has no frontmatter block (--- lines at the top) to edit'],
    ['broken YAML', '---\ntitle: [A\n---\n', /^YAML syntax: /],
  ])('refuses a file with %s', (_, text, message) => {
    expect(() => editFrontmatter(text, () => {})).toThrow(FrontmatterEditError);
    expect(() => editFrontmatter(text, () => {})).toThrow(message);
  });

  test('refuses to append to a field that is not a list', () => {
    expect(() => editFrontmatter('---\ndata: 3\n---\n', (doc) => appendToList(doc, ['data'], { value: 1 }))).toThrow('data is not a list');
  });
});

describe('mergeEdit', () => {
  test.each([
    ['keeps the original when nothing changed', 'a:   1\nb: 2\n', 'a: 1\nb: 2\n', 'a: 1\nb: 2\n', 'a:   1\nb: 2\n'],
    ['takes a changed line from the edit', 'a:   1\nb: 2\n', 'a: 1\nb: 2\n', 'a: 1\nb: 3\n', 'a:   1\nb: 3\n'],
    ['inserts after a reformatted line', 'l:\n  - 1   # one\nz: 0\n', 'l:\n  - 1 # one\nz: 0\n', 'l:\n  - 1 # one\n  - 2\nz: 0\n', 'l:\n  - 1   # one\n  - 2\nz: 0\n'],
    ['drops a removed line', 'a:   1\nb:  2\nc: 3\n', 'a: 1\nb: 2\nc: 3\n', 'a: 1\nc: 3\n', 'a:   1\nc: 3\n'],
  ])('%s', (_, original, normal, edited, expected) => {
    expect(mergeEdit(original, normal, edited)).toBe(expected);
  });
});
