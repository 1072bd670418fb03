import type { ConceptCard } from '@/lib/db/topics';
import { Markdown } from './markdown';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

function schedule(card: Pick<ConceptCard, 'due' | 'suspended'>): string {
  if (card.suspended) return 'suspended';
  return card.due ? `next review ${dateFormat.format(card.due)}` : 'not studied yet';
}

/**
 * The cards of a concept: question, answer on click (a <details>, so it works without script) and
 * the user's next review. data-source-line ties each card to its passage (see PassageHighlighter).
 */
export function ConceptCards({ cards }: { cards: ConceptCard[] }) {
  return (
    <ul className="space-y-3">
      {cards.map((card) => (
        <li key={card.id}>
          <details
            id={`card-${card.id}`}
            data-source-line={card.sourceLine}
            data-testid="concept-card"
            className="group rounded-xl border border-stone-200 bg-white p-4 shadow-sm target:ring-2 target:ring-amber-400 hover:border-amber-300 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-amber-700"
          >
            <summary className="cursor-pointer font-medium break-words">{card.question}</summary>
            <Markdown source={card.answer} className="mt-3 text-sm break-words" />
            <p className="mt-2 text-xs text-stone-500 dark:text-stone-400">
              {card.kind} · <a href={`#line-${card.sourceLine}`} className="underline">line {card.sourceLine}</a> · {schedule(card)}
            </p>
          </details>
        </li>
      ))}
    </ul>
  );
}
