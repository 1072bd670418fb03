import type { Nodes, Parent } from 'mdast';

/**
 * Renders mdast as the plain text a card shows: markup dropped, text kept, lists as "- item"
 * lines. Invariant: the result has no markdown emphasis, links, images or HTML tags.
 */
export function toPlainText(node: Nodes): string {
  let text = rendered.get(node);
  if (text === undefined) {
    text = collapse(render(node));
    rendered.set(node, text);
  }
  return text;
}

/**
 * Every recogniser reads a block's plain text, most of them the same blocks: each node is rendered
 * once. Safe because the parsed tree is never changed after parsing (nodes are only read).
 */
const rendered = new WeakMap<Nodes, string>();

function render(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      return stripTags(node.value);
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'definition':
    case 'footnoteDefinition':
    case 'thematicBreak':
    case 'yaml':
    // Struck-out text (~~old idea~~) is what the author took back.
    case 'delete':
      return '';
    case 'list':
      return node.children
        .map((item, i) => `${node.ordered ? `${(node.start ?? 1) + i}.` : '-'} ${indentTail(render(item))}`)
        .join('\n');
    case 'listItem':
    case 'root':
    case 'blockquote':
      return node.children.map(render).filter(Boolean).join('\n');
    case 'table':
      return node.children.map((row) => row.children.map(render).join(' | ')).join('\n');
    default:
      return 'children' in node ? renderInline(node as Parent) : '';
  }
}

function renderInline(node: Parent): string {
  return node.children.map((child) => render(child as Nodes)).join('');
}

function indentTail(text: string): string {
  return text.replace(/\n/g, '\n  ');
}

export function stripTags(html: string): string {
  return html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '');
}

/** Nested list lines keep their indentation; every other line is trimmed. */
const INDENTED_ITEM = /^\s+(?:-|\d+\.)\s/;

/** Trims each line (keeping nested-list indentation) and drops runs of blank lines. */
function collapse(text: string): string {
  // One line: its indentation, if any, goes with the final trim.
  if (!text.includes('\n')) {
    const trimmed = text.trim();
    return trimmed.includes('\t') || trimmed.includes('  ') ? trimmed.replace(/[ \t]+/g, ' ') : trimmed;
  }
  return text
    .split('\n')
    .map((line) => {
      const indent = INDENTED_ITEM.test(line) ? /^\s+/.exec(line)![0] : '';
      const trimmed = line.trim();
      // Only a tab or two spaces in a row change under the replacement.
      return indent + (trimmed.includes('\t') || trimmed.includes('  ') ? trimmed.replace(/[ \t]+/g, ' ') : trimmed);
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
