import type { AlignType, List, ListItem, Nodes, Parent, PhrasingContent, Root, Table } from 'mdast';
import type { Position } from 'unist';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * Notes are parsed with markdown-it and its tokens turned into mdast, the tree every extractor
 * reads. micromark (remark-parse) gives the same tree directly but took about 1.5 µs per
 * character, most of the ingest time of a book-sized note; markdown-it is CommonMark too and
 * ten times faster. GFM as GitHub writes it: tables, strikethrough, task list items, footnotes;
 * no autolink literals (a card holding a URL is dropped anyway). HTML is kept as html nodes.
 *
 * Invariant: block nodes carry their start and end lines (1-based, as in the text given;
 * columns are not tracked and are always 1); inline nodes carry no position.
 */
const markdown = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false })
  .enable(['table', 'strikethrough'])
  .use(footnote);
// Containers nested deeper than this are left out: markdown-it's guard against stack overflow,
// an option its types do not declare. The commonmark preset's 20 counts a list and its item as
// two levels, which a deeply indented outline can reach.
(markdown.options as { maxNesting: number }).maxNesting = 100;

/** Parses cleaned note text once; every later step shares this tree. */
export function parseMarkdown(text: string): Root {
  const root: Root = { type: 'root', children: [] };
  new TreeBuilder(root, text.split('\n')).build(markdown.parse(text, {}));
  return root;
}

/** A task list item opens with "[ ]", "[x]" or "[X]" and a space (GFM). */
const TASK_MARKER = /^\[([ xX])\](?:[ \t]+|$)/;

/** mdast nodes that have children. */
type ParentNode = Extract<Nodes, Parent>;

class TreeBuilder {
  private readonly stack: ParentNode[];

  constructor(root: Root, private readonly lines: string[]) {
    this.stack = [root];
  }

  build(tokens: Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      switch (token.type) {
        case 'heading_open':
          this.open({ type: 'heading', depth: Number(token.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6, children: [] }, token);
          break;
        case 'paragraph_open':
          this.open({ type: 'paragraph', children: [] }, token);
          break;
        case 'blockquote_open':
          this.open({ type: 'blockquote', children: [] }, token);
          break;
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const ordered = token.type === 'ordered_list_open';
          const list: List = { type: 'list', ordered, start: ordered ? Number(token.attrGet('start') ?? 1) : null, children: [] };
          this.open(list, token);
          break;
        }
        case 'list_item_open':
          this.open({ type: 'listItem', checked: null, children: [] }, token);
          break;
        case 'table_open':
          this.open({ type: 'table', align: [], children: [] }, token);
          break;
        case 'tr_open':
          this.open({ type: 'tableRow', children: [] }, token);
          break;
        case 'th_open':
        case 'td_open':
          this.open({ type: 'tableCell', children: [] }, token);
          break;
        case 'heading_close':
        case 'paragraph_close':
        case 'blockquote_close':
        case 'bullet_list_close':
        case 'ordered_list_close':
        case 'table_close':
        case 'tr_close':
          this.stack.pop();
          break;
        case 'th_close':
        case 'td_close':
          this.closeCell(tokens, i);
          break;
        case 'list_item_close':
          this.closeItem();
          break;
        case 'inline': {
          // One by one: spreading a paragraph of a million inline nodes would overflow the stack.
          const children = this.top().children as PhrasingContent[];
          for (const node of phrasing(token.children ?? [])) children.push(node);
          break;
        }
        case 'fence':
        case 'code_block':
          this.add({ type: 'code', lang: token.info.trim().split(/\s+/)[0] || null, meta: null, value: token.content.replace(/\n$/, '') }, token);
          break;
        case 'html_block':
          this.add({ type: 'html', value: token.content.replace(/\n+$/, '') }, token);
          break;
        case 'hr':
          this.add({ type: 'thematicBreak' }, token);
          break;
        case 'footnote_block_open':
          // Footnote texts are gathered at the end of the document by the plugin; cards never use them.
          while (i < tokens.length && tokens[i].type !== 'footnote_block_close') i++;
          break;
        default:
          // thead/tbody wrappers have no mdast counterpart.
          break;
      }
    }
  }

  private top(): ParentNode {
    return this.stack[this.stack.length - 1];
  }

  private add(node: Nodes, token: Token): void {
    const position = this.positionOf(token);
    if (position) node.position = position;
    this.top().children.push(node as never);
  }

  /** markdown-it maps a block to lines [start, end), blank lines after a list included; mdast ends on text. */
  private positionOf(token: Token): Position | undefined {
    if (!token.map) return undefined;
    const [start, after] = token.map;
    let end = Math.max(start + 1, after);
    while (end > start + 1 && !this.lines[end - 1]?.trim()) end--;
    return { start: { line: start + 1, column: 1 }, end: { line: end, column: 1 } };
  }

  private open(node: ParentNode, token: Token): void {
    this.add(node, token);
    this.stack.push(node);
  }

  /** The table takes its column alignments from the header row's cells (their `style`). */
  private closeCell(tokens: Token[], closeIndex: number): void {
    this.stack.pop();
    const row = this.top();
    const table = this.stack[this.stack.length - 2] as Table;
    if (table.children[0] !== row) return;
    let open = closeIndex;
    while (tokens[open].type !== 'th_open' && tokens[open].type !== 'td_open') open--;
    table.align!.push(alignOf(tokens[open].attrGet('style')));
  }

  /** GFM task items: a leading "[ ]" / "[x]" becomes `checked` and leaves the text. */
  private closeItem(): void {
    const item = this.stack.pop() as ListItem;
    const first = item.children[0];
    if (first?.type !== 'paragraph') return;
    const lead = first.children[0];
    const marker = lead?.type === 'text' ? TASK_MARKER.exec(lead.value) : null;
    if (lead?.type !== 'text' || !marker) return;
    item.checked = marker[1] !== ' ';
    lead.value = lead.value.slice(marker[0].length);
    if (!lead.value) first.children.shift();
  }
}

function alignOf(style: string | null): AlignType {
  const match = style ? /text-align:\s*(left|right|center)/.exec(style) : null;
  return (match?.[1] as AlignType | undefined) ?? null;
}

/**
 * Inline tokens to mdast phrasing content. Soft line breaks become "\n" inside text and adjacent
 * text is merged, as micromark does, so a paragraph of plain lines is a single text node.
 */
function phrasing(tokens: Token[]): PhrasingContent[] {
  const stack: { children: PhrasingContent[] }[] = [{ children: [] }];
  const top = () => stack[stack.length - 1].children;
  const text = (value: string) => {
    // markdown-it leaves empty text tokens where emphasis delimiters were; mdast has none.
    if (!value) return;
    const children = top();
    const last = children[children.length - 1];
    if (last?.type === 'text') last.value += value;
    else children.push({ type: 'text', value });
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }) => {
    top().push(node);
    stack.push(node);
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        text(token.content);
        break;
      case 'softbreak':
        text('\n');
        break;
      case 'hardbreak':
        top().push({ type: 'break' });
        break;
      case 'code_inline':
        top().push({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline':
        top().push({ type: 'html', value: token.content });
        break;
      case 'image':
        top().push({ type: 'image', url: token.attrGet('src') ?? '', alt: token.content, title: token.attrGet('title') });
        break;
      case 'footnote_ref': {
        const label = String((token.meta as { label?: string } | null)?.label ?? '');
        top().push({ type: 'footnoteReference', identifier: label.toLowerCase(), label });
        break;
      }
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_open':
        open({ type: 'link', url: token.attrGet('href') ?? '', title: token.attrGet('title'), children: [] });
        break;
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      default:
        break;
    }
  }
  return stack[0].children;
}
