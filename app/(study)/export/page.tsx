import { buttonClass, cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { requireUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

export default async function ExportPage() {
  await requireUser();
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Export</h1>
      <div className={`${cardClass} space-y-3`}>
        <h2 className="font-semibold">Your deck and progress as JSON</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Every topic and card in the format of <code>npm run ingest -- --dry-run --json</code>, each card with your SM-2 state
          (interval, ease, due date, lapses, suspended, leech), and your whole review log, undone answers marked.
        </p>
        {/* Plain links: a download must not go through client-side navigation. */}
        <a href="/export/json" className={buttonClass} download data-testid="export-json">Download JSON</a>
      </div>
      <div className={`${cardClass} space-y-3`}>
        <h2 className="font-semibold">An Anki package (.apkg)</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Import it with Anki&apos;s File › Import. Each card is a note in a deck tree that follows your topics
          (<code>Recall::Note::Section</code>) and is tagged with its topic path. Cards you have studied keep their interval,
          ease, due date and lapses, and their review history comes along, so Anki goes on where you left off; suspended cards
          stay suspended, leeches are tagged <code>leech</code>. Cards you have not studied yet arrive as new cards, in note
          order.
        </p>
        <a href="/export/apkg" className={secondaryButtonClass} download data-testid="export-apkg">Download Anki package</a>
      </div>
    </section>
  );
}
