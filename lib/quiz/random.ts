/**
 * Seeded randomness for quizzes. A quiz is a pure function of its URL (topics, n, mode, seed), so
 * it can be shared and retaken identically; nothing in lib/quiz may use Math.random.
 */

/** A PRNG returning floats in [0, 1). */
export type Rng = () => number;

/** mulberry32 (Tommy Ettinger): 32-bit state, full period 2^32, good enough for shuffling. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units: a 32-bit seed from any string. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A PRNG for one purpose of one quiz: the same (seed, salt) always gives the same stream. */
export function rngFor(seed: string, salt: string): Rng {
  return mulberry32(hashSeed(`${seed}\u0000${salt}`));
}

/** Fisher–Yates on a copy; the input is not modified. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
