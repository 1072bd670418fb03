import type { Paragraph } from 'mdast';
import { toPlainText } from '../plain-text';
import type { ExtractedCard } from './extracted-card';

/** `Question :: Answer` (Obsidian Spaced Repetition syntax); `:::` is not a separator. */
const INLINE_CARD = /^(.+?)\s+::\s+(.+)$/;

/** Cards written explicitly on one line each inside a paragraph. */
export function explicitCards(paragraph: Paragraph): ExtractedCard[] {
  const start = paragraph.position?.start.line ?? 1;
  return toPlainText(paragraph)
    .split('\n')
    .flatMap((line, i) => {
      const match = INLINE_CARD.exec(line.trim());
      if (!match || match[2].startsWith(':')) return [];
      return [{ kind: 'explicit' as const, question: match[1].trim(), answer: match[2].trim(), line: start + i }];
    });
}

/** True when a paragraph holds explicit cards, so other extractors leave it alone. */
export function hasExplicitCards(paragraph: Paragraph): boolean {
  return explicitCards(paragraph).length > 0;
}
