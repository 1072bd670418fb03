import { authorCardProblem, cardProblem, duplicateKey, normalisedText } from './card-checks';
import { polishCardText, withoutDanglingLeadIn, withoutReferenceTail } from './card-text';
import { cleanNote } from './clean';
import { decodeNoteText } from './clean/decode';
import { extractCards } from './extract';
import { contentHash, KeyAllocator, normaliseForKey } from './identity';
import { joinLines } from './lines';
import { parseMarkdown } from './parse';
import { promptSubject } from './prompt';
import { writeQuestion } from './question-writer';
import { segment } from './segment';
import { titleFromPath } from './titles';
import type { ExtractedCard } from './extract/extracted-card';
import type { CardDraft, IngestWarning, NoteDeck, NoteInput } from './types';

/** A card with its question written, still carrying what it asks. */
type WrittenCard = ExtractedCard & { question: string };

/**
 * One question asked with different answers in one topic cannot be answered right ("What is the
 * mechanism of Comparison matrix?" once per algorithm in it). Of such a group only a card whose
 * answer names what is asked survives ("An inverted index is ..."). Cards the author wrote
 * explicitly are always kept.
 */
function splitAmbiguous(cards: WrittenCard[]): { kept: WrittenCard[]; dropped: WrittenCard[] } {
  const groups = new Map<string, WrittenCard[]>();
  for (const card of cards) {
    if (card.kind === 'explicit' || card.kind === 'cloze') continue;
    const asked = normaliseForKey(card.question.replace(/\b(?:a|an|the)\s+/gi, ''));
    const group = groups.get(asked);
    if (group) group.push(card);
    else groups.set(asked, [card]);
  }
  const dropped = new Set<WrittenCard>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const subject = promptSubject(group[0].prompt)?.toLowerCase().replace(/^(?:a|an|the)\s+/, '').replace(/s$/, '');
    const named = subject && subject.length >= 3 ? group.find((card) => card.answer.toLowerCase().includes(subject)) : undefined;
    for (const card of group) if (card !== named) dropped.add(card);
  }
  return { kept: cards.filter((card) => !dropped.has(card)), dropped: cards.filter((card) => dropped.has(card)) };
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
  /** Each accepted card's question as normalised for its checks, reused for its key. */
  const normalQuestion = new Map<WrittenCard, string>();
  for (const section of sections) {
    const accepted: WrittenCard[] = [];
    const extracted = extractCards(section);
    for (const skipped of extracted.skipped) {
      warnings.push({ file: input.path, line: origin(skipped.line), message: `passage not studyable: ${skipped.reason}` });
    }
    for (const raw of extracted.cards) {
      const question = polishCardText(writeQuestion(raw.prompt, section.concept.path));
      const card = { ...raw, question, answer: withoutReferenceTail(withoutDanglingLeadIn(polishCardText(raw.answer))), line: origin(raw.line) };
      const normal = normalisedText(card);
      // Cards the author wrote are studied as written (see authorCardProblem).
      const problem = raw.kind === 'explicit' ? authorCardProblem(card) : cardProblem(card, normal);
      if (problem) {
        warnings.push({ file: input.path, line: card.line, message: `card skipped: ${problem}` });
        continue;
      }
      const dup = duplicateKey(normal);
      if (seen.has(dup)) continue;
      seen.add(dup);
      accepted.push(card);
      normalQuestion.set(card, normal.question);
    }
    const { kept, dropped } = splitAmbiguous(accepted);
    for (const card of dropped) {
      warnings.push({ file: input.path, line: card.line, message: 'card skipped: the same question has other answers in this topic' });
    }
    const conceptKey = section.concept.key;
    for (const written of kept) {
      const { prompt: _prompt, ...card } = written;
      cards.push({ ...card, key: keys.next(conceptKey, card.kind, normalQuestion.get(written)!), conceptKey });
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
