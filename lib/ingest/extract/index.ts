import type { RootContent } from 'mdast';
import type { Section } from '../segment';
import { definitionCard } from './definition';
import { explicitCards, hasExplicitCards } from './explicit';
import type { ExtractedCard } from './extracted-card';
import { headingQuestionCard, paragraphQuestionCards } from './question-answer';

/** Every card a section yields, in document order, before checks and de-duplication. */
export function extractCards(section: Section): ExtractedCard[] {
  const { concept, heading, nodes } = section;
  const cards: ExtractedCard[] = [];
  if (heading) {
    const card = headingQuestionCard(concept.title, concept.startLine, nodes);
    if (card) cards.push(card);
  }
  cards.push(...paragraphQuestionCards(nodes));
  for (const node of nodes) cards.push(...blockCards(node));
  return cards.sort((a, b) => a.line - b.line);
}

function blockCards(node: RootContent): ExtractedCard[] {
  if (node.type === 'paragraph') {
    if (hasExplicitCards(node)) return explicitCards(node);
    const card = definitionCard(node);
    return card ? [card] : [];
  }
  if (node.type === 'list') {
    return node.children.flatMap((item) => {
      const card = definitionCard(item);
      return card ? [card] : [];
    });
  }
  return [];
}
