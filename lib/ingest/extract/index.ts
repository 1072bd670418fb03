import type { ListItem, RootContent } from 'mdast';
import type { Section } from '../segment';
import { definitionCards, lineDefinitions } from './definition';
import { explicitCards, hasExplicitCards } from './explicit';
import type { ExtractedCard } from './extracted-card';
import { listCards } from './list';
import { headingQuestionCard, itemQuestionCard, paragraphQuestionCards } from './question-answer';
import { tableCards } from './table';
import { topicSummaryCard } from './topic-summary';

/** Every card a section yields, in document order, before checks and de-duplication. */
export function extractCards(section: Section): ExtractedCard[] {
  const { concept, heading, nodes } = section;
  const parentTitle = concept.path.length > 1 ? concept.path[concept.path.length - 2] : null;
  const cards: ExtractedCard[] = [];
  if (heading) {
    const card = headingQuestionCard(concept.title, concept.startLine, nodes);
    if (card) cards.push(card);
  }
  cards.push(...paragraphQuestionCards(nodes));
  cards.push(...listCards(nodes, concept.title, parentTitle));
  for (const node of nodes) cards.push(...blockCards(node, concept.title));
  if (heading) {
    const summary = topicSummaryCard(concept.title, nodes, cards);
    if (summary) cards.push(summary);
  }
  const context = [...concept.path].reverse().find((title) => !title.endsWith('?')) ?? null;
  return cards.map((card) => withContext(card, context)).sort((a, b) => a.line - b.line);
}

/** Words that need the topic to make sense on a card of their own: "When do you need both?". */
const NEEDS_CONTEXT = /\b(?:it|its|this|that|these|those|they|them|both|either|here)\b/i;

/** A list question that names only a bare noun ("What are the 2 challenges?"). */
const BARE_LIST_QUESTION = /^What are the \d+ [\p{L}-]+(?: \(part \d+ of \d+\))?\?$/u;

/** A short question or list question leaning on its section gets the section's title in front of it. */
function withContext(card: ExtractedCard, context: string | null): ExtractedCard {
  if ((card.kind !== 'qa' && card.kind !== 'list') || !context || card.question.length > 200) return card;
  if (!NEEDS_CONTEXT.test(card.question) && !(card.kind === 'list' && BARE_LIST_QUESTION.test(card.question))) return card;
  if (card.question.toLowerCase().includes(context.toLowerCase())) return card;
  return { ...card, question: `${context}: ${card.question}` };
}

function blockCards(node: RootContent, sectionTitle: string): ExtractedCard[] {
  switch (node.type) {
    case 'paragraph':
      if (hasExplicitCards(node)) return explicitCards(node);
      return lineDefinitions(node).length > 0 ? lineDefinitions(node) : definitionCards(node, sectionTitle);
    case 'list':
      return node.children.flatMap((item) => itemCards(item, sectionTitle));
    case 'table':
      return tableCards(node);
    case 'blockquote':
      return node.children.flatMap((child) => blockCards(child, sectionTitle));
    default:
      return [];
  }
}

/** A list item may define a term, ask a question answered by its sub-items, or nest a list. */
function itemCards(item: ListItem, sectionTitle: string): ExtractedCard[] {
  const question = itemQuestionCard(item);
  if (question) return [question];
  const nested = item.children
    .filter((child) => child.type === 'list')
    .flatMap((list) => list.children.flatMap((child) => itemCards(child, sectionTitle)));
  return [...definitionCards(item, sectionTitle), ...nested];
}
