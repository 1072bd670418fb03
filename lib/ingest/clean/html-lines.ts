import { codeMask, type Line } from '../lines';
import { htmlToMarkdown, looksLikeHtml, stripInlineHtml } from './html';

/** Elements that structure a block; a paragraph holding one is converted as a whole. */
const BLOCK_TAG = /<\/?(?:div|p|br|li|ul|ol|table|tr|td|th|h[1-6]|html|body|section|article|blockquote|pre|center|hr|details|summary|dl|dt|dd|figure|figcaption|nav|header|footer|main|aside)\b/i;
/** Inline code spans are code, never markup to strip. */
const INLINE_CODE = /`[^`\n]*`/g;

/**
 * Turns HTML left in a note (web-tool exports, pasted fragments) into markdown, outside code.
 * Blocks (runs of non-blank lines) that carry block elements are converted as a whole; other lines
 * only lose their inline tags. Converted lines keep the origin of the block line they came from.
 */
export function convertHtml(lines: Line[]): Line[] {
  const code = codeMask(lines);
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    if (code[i] || !lines[i].text.trim()) {
      out.push(lines[i++]);
      continue;
    }
    let end = i;
    while (end < lines.length && !code[end] && lines[end].text.trim()) end++;
    const block = lines.slice(i, end);
    out.push(...convertBlock(block));
    i = end;
  }
  return out;
}

function convertBlock(block: Line[]): Line[] {
  const text = block.map((line) => line.text).join('\n');
  const outsideCode = text.replace(INLINE_CODE, '');
  if (!looksLikeHtml(outsideCode)) return block;
  // "</details>" alone, the end of a toggle or a callout opened blocks before: nothing after it answers what it held.
  if (/^(?:\s*<\/(?:details|aside)\s*>)+\s*$/i.test(outsideCode)) return [{ text: '---', origin: block[0].origin }, ...block.slice(1).map((line) => ({ ...line, text: '' }))];
  if (BLOCK_TAG.test(outsideCode)) {
    const converted = htmlToMarkdown(text).split('\n');
    // Spread the converted lines over the block's origins, in order.
    return converted.map((line, k) => ({
      text: line,
      origin: block[Math.min(block.length - 1, Math.floor((k * block.length) / Math.max(1, converted.length)))].origin,
    }));
  }
  return block.map((line) =>
    looksLikeHtml(line.text.replace(INLINE_CODE, '')) ? { ...line, text: stripInlineHtml(line.text) } : line,
  );
}
