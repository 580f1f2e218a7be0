import { createMarkdownProcessor, unified } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { isSafeUrl, markdownRehypePlugins, mdxRehypePlugins } from './markdown.ts';

const processor = await createMarkdownProcessor({ rehypePlugins: markdownRehypePlugins, syntaxHighlight: false });
const render = async (markdown: string): Promise<string> => (await processor.render(markdown)).code.trim();

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
