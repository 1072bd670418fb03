import { NextResponse } from 'next/server';
import { getProgressRows } from '@/lib/db/export';
import { buildProgressExport } from '@/lib/export/progress';
import { currentUser } from '@/lib/session';

/** GET /export/json: the signed-in user's deck, review states and review log, as a JSON download. */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to export your progress.' }, { status: 401 });
  const now = new Date();
  const body = JSON.stringify(buildProgressExport(await getProgressRows(user.id), now), null, 2);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="recall-progress-${now.toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
