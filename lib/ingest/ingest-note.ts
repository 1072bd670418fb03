import { cardProblem, duplicateKey } from './card-checks';
import { polishCardText, withoutDanglingLeadIn } from './card-text';
import { cleanNote } from './clean';
import { decodeNoteText } from './clean/decode';
import { extractCards } from './extract';
import { contentHash, KeyAllocator, normaliseForKey } from './identity';
import { joinLines } from './lines';
import { parseMarkdown } from './parse';
import { segment } from './segment';
import { titleFromPath } from './titles';
import type { CardDraft, IngestWarning, NoteDeck, NoteInput } from './types';

/** Notes typed in a hurry start questions in lower case; a card's question starts with a capital. */
function sentenceCase(text: string): string {
  return text.replace(/^\p{Ll}(?=\p{Ll})/u, (c) => c.toUpperCase());
}

export type IngestResult = { ok: true; deck: NoteDeck } | { ok: false; error: IngestWarning };

/**
 * Turns one note into its concepts and cards. Pure and deterministic: the same input always gives
 * the same deck, keys included. Keys derive from `input.storedPath` (default `input.path`), so the
 * same file reached by another spelling of its path keeps its identity. A note that is not text is
 * an error naming the file and line; a card unfit to study is dropped with a warning. All line
 * numbers refer to the note as written.
 */
export function ingestNote(input: NoteInput): IngestResult {
  const decoded = decodeNoteText(input.text);
  if (!decoded.ok) {
    return { ok: false, error: { file: input.path, line: decoded.line ?? 1, message: decoded.reason ?? 'unreadable' } };
  }
  const lines = cleanNote(decoded.text);
  const origin = (line: number) => lines[Math.min(lines.length, Math.max(1, line)) - 1]?.origin ?? line;
  const text = joinLines(lines);
  const identity = input.storedPath ?? input.path;
  const title = titleFromPath(input.path);
  const sections = segment(identity, title, text, parseMarkdown(text));

  const warnings: IngestWarning[] = [];
  const cards: CardDraft[] = [];
  const seen = new Set<string>();
  const keys = new KeyAllocator();
  for (const section of sections) {
    for (const raw of extractCards(section)) {
      const card = { ...raw, question: sentenceCase(polishCardText(raw.question)), answer: withoutDanglingLeadIn(polishCardText(raw.answer)), line: origin(raw.line) };
      const problem = cardProblem(card);
      if (problem) {
        warnings.push({ file: input.path, line: card.line, message: `card skipped: ${problem}` });
        continue;
      }
      const dup = duplicateKey(card);
      if (seen.has(dup)) continue;
      seen.add(dup);
      const conceptKey = section.concept.key;
      cards.push({ ...card, key: keys.next(conceptKey, card.kind, normaliseForKey(card.question)), conceptKey });
    }
  }

  const concepts = sections.map(({ concept }) => ({
    ...concept,
    startLine: origin(concept.startLine),
    endLine: origin(concept.endLine),
  }));
  return {
    ok: true,
    deck: {
      file: input.path,
      title: concepts.find((c) => c.depth === 1 && !c.title.endsWith('?'))?.title ?? title,
      contentHash: contentHash(input.text),
      concepts,
      cards,
      warnings,
    },
  };
}
