import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DrillChecklist } from '@/components/drill/drill-checklist';
import { DrillOutline } from '@/components/drill/drill-outline';
import { DrillTimer } from '@/components/drill/drill-timer';
import { cardClass } from '@/components/ui/styles';
import { getDrill } from '@/lib/db/drill';
import { DRILL_PHASES } from '@/lib/quiz/drill';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

/** One drill: timer, outline and checklist while open; the outline and what it covered once submitted. */
export default async function DrillRunPage({ params }: { params: Promise<{ drillId: string }> }) {
  const [user, { drillId }] = await Promise.all([requireUser(), params]);
  const drill = await getDrill(user.id, drillId);
  if (!drill) notFound();
  const covered = new Set(drill.covered);
  return (
    <article className="space-y-4">
      <p className="text-sm"><Link href="/drill" className="text-indigo-600 hover:underline">All drills</Link></p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Design: {drill.title}</h1>
        <p className="text-xs text-stone-500">From <Link href={`/topics/${drill.conceptId}`} className="underline">the notes on {drill.title}</Link> (no peeking until the end).</p>
      </header>
      {drill.finishedAt ? (
        <>
          <p className={cardClass} data-testid="drill-score">
            <span className="text-3xl font-bold">{covered.size}/{drill.points.length}</span> key points covered. The cards of the others come back for review tomorrow.
          </p>
          <ul className="space-y-1 text-sm">
            {drill.points.map((p) => (
              <li key={p.key} data-testid="drill-result" data-covered={String(covered.has(p.key))} data-cards={p.cardIds.length}>
                {covered.has(p.key) ? '✓' : '✗'} <Link href={`/topics/${p.conceptId}`} className="hover:underline">{p.label}</Link>
              </li>
            ))}
          </ul>
          <section className="space-y-3">
            {DRILL_PHASES.map((p) => (
              <div key={p.key}>
                <h2 className="font-semibold">{p.title}</h2>
                <p className="text-sm whitespace-pre-wrap break-words">{drill.notes[p.key] || '—'}</p>
              </div>
            ))}
          </section>
        </>
      ) : (
        <>
          <div className={`${cardClass} !p-4`}>
            <DrillTimer startedAt={drill.startedAt.toISOString()} durationMin={drill.durationMin} />
          </div>
          <DrillOutline drillId={drill.id} notes={drill.notes} />
          <DrillChecklist drillId={drill.id} points={drill.points.map(({ key, label }) => ({ key, label }))} />
        </>
      )}
    </article>
  );
}
