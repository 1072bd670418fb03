import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { buttonForGrade, REVIEW_BUTTONS } from '../../lib/srs/grades';
import { answerFsrs, fsrsRating, previewFsrsIntervals, replayFsrs, replayFsrsAll, type FsrsMemory, type FsrsSettings } from '../../lib/srs/fsrs';
import type { Grade } from '../../lib/srs/sm2';

/**
 * Golden sequences from ts-fsrs's own tests of its long-term scheduler
 * (open-spaced-repetition/ts-fsrs, packages/fsrs/__tests__/impl/long-term_scheduler.test.ts):
 * FSRS-5 weights, no fuzz, each review on the day the previous one fell due. Ratings are
 * written as the SM-2 grades the buttons submit: Again 1, Hard 3, Good 4, Easy 5.
 */
const W = [
  0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597,
  0.1712, 1.1178, 2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891,
  0.6468,
];
const GOLDEN: FsrsSettings = { timeZone: 'UTC', rolloverHour: 0, weights: W };
const [AGAIN, HARD, GOOD, EASY] = [1, 3, 4, 5] as const;
const GOOD_SETTINGS: FsrsSettings = { timeZone: 'UTC', rolloverHour: 4 };

function run(grades: Grade[], settings: FsrsSettings = GOLDEN, start = new Date('2022-12-29T12:30:00Z')) {
  let memory: FsrsMemory | null = null;
  let last: Date | null = null;
  let now = start;
  const out = { ivl: [] as number[], s: [] as number[], d: [] as number[], due: [] as string[] };
  for (const g of grades) {
    memory = answerFsrs(memory, last, g, now, settings);
    out.ivl.push(memory.scheduledDays);
    out.s.push(memory.stability);
    out.d.push(memory.difficulty);
    out.due.push(memory.due.toISOString());
    last = now;
    now = memory.due;
  }
  return out;
}

describe('FSRS golden sequences (ts-fsrs long-term scheduler tests)', () => {
  it.each<[string, Grade[], number[], number[], number[]]>([
    [
      'test1: Good ×6, Again ×2, Good ×5',
      [GOOD, GOOD, GOOD, GOOD, GOOD, GOOD, AGAIN, AGAIN, GOOD, GOOD, GOOD, GOOD, GOOD],
      [3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773],
      [3.0412, 13.09130698, 48.15848988, 154.93732625, 445.05562739, 1158.07779739, 16.63063166, 3.01732209,
        11.42247264, 37.37521902, 111.8752758, 306.5974569, 772.94026648],
      [4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071, 5.55956298,
        5.26323756, 4.98688448, 4.72915759, 4.4888015, 4.26464541],
    ],
    [
      'test2: Again, Hard, Good, Easy, twice',
      [AGAIN, HARD, GOOD, EASY, AGAIN, HARD, GOOD, EASY],
      [1, 2, 6, 41, 4, 7, 21, 133],
      [0.4197, 1.0344317, 5.5356759, 41.0033667, 4.46605519, 6.67743292, 20.88868155, 132.81849454],
      [7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922, 5.36588547],
    ],
    [
      'test3: Hard, Good, Easy, Again, twice',
      [HARD, GOOD, EASY, AGAIN, HARD, GOOD, EASY, AGAIN],
      [2, 7, 54, 5, 8, 26, 171, 8],
      [1.1869, 6.59167572, 53.76078737, 5.0853693, 8.09786749, 25.52991279, 171.16195166, 8.11072373],
      [6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736, 5.71619151],
    ],
    [
      'test4: Good, Easy, Again, Hard, twice',
      [GOOD, EASY, AGAIN, HARD, GOOD, EASY, AGAIN, HARD],
      [3, 33, 4, 7, 26, 193, 9, 14],
      [3.0412, 32.65484522, 4.22256838, 7.2325009, 25.52681746, 193.36618775, 8.63899847, 14.31323867],
      [4.49094334, 3.69538259, 4.83221448, 5.12078462, 4.85403286, 4.07165035, 5.1050878, 5.34697075],
    ],
    [
      'test5: Easy, Again, Hard, Good, twice',
      [EASY, AGAIN, HARD, GOOD, EASY, AGAIN, HARD, GOOD],
      [15, 3, 6, 27, 240, 10, 17, 60],
      [15.2441, 3.25621013, 6.32684549, 26.56339029, 239.70462771, 9.75621519, 17.06035531, 59.59547542],
      [1.16304343, 2.99573557, 3.59851762, 3.43436666, 2.60045771, 4.03816348, 4.46259158, 4.24020203],
    ],
  ])('%s', (_name, grades, ivl, s, d) => {
    const out = run(grades);
    expect(out.ivl).toEqual(ivl);
    expect(out.s).toEqual(s);
    expect(out.d).toEqual(d);
  });

  it('each button is heard as its own rating; grades no button submits keep SM-2\'s meaning', () => {
    for (const b of REVIEW_BUTTONS) expect(Rating[fsrsRating(b.grade)]).toBe(b.label);
    const meaning = ['Again', 'Again', 'Again', 'Hard', 'Good', 'Easy'];
    for (const g of [0, 1, 2, 3, 4, 5] as Grade[]) {
      if (!buttonForGrade(g)) expect(Rating[fsrsRating(g)]).toBe(meaning[g]);
    }
  });

  it('grades 0 and 2 fail like Again', () => {
    expect(run([0, GOOD])).toEqual(run([AGAIN, GOOD]));
    expect(run([2, GOOD])).toEqual(run([AGAIN, GOOD]));
  });
});

describe('FSRS on study days', () => {
  const NY: FsrsSettings = { timeZone: 'America/New_York', rolloverHour: 4 };

  it('falls due at the study-day start the interval names, in the learner\'s zone', () => {
    // 2024-03-09 22:00 New York is study day 2024-03-09; Easy on a new card gives 8 days (FSRS-6 defaults),
    // across the spring-forward change: 04:00 EDT is 08:00 UTC.
    const m = answerFsrs(null, null, EASY, new Date('2024-03-10T03:00:00Z'), NY);
    expect(m.scheduledDays).toBe(8);
    expect(m.due.toISOString()).toBe('2024-03-17T08:00:00.000Z');
  });

  it('counts elapsed study days, not UTC dates', () => {
    // Both answers fall on study day 2024-03-05 in New York, though on different UTC dates:
    // the second is a same-day review, as if given at once.
    const first = answerFsrs(null, null, GOOD, new Date('2024-03-05T15:00:00Z'), NY);
    const sameDay = answerFsrs(first, new Date('2024-03-05T15:00:00Z'), GOOD, new Date('2024-03-06T02:00:00Z'), NY);
    const atOnce = answerFsrs(first, new Date('2024-03-05T15:00:00Z'), GOOD, new Date('2024-03-05T16:00:00Z'), NY);
    expect(sameDay.stability).toBe(atOnce.stability);
  });

  it('previews the interval each grade would give, as answering would', () => {
    const now = new Date('2024-01-15T10:00:00Z');
    const settings: FsrsSettings = { timeZone: 'UTC', rolloverHour: 4 };
    expect(previewFsrsIntervals(null, null, now, settings)).toEqual({ 0: 1, 1: 1, 2: 1, 3: 2, 4: 3, 5: 8 });
    const learned = answerFsrs(null, null, GOOD, now, settings);
    const later = new Date('2024-01-18T10:00:00Z');
    const preview = previewFsrsIntervals(learned, now, later, settings);
    for (const g of [0, 1, 2, 3, 4, 5] as Grade[]) {
      expect(preview[g]).toBe(answerFsrs(learned, now, g, later, settings).scheduledDays);
    }
    expect(preview[5]).toBeGreaterThan(preview[4]);
  });

  it('replays a history to the memory that answering it step by step gives', () => {
    const settings: FsrsSettings = { timeZone: 'Europe/Berlin', rolloverHour: 4 };
    const answers = [
      { grade: GOOD, at: new Date('2024-01-01T09:00:00Z') },
      { grade: AGAIN, at: new Date('2024-01-05T09:00:00Z') },
      { grade: EASY, at: new Date('2024-01-06T20:00:00Z') },
    ] as const;
    let m: FsrsMemory | null = null;
    let last: Date | null = null;
    for (const a of answers) {
      m = answerFsrs(m, last, a.grade, a.at, settings);
      last = a.at;
    }
    expect(replayFsrs(answers, settings)).toEqual(m);
    expect(replayFsrs([], settings)).toBeNull();
  });

  it('replays many cards at once exactly as one by one, across study-day and DST boundaries', () => {
    // New York, day starting 04:00 local; answers every 5 h 17 min for 40 days, crossing the
    // spring-forward change, dealt to three cards in turn.
    const settings: FsrsSettings = { timeZone: 'America/New_York', rolloverHour: 4 };
    const grades: Grade[] = [4, 4, 1, 5, 3];
    const histories = new Map<string, { grade: Grade; at: Date }[]>([['a', []], ['b', []], ['c', []], ['none', []]]);
    for (let i = 0; i < 180; i++) {
      const at = new Date(Date.parse('2024-03-01T00:00:00Z') + i * (5 * 60 + 17) * 60_000);
      histories.get('abc'[i % 3])!.push({ grade: grades[i % grades.length], at });
    }
    const all = replayFsrsAll(histories, settings);
    expect([...all.keys()]).toEqual(['a', 'b', 'c']);
    for (const key of ['a', 'b', 'c']) expect(all.get(key)).toEqual(replayFsrs(histories.get(key)!, settings));
  });

  it('uses the desired retention: a higher one gives shorter intervals', () => {
    const now = new Date('2024-01-15T10:00:00Z');
    const base: FsrsSettings = { timeZone: 'UTC', rolloverHour: 4 };
    const learned = answerFsrs(null, null, GOOD, now, base);
    const later = new Date('2024-01-20T10:00:00Z');
    expect(answerFsrs(learned, now, GOOD, later, { ...base, desiredRetention: 0.97 }).scheduledDays)
      .toBeLessThan(answerFsrs(learned, now, GOOD, later, { ...base, desiredRetention: 0.8 }).scheduledDays);
  });

  it.each<[string, () => unknown]>([
    ['an invalid grade', () => answerFsrs(null, null, 6 as Grade, new Date(), GOOD_SETTINGS)],
    ['an invalid date', () => answerFsrs(null, null, GOOD, new Date(NaN), GOOD_SETTINGS)],
    ['a memory without its last review', () => answerFsrs({ stability: 3, difficulty: 5, scheduledDays: 3, due: new Date() }, null, GOOD, new Date(), GOOD_SETTINGS)],
    ['a difficulty out of range', () => answerFsrs({ stability: 3, difficulty: 11, scheduledDays: 3, due: new Date() }, new Date(), GOOD, new Date(), GOOD_SETTINGS)],
    ['an unknown time zone', () => answerFsrs(null, null, GOOD, new Date(), { timeZone: 'Mars/Olympus', rolloverHour: 4 })],
    ['a retention of 1', () => answerFsrs(null, null, GOOD, new Date(), { ...GOOD_SETTINGS, desiredRetention: 1 })],
  ])('refuses %s with a RangeError', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});
