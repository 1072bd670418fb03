import type { Paragraph, RootContent } from 'mdast';
import { toPlainText } from '../plain-text';
import { labelRole } from '../vocabulary';

/** Fewest labelled blocks that make a glossary; more than half of them must name terms. */
const MIN_GLOSSARY_LABELS = 4;
/** "**Latency**: ...", "- Sharding - ...": the label a block opens with. */
const BLOCK_LABEL = /^(?:\*\*|__)?([^*_:\n]{1,40}?)(?:\*\*|__)?\s*(?::|\s[-–—]\s)/u;

/**
 * A run of labelled blocks (a section's paragraphs, or one list's items) most of whose labels are
 * terms is a glossary: its every label is a term, so "Latency: the time a request takes" beside
 * "Sharding: ..." defines latency, where alone under a design it would be that design's latency.
 */
export function isGlossary(blocks: (RootContent | undefined)[]): boolean {
  if (blocks.length < MIN_GLOSSARY_LABELS) return false;
  const labels = blocks.flatMap((block) => {
    const label = block?.type === 'paragraph' ? openingLabel(block) : null;
    return label ? [label] : [];
  });
  const terms = labels.filter((label) => labelRole(label.trim()) === 'term').length;
  return labels.length >= MIN_GLOSSARY_LABELS && terms * 2 > labels.length;
}

/** The label a paragraph opens with, read from its first inline nodes only (this runs on every block). */
function openingLabel(paragraph: Paragraph): string | null {
  const [first, second] = paragraph.children;
  if (first?.type === 'strong') {
    const after = second?.type === 'text' ? second.value : '';
    return /^\s*(?::|[-–—]\s)/u.test(after) || /:\s*$/.test(toPlainText(first)) ? toPlainText(first).replace(/\s*:\s*$/, '').trim() : null;
  }
  return first?.type === 'text' ? (BLOCK_LABEL.exec(first.value.trimStart())?.[1]?.trim() ?? null) : null;
}
