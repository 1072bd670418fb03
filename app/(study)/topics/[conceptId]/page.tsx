import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cardClass } from '@/components/ui/styles';
import { getConceptPage } from '@/lib/db/topics';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export default async function ConceptPage({ params }: { params: Promise<{ conceptId: string }> }) {
  const [user, { conceptId }] = await Promise.all([requireUser(), params]);
  const concept = await getConceptPage(user.id, conceptId);
  if (!concept) notFound();
  return (
    <article className="space-y-6">
      <nav className="text-sm text-stone-500">
        <Link href="/topics" className="hover:underline">Topics</Link> › {concept.source.title}
      </nav>
      <h1 className="text-2xl font-bold">{concept.path.join(' › ')}</h1>
      <section className={cardClass}>
        <p className="mb-2 text-xs text-stone-500">{concept.source.path}, line {concept.startLine}</p>
        <div className="whitespace-pre-wrap leading-relaxed" data-testid="concept-body">{concept.body}</div>
      </section>
      {concept.children.length > 0 && (
        <section>
          <h2 className="mb-2 font-semibold">Subtopics</h2>
          <ul className="list-disc pl-6">
            {concept.children.map((child) => (
              <li key={child.id}><Link href={`/topics/${child.id}`} className="hover:underline">{child.title}</Link></li>
            ))}
          </ul>
        </section>
      )}
      <section className="space-y-3">
        <h2 className="font-semibold">Cards ({concept.cards.length})</h2>
        {concept.cards.length === 0 && <p className="text-sm text-stone-500">This section produced no cards.</p>}
        {concept.cards.map((card) => (
          <details key={card.id} className={`${cardClass} !p-4`} data-testid="concept-card">
            <summary className="cursor-pointer font-medium">{card.question}</summary>
            <p className="mt-3 whitespace-pre-wrap text-sm leading-relaxed">{card.answer}</p>
            <p className="mt-2 text-xs text-stone-500">
              {card.kind} · line {card.sourceLine} · {card.due ? `next review ${dateFormat.format(card.due)}` : 'not studied yet'}
            </p>
          </details>
        ))}
      </section>
    </article>
  );
}
