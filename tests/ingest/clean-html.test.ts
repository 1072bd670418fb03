import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, looksLikeHtml, stripInlineHtml } from '../../lib/ingest/clean/html';

describe('looksLikeHtml', () => {
  it.each([
    ['<div>text</div>', true],
    ['<span style="font-weight:bold">x</span>', true],
    ['line<br>next', true],
    ['line<br/>next', true],
    ['line<br />next', true],
    ['<p class="x">para', true],
    ['<b>bold</b>', true],
    ['x <i>y</i>', true],
    ['<a href="https://example.com">link</a>', true],
    ['<img src="a.png">', true],
    ['<h2>Title</h2>', true],
    ['<TABLE><TR><TD>x</TD></TR></TABLE>', true],
    ['<!DOCTYPE html><html><body>x</body></html>', true],
    ['<html><head><style>p{}</style></head></html>', true],
    ['<details>\n<summary>Why?</summary>', true],
    ['</div>', true],
    ['a < b and c > d', false],
    ['if a<b and c>d then', false],
    ['x<y', false],
    ['<https://example.com>', false],
    ['<mailto:me@example.com>', false],
    ['<me@example.com>', false],
    ['<placeholder>', false],
    ['kubectl get <resource> -n <namespace>', false],
    ['List<String> and Map<K, V> and Optional<T>', false],
    ['a <= b, c >= d, x -> y, <- back', false],
    ['`<div>` in inline code', false],
    ['```html\n<div>in a fence</div>\n```', false],
    ['plain text', false],
    ['entities only &amp; &nbsp;', false],
    ['<3 love', false],
  ])('%j -> %s', (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });
});

describe('htmlToMarkdown', () => {
  it.each([
    // Blocks and line breaks
    ['paragraphs are separated by a blank line', '<p>one</p><p>two</p>', 'one\n\ntwo'],
    ['a div is a line', '<div>one</div><div>two</div>', 'one\ntwo'],
    ['an empty div with a br is a blank line', '<div>a</div><div><br></div><div>b</div>', 'a\n\nb'],
    ['br is a newline', 'a<br>b<br/>c', 'a\nb\nc'],
    ['many brs give at most one blank line', 'a<br><br><br><br>b', 'a\n\nb'],
    ['nested divs', '<div>A<div>B</div>C</div>', 'A\nB\nC'],
    ['section and article are blocks', '<section>s</section><article>a</article>', 's\n\na'],
    ['blockquote is a block', 'before<blockquote>quoted</blockquote>after', 'before\n\nquoted\n\nafter'],
    ['center is a line', 'a<center>b</center>c', 'a\nb\nc'],
    ['hr is a rule', '<p>a</p><hr><p>b</p>', 'a\n\n---\n\nb'],
    ['blank lines between blocks collapse', '<p>a</p>\n\n\n<p></p><p> </p>\n<p>b</p>', 'a\n\nb'],
    // Headings
    ['h1..h6', '<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>', '# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F'],
    ['heading followed by text', '<h2>Title</h2>text', '## Title\n\ntext'],
    ['a br inside a heading is a space', '<h2>Two<br>lines</h2>', '## Two lines'],
    ['bold inside a heading adds no markers', '<h3>Three <b>bold</b></h3>', '### Three bold'],
    ['an empty heading vanishes', '<h1> </h1><p>x</p>', 'x'],
    // Bold
    ['b and strong', '<b>a</b> and <strong>b</strong>', '**a** and **b**'],
    ['font-weight bold', '<span style="font-weight:bold">x</span>', '**x**'],
    ['font-weight bolder', '<span style="font-weight: bolder">x</span>', '**x**'],
    ['font-weight 600', '<span style="font-weight:600">x</span>', '**x**'],
    ['font-weight 700 among other styles', '<span style="font-size:18pt;font-weight:700;color:red">x</span>', '**x**'],
    ['font-weight 800', '<font style="font-weight:800">x</font>', '**x**'],
    ['font-weight 900 !important', '<span style="font-weight:900 !important">x</span>', '**x**'],
    ['font-weight 400 is not bold', '<span style="font-weight:400">x</span>', 'x'],
    ['font-weight normal overrides b', '<b style="font-weight:normal">x</b>', 'x'],
    ['a normal span inside bold is not bold', '<b>a <span style="font-weight:normal">b</span> c</b>', '**a** b **c**'],
    ['no empty markers', 'a<b></b>b<strong> </strong>c', 'ab c'],
    ['spaces move outside the markers', 'a<b> bold </b>c', 'a **bold** c'],
    ['adjacent bold runs merge', '<b>a</b><b>b</b> <b>c</b>', '**ab c**'],
    ['nested bold is not doubled', '<b><strong>x</strong></b>', '**x**'],
    ['bold is closed at a line break', '<b>a<br>b</b>', '**a**\n**b**'],
    ['bold is closed at a block end', '<b><p>a</p><p>b</p></b>', '**a**\n\n**b**'],
    ['bold paragraph', '<p><b>Q:</b> What?</p>', '**Q:** What?'],
    // Other inline elements
    ['i and em are plain', '<i>a</i> <em>b</em>', 'a b'],
    ['u, s, sup, sub, mark, small keep text', '<u>u</u> <s>s</s> x<sup>2</sup> H<sub>2</sub>O <mark>m</mark> <small>sm</small>', 'u s x2 H2O m sm'],
    ['a keeps its text only', 'see <a href="https://x.y/z">the docs</a>.', 'see the docs.'],
    ['img is dropped, alt too', 'a <img src="x.png" alt="diagram"> b', 'a b'],
    ['unknown and namespaced tags keep their text', '<o:p></o:p><p class=MsoNormal>Word<o:p></o:p></p><custom-el x="1">c</custom-el>', 'Word\n\nc'],
    ['label and input', '<label>Name <input type="text"></label>', 'Name'],
    // Code
    ['inline code', 'run <code>npm test</code> now', 'run `npm test` now'],
    ['inline code with a backtick', '<code>a`b</code>', '``a`b``'],
    ['inline code whitespace collapses', '<code> x   y </code>', '`x y`'],
    ['pre is a fenced block', '<p>code:</p><pre>line 1\n  line 2\n</pre>', 'code:\n\n```\nline 1\n  line 2\n```'],
    ['pre with a language class', '<pre><code class="language-ts">const a = 1 &lt; 2;</code></pre>', '```ts\nconst a = 1 < 2;\n```'],
    ['pre with br and divs', '<pre>a<br>b<div>c</div>d</pre>', '```\na\nb\nc\nd\n```'],
    ['a fence longer than backticks inside', '<pre>```inner```</pre>', '````\n```inner```\n````'],
    ['tags inside pre keep text only', '<pre><span class="k">if</span> <b>x</b></pre>', '```\nif x\n```'],
    ['an empty pre vanishes', 'a<pre>  \n </pre>b', 'a\n\nb'],
    // Lists
    ['ul', '<ul><li>a</li><li>b</li></ul>', '- a\n- b'],
    ['ol', '<ol><li>a</li><li>b</li></ol>', '1. a\n2. b'],
    ['ol start', '<ol start="4"><li>a</li><li>b</li></ol>', '4. a\n5. b'],
    ['nested lists indent two spaces per level', '<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>', '- a\n  - b\n    1. c\n- d'],
    ['a list nested directly in a list', '<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>', '- a\n  - b\n- c'],
    ['paragraphs in items keep the list tight', '<ul><li><p>a</p></li><li><p>b</p></li></ul><p>after</p>', '- a\n- b\n\nafter'],
    ['a list is set off from paragraphs', '<p>before</p><ul><li>x</li></ul><p>after</p>', 'before\n\n- x\n\nafter'],
    ['empty items are dropped and not numbered', '<ol><li>a</li><li> </li><li>b</li></ol>', '1. a\n2. b'],
    ['a br inside an item continues the item', '<ul><li>a<br>b</li></ul>', '- a\n  b'],
    ['unclosed items', '<ul><li>a<li>b</ul>', '- a\n- b'],
    ['items outside a list', '<li>a</li><li>b</li>', '- a\n- b'],
    ['bold inside an item', '<ul><li><b>Key</b>: value</li></ul>', '- **Key**: value'],
    // Tables
    ['table with header row', '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>', '| A | B |\n| --- | --- |\n| 1 | 2 |'],
    ['thead and tbody', '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>', '| A |\n| --- |\n| 1 |\n| 2 |'],
    ['pipes are escaped and newlines become spaces', '<table><tr><td>a|b</td><td>x<br>y<p>z</p></td></tr><tr><td>1</td><td>2</td></tr></table>', '| a\\|b | x y z |\n| --- | --- |\n| 1 | 2 |'],
    ['ragged rows are padded', '<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>1</td></tr></table>', '| a | b | c |\n| --- | --- | --- |\n| 1 | | |'],
    ['a table is set off from text', 'before<table><tr><td>a</td><td>b</td></tr></table>after', 'before\n\n| a | b |\n| --- | --- |\n\nafter'],
    ['a one-cell layout table is unwrapped', '<table><tr><td><p>only</p><p>cell</p></td></tr></table>', 'only\n\ncell'],
    ['an empty table vanishes', 'a<table></table>b', 'ab'],
    ['bold in cells', '<table><tr><td><b>k</b></td><td>v</td></tr></table>', '| **k** | v |\n| --- | --- |'],
    // Dropped content
    ['script', 'a<script>alert("x")</script>b', 'ab'],
    ['style', '<style>p { color: red }</style>text', 'text'],
    ['head and title', '<html><head><title>T</title><meta charset="utf-8"></head><body>body</body></html>', 'body'],
    ['noscript, iframe, svg, template, object', '<noscript>n</noscript><iframe src="x">f</iframe><svg><text>s</text></svg><template><p>t</p></template><object>o</object>kept', 'kept'],
    ['an unclosed head ends at body content', '<head><title>T</title><p>text</p>', 'text'],
    ['text in an unclosed head is body text', '<head>loose text', 'loose text'],
    // Entities and whitespace
    ['entities are decoded', 'it&#8217;s &lt;tag&gt; &amp; &copy; &#x1F680; &quot;q&quot;', 'it’s <tag> & © 🚀 "q"'],
    ['nbsp is a normal space and runs collapse', 'a&nbsp;&nbsp;&nbsp;b \n\t c', 'a b c'],
    ['leading and trailing whitespace is trimmed', '  <p>  x  </p>  ', 'x'],
    ['non-HTML angle brackets survive', 'a < b, List<String>, <https://x.y>, <placeholder>', 'a < b, List<String>, <https://x.y>, <placeholder>'],
    ['inline code in a markdown line is kept verbatim', '<div>use `<br>` here</div>', 'use `<br>` here'],
    ['markdown lines mixed into HTML keep their lines', '<div>Caching</div>\n- LRU\n  - nested\n1. one\n# Head\n> quote', 'Caching\n- LRU\n  - nested\n1. one\n# Head\n> quote'],
    ['soft-wrapped source text joins', '<p>soft\nwrapped\ntext - not a list</p>', 'soft wrapped text - not a list'],
    ['markdown-significant text is left alone', '<p># not a heading</p><p>- not an item</p>', '# not a heading\n\n- not an item'],
    ['plain text passes through', 'just text', 'just text'],
    ['empty input', '', ''],
  ])('%s', (_case, html, expected) => {
    expect(htmlToMarkdown(html)).toBe(expected);
  });

  it('converts a realistic web-tool export', () => {
    const html = [
      '<!DOCTYPE html>',
      '<html><head><meta charset="utf-8"><title>Notes export</title>',
      '<style>.c1 { font-weight: 700 } p { margin: 0 }</style>',
      '<script>window.analytics = { track() {} };</script></head>',
      '<body class="doc-content">',
      '<p><span style="font-size:18pt;font-weight:700">Caching</span></p>',
      '<p><span style="font-family:Arial">A cache keeps&nbsp;hot data close to the reader. It&#8217;s a trade-off',
      'between <span style="font-weight:bold">freshness</span> and&nbsp;&nbsp;latency.</span></p>',
      '<p><span style="font-size:14pt;font-weight:700">Eviction policies</span></p>',
      '<ul>',
      '  <li><span style="font-weight:600">LRU</span> &ndash; evicts the least recently used entry</li>',
      '  <li><span>LFU</span> &ndash; evicts the least <i>frequently</i> used entry</li>',
      '  <li>TTL-based<ul><li>absolute expiry</li><li>sliding expiry</li></ul></li>',
      '</ul>',
      '<table>',
      '  <tr><td><b>Policy</b></td><td><b>Hit ratio</b></td></tr>',
      '  <tr><td>LRU</td><td>high&nbsp;for recency</td></tr>',
      '  <tr><td>LFU</td><td>high for skewed | popular<br>keys</td></tr>',
      '</table>',
      '<div>Latency: read &lt; 1&nbsp;ms &amp; write &lt; 5&nbsp;ms</div>',
      '<script type="text/javascript">document.write("<p>injected</p>");</script>',
      '</body></html>',
    ].join('\n');
    expect(htmlToMarkdown(html)).toBe(
      [
        '**Caching**',
        '',
        'A cache keeps hot data close to the reader. It’s a trade-off between **freshness** and latency.',
        '',
        '**Eviction policies**',
        '',
        '- **LRU** – evicts the least recently used entry',
        '- LFU – evicts the least frequently used entry',
        '- TTL-based',
        '  - absolute expiry',
        '  - sliding expiry',
        '',
        '| **Policy** | **Hit ratio** |',
        '| --- | --- |',
        '| LRU | high for recency |',
        '| LFU | high for skewed \\| popular keys |',
        '',
        'Latency: read < 1 ms & write < 5 ms',
      ].join('\n'),
    );
  });

  it('converts a Google Docs style export (bold wrapper with font-weight:normal)', () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234">' +
      '<p dir="ltr"><span style="font-size:20pt;font-weight:700;">Sharding</span></p>' +
      '<p dir="ltr"><span style="font-weight:400;">Split data by </span><span style="font-weight:700;">key range</span>' +
      '<span style="font-weight:400;"> or hash.</span></p></b><br>';
    expect(htmlToMarkdown(html)).toBe('**Sharding**\n\nSplit data by **key range** or hash.');
  });

  it.each([
    ['unclosed tags', '<div><p>unclosed <b>bold <i>it', 'unclosed **bold it**'],
    ['stray closing tags', '</div></span>text</p></b>', 'text'],
    ['a lone angle bracket run', '<<<>>>', '<<<>>>'],
    ['a tag cut off at the end', 'text <b', 'text <b'],
    ['an unterminated attribute', 'ok <a href="x', 'ok'],
    ['an unterminated comment', 'ok <!-- never closed', 'ok'],
    ['a CDATA section', 'a <![CDATA[x]]> b', 'a b'],
    ['cells without rows or table end', '<table><td>x</td><td>y', '| x | y |\n| --- | --- |'],
    ['an unclosed script is kept as text', 'a <script>b', 'a <script>b'],
    ['misnested inline tags', '<b>a<i>b</b>c</i>', '**ab**c'],
    ['attributes without quotes', '<p align=center><font size=2 face=Arial>x</font></p>', 'x'],
    ['uppercase tags', '<P><B>X</B></P>', '**X**'],
  ])('survives %s', (_case, html, expected) => {
    expect(htmlToMarkdown(html)).toBe(expected);
  });

  it('finishes a 200 KB generated export and keeps the output clean', () => {
    const unit =
      '<div><p><span style="font-weight:700">Heading</span></p>' +
      '<p>Some&nbsp;text with <b>bold </b>and <i>it</i> &amp; <a href="https://x.y">link</a>.<br></p>' +
      '<ul><li>one</li><li>two<ul><li>three</li></ul></li></ul>' +
      '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>' +
      '<script>var x = "<b>";</script><span style="font-weight:bold"> </span></div>\n';
    const times = Math.ceil(200_000 / unit.length);
    const markdown = htmlToMarkdown(unit.repeat(times));
    expect(markdown.match(/^\*\*Heading\*\*$/gm)).toHaveLength(times);
    expect(markdown.match(/^Some text with \*\*bold\*\* and it & link\.$/gm)).toHaveLength(times);
    expect(markdown).not.toMatch(/<[a-z]/i);
    expect(markdown).not.toMatch(/\*\*\*\*/);
    expect(markdown).not.toMatch(/ +$/m);
    expect(markdown).not.toMatch(/\n{3,}/);
  });

  it('finishes pathological input', () => {
    expect(() => htmlToMarkdown('<ul><li>x'.repeat(3000))).not.toThrow();
    expect(() => htmlToMarkdown('<div>'.repeat(5000) + 'deep')).not.toThrow();
    expect(htmlToMarkdown('a<b '.repeat(5000)).length).toBeGreaterThan(0);
  });
});

describe('stripInlineHtml', () => {
  it.each([
    ['Read <span style="color:red">this</span> now<br>next', 'Read this now\nnext'],
    ['plain <b>bold</b> and <span style="font-weight:700">heavy</span>', 'plain **bold** and **heavy**'],
    ['it&#8217;s&nbsp;fine &amp; done', 'it’s fine & done'],
    ['<i>emphasis</i> dropped', 'emphasis dropped'],
    ['- item with <b>bold</b>', '- item with **bold**'],
    ['  - nested item <span>x</span>', '  - nested item x'],
    ['keeps `<code>` spans and <b>strips</b> tags', 'keeps `<code>` spans and **strips** tags'],
    ['a < b <i>but</i> c > d', 'a < b but c > d'],
    ['<span style="font-weight:bold"></span>', ''],
    ['<b> spaced </b>out', '**spaced** out'],
  ])('%j', (text, expected) => {
    expect(stripInlineHtml(text)).toBe(expected);
  });
});
