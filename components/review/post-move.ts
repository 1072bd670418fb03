import type { MoveRefusal } from '@/lib/http/review-move';

/**
 * Posts a review move (answer or undo) as JSON to its route (app/api/review/*) and reads the whole
 * reply. A signed-out reply sends the learner to sign in; a reply that never came or is not JSON
 * becomes a message, and the card stays on screen: answers carry their own id, so sending one
 * again records it once.
 */
export async function postMove<T>(path: '/api/review/answer' | '/api/review/undo', body: unknown): Promise<T | MoveRefusal> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, error: 'The server could not be reached. Try again: an answer sent twice is recorded once.' };
  }
  if (response.status === 401) window.location.assign('/signin');
  try {
    return (await response.json()) as T | MoveRefusal;
  } catch {
    return { ok: false, error: `The server answered ${response.status} without a result. Try again: an answer sent twice is recorded once.` };
  }
}
