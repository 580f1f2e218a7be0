import { createMarkdownProcessor, unified } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { SMARTYPANTS, isSafeUrl, markdownRehypePlugins, mdxRehypePlugins, renderMarkdownBody } from './markdown.ts';

// What the loaders run for every Markdown body.
const render = async (markdown: string): Promise<string> => renderMarkdownBody(markdown).html.trim();
// Astro's unified pipeline with the same plugins: the reference renderMarkdownBody must match.
const reference = await createMarkdownProcessor({ rehypePlugins: markdownRehypePlugins, syntaxHighlight: false, smartypants: SMARTYPANTS });

describe('isSafeUrl', () => {
  test.each([
    ['https://example.com', 'href', true],
    ['mailto:okr@example.com', 'href', true],
    ['/objectives/x/', 'href', true],
    ['#section', 'href', true],
    ['javascript:alert(1)', 'href', false],
    ['JaVaScRiPt:alert(1)', 'href', false],
    ['java\tscript:alert(1)', 'href', false],
    ['\u0001javascript:alert(1)', 'href', false],
    ['vbscript:msgbox(1)', 'href', false],
    ['data:text/html,x', 'href', false],
    ['./diagram.png', 'src', true],
    ['https://tracker.example/pixel.png', 'src', false],
    ['data:image/png;base64,AAAA', 'src', false],
    ['//tracker.example/pixel.png', 'src', false],
    ['/\\tracker.example/pixel.png', 'src', false],
    ['//example.com/page', 'href', true],
  ] as const)('%j as %s is %s', (url, attribute, expected) => {
    expect(isSafeUrl(url, attribute)).toBe(expected);
  });
});

describe('markdownRehypePlugins', () => {
  test.each([
    ['a script tag', '<script>alert(1)</script> hi', 'hi'],
    ['an event handler', '<img src="x.png" onerror="alert(1)">', '<img src="x.png">'],
    ['a style tag and attribute', '<style>body{}</style><p style="color:red">x</p>', '<p>x</p>'],
    ['iframe, object and form', '<iframe src="https://evil.example"></iframe><object data="x"></object><form action="/x"></form>', ''],
    ['svg with script', '<svg><script>alert(1)</script></svg>', '<p></p>'],
    ['a javascript: link', '[a](javascript:alert(1))', '<p><a>a</a></p>'],
    ['a mixed-case javascript: link', '[a](JaVaScRiPt:alert(1))', '<p><a>a</a></p>'],
    ['an entity-encoded javascript: link', '[a](&#106;avascript:alert(1))', '<p><a>a</a></p>'],
    ['a raw entity-encoded javascript: link', '<a href="&#x6A;ava&#x09;script:alert(1)">a</a>', '<p><a>a</a></p>'],
    ['a vbscript: link', '[a](vbscript:msgbox(1))', '<p><a>a</a></p>'],
    ['a data: link', '[a](data:text/html,<script>alert(1)</script>)', '<p><a>a</a></p>'],
    ['a data: image', '![a](data:image/png;base64,AAAA)', '<p><img alt="a"></p>'],
    ['a javascript: image', '![a](javascript:alert(1))', '<p><img alt="a"></p>'],
    ['a remote image', '![a](https://tracker.example/pixel.png)', '<p><img alt="a"></p>'],
    ['a scheme-relative image', '![a](//tracker.example/pixel.png)', '<p><img alt="a"></p>'],
    ['a backslash link in raw HTML', '<a href="/\\evil.example/">a</a>', '<p><a href="https://evil.example/" rel="noopener noreferrer">a</a></p>'],
    ['a relative image', '![a](/images/chart.png)', '<p><img src="/images/chart.png" alt="a"></p>'],
    ['an external link', '[a](https://example.com)', '<p><a href="https://example.com" rel="noopener noreferrer">a</a></p>'],
    ['an internal link', '[a](/kpis/nps/)', '<p><a href="/kpis/nps/">a</a></p>'],
    ['a mailto link', '[a](mailto:okr@example.com)', '<p><a href="mailto:okr@example.com">a</a></p>'],
    ['allowed HTML', '<details><summary>More</summary>Press <kbd>Ctrl</kbd> x<sup>2</sup></details>', '<details><summary>More</summary>Press <kbd>Ctrl</kbd> x<sup>2</sup></details>'],
    ['DOM clobbering ids', '<div id="search" name="q">x</div>', '<div id="user-content-search" name="user-content-q">x</div>'],
  ])('handles %s', async (_, markdown, expected) => {
    expect(await render(markdown)).toBe(expected);
  });

  test('leaves code blocks without inline styles (no syntax highlighting)', async () => {
    expect(await render('```js\nalert(1)\n```')).toBe('<pre><code class="language-js">alert(1)\n</code></pre>');
  });
});

describe('renderMarkdownBody', () => {
  test('aligns GFM table columns with the align attribute the sanitizer keeps', async () => {
    expect(await render('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |')).toContain('<td align="left">1</td>\n<td align="center">2</td>\n<td align="right">3</td>');
  });

  test('drops a raw HTML cell style all the same', async () => {
    expect(await render('<table><tr><td style="text-align: left">x</td></tr></table>')).toBe('<table><tbody><tr><td>x</td></tr></tbody></table>');
  });

  test('reads a body that starts with --- as a thematic break, not as frontmatter', async () => {
    expect(await render('---\ntitle: x\n---\ntext')).toBe('<hr>\n<h2 id="title-x">title: x</h2>\n<p>text</p>');
  });

  test('gives headings ids and lists them', () => {
    const { html, metadata } = renderMarkdownBody('## Why it matters\n\n### Why it matters\n\n<h2 id="own">Own</h2>');
    expect(html).toContain('<h2 id="why-it-matters">');
    expect(html).toContain('<h3 id="why-it-matters-1">');
    expect(metadata.headings).toEqual([
      { depth: 2, slug: 'why-it-matters', text: 'Why it matters' },
      { depth: 3, slug: 'why-it-matters-1', text: 'Why it matters' },
      { depth: 2, slug: 'user-content-own', text: 'Own' },
    ]);
  });

  test('turns -- into an en dash, --- into an em dash, and quotes and ellipses into their typographic forms', async () => {
    expect(await render(`"Ship" 5--10 demos --- it's 'done'...`)).toBe('<p>“Ship” 5–10 demos — it’s ‘done’…</p>');
  });

  // Astro's unified pipeline with the same plugins is the reference: the two must agree on
  // everything content uses (they differ on a lone trailing quote, which nobody writes).
  test.each([
    '# Title\n\nSome *emphasis*, **strong**, `code`, ~~strike~~ and a [link](/kpis/nps/).',
    '- [ ] todo\n- [x] done\n\n1. one\n2. two\n   - nested',
    'Footnote[^1] twice[^1].\n\n[^1]: The note.',
    'Autolinks: https://example.com, www.example.com, <mailto:a@b.example> and a@b.example',
    '> A quote\n> over two lines\n\n    indented code\n\n```js\nconst a = "<b>";\n```',
    '<details>\n<summary>More</summary>\n\nInner **markdown**\n\n</details>\n\n<div id="search">x</div><script>alert(1)</script>',
    '## Same\n## Same\n### `code` heading\n## Heading with <em>html</em> and [link](https://example.com)\n## 日本語',
    '[ref link][r] and ![image](/images/a.png "Title") and ![local](diagram.png)\n\n[r]: https://example.com "Title"',
    '<!-- a comment --> Line one  \nline two\\\nline three\n\n* * *\n\nSetext\n======',
    '| code | x |\n|---|---|\n| `a \\| b` | <kbd>y</kbd> |',
    'Entities &amp; &copy; &#106; and <span style="color:red">red</span> <img src="x.png" onerror="alert(1)">',
  ])('renders like the unified pipeline: %j', async (markdown) => {
    const expected = await reference.render(markdown);
    const actual = renderMarkdownBody(markdown);
    expect(actual.html).toBe(expected.code);
    expect(actual.metadata.headings).toEqual(expected.metadata.headings);
  });
});

describe('mdxRehypePlugins', () => {
  const compile = async (source: string): Promise<string> => {
    const mdx = await unified({ rehypePlugins: mdxRehypePlugins }).createMdxRenderer!({ syntaxHighlight: false }, { optimize: false });
    return (await mdx.process(source, '/virtual/retro.mdx', {})).code;
  };

  test('keeps the portal components', async () => {
    expect(await compile('<Scorecard period="2026-Q3" />')).toContain('_jsx(Scorecard, {');
  });

  test('removes unsafe URLs from Markdown links and marks external links', async () => {
    const code = await compile('[a](JaVaScRiPt:alert(1)) [b](https://example.com) ![c](data:image/png;base64,AAAA)');
    expect(code).not.toMatch(/javascript|data:image/i);
    expect(code).toContain('rel: "noopener noreferrer"');
  });
});
