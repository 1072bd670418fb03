import { describe, it, expect } from 'vitest';
import {
  INITIAL_EASE,
  MIN_EASE,
  NEW_CARD_STATE,
  isGrade,
  previewSm2Intervals,
  sm2,
  type Grade,
  type Sm2State,
} from '../../lib/srs/sm2';

const state = (repetitions: number, interval: number, easeFactor: number): Sm2State => ({
  repetitions,
  interval,
  easeFactor,
});

function run(grades: Grade[], from: Sm2State = NEW_CARD_STATE): Sm2State[] {
  const out: Sm2State[] = [];
  let s = from;
  for (const g of grades) {
    s = sm2(s, g);
    out.push(s);
  }
  return out;
}

describe('constants', () => {
  it('new cards start with no repetitions, no interval and ease 2.5', () => {
    expect(NEW_CARD_STATE).toEqual({ repetitions: 0, interval: 0, easeFactor: 2.5 });
    expect(INITIAL_EASE).toBe(2.5);
    expect(MIN_EASE).toBe(1.3);
  });
});

describe('sm2 interval rules', () => {
  it.each<[string, Sm2State, Grade, Sm2State]>([
    // grade >= 3, repetitions 0 -> interval 1
    ['new card, grade 3', NEW_CARD_STATE, 3, state(1, 1, 2.36)],
    ['new card, grade 4', NEW_CARD_STATE, 4, state(1, 1, 2.5)],
    ['new card, grade 5', NEW_CARD_STATE, 5, state(1, 1, 2.6)],
    ['relearning card (reps 0, interval 1), grade 4', state(0, 1, 1.7), 4, state(1, 1, 1.7)],
    // grade >= 3, repetitions 1 -> interval 6, whatever the ease
    ['second success, grade 4', state(1, 1, 2.5), 4, state(2, 6, 2.5)],
    ['second success at minimum ease, grade 3', state(1, 1, 1.3), 3, state(2, 6, 1.3)],
    ['second success at high ease, grade 5', state(1, 1, 3.5), 5, state(2, 6, 3.6)],
    // grade >= 3, repetitions >= 2 -> ceil(interval * ease before the answer)
    ['third success: ceil(6 * 2.5) = 15', state(2, 6, 2.5), 4, state(3, 15, 2.5)],
    ['ceil rounds up: ceil(6 * 2.6) = ceil(15.6) = 16', state(2, 6, 2.6), 4, state(3, 16, 2.6)],
    ['uses ease before the answer (grade 5): 10 * 2.5 = 25, not 26', state(2, 10, 2.5), 5, state(3, 25, 2.6)],
    ['uses ease before the answer (grade 3): 10 * 2.5 = 25, not 24', state(2, 10, 2.5), 3, state(3, 25, 2.36)],
    ['long interval: ceil(400 * 2.8) = 1120', state(9, 400, 2.8), 4, state(10, 1120, 2.8)],
    // grade < 3 -> repetitions 0, interval 1
    ['grade 2 resets a mature card', state(7, 300, 2.5), 2, state(0, 1, 2.18)],
    ['grade 1 resets a mature card', state(7, 300, 2.5), 1, state(0, 1, 1.96)],
    ['grade 0 resets a mature card', state(7, 300, 2.5), 0, state(0, 1, 1.7)],
    ['grade 0 on a new card', NEW_CARD_STATE, 0, state(0, 1, 1.7)],
    ['grade 2 on a relearning card', state(0, 1, 2.0), 2, state(0, 1, 1.68)],
  ])('%s', (_name, prev, grade, expected) => {
    expect(sm2(prev, grade)).toEqual(expected);
  });

  it('does not modify its input', () => {
    const prev = state(3, 16, 2.6);
    const copy = { ...prev };
    sm2(prev, 0);
    sm2(prev, 5);
    expect(prev).toEqual(copy);
    expect(Object.isFrozen(NEW_CARD_STATE)).toBe(true);
  });

  it('previewSm2Intervals gives the interval for each grade (all passing grades share one interval)', () => {
    expect(previewSm2Intervals(state(2, 10, 2.5))).toEqual({ 0: 1, 1: 1, 2: 1, 3: 25, 4: 25, 5: 25 });
  });
});

describe('sm2 ease factor: EF\' = EF + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)', () => {
  it.each<[Grade, number]>([
    [5, 2.6],
    [4, 2.5],
    [3, 2.36],
    [2, 2.18],
    [1, 1.96],
    [0, 1.7],
  ])('grade %i from 2.5 gives %f', (grade, expected) => {
    const next = sm2(NEW_CARD_STATE, grade);
    expect(next.easeFactor).toBe(expected);
    const q = 5 - grade;
    expect(next.easeFactor).toBeCloseTo(2.5 + 0.1 - q * (0.08 + q * 0.02), 12);
  });

  it.each<[string, Sm2State, Grade, number]>([
    ['1.3 grade 0 stays 1.3', state(0, 1, 1.3), 0, 1.3],
    ['1.3 grade 1 stays 1.3', state(0, 1, 1.3), 1, 1.3],
    ['1.3 grade 2 stays 1.3', state(0, 1, 1.3), 2, 1.3],
    ['1.3 grade 3 stays 1.3', state(2, 6, 1.3), 3, 1.3],
    ['1.3 grade 4 stays 1.3', state(2, 6, 1.3), 4, 1.3],
    ['1.3 grade 5 rises to 1.4', state(2, 6, 1.3), 5, 1.4],
    ['1.4 grade 3 floors at 1.3 (1.26)', state(2, 6, 1.4), 3, 1.3],
    ['1.35 grade 0 floors at 1.3 (0.55)', state(0, 1, 1.35), 0, 1.3],
    ['1.84 grade 1 floors at 1.3 (exactly 1.30)', state(3, 20, 1.84), 1, 1.3],
    ['1.85 grade 1 gives 1.31', state(3, 20, 1.85), 1, 1.31],
  ])('floor at 1.3: %s', (_name, prev, grade, expected) => {
    expect(sm2(prev, grade).easeFactor).toBe(expected);
  });

  it('repeated failures never push ease below 1.3', () => {
    const states = run([0, 0, 0, 0, 0, 1, 2, 0]);
    for (const s of states) expect(s.easeFactor).toBeGreaterThanOrEqual(MIN_EASE);
    expect(states.at(-1)!.easeFactor).toBe(1.3);
  });
});

describe('sm2 golden sequences (hand-computed)', () => {
  // Step-by-step: interval = ceil(prev interval × ease before answer); ease in hundredths.
  const mixed: [Grade, Sm2State][] = [
    [5, state(1, 1, 2.6)], //   reps 0 -> 1
    [4, state(2, 6, 2.6)], //   reps 1 -> 6
    [5, state(3, 16, 2.7)], //  ceil(6 × 2.6 = 15.6)
    [4, state(4, 44, 2.7)], //  ceil(16 × 2.7 = 43.2)
    [3, state(5, 119, 2.56)], // ceil(44 × 2.7 = 118.8); 2.70 − 0.14
    [1, state(0, 1, 2.02)], //  lapse; 2.56 − 0.54
    [0, state(0, 1, 1.3)], //   2.02 − 0.80 = 1.22 -> floor 1.3
    [2, state(0, 1, 1.3)], //   1.30 − 0.32 -> floor 1.3
    [3, state(1, 1, 1.3)], //   1.30 − 0.14 -> floor 1.3
    [4, state(2, 6, 1.3)],
    [4, state(3, 8, 1.3)], //   ceil(6 × 1.3 = 7.8)
    [5, state(4, 11, 1.4)], //  ceil(8 × 1.3 = 10.4)
    [5, state(5, 16, 1.5)], //  ceil(11 × 1.4 = 15.4)
    [5, state(6, 24, 1.6)], //  16 × 1.5 = 24 exactly
    [5, state(7, 39, 1.7)], //  ceil(24 × 1.6 = 38.4)
    [5, state(8, 67, 1.8)], //  ceil(39 × 1.7 = 66.3)
    [4, state(9, 121, 1.8)], // ceil(67 × 1.8 = 120.6)
    [4, state(10, 218, 1.8)], // ceil(121 × 1.8 = 217.8)
    [4, state(11, 393, 1.8)], // ceil(218 × 1.8 = 392.4)
    [2, state(0, 1, 1.48)], //  lapse; 1.80 − 0.32
    [5, state(1, 1, 1.58)],
    [5, state(2, 6, 1.68)],
    [5, state(3, 11, 1.78)], // ceil(6 × 1.68 = 10.08)
    [4, state(4, 20, 1.78)], // ceil(11 × 1.78 = 19.58)
  ];

  const strong: [Grade, Sm2State][] = [
    [5, state(1, 1, 2.6)],
    [5, state(2, 6, 2.7)],
    [5, state(3, 17, 2.8)], //     ceil(6 × 2.7 = 16.2)
    [5, state(4, 48, 2.9)], //     ceil(17 × 2.8 = 47.6)
    [5, state(5, 140, 3.0)], //    ceil(48 × 2.9 = 139.2)
    [5, state(6, 420, 3.1)], //    140 × 3.0 = 420 exactly
    [5, state(7, 1302, 3.2)], //   420 × 3.1 = 1302 exactly
    [4, state(8, 4167, 3.2)], //   ceil(1302 × 3.2 = 4166.4)
    [1, state(0, 1, 2.66)], //     lapse; 3.20 − 0.54
    [4, state(1, 1, 2.66)],
    [4, state(2, 6, 2.66)],
    [4, state(3, 16, 2.66)], //    ceil(6 × 2.66 = 15.96)
    [4, state(4, 43, 2.66)], //    ceil(16 × 2.66 = 42.56)
    [3, state(5, 115, 2.52)], //   ceil(43 × 2.66 = 114.38); 2.66 − 0.14
    [4, state(6, 290, 2.52)], //   ceil(115 × 2.52 = 289.8)
    [5, state(7, 731, 2.62)], //   ceil(290 × 2.52 = 730.8)
  ];

  it.each([
    ['mixed run with two lapses and the ease floor', mixed],
    ['long run of 5s and 4s reaching thousands of days, then a lapse', strong],
  ] as const)('%s', (_name, table) => {
    let s: Sm2State = NEW_CARD_STATE;
    table.forEach(([grade, expected], i) => {
      s = sm2(s, grade);
      expect({ step: i + 1, ...s }).toEqual({ step: i + 1, ...expected });
    });
  });

  it('the golden tables have at least 15 steps', () => {
    expect(mixed.length).toBeGreaterThanOrEqual(15);
    expect(strong.length).toBeGreaterThanOrEqual(15);
  });
});

describe('sm2 exact arithmetic (no float drift)', () => {
  it.each<[string, Sm2State, number]>([
    ['10 × 2.6 = 26', state(2, 10, 2.6), 26],
    ['90 × 2.7 = 243 (float gives 243.00000000000003)', state(2, 90, 2.7), 243],
    ['25 × 2.2 = 55 (float gives 55.00000000000001)', state(2, 25, 2.2), 55],
    ['10 × 1.3 = 13', state(2, 10, 1.3), 13],
    ['100 × 1.3 = 130', state(2, 100, 1.3), 130],
    ['340 × 2.7 = 918', state(2, 340, 2.7), 918],
    ['ease accumulated in floats, 2.5 + 0.1 + 0.1 = 2.7000000000000006: 90 × 2.7 = 243', state(2, 90, 2.5 + 0.1 + 0.1), 243],
    ['ease 2.8000000000000003: 10 × 2.8 = 28', state(2, 10, 2.5 + 0.1 + 0.1 + 0.1), 28],
    ['ease 1.2999999999999998 reads as 1.3: 10 × 1.3 = 13', state(2, 10, 1.2999999999999998), 13],
  ])('%s', (_name, prev, expected) => {
    expect(sm2(prev, 4).interval).toBe(expected);
  });

  it('ease stays on exact hundredths across many answers', () => {
    const states = run([5, 5, 5, 3, 3, 5, 4, 5, 5]);
    expect(states.map((s) => s.easeFactor)).toEqual([2.6, 2.7, 2.8, 2.66, 2.52, 2.62, 2.62, 2.72, 2.82]);
  });
});

describe('sm2 input validation', () => {
  it.each<[string, unknown]>([
    ['NaN', NaN],
    ['6', 6],
    ['-1', -1],
    ['2.5', 2.5],
    ['"3"', '3'],
    ['Infinity', Infinity],
    ['null', null],
    ['undefined', undefined],
  ])('rejects grade %s with a RangeError naming it', (name, grade) => {
    expect(() => sm2(NEW_CARD_STATE, grade as Grade)).toThrow(RangeError);
    expect(() => sm2(NEW_CARD_STATE, grade as Grade)).toThrow(name);
  });

  it.each<[string, Sm2State]>([
    ['negative repetitions', state(-1, 1, 2.5)],
    ['fractional repetitions', state(1.5, 1, 2.5)],
    ['NaN repetitions', state(NaN, 1, 2.5)],
    ['negative interval', state(0, -1, 2.5)],
    ['fractional interval', state(2, 2.5, 2.5)],
    ['infinite interval', state(2, Infinity, 2.5)],
    ['interval 0 after a success', state(2, 0, 2.5)],
    ['ease below 1.3', state(2, 6, 1.29)],
    ['ease far below 1.3', state(2, 6, 0.5)],
    ['NaN ease', state(2, 6, NaN)],
    ['infinite ease', state(2, 6, Infinity)],
    ['string ease', state(2, 6, '2.5' as unknown as number)],
  ])('rejects a state with %s', (_name, prev) => {
    expect(() => sm2(prev, 4)).toThrow(RangeError);
  });

  it.each<[unknown, boolean]>([
    [0, true],
    [1, true],
    [2, true],
    [3, true],
    [4, true],
    [5, true],
    [6, false],
    [-1, false],
    [2.5, false],
    [NaN, false],
    ['3', false],
    [null, false],
    [undefined, false],
  ])('isGrade(%s) is %s', (x, expected) => {
    expect(isGrade(x)).toBe(expected);
  });
});
