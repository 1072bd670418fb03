import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildQuiz, QUIZ_MODES, scoreQuiz } from '@/lib/quiz/build';
import { hashSeed, mulberry32, shuffle } from '@/lib/quiz/random';
import { deck } from './fixture';

afterEach(() => vi.restoreAllMocks());

describe('seeded quizzes', () => {
  it('mulberry32 is a fixed sequence for a fixed seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(hashSeed('abc')).toBe(hashSeed('abc'));
    expect(hashSeed('abc')).not.toBe(hashSeed('abd'));
  });

  it.each(QUIZ_MODES)('%s: the same seed gives the same quiz, without Math.random', (mode) => {
    vi.spyOn(Math, 'random').mockImplementation(() => { throw new Error('Math.random used'); });
    const params = { mode, n: 10, seed: 's1' };
    const first = buildQuiz(deck, deck, params);
    expect(first.length).toBeGreaterThan(3);
    // The pool's order must not matter either: a database returns rows in any order.
    expect(buildQuiz([...deck].reverse(), shuffle(deck, mulberry32(9)), params)).toEqual(first);
  });

  it.each(QUIZ_MODES)('%s: a different seed gives a different order', (mode) => {
    const order = (seed: string) => buildQuiz(deck, deck, { mode, n: 10, seed }).map((q) => q.cardId).join();
    expect(new Set(['a', 'b', 'c'].map(order)).size).toBeGreaterThan(1);
  });

  it('multiple choice has four distinct options with the right one marked', () => {
    for (const q of buildQuiz(deck, deck, { mode: 'mc', n: 30, seed: 'x' })) {
      expect(q.options).toHaveLength(4);
      expect(new Set(q.options).size).toBe(4);
      expect(q.options![q.correctOption!]).toBe(q.expected);
    }
  });

  it('cloze blanks the term of a definition and never asks one blank twice', () => {
    const quiz = buildQuiz(deck, deck, { mode: 'cloze', n: 50, seed: 'x' });
    const lag = quiz.filter((q) => q.expected === 'Replication lag');
    expect(lag).toHaveLength(1);
    expect(quiz.find((q) => q.expected === 'Split brain')?.prompt).toBe('Fill in the blank: ____ is a failure in which two nodes both believe they are the leader.');
  });

  it('scores per section and lists the misses', () => {
    const quiz = buildQuiz(deck, deck, { mode: 'cloze', n: 4, seed: 'x' });
    const score = scoreQuiz(quiz, [{ text: quiz[0].expected }, { text: 'nope' }, { text: 'nope', override: true }]);
    expect(score.correct).toBe(2);
    expect(score.missed.map((q) => q.cardId)).toEqual([quiz[1].cardId, quiz[3].cardId]);
    expect(score.groups.reduce((n, g) => n + g.total, 0)).toBe(4);
  });
});
