import { SearchView } from '@/components/search/search-view';
import { searchNotes } from '@/lib/db/search';
import { requireUser } from '@/lib/session';
import { searchParamsSchema } from '@/lib/validations/search';

export const dynamic = 'force-dynamic';

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params] = await Promise.all([requireUser(), searchParams]);
  const { q } = searchParamsSchema.parse(params);
  const hits = await searchNotes(user.id, q);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">Search</h1>
      <SearchView initialQuery={q} initialHits={hits} />
    </section>
  );
}
