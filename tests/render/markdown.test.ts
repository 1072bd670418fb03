import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderNoteSection } from '@/lib/render/markdown';

const ATTACKS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '[click](javascript:window.__pwned=3)',
  '<a href="javascript:alert(1)">raw link</a>',
  '<iframe src="https://example.com"></iframe>',
  '<svg><script>alert(4)</script></svg>',
  '<style>body { display: none }</style>',
  '![img](javascript:alert(5))',
  '<div style="position:fixed" onclick="alert(6)">div</div>',
].join('\n\n');

describe('renderMarkdown', () => {
  it('renders GFM: tables, code, lists, links', () => {
    const html = renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\nx < 1\n```\n\n- [docs](https://example.com)');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('x &#x3C; 1');
    expect(html).toContain('<a href="https://example.com">docs</a>');
  });

  it('drops every script vector from untrusted notes', () => {
    const html = renderMarkdown(ATTACKS);
    expect(html).not.toMatch(/<script|<iframe|<svg|<style|onerror|onclick|javascript:|style=/i);
    expect(html).toContain('click');
  });
});

describe('renderNoteSection', () => {
  const body = ['## Eviction', '', 'Evict the oldest entry.', '', '- LRU: least recently used', '- LFU: least frequently', '  used', '', '```', 'code', '```'].join('\n');

  it('tags each passage with its lines in the original note, counting from the first line', () => {
    const html = renderNoteSection(body, 40);
    expect(html).toContain('<h3 data-line-start="40" data-line-end="40" id="line-40">Eviction</h3>');
    expect(html).toContain('<p data-line-start="42" data-line-end="42" id="line-42">Evict the oldest entry.</p>');
    expect(html).toContain('<ul data-line-start="44" data-line-end="46" id="line-44">');
    expect(html).toContain('<li data-line-start="45" data-line-end="46">');
    expect(html).toContain('<pre data-line-start="48" data-line-end="50" id="line-48">');
  });

  it('follows the line map where cleaning turned one note line into several', () => {
    // An HTML export: the heading and the list both came from note line 7.
    const html = renderNoteSection('## Queues\n\n- Kafka\n- RabbitMQ\n\nDone.', 7, [7, 7, 7, 7, 7, 8]);
    expect(html).toContain('<h3 data-line-start="7" data-line-end="7" id="line-7">Queues</h3>');
    expect(html).toContain('<ul data-line-start="7" data-line-end="7">');
    expect(html).toContain('<p data-line-start="8" data-line-end="8" id="line-8">Done.</p>');
  });

  it('moves headings down a level so the page keeps the only h1', () => {
    expect(renderNoteSection('# Top\n\n###### Deep', 1)).toMatch(/<h2[^>]*>Top<\/h2>[\s\S]*<h6[^>]*>Deep<\/h6>/);
  });

  it('stays sanitised', () => {
    expect(renderNoteSection(ATTACKS, 1)).not.toMatch(/<script|<iframe|<svg|<style|onerror|onclick|javascript:|style=/i);
  });
});
