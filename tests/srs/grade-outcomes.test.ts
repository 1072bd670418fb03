import { describe, expect, it } from 'vitest';
import { gradeOutcomes, outcomeNote, outcomeWhen } from '../../lib/srs/grade-outcomes';
import { NEW_CARD_STATE, type Sm2State } from '../../lib/srs/sm2';

const state = (repetitions: number, interval: number, easeFactor: number): Sm2State => ({ repetitions, interval, easeFactor });

/** What the four buttons read, [label, when, note], for SM-2's first steps and beyond. */
describe('gradeOutcomes', () => {
  it.each<[string, Sm2State, [string, string, string][]]>([
    ['a new card: SM-2\'s first step is 1 day whatever the grade', NEW_CARD_STATE, [
      ['Again', 'again today, then 1 day', 'forgotten: starts over'],
      ['Hard', 'again today, then 1 day', 'same as Again now; next step 6 days instead of 1 day'],
      ['Good', '1 day', ''],
      ['Easy', '1 day', 'same as Good for now; later steps grow a little faster'],
    ]],
    ['after one success: the second step is 6 days', state(1, 1, 2.5), [
      ['Again', 'again today, then 1 day', 'forgotten: starts over'],
      ['Hard', 'again today, then 6 days', ''],
      ['Good', '6 days', ''],
      ['Easy', '6 days', 'same as Good now; next step 16 days instead of 15 days'],
    ]],
    ['a mature card: I × EF', state(4, 44, 2.7), [
      ['Again', 'again today, then 1 day', 'forgotten: starts over'],
      ['Hard', 'again today, then 119 days', ''],
      ['Good', '119 days', ''],
      ['Easy', '119 days', 'same as Good now; next step 334 days instead of 322 days'],
    ]],
  ])('%s', (_name, prev, expected) => {
    const outcomes = gradeOutcomes(prev);
    expect(outcomes.map((o) => [o.button.label, outcomeWhen(o), outcomeNote(o, outcomes)])).toEqual(expected);
  });

  it('marks exactly the grades below 4 for a same-day re-drill, and only Again as starting over', () => {
    const outcomes = gradeOutcomes(state(3, 15, 2.5));
    expect(outcomes.map((o) => [o.button.grade, o.againToday, o.startsOver])).toEqual([[1, true, true], [3, true, false], [4, false, false], [5, false, false]]);
  });
});
