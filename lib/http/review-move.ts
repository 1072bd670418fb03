import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { currentUser } from '../session';
import { isSameOrigin } from './read-body';

/** What a review move answers when it cannot run: the screen shows `error` and keeps its card (no `next`). */
export type MoveRefusal = { ok: false; error: string; next?: undefined };

const refuse = (status: number, error: string) =>
  NextResponse.json<MoveRefusal>({ ok: false, error }, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * The edge of a review move (an answer or an undo) posted as JSON by the review screen: refuses
 * other origins (403), signed-out visitors (401) and bodies that are not JSON (400), then answers
 * with `move`'s result as JSON. A route handler, not a server action: the screen reads a small
 * JSON answer with a plain fetch, and Next's action client left each answer request reported as
 * cancelled (net::ERR_ABORTED) in the browser though it was recorded.
 */
export async function reviewMove<T>(request: NextRequest, move: (userId: string, body: unknown, now: Date) => Promise<T>) {
  if (!isSameOrigin(request)) return refuse(403, 'Answer from the review page.');
  const user = await currentUser();
  if (!user) return refuse(401, 'Your session has ended: sign in again to go on.');
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return refuse(400, 'The answer is not JSON.');
  }
  return NextResponse.json(await move(user.id, body, new Date()), { headers: { 'Cache-Control': 'no-store' } });
}
