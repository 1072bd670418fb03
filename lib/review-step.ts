import 'server-only';
import { getReviewStep, getStudyScope, type DueSummary, type ReviewItem, type ReviewStep } from './db/review';
import { renderMarkdown } from './render/markdown';
import type { StudyParams } from './validations/review';

/** A card as the review screen shows it: its answer is already safe HTML, so the markdown renderer stays off the client. */
export type ShownItem = Omit<ReviewItem, 'answer'> & { answerHtml: string };

/**
 * What the review screen shows: the page renders the first one, and each answer or undo returns
 * the next as data (no page render). `item` null: nothing left, the page shows the summary.
 */
export interface ShownStep {
  item: ShownItem | null;
  counts: Pick<DueSummary, 'done' | 'total'>;
  undoable: ReviewStep['undoable'];
}

export function toShownStep({ item, counts, undoable }: ReviewStep): ShownStep {
  return { item: item && shownItem(item), counts: { done: counts.done, total: counts.total }, undoable };
}

function shownItem({ answer, ...card }: ReviewItem): ShownItem {
  return { ...card, answerHtml: renderMarkdown(answer) };
}

/** The step to show next under the /review parameters `study`; null when its scope is no longer readable. */
export async function nextShownStep(userId: string, study: StudyParams, now: Date): Promise<ShownStep | null> {
  const scope = study.concept ? await getStudyScope(userId, study.concept) : null;
  if (study.concept && !scope) return null;
  return toShownStep(await getReviewStep(userId, now, scope, { extraNew: study.extra, aheadDays: study.ahead }));
}
