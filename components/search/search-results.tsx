import Link from 'next/link';
import type { SearchHit } from '@/lib/db/search';
import type { Highlighted } from '@/lib/render/snippets';

/** Text with its matches in <mark>; React escapes every run, so note text is never parsed as HTML. */
function Marked({ runs }: { runs: Highlighted }) {
  return runs.map((run, i) =>
    run.mark ? (
      <mark key={i} className="rounded bg-amber-200 px-0.5 text-stone-900 dark:bg-amber-700 dark:text-stone-50">{run.text}</mark>
    ) : (
      <span key={i}>{run.text}</span>
    ),
  );
}

export function SearchResults({ query, hits }: { query: string; hits: SearchHit[] }) {
  if (!query) return null;
  if (hits.length === 0) {
    return <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="no-results">Nothing in your notes matches “{query}”.</p>;
  }
  return (
    <ol className="space-y-3" aria-label="Search results">
      {hits.map((hit) => (
        <li key={`${hit.kind}:${hit.id}`} data-testid="search-result" data-kind={hit.kind}>
          <Link
            href={hit.href}
            className="block rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-indigo-300 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-indigo-700"
          >
            <span className="block text-xs break-words text-stone-500 dark:text-stone-400">
              {hit.kind === 'card' ? 'Card · ' : ''}{hit.trail.join(' › ')}
            </span>
            <span className="block font-medium break-words text-indigo-700 dark:text-indigo-300"><Marked runs={hit.title} /></span>
            {hit.snippet.length > 0 && (
              <span className="mt-1 block text-sm break-words text-stone-700 dark:text-stone-300"><Marked runs={hit.snippet} /></span>
            )}
          </Link>
        </li>
      ))}
    </ol>
  );
}
