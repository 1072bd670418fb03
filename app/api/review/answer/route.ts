import type { NextRequest } from 'next/server';
import { reviewMove } from '@/lib/http/review-move';
import { answerCard } from '@/lib/review-answers';

/** POST /api/review/answer: records the grade of the card on screen; answers the next card as JSON (lib/review-answers). */
export async function POST(request: NextRequest) {
  return reviewMove(request, answerCard);
}
