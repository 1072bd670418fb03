import type { ListItem, Paragraph, PhrasingContent } from 'mdast';
import { toPlainText } from '../plain-text';
import type { ExtractedCard } from './extracted-card';

/** Longest term (in words) taken as a defined term rather than a bold sentence. */
const MAX_TERM_WORDS = 8;

/** Bold labels that introduce commentary, not a definition of a term. */
const NOT_TERMS = new Set([
  'note', 'notes', 'example', 'examples', 'e.g', 'eg', 'pros', 'cons', 'tip', 'tips', 'warning',
  'important', 'summary', 'tl;dr', 'tldr', 'answer', 'question', 'q', 'a', 'why', 'how', 'when',
  'result', 'results', 'goal', 'goals', 'idea', 'key idea', 'problem', 'solution', 'use case',
  'use cases', 'trade-off', 'trade-offs', 'tradeoffs', 'see also', 'caveat', 'remember',
]);

/** "is", "are", "refers to", "means" make a full defining sentence; the rest separate term and text. */
const CONNECTOR = /^\s*(?:(is|are|refers to|means)\s+|(:|-|–|—|→|->|=)\s*)/u;

/**
 * Cards from "**Term** is ..." paragraphs and "- **Term**: ..." list items: "What is Term?".
 * Only a bold lead term counts, so ordinary sentences never become definitions by accident.
 */
export function definitionCard(block: Paragraph | ListItem): ExtractedCard | null {
  const paragraph = block.type === 'listItem' ? block.children[0] : block;
  if (!paragraph || paragraph.type !== 'paragraph') return null;
  const [first, ...rest] = paragraph.children;
  if (!first || first.type !== 'strong') return null;

  let term = toPlainText(first).trim();
  let restText = plain(rest);
  if (/[:：]$/.test(term)) {
    term = term.replace(/\s*[:：]$/, '');
    restText = `: ${restText.trimStart()}`;
  }
  if (!isTerm(term)) return null;

  const match = CONNECTOR.exec(restText);
  if (!match) return null;
  const definition = restText.slice(match[0].length).trim();
  if (definition.length < 8) return null;

  const verb = match[1] ?? (/s$/.test(term) && !/ss$/.test(term) ? 'are' : 'is');
  const question = `What ${verb === 'are' ? 'are' : 'is'} ${term}?`;
  const answer = match[1] ? `${term} ${match[1]} ${definition}` : capitalise(definition);
  return { kind: 'definition', question, answer, line: block.position?.start.line ?? 1 };
}

function isTerm(term: string): boolean {
  const words = term.split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= MAX_TERM_WORDS &&
    /\p{L}/u.test(term) &&
    !/[.?!]$/.test(term) &&
    !NOT_TERMS.has(term.toLowerCase())
  );
}

function plain(nodes: PhrasingContent[]): string {
  return toPlainText({ type: 'paragraph', children: nodes });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
