import { NextResponse } from 'next/server';
import { getProgressRows } from '@/lib/db/export';
import { buildAnkiPackage } from '@/lib/export/anki-package';
import { currentUser } from '@/lib/session';

/** GET /export/apkg: the signed-in user's deck and progress as an Anki package. */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: 'Sign in to export your progress.' }, { status: 401 });
  const now = new Date();
  const apkg = buildAnkiPackage(await getProgressRows(user.id), now);
  return new Response(Buffer.from(apkg), {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="recall-${now.toISOString().slice(0, 10)}.apkg"`,
      'Cache-Control': 'no-store',
    },
  });
}
