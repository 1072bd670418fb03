import Link from 'next/link';
import { cardClass } from '@/components/ui/styles';
import { getTopicTree, type TopicNode } from '@/lib/db/topics';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

function TopicList({ nodes }: { nodes: TopicNode[] }) {
  return (
    <ul className="space-y-1 border-l border-stone-200 pl-4 dark:border-stone-800">
      {nodes.map((node) => (
        <li key={node.id}>
          <Link href={`/topics/${node.id}`} data-cards={node.cardCount} className="hover:text-indigo-600 hover:underline">
            {node.title}
          </Link>
          {node.cardCount > 0 && <span className="ml-2 text-xs text-stone-500">{node.cardCount} cards</span>}
          {node.children.length > 0 && <TopicList nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

export default async function TopicsPage() {
  await requireUser();
  const sources = await getTopicTree();
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">Topics</h1>
      {sources.length === 0 && (
        <p className="text-stone-600">No notes yet. Add some with <code>npm run ingest -- path/to/notes</code>.</p>
      )}
      {sources.map((source) => (
        <div key={source.id} className={cardClass}>
          <h2 className="mb-3 font-semibold">
            {source.title} <span className="text-xs font-normal text-stone-500">{source.path}</span>
          </h2>
          <TopicList nodes={source.topics} />
        </div>
      ))}
    </section>
  );
}
