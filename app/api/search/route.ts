import { NextResponse, type NextRequest } from 'next/server';
import { searchNotes } from '@/lib/db/search';
import { currentUser } from '@/lib/session';
import { searchParamsSchema } from '@/lib/validations/search';

/** GET /api/search?q= : the search page's results as you type, as JSON ({ query, hits }). */
export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to search.' }, { status: 401 });
  const { q } = searchParamsSchema.parse({ q: request.nextUrl.searchParams.getAll('q') });
  return NextResponse.json({ query: q, hits: await searchNotes(user.id, q) }, { headers: { 'Cache-Control': 'no-store' } });
}
