import type { NextRequest } from 'next/server';
import { reviewMove } from '@/lib/http/review-move';
import { undoAnswerOf } from '@/lib/review-answers';

/** POST /api/review/undo: undoes one answer; answers the undone card, unanswered, as JSON (lib/review-answers). */
export async function POST(request: NextRequest) {
  return reviewMove(request, undoAnswerOf);
}
