import type { Paragraph } from 'mdast';
import { toPlainText } from '../plain-text';
import type { ExtractedCard } from './extracted-card';

/** `Question :: Answer` (Obsidian Spaced Repetition syntax); `:::` is not a separator. */
const INLINE_CARD = /^(.+?)\s+::\s+(.+)$/;
/** The multi-line separator: a line holding only "?" between question and answer lines. */
const MULTILINE_SEPARATOR = /^\?{1,2}$/;
/** `==term==` marks a cloze deletion. */
const CLOZE = /==([^=\n]{1,120})==/g;

/** Cards written explicitly in a paragraph: `Q :: A` lines, `Q / ? / A` blocks, `==cloze==`. */
export function explicitCards(paragraph: Paragraph): ExtractedCard[] {
  const start = paragraph.position?.start.line ?? 1;
  const text = toPlainText(paragraph);
  const lines = text.split('\n');

  const separator = lines.findIndex((line) => MULTILINE_SEPARATOR.test(line.trim()));
  if (separator > 0 && separator < lines.length - 1) {
    const question = lines.slice(0, separator).join('\n').trim();
    const answer = lines.slice(separator + 1).join('\n').trim();
    return [{ kind: 'explicit', question: withQuestionMark(question), answer, line: start }];
  }

  const inline = lines.flatMap((line, i) => {
    const match = INLINE_CARD.exec(line.trim());
    if (!match || match[2].startsWith(':') || match[1].endsWith(':')) return [];
    return [{ kind: 'explicit' as const, question: withQuestionMark(match[1].trim()), answer: match[2].trim(), line: start + i }];
  });
  if (inline.length > 0) return inline;

  return [...text.matchAll(CLOZE)].map((match) => ({
    kind: 'cloze' as const,
    question: `Fill in the blank: ${text.slice(0, match.index).replace(CLOZE, '$1')}____${text.slice(match.index + match[0].length).replace(CLOZE, '$1')}`.replace(/\s+/g, ' ').trim(),
    answer: match[1].trim(),
    line: start,
  }));
}

/** A prompt written as a statement ("Capital of France") still reads as a question on the card. */
function withQuestionMark(question: string): string {
  return /[?？]$/.test(question) || question.includes('____') ? question : `${question}?`;
}

/** True when a paragraph holds explicit cards, so other extractors leave it alone. */
export function hasExplicitCards(paragraph: Paragraph): boolean {
  return explicitCards(paragraph).length > 0;
}
