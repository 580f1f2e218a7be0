import { describe, expect, test } from 'vitest';
import { attributes, escapeHtml, html, Html, trustedHtml } from './html.ts';

describe('escapeHtml', () => {
  test('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('returns text without those characters as it is, call after call', () => {
    // A global regular expression's `test` keeps state; the escaper must not.
    expect(['a&b', 'plain', 'c<d', 'plain'].map(escapeHtml)).toEqual(['a&amp;b', 'plain', 'c&lt;d', 'plain']);
  });
});

describe('html', () => {
  test('escapes interpolated text and inserts markup', () => {
    const inner = html`<b>${'x < y'}</b>`;
    expect(html`<p>${inner} ${'<script>'}</p>`.value).toBe('<p><b>x &lt; y</b> &lt;script&gt;</p>');
  });

  test('renders lists, numbers, and nothing for false, true, null and undefined (as JSX does)', () => {
    expect(html`<ul>${['a', 'b'].map((item) => html`<li>${item}</li>`)}</ul>`.value).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(html`${0}|${false}|${true}|${null}|${undefined}|${[]}`.value).toBe('0|||||');
  });

  test('never trusts a plain string, even one that looks like markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(html`${hostile}`.value).not.toContain('<img');
    expect(html`${[hostile, [hostile]]}`.value).not.toContain('<img');
  });

  test('trustedHtml and Html values are inserted as they are', () => {
    expect(html`${trustedHtml('<em>ok</em>')}`.value).toBe('<em>ok</em>');
    expect(String(new Html('<i>x</i>'))).toBe('<i>x</i>');
  });
});

describe('attributes', () => {
  test('renders values escaped, true as a bare name, and leaves out false and undefined', () => {
    expect(attributes({ class: 'kr card', title: 'a "b" & c', open: true, hidden: false, id: undefined, width: 160 }).value).toBe(
      ' class="kr card" title="a &quot;b&quot; &amp; c" open width="160"',
    );
  });
});
