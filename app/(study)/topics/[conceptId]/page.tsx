import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConceptCards } from '@/components/reading/concept-cards';
import { PassageHighlighter } from '@/components/reading/passage-highlighter';
import { buttonClass, cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { getConceptPage } from '@/lib/db/topics';
import { renderNoteSection } from '@/lib/render/markdown';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

export default async function ConceptPage({ params }: { params: Promise<{ conceptId: string }> }) {
  const [user, { conceptId }] = await Promise.all([requireUser(), params]);
  const concept = await getConceptPage(user.id, conceptId);
  if (!concept) notFound();
  const untested = concept.cards.length === 0;
  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm break-words text-stone-500 dark:text-stone-400">
        <Link href="/topics" className="hover:underline">Topics</Link> › {concept.source.title}
        {concept.ancestors.map((a) => (
          <span key={a.id}> › <Link href={`/topics/${a.id}`} className="hover:underline">{a.title}</Link></span>
        ))}
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words">{concept.title}</h1>
          <p className="text-xs break-all text-stone-500 dark:text-stone-400">{concept.source.path}, line {concept.startLine}</p>
        </div>
        <div className="flex gap-2">
          {!untested && <Link href={`/review?concept=${concept.id}`} className={buttonClass}>Review this topic</Link>}
          {/* A quiz covers the subtree, so a section without cards of its own may still have one. */}
          <Link href={`/quiz?concept=${concept.id}`} className={secondaryButtonClass}>Quiz this topic</Link>
        </div>
      </header>
      {untested && (
        <p data-testid="no-cards" className="rounded-lg border border-dashed border-stone-300 px-3 py-2 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
          This section produced no cards: the deck does not test it yet.
        </p>
      )}
      <PassageHighlighter key={concept.id} className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section className={`${cardClass} min-w-0 !p-4 sm:!p-6`}>
          <div
            data-testid="concept-body"
            className="note-prose break-words"
            dangerouslySetInnerHTML={{ __html: renderNoteSection(concept.body, concept.startLine, concept.lineMap) }}
          />
        </section>
        {!untested && (
          <section aria-labelledby="cards-heading" className="min-w-0 space-y-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
            <h2 id="cards-heading" className="font-semibold">Cards ({concept.cards.length})</h2>
            <ConceptCards cards={concept.cards} />
          </section>
        )}
      </PassageHighlighter>
      {concept.children.length > 0 && (
        <section>
          <h2 className="mb-2 font-semibold">Subtopics</h2>
          <ul className="list-disc pl-6">
            {concept.children.map((child) => (
              <li key={child.id}>
                <Link href={`/topics/${child.id}`} className="hover:underline">{child.title}</Link>
                {child.cardCount === 0 && <span className="ml-2 text-xs text-stone-500 dark:text-stone-400">no cards</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav aria-label="Note order" className="flex flex-wrap justify-between gap-3 border-t border-stone-200 pt-4 text-sm dark:border-stone-800">
        {concept.previous ? (
          <Link href={`/topics/${concept.previous.id}`} rel="prev" className="min-w-0 break-words hover:underline">← {concept.previous.title}</Link>
        ) : <span />}
        {concept.next && (
          <Link href={`/topics/${concept.next.id}`} rel="next" className="min-w-0 text-right break-words hover:underline">{concept.next.title} →</Link>
        )}
      </nav>
    </article>
  );
}
