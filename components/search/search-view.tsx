'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { SearchHit } from '@/lib/db/search';
import { inputClass } from '@/components/ui/styles';
import { SearchResults } from './search-results';

/** Wait after the last keystroke before asking the server. */
const DEBOUNCE_MS = 150;

/**
 * The search box with results that follow typing (GET /api/search, debounced; a stale answer is
 * aborted). The page renders the same form and the first results on the server, so it also works
 * without script: the form then submits to /search?q=.
 *
 * The query lives in the URL (?q=, replaced as one types): Back from a result returns to it. The
 * URL wins over the server's `initialQuery`, because Back may restore this page from the router's
 * cache as it was first rendered, before any typing.
 */
export function SearchView({ initialQuery, initialHits }: { initialQuery: string; initialHits: SearchHit[] }) {
  const urlQuery = (useSearchParams().get('q') ?? initialQuery).trim();
  const [query, setQuery] = useState(urlQuery);
  const [results, setResults] = useState(
    urlQuery === initialQuery.trim() ? { query: urlQuery, hits: initialHits } : { query: '', hits: [] as SearchHit[] },
  );

  useEffect(() => {
    const q = query.trim();
    if (q === results.query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      window.history.replaceState(null, '', q ? `/search?q=${encodeURIComponent(q)}` : '/search');
      if (!q) {
        setResults({ query: q, hits: [] });
        return;
      }
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (response.ok) setResults({ query: q, hits: ((await response.json()) as { hits: SearchHit[] }).hits });
      } catch {
        // Aborted by a newer keystroke, or offline: the results on screen stay until the next answer.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, results.query]);

  return (
    <div className="space-y-4">
      <form action="/search" method="get" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search-q" className="sr-only">Search notes and cards</label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search notes and cards…"
          autoComplete="off"
          autoFocus
          className={inputClass}
        />
      </form>
      <div aria-live="polite">
        <SearchResults query={results.query} hits={results.hits} />
      </div>
    </div>
  );
}
