import Link from 'next/link';
import { buttonClass, cardClass } from '@/components/ui/styles';
import { startDrillAction } from '@/lib/actions/start-drill';
import { getDrillPrompts, listDrills } from '@/lib/db/drill';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** /drill: design prompts taken from the notes, and the user's past drills. */
export default async function DrillPage() {
  const user = await requireUser();
  const [prompts, drills] = await Promise.all([getDrillPrompts(user.id), listDrills(user.id)]);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">Interview drill</h1>
      <div className={`${cardClass} space-y-3`}>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          45 minutes, one system: outline requirements, estimates, API, data model, design, deep dives and bottlenecks,
          then check your outline against the notes.
        </p>
        {prompts.length === 0 ? (
          <p>No note describes a whole system yet (a title like &quot;Design X&quot; or &quot;URL shortener&quot; with several sections).</p>
        ) : (
          <ul className="space-y-2">
            {prompts.map((p) => (
              <li key={p.id}>
                <form action={startDrillAction} className="flex items-center gap-3">
                  <input type="hidden" name="conceptId" value={p.id} />
                  <span className="font-medium">{p.title}</span>
                  <button type="submit" className={buttonClass}>Start drill</button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </div>
      {drills.length > 0 && (
        <section className="space-y-2">
          <h2 className="font-semibold">Past drills</h2>
          <ul className="space-y-1 text-sm">
            {drills.map((d) => (
              <li key={d.id} data-testid="past-drill">
                <Link href={`/drill/${d.id}`} className="hover:underline">{d.title}</Link>{' '}
                <span className="text-stone-500">{dateFormat.format(d.startedAt)} UTC · </span>
                {d.finishedAt ? <span data-testid="past-drill-score">{d.coveredCount}/{d.pointCount} points covered</span> : <span>in progress</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
