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
import type { ExtractedCard } from './extract/extracted-card';
import type { CardDraft, IngestWarning, NoteDeck, NoteInput } from './types';

/** Notes typed in a hurry start questions in lower case; a card's question starts with a capital. */
function sentenceCase(text: string): string {
  return text.replace(/^\p{Ll}(?=\p{Ll})/u, (c) => c.toUpperCase());
}

/**
 * One question asked with different answers in one topic cannot be answered right ("What is the
 * mechanism of Comparison matrix?" once per algorithm in it). Of such a group only a card whose
 * answer names what is asked survives ("An inverted index is ..."). Cards the author wrote
 * explicitly are always kept.
 */
function splitAmbiguous<T extends ExtractedCard>(cards: T[]): { kept: T[]; dropped: T[] } {
  const groups = new Map<string, T[]>();
  for (const card of cards) {
    if (card.kind === 'explicit' || card.kind === 'cloze') continue;
    const asked = normaliseForKey(card.question.replace(/\b(?:a|an|the)\s+/gi, ''));
    groups.set(asked, [...(groups.get(asked) ?? []), card]);
  }
  const dropped = new Set<T>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const subject = askedSubject(group[0].question);
    const named = subject ? group.find((card) => card.answer.toLowerCase().includes(subject)) : undefined;
    for (const card of group) if (card !== named) dropped.add(card);
  }
  return { kept: cards.filter((card) => !dropped.has(card)), dropped: cards.filter((card) => dropped.has(card)) };
}

/** "What is an Inverted Index?" -> "inverted index" (a plural "s" dropped). */
function askedSubject(question: string): string | null {
  const match = /^What (?:is|are) (?:the |an? )?(.+?)s?\?$/i.exec(question);
  return match && match[1].length >= 3 ? match[1].toLowerCase() : null;
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
    const accepted = [];
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
      accepted.push(card);
    }
    const { kept, dropped } = splitAmbiguous(accepted);
    for (const card of dropped) {
      warnings.push({ file: input.path, line: card.line, message: 'card skipped: the same question has other answers in this topic' });
    }
    const conceptKey = section.concept.key;
    for (const card of kept) {
      cards.push({ ...card, key: keys.next(conceptKey, card.kind, normaliseForKey(card.question)), conceptKey });
    }
  }

  const concepts = sections.map(({ concept }) => {
    const startLine = origin(concept.startLine);
    const lineMap = Array.from({ length: concept.endLine - concept.startLine + 1 }, (_, k) => origin(concept.startLine + k));
    return {
      ...concept,
      startLine,
      endLine: origin(concept.endLine),
      lineMap: lineMap.every((line, k) => line === startLine + k) ? [] : lineMap,
    };
  });
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
