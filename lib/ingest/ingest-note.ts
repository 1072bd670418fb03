import { cardProblem, duplicateKey } from './card-checks';
import { decodeNoteText } from './clean';
import { extractCards } from './extract';
import { contentHash, KeyAllocator, normaliseForKey } from './identity';
import { parseMarkdown } from './parse';
import { segment } from './segment';
import { titleFromPath } from './titles';
import type { CardDraft, IngestWarning, NoteDeck, NoteInput } from './types';

export type IngestResult = { ok: true; deck: NoteDeck } | { ok: false; error: IngestWarning };

/**
 * Turns one note into its concepts and cards. Pure and deterministic: the same path and text
 * always give the same deck, keys included. A note that is not text is an error naming the file
 * and line; problems with single cards are warnings and the card is dropped.
 */
export function ingestNote(input: NoteInput): IngestResult {
  const decoded = decodeNoteText(input.text);
  if (!decoded.ok) {
    return { ok: false, error: { file: input.path, line: decoded.line ?? 1, message: decoded.reason ?? 'unreadable' } };
  }
  const text = decoded.text;
  const title = titleFromPath(input.path);
  const sections = segment(input.path, title, text, parseMarkdown(text));

  const warnings: IngestWarning[] = [];
  const cards: CardDraft[] = [];
  const seen = new Set<string>();
  const keys = new KeyAllocator();
  for (const section of sections) {
    for (const card of extractCards(section)) {
      const problem = cardProblem(card);
      if (problem) {
        warnings.push({ file: input.path, line: card.line, message: `card skipped: ${problem}` });
        continue;
      }
      const dup = duplicateKey(card);
      if (seen.has(dup)) continue;
      seen.add(dup);
      const conceptKey = section.concept.key;
      cards.push({
        ...card,
        key: keys.next(conceptKey, card.kind, normaliseForKey(card.question)),
        conceptKey,
      });
    }
  }

  return {
    ok: true,
    deck: {
      file: input.path,
      title: sections.find((s) => s.concept.depth === 1)?.concept.title ?? title,
      contentHash: contentHash(input.text),
      concepts: sections.map((s) => s.concept),
      cards,
      warnings,
    },
  };
}
