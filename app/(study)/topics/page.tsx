import Link from 'next/link';
import { MasteryLegend } from '@/components/reading/mastery';
import { TopicTree } from '@/components/reading/topic-tree';
import { cardClass } from '@/components/ui/styles';
import { getTopicTree } from '@/lib/db/topics';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

export default async function TopicsPage() {
  const user = await requireUser();
  // A note whose topics are all retired (deleted, or gone from its folder) keeps its row for history.
  const sources = (await getTopicTree(user.id, new Date())).filter((source) => source.topics.length > 0);
  return (
    <section className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Topics</h1>
        <MasteryLegend />
      </div>
      {sources.length === 0 && (
        <p className="text-stone-600 dark:text-stone-400">
          No notes yet. <Link href="/notes/add" className="text-indigo-700 hover:underline dark:text-indigo-400">Add notes</Link> to study them.
        </p>
      )}
      {sources.map((source) => (
        <div key={source.id} className={`${cardClass} !p-4 sm:!p-6`}>
          <h2 className="mb-3 font-semibold break-words">
            {source.title}{' '}
            <span className="text-xs font-normal break-all text-stone-500 dark:text-stone-400">
              {source.path} · {source.cards} cards{source.due > 0 && `, ${source.due} due`}
            </span>
          </h2>
          <TopicTree nodes={source.topics} />
        </div>
      ))}
    </section>
  );
}
