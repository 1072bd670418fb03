import { describe, expect, it } from 'vitest';
import { answerCard, newCardSnapshot, type ReviewSnapshot } from '../../lib/srs/answer';
import { isLeechLapse } from '../../lib/srs/leech';
import { adjustPlan, isRedrill, NO_MORE, planDay, queueSteps, REDRILL_DELAY_MS, type DayAnswer, type QueueStep, type StudyMore } from '../../lib/srs/queue';
import type { Grade } from '../../lib/srs/sm2';
import { studyDayStart } from '../../lib/srs/study-day';
import { DEFAULT_STUDY_SETTINGS, type StudySettings } from '../../lib/srs/study-settings';

const at = (iso: string) => new Date(iso);
const T0 = at('2024-03-10T12:00:00Z');
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

function answer(over: Partial<DayAnswer>): DayAnswer {
  return { cardId: 'a', conceptId: 'A', grade: 4, kind: 'review', wasNew: false, at: T0, timeTakenMs: 1000, studiable: true, ...over };
}

describe('planDay', () => {
  const limits = { newPerDay: 2, reviewsPerDay: 3, burySiblings: true };
  it.each<[string, DayAnswer[], Partial<ReturnType<typeof planDay>>]>([
    ['nothing answered: full limits', [], { reviewsLeft: 3, newLeft: 2, redrills: [], buriedConceptIds: [], answered: 0 }],
    ['a new card counts against the new limit only', [answer({ wasNew: true })], { reviewsLeft: 3, newLeft: 1 }],
    ['a review counts against the review limit only', [answer({})], { reviewsLeft: 2, newLeft: 2 }],
    ['re-drills count against no limit', [answer({ grade: 1 }), answer({ kind: 'redrill', at: plus(T0, 1) })], { reviewsLeft: 2, redrills: [] }],
    ['limits never go below zero', Array.from({ length: 5 }, (_, i) => answer({ cardId: `c${i}`, wasNew: true })), { newLeft: 0 }],
    ['grades below 4 leave a re-drill pending', [answer({ grade: 3 })], { redrills: [{ cardId: 'a', conceptId: 'A', lastAnsweredAt: T0 }] }],
    ['the latest answer decides, in time order whatever the input order',
      [answer({ kind: 'redrill', grade: 4, at: plus(T0, 2) }), answer({ grade: 1, at: T0 })], { redrills: [] }],
    ['a failed re-drill stays pending, timed from its own answer',
      [answer({ grade: 1 }), answer({ kind: 'redrill', grade: 2, at: plus(T0, 5) })],
      { redrills: [{ cardId: 'a', conceptId: 'A', lastAnsweredAt: plus(T0, 5) }] }],
    ['a card that was suspended (leech) is not re-drilled', [answer({ grade: 1, studiable: false })], { redrills: [] }],
    ['answered concepts are buried', [answer({ conceptId: 'A' }), answer({ cardId: 'b', conceptId: 'B' })], { buriedConceptIds: ['A', 'B'] }],
    ['correct means grade >= 3; time adds up', [answer({ grade: 3 }), answer({ cardId: 'b', grade: 1, timeTakenMs: 500 })],
      { answered: 2, correct: 1, timeTakenMs: 1500 }],
  ])('%s', (_case, answers, expected) => {
    expect(planDay(answers, limits)).toMatchObject(expected);
  });

  it('buries nothing with burySiblings off', () => {
    expect(planDay([answer({})], { ...limits, burySiblings: false }).buriedConceptIds).toEqual([]);
  });

  it('orders re-drills by how long they have waited', () => {
    const plan = planDay([answer({ cardId: 'a', grade: 1, at: T0 }), answer({ cardId: 'b', grade: 1, at: plus(T0, 1) }),
      answer({ cardId: 'a', kind: 'redrill', grade: 1, at: plus(T0, 2) })], limits);
    expect(plan.redrills.map((r) => r.cardId)).toEqual(['b', 'a']);
    expect(isRedrill(plan, 'a')).toBe(true);
    expect(isRedrill(plan, 'c')).toBe(false);
  });
});

describe('adjustPlan', () => {
  const limits = { newPerDay: 2, reviewsPerDay: 3, burySiblings: true };
  const newAnswers = (n: number) => Array.from({ length: n }, (_, i) => answer({ cardId: `n${i}`, conceptId: `C${i}`, wasNew: true }));
  it.each<[string, DayAnswer[], StudyMore, boolean, { newLeft: number; buriedConceptIds: string[] }]>([
    ['nothing asked: the plan as it was', newAnswers(1), NO_MORE, false, { newLeft: 1, buriedConceptIds: ['C0'] }],
    ['extra new cards raise today\'s limit', newAnswers(2), { extraNew: 10, aheadDays: 0 }, false, { newLeft: 10, buriedConceptIds: ['C0', 'C1'] }],
    ['cards already taken beyond the limit count against the extra', newAnswers(5), { extraNew: 10, aheadDays: 0 }, false, { newLeft: 7, buriedConceptIds: ['C0', 'C1', 'C2', 'C3', 'C4'] }],
    ['the extra used up: nothing left, never below zero', newAnswers(13), { extraNew: 10, aheadDays: 0 }, false, { newLeft: 0, buriedConceptIds: expect.any(Array) as unknown as string[] }],
    ['a topic studied on purpose buries nothing', newAnswers(1), NO_MORE, true, { newLeft: 1, buriedConceptIds: [] }],
  ])('%s', (_case, answers, more, scoped, expected) => {
    expect(adjustPlan(planDay(answers, limits), limits, more, scoped)).toMatchObject(expected);
  });

  it('lets a scoped session go on through a topic\'s own cards', () => {
    const plan = adjustPlan(planDay([answer({ conceptId: 'A' })], limits), limits, NO_MORE, true);
    expect(queueSteps(plan, T0, (c) => c === 'A')).toEqual([{ kind: 'review' }, { kind: 'new' }]);
    expect(plan.buriedConceptIds).not.toContain('A');
  });
});

describe('queueSteps', () => {
  const failed = (cardId: string, conceptId: string, when: Date) => answer({ cardId, conceptId, grade: 1, at: when });
  it.each<[string, DayAnswer[], Date, Partial<StudySettings>, QueueStep[]]>([
    ['reviews, then new cards', [], T0, {}, [{ kind: 'review' }, { kind: 'new' }]],
    ['a fresh re-drill waits behind the other cards', [failed('a', 'A', T0)], plus(T0, 10_000), {},
      [{ kind: 'review' }, { kind: 'new' }, { kind: 'redrill', cardId: 'a' }]],
    ['a re-drill that waited 60 s comes first', [failed('a', 'A', T0)], plus(T0, REDRILL_DELAY_MS), {},
      [{ kind: 'redrill', cardId: 'a' }, { kind: 'review' }, { kind: 'new' }]],
    ['no reviews once the review limit is reached', [], T0, { reviewsPerDay: 0 }, [{ kind: 'new' }]],
    ['no new cards once the new limit is reached', [], T0, { newPerDay: 0 }, [{ kind: 'review' }]],
    ['re-drills still come when both limits are reached', [failed('a', 'A', T0)], T0, { newPerDay: 0, reviewsPerDay: 0 },
      [{ kind: 'redrill', cardId: 'a' }]],
  ])('%s', (_case, answers, now, over, steps) => {
    expect(queueSteps(planDay(answers, { ...DEFAULT_STUDY_SETTINGS, ...over }), now)).toEqual(steps);
  });

  it('keeps only the re-drills inside a study scope', () => {
    const plan = planDay([failed('a', 'A', T0), failed('b', 'B', T0)], DEFAULT_STUDY_SETTINGS);
    expect(queueSteps(plan, plus(T0, REDRILL_DELAY_MS), (c) => c === 'B')[0]).toEqual({ kind: 'redrill', cardId: 'b' });
  });
});

describe('isLeechLapse', () => {
  it.each<[number, number, number, boolean]>([
    // [before, after, threshold, leech]
    [6, 7, 8, false],
    [7, 8, 8, true],
    [8, 8, 8, false], // no lapse on this answer
    [8, 9, 8, false],
    [11, 12, 8, true], // again every half threshold
    [15, 16, 8, true],
    [0, 1, 1, true],
    [1, 2, 1, true],
    [2, 3, 3, true],
    [3, 4, 3, false],
    [4, 5, 3, true],
  ])('%i -> %i lapses, threshold %i: %s', (before, after, threshold, leech) => {
    expect(isLeechLapse(before, after, threshold)).toBe(leech);
  });

  it('rejects a threshold below 1', () => {
    expect(() => isLeechLapse(0, 1, 0)).toThrow(RangeError);
  });
});

/**
 * A whole learner over several simulated days, using only the pure modules: an in-memory store
 * plays the data layer (due cards by due date, new cards in deck order, buried concepts skipped).
 */
class Simulation {
  states = new Map<string, ReviewSnapshot & { suspended: boolean }>();
  log: (DayAnswer & { undone: boolean; before: (ReviewSnapshot & { suspended: boolean }) | null })[] = [];
  constructor(private deck: { id: string; concept: string }[], private settings: StudySettings) {}

  plan(now: Date) {
    const start = studyDayStart(now, this.settings.timeZone, this.settings.rolloverHour);
    const today = this.log
      .filter((a) => !a.undone && a.at >= start)
      .map((a) => ({ ...a, studiable: !this.states.get(a.cardId)?.suspended }));
    return planDay(today, this.settings);
  }

  next(now: Date): { cardId: string; queue: QueueStep['kind'] } | null {
    const plan = this.plan(now);
    const open = (c: { concept: string }) => !plan.buriedConceptIds.includes(c.concept);
    for (const step of queueSteps(plan, now)) {
      if (step.kind === 'redrill') return { cardId: step.cardId, queue: 'redrill' };
      const card = step.kind === 'review'
        ? this.deck
          .filter((c) => open(c) && this.states.has(c.id) && !this.states.get(c.id)!.suspended && this.states.get(c.id)!.due <= now)
          .sort((a, b) => this.states.get(a.id)!.due.getTime() - this.states.get(b.id)!.due.getTime())[0]
        : this.deck.find((c) => open(c) && !this.states.has(c.id));
      if (card) return { cardId: card.id, queue: step.kind };
    }
    return null;
  }

  answer(now: Date, grade: Grade) {
    const next = this.next(now);
    if (!next) throw new Error('nothing to study');
    const prev = this.states.get(next.cardId) ?? null;
    const redrill = prev !== null && isRedrill(this.plan(now), next.cardId);
    const before = prev ?? { ...newCardSnapshot(now), suspended: false };
    const after = redrill ? before : answerCard(before, grade, now, this.settings).next;
    const leech = !redrill && isLeechLapse(before.lapses, after.lapses, this.settings.leechLapses);
    this.states.set(next.cardId, { ...after, suspended: before.suspended || leech });
    const concept = this.deck.find((c) => c.id === next.cardId)!.concept;
    this.log.push({
      cardId: next.cardId, conceptId: concept, grade, kind: redrill ? 'redrill' : 'review', wasNew: prev === null,
      at: now, timeTakenMs: 1000, studiable: true, undone: false, before: prev,
    });
    return { ...next, leech };
  }

  undo() {
    const last = [...this.log].reverse().find((a) => !a.undone)!;
    last.undone = true;
    if (last.before) this.states.set(last.cardId, last.before);
    else this.states.delete(last.cardId);
  }

  /** Studies until nothing is left, grading each card with `grade(cardId, queue)`; returns what was shown. */
  session(start: Date, grade: (cardId: string, queue: string) => Grade) {
    const shown: string[] = [];
    let now = start;
    for (let next = this.next(now); next; next = this.next(now)) {
      this.answer(now, grade(next.cardId, next.queue));
      shown.push(`${next.queue}:${next.cardId}`);
      now = plus(now, 20_000);
    }
    return shown;
  }
}

const DAY = (n: number) => at(`2024-03-${String(10 + n).padStart(2, '0')}T12:00:00Z`);

describe('simulated days', () => {
  const deck = [
    { id: 'a1', concept: 'A' }, { id: 'a2', concept: 'A' },
    { id: 'b1', concept: 'B' }, { id: 'c1', concept: 'C' }, { id: 'd1', concept: 'D' },
  ];
  const good = () => 4 as const;

  it('introduces new cards up to the limit, burying siblings, and resumes after the rollover', () => {
    const sim = new Simulation(deck, { ...DEFAULT_STUDY_SETTINGS, newPerDay: 3 });
    expect(sim.session(DAY(0), good)).toEqual(['new:a1', 'new:b1', 'new:c1']);
    // 03:59 the next morning is still the same study day (rollover at 04:00 UTC).
    expect(sim.next(at('2024-03-11T03:59:00Z'))).toBeNull();
    // After the rollover: yesterday's cards are due first, then the rest of the new cards.
    expect(sim.session(at('2024-03-11T04:00:00Z'), good)).toEqual(['review:a1', 'review:b1', 'review:c1', 'new:d1']);
    // a2 waited behind its buried sibling a1 both days; on day 2 it comes after d1's first review.
    expect(sim.session(DAY(2), good)).toEqual(['review:d1', 'new:a2']);
  });

  it('does not bury siblings when the setting is off', () => {
    const sim = new Simulation(deck, { ...DEFAULT_STUDY_SETTINGS, burySiblings: false, newPerDay: 2 });
    expect(sim.session(DAY(0), good)).toEqual(['new:a1', 'new:a2']);
  });

  it('re-drills a failed card after the others until it is graded 4, leaving the schedule alone', () => {
    const sim = new Simulation(deck, { ...DEFAULT_STUDY_SETTINGS, burySiblings: false, newPerDay: 3 });
    const grades: Grade[] = [1, 4, 4, 3, 5];
    let i = 0;
    const shown = sim.session(DAY(0), () => grades[i++]);
    expect(shown).toEqual(['new:a1', 'new:a2', 'new:b1', 'redrill:a1', 'redrill:a1']);
    expect(sim.states.get('a1')).toMatchObject({ repetitions: 0, intervalDays: 1, due: at('2024-03-11T04:00:00Z') });
    expect(sim.log.filter((a) => a.kind === 'redrill')).toHaveLength(2);
    expect(sim.plan(DAY(0))).toMatchObject({ newLeft: 0, reviewsLeft: DEFAULT_STUDY_SETTINGS.reviewsPerDay });
  });

  it('suspends a card as a leech after the threshold of lapses and stops scheduling it', () => {
    const sim = new Simulation([{ id: 'x', concept: 'X' }], { ...DEFAULT_STUDY_SETTINGS, leechLapses: 2 });
    sim.session(DAY(0), good); // learned
    // Failing a relearning card is no new lapse, so lapses come on odd days after a good day.
    let leeches = 0;
    for (let day = 1; day <= 8 && sim.next(DAY(day)); day++) {
      if (sim.answer(DAY(day), day % 2 === 1 ? 1 : 4).leech) leeches++;
      sim.session(plus(DAY(day), 1000), good); // re-drills, if any
    }
    expect(sim.states.get('x')).toMatchObject({ lapses: 2, suspended: true });
    expect(leeches).toBe(1);
    expect(sim.next(DAY(9))).toBeNull();
  });

  it('undo restores the state and gives back the daily allowance', () => {
    const sim = new Simulation(deck, { ...DEFAULT_STUDY_SETTINGS, newPerDay: 1 });
    sim.answer(DAY(0), 4);
    expect(sim.next(DAY(0))).toBeNull();
    sim.undo();
    expect(sim.states.has('a1')).toBe(false);
    expect(sim.next(DAY(0))).toEqual({ cardId: 'a1', queue: 'new' });
  });
});
