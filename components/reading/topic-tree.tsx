import Link from 'next/link';
import type { TopicNode } from '@/lib/render/topic-tree';
import { MasteryDot } from './mastery';

/** A note's concepts as nested lists: each with its mastery shade, card and due counts, and a mark when it has no card. */
export function TopicTree({ nodes }: { nodes: TopicNode[] }) {
  return (
    <ul className="space-y-1 border-l border-stone-200 pl-3 sm:pl-4 dark:border-stone-800">
      {nodes.map((node) => (
        <li key={node.id} data-mastery={node.mastery}>
          <div className="flex flex-wrap items-center gap-x-2">
            <MasteryDot mastery={node.mastery} />
            <Link
              href={`/topics/${node.id}`}
              data-cards={node.cards}
              data-due={node.due}
              className="min-w-0 break-words hover:text-indigo-600 hover:underline dark:hover:text-indigo-400"
            >
              {node.title}
            </Link>
            {node.cards > 0 ? (
              <span className="text-xs text-stone-500 dark:text-stone-400">
                {node.cards} {node.cards === 1 ? 'card' : 'cards'}
                {node.due > 0 && <span className="ml-1 font-semibold text-indigo-700 dark:text-indigo-300">· {node.due} due</span>}
                {node.fresh > 0 && <span className="ml-1">· {node.fresh} new</span>}
              </span>
            ) : (
              <span className="rounded border border-dashed border-stone-300 px-1 text-xs text-stone-500 dark:border-stone-700 dark:text-stone-400">
                no cards
              </span>
            )}
          </div>
          {node.children.length > 0 && <TopicTree nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}
