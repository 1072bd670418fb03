import type { Grade } from './sm2';

/**
 * The four review buttons (Anki-style) and the SM-2 grade each one submits.
 *
 * Invariants: keys are the keyboard shortcuts '1'..'4' in display order; exactly one
 * button ("Again") fails the card (grade < 3, a lapse for a learned card); grades are
 * strictly increasing left to right. Grades 0 and 2 are not reachable from the buttons.
 */
export const REVIEW_BUTTONS = [
  { key: '1', label: 'Again', grade: 1 },
  { key: '2', label: 'Hard', grade: 3 },
  { key: '3', label: 'Good', grade: 4 },
  { key: '4', label: 'Easy', grade: 5 },
] as const satisfies readonly { key: string; label: string; grade: Grade }[];

export type ReviewButton = (typeof REVIEW_BUTTONS)[number];
export type ReviewButtonKey = ReviewButton['key'];
export type ReviewButtonLabel = ReviewButton['label'];
/** The grades a button can submit: 1 | 3 | 4 | 5. */
export type ButtonGrade = ReviewButton['grade'];

/** The button whose shortcut is `key` ('1'..'4'), or undefined for any other key. */
export function buttonForKey(key: string): ReviewButton | undefined {
  return REVIEW_BUTTONS.find((b) => b.key === key);
}

/** The button that submits `grade`, or undefined for grades no button submits (0, 2). */
export function buttonForGrade(grade: Grade): ReviewButton | undefined {
  return REVIEW_BUTTONS.find((b) => b.grade === grade);
}
