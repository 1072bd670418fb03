import type { Element, ElementContent, Root } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * Note markdown to a sanitised HTML tree. Notes are untrusted: raw HTML in them is dropped
 * (remark-rehype without allowDangerousHtml) and the tree passes GitHub's sanitize allow-list,
 * which removes scripts, event handlers, iframes, styles and javascript: URLs. Positions survive
 * sanitising, which is what lets annotateBlocks map elements back to note lines.
 */
const toSafeTree = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: 'note-' });

const toHtml = unified().use(rehypeStringify);

function safeTree(markdown: string): Root {
  return toSafeTree.runSync(toSafeTree.parse(markdown));
}

export function renderMarkdown(markdown: string): string {
  return toHtml.stringify(safeTree(markdown));
}

/** Elements that stand for a passage of the note: a card's source line falls inside one of them. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'pre', 'blockquote', 'table', 'tr', 'hr']);

const isElement = (node: ElementContent | Root['children'][number]): node is Element => node.type === 'element';

/**
 * Gives every passage element `data-line-start`/`data-line-end` in original-note lines (line k of
 * the markdown is note line lineMap[k - 1], or firstLine + k - 1 without a map), and each
 * top-level block the id `line-<start>` so #line-<n> links work without script. Headings move
 * down one level: the page owns the only h1. Runs after sanitising, so these attributes are the
 * only ones not from the allow-list.
 */
export function annotateBlocks(tree: Root, firstLine: number, lineMap: number[] = []): void {
  const noteLine = (k: number) => lineMap[k - 1] ?? firstLine + k - 1;
  const anchored = new Set<number>();
  const visit = (node: Element, topLevel: boolean) => {
    const position = node.position;
    if (BLOCKS.has(node.tagName) && position) {
      const start = noteLine(position.start.line);
      node.properties.dataLineStart = start;
      node.properties.dataLineEnd = Math.max(start, noteLine(position.end.line));
      // Cleaning can turn one note line into several blocks; the first of them takes the anchor.
      if (topLevel && !anchored.has(start)) node.properties.id = `line-${start}`;
      anchored.add(start);
    }
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) node.tagName = `h${Math.min(6, Number(level) + 1)}`;
    for (const child of node.children) if (isElement(child)) visit(child, false);
  };
  for (const child of tree.children) if (isElement(child)) visit(child, true);
}

/** A concept's section as safe HTML whose passages carry their line numbers in the original note. */
export function renderNoteSection(markdown: string, firstLine: number, lineMap: number[] = []): string {
  const tree = safeTree(markdown);
  annotateBlocks(tree, firstLine, lineMap);
  return toHtml.stringify(tree);
}
