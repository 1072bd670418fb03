import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { cleanNote } from '@/lib/ingest/clean';
import { escapeLiteralAsterisks } from '@/lib/ingest/clean/emphasis';
import { joinLines, toLines } from '@/lib/ingest/lines';
import { parseMarkdown } from '@/lib/ingest/parse';
import { toPlainText } from '@/lib/ingest/plain-text';

/** The tree without positions, for comparing shapes. */
function shape(node: Nodes): unknown {
  const { position: _position, ...rest } = node as Nodes & { position?: unknown };
  return 'children' in rest ? { ...rest, children: (rest.children as Nodes[]).map(shape) } : rest;
}

const blocks = (text: string) => parseMarkdown(text).children.map(shape);

describe('parseMarkdown', () => {
  it.each<[string, string, unknown[]]>([
    ['an ATX heading', '## Sorted sets', [{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'Sorted sets' }] }]],
    ['soft breaks stay inside one text node', 'one\ntwo', [{ type: 'paragraph', children: [{ type: 'text', value: 'one\ntwo' }] }]],
    ['entities and escapes are decoded', 'a &amp; b \\*c', [{ type: 'paragraph', children: [{ type: 'text', value: 'a & b *c' }] }]],
    [
      'bold, emphasis, code and strikethrough',
      '**LRU** *evicts* `old` ~~keys~~',
      [{
        type: 'paragraph',
        children: [
          { type: 'strong', children: [{ type: 'text', value: 'LRU' }] },
          { type: 'text', value: ' ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'evicts' }] },
          { type: 'text', value: ' ' },
          { type: 'inlineCode', value: 'old' },
          { type: 'text', value: ' ' },
          { type: 'delete', children: [{ type: 'text', value: 'keys' }] },
        ],
      }],
    ],
    ['a bare URL stays text (no autolink literals)', 'see https://example.com', [{ type: 'paragraph', children: [{ type: 'text', value: 'see https://example.com' }] }]],
    [
      'an ordered list keeps its start number',
      '3. three\n4. four',
      [{
        type: 'list', ordered: true, start: 3,
        children: [
          { type: 'listItem', checked: null, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'three' }] }] },
          { type: 'listItem', checked: null, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'four' }] }] },
        ],
      }],
    ],
    [
      'task items are checked or not, without their marker',
      '- [x] done\n- [ ] todo',
      [{
        type: 'list', ordered: false, start: null,
        children: [
          { type: 'listItem', checked: true, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'done' }] }] },
          { type: 'listItem', checked: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'todo' }] }] },
        ],
      }],
    ],
    ['fenced code without its last line end', '```sql\nSELECT 1;\n```', [{ type: 'code', lang: 'sql', meta: null, value: 'SELECT 1;' }]],
    ['an HTML block', '<div>\nhi\n</div>', [{ type: 'html', value: '<div>\nhi\n</div>' }]],
    ['a footnote reference is kept, its text left out', 'CAP[^1]\n\n[^1]: Brewer', [{ type: 'paragraph', children: [{ type: 'text', value: 'CAP' }, { type: 'footnoteReference', identifier: '1', label: '1' }] }]],
  ])('%s', (_case, text, expected) => {
    expect(blocks(text)).toEqual(expected);
  });

  it('reads a table with its header row first and the header alignments', () => {
    const [table] = parseMarkdown('| Store | Latency |\n|:--|--:|\n| Redis | 1 ms |').children;
    expect(table).toMatchObject({ type: 'table', align: ['left', 'right'] });
    expect(toPlainText(table)).toBe('Store | Latency\nRedis | 1 ms');
    expect(table.type === 'table' && table.children.map((row) => row.position?.start.line)).toEqual([1, 3]);
  });

  it('gives every block its start and end line', () => {
    const tree = parseMarkdown('# A\n\npara\nmore\n\n- x\n- y\n\n> quote');
    expect(tree.children.map((node) => [node.type, node.position?.start.line, node.position?.end.line])).toEqual([
      ['heading', 1, 1],
      ['paragraph', 3, 4],
      ['list', 6, 7],
      ['blockquote', 9, 9],
    ]);
  });

  it('survives lists nested far deeper than any note', () => {
    const deep = Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    expect(parseMarkdown(deep).children[0].type).toBe('list');
  });
});

/**
 * The tree built from markdown-it tokens must read like remark's (micromark) for the notes the
 * tests ship: the same top-level blocks, on the same lines, with the same plain text.
 */
describe('parseMarkdown agrees with remark on the fixture notes', () => {
  const remark = unified().use(remarkParse).use(remarkGfm);
  const fixtures = path.join(import.meta.dirname, 'fixtures');
  const notes = readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(md|txt|markdown)$/.test(f));
  const summary = (children: RootContent[]) =>
    children.filter((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition').map((node) => [node.type, node.position?.start.line, toPlainText(node)]);

  it.each(notes)('%s', (note) => {
    const text = joinLines(cleanNote(readFileSync(path.join(fixtures, note), 'utf8')));
    expect(summary(parseMarkdown(text).children)).toEqual(summary((remark.runSync(remark.parse(text)) as Root).children));
  });
});

describe('escapeLiteralAsterisks', () => {
  it.each([
    ['a literal asterisk in a bold title', '**A* (A-Star)**:', '**A\\* (A-Star)**:'],
    ['a product in bold', 'cost is **O(n*m)** here', 'cost is **O(n\\*m)** here'],
    ['balanced emphasis inside bold is left alone', '**a *b* c**', '**a *b* c**'],
    ['plain bold is left alone', '**Term**: text', '**Term**: text'],
    ['inline code is left alone', '`**a*b**` and **c*d**', '`**a*b**` and **c\\*d**'],
    ['an asterisk outside bold is left alone', 'A* search, **fast**', 'A* search, **fast**'],
  ])('%s', (_case, line, expected) => {
    expect(escapeLiteralAsterisks(toLines(line)).map((l) => l.text)).toEqual([expected]);
  });

  it('leaves code blocks alone', () => {
    const lines = toLines('```\n**a*b**\n```');
    expect(escapeLiteralAsterisks(lines)).toEqual(lines);
  });
});
