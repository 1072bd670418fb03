import { distance } from 'fastest-levenshtein';
import { normaliseForKey } from './identity';
import type { CardDraft } from './types';

/** A card already in the deck, as the reconciler needs to see it. */
export interface ExistingCard {
  id: string;
  key: string;
  question: string;
  answer: string;
  explanation: string | null;
  kind: string;
  conceptKey: string;
  sourceLine: number;
  status: string;
}

export interface CardPlan {
  create: CardDraft[];
  /**
   * Cards whose text, key, place or status changed; the id (and so the review history) is kept.
   * `draft.key` may differ from the stored key when the card was matched by its text.
   */
  update: { id: string; draft: CardDraft; revived: boolean; reworded: boolean }[];
  unchanged: number;
  /** Ids of active cards whose source disappeared: retired, never deleted. */
  retire: string[];
}

/**
 * Similarity thresholds, as 1 - levenshtein / longer length on the normalised "question answer"
 * text (case, punctuation and spacing ignored, see normaliseForKey).
 *
 * - Within one concept, 0.75: at most a quarter of the characters changed. That keeps a typo
 *   fix, a reworded clause or a sentence added to an answer on the same card, while a card
 *   replaced by a different fact of the same section (which shares little beyond "What is")
 *   falls well below it. A false match would hand the learner's schedule of one fact to another;
 *   a missed match only restarts a card (the old one is retired with its history), so the bar
 *   errs on the strict side of "a little".
 * - Across the whole file, 0.9 and the same kind: a card that moved to a renamed or re-nested
 *   section is usually word for word the same (an exact match, 1.0); with every card of the file
 *   as a candidate the chance of an accidental near-twin is much higher, so only light edits on
 *   top of a move are allowed.
 * - In both cases more than half of the words must survive (word-level levenshtein). The
 *   character ratio overrates short cards that share boilerplate: "Question b? / Answer b." and
 *   "Question d? / Answer d." are 0.89 similar by characters but share no content word.
 */
export const CONCEPT_SIMILARITY = 0.75;
export const FILE_SIMILARITY = 0.9;
export const MIN_WORD_SIMILARITY = 0.5;

/** The text two cards are compared by: normalised question and answer. */
export function matchText(question: string, answer: string): string {
  return `${normaliseForKey(question)}\n${normaliseForKey(answer)}`;
}

/** 1 - edit distance / longer length: 1 for equal texts, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

interface Side {
  index: number;
  conceptKey: string;
  kind: string;
  text: string;
  /** The text's words, one character per distinct word (see WordCodes). */
  words: string;
  histogram: Int32Array;
  /** The rarest half of its words (see similarPairs), as word#occurrence tokens. */
  prefix: string[];
}

const BUCKETS = 64;

/**
 * Most candidate pairs the similarity round verifies per note. Far above what a real edit
 * produces (a reworded section is tens of cards); it bounds the work on a pathological rewrite
 * (thousands of near-identical table rows all changing at once). Counting pairs, not time, keeps
 * the result deterministic. Pairs past the budget are not matched: those cards become new ones.
 */
export const MAX_SIMILARITY_PAIRS = 200_000;

/** Character counts folded into 64 buckets: half their L1 distance is a lower bound of levenshtein. */
function histogram(text: string): Int32Array {
  const h = new Int32Array(BUCKETS);
  for (let i = 0; i < text.length; i++) h[text.charCodeAt(i) & (BUCKETS - 1)]++;
  return h;
}

/** Lower bound of the edit distance of two texts from their histograms (cheap prefilter). */
function distanceLowerBound(a: Int32Array, b: Int32Array): number {
  let more = 0;
  let less = 0;
  for (let i = 0; i < BUCKETS; i++) {
    const d = a[i] - b[i];
    if (d > 0) more += d;
    else less -= d;
  }
  return Math.max(more, less);
}

/** Maps each distinct word to one UTF-16 unit, so fastest-levenshtein can count word edits. */
class WordCodes {
  private codes = new Map<string, string>();

  encode(words: string[]): string {
    let out = '';
    for (const word of words) {
      let code = this.codes.get(word);
      if (code === undefined) {
        let n = 0x100 + this.codes.size;
        if (n >= 0xd800) n += 0x800; // skip the surrogate range
        code = String.fromCharCode(Math.min(n, 0xffff));
        this.codes.set(word, code);
      }
      out += code;
    }
    return out;
  }
}

/** Words as a multiset of distinct tokens: the second "a" is "a#1". */
function tokens(words: string[]): string[] {
  const seen = new Map<string, number>();
  return words.map((word) => {
    const n = seen.get(word) ?? 0;
    seen.set(word, n + 1);
    return n === 0 ? word : `${word}#${n}`;
  });
}

interface Candidate {
  existing: number;
  incoming: number;
  score: number;
  sameConcept: boolean;
}

/**
 * Matches a note's new cards against the cards it produced before (active and retired), in
 * rounds, each pairing only cards the earlier rounds left over:
 *   1. identical normalised text in the same concept or of the same kind (a card that moved,
 *      or two repeats of a question that swapped places);
 *   2. the same key (same concept, kind and question; the answer changed);
 *   3. similar text (see CONCEPT_SIMILARITY and FILE_SIMILARITY), greedy best-first.
 * A matched retired card is revived. Invariant: no existing card is ever dropped from the plan;
 * each one is updated, counted unchanged, retired, or (already retired) left alone.
 */
export function reconcileCards(existing: ExistingCard[], incoming: CardDraft[]): CardPlan {
  if (existing.length === 0) return { create: [...incoming], update: [], unchanged: 0, retire: [] };
  const matchOf = new Array<number>(incoming.length).fill(-1);
  const taken = new Array<boolean>(existing.length).fill(false);
  const pair = (i: number, e: number) => {
    matchOf[i] = e;
    taken[e] = true;
  };
  const oldText = existing.map((card) => matchText(card.question, card.answer));
  const newText = incoming.map((draft) => matchText(draft.question, draft.answer));

  // Round 1: identical text. Preference among several: same key, same concept, active, first.
  const byText = new Map<string, number[]>();
  existing.forEach((_, e) => {
    const list = byText.get(oldText[e]);
    if (list) list.push(e);
    else byText.set(oldText[e], [e]);
  });
  const rank = (draft: CardDraft, card: ExistingCard) =>
    (card.key === draft.key ? 0 : 4) + (card.conceptKey === draft.conceptKey ? 0 : 2) + (card.status === 'active' ? 0 : 1);
  incoming.forEach((draft, i) => {
    let best = -1;
    for (const e of byText.get(newText[i]) ?? []) {
      const card = existing[e];
      if (taken[e] || (card.conceptKey !== draft.conceptKey && card.kind !== draft.kind)) continue;
      if (best === -1 || rank(draft, card) < rank(draft, existing[best])) best = e;
    }
    if (best !== -1) pair(i, best);
  });

  // Round 2: same key.
  const byKey = new Map<string, number>();
  existing.forEach((card, e) => byKey.set(card.key, e));
  incoming.forEach((draft, i) => {
    if (matchOf[i] !== -1) return;
    const e = byKey.get(draft.key);
    if (e !== undefined && !taken[e]) pair(i, e);
  });

  // Round 3: similar text, best pair first.
  const leftIn = incoming.map((_, i) => i).filter((i) => matchOf[i] === -1);
  const leftOld = existing.map((_, e) => e).filter((e) => !taken[e]);
  if (leftIn.length > 0 && leftOld.length > 0) {
    for (const c of similarPairs(existing, incoming, oldText, newText, leftOld, leftIn)) {
      if (matchOf[c.incoming] === -1 && !taken[c.existing]) pair(c.incoming, c.existing);
    }
  }

  const plan: CardPlan = { create: [], update: [], unchanged: 0, retire: [] };
  incoming.forEach((draft, i) => {
    if (matchOf[i] === -1) {
      plan.create.push(draft);
      return;
    }
    const old = existing[matchOf[i]];
    const revived = old.status !== 'active';
    const reworded =
      old.question !== draft.question ||
      old.answer !== draft.answer ||
      (old.explanation ?? undefined) !== draft.explanation;
    const moved =
      old.key !== draft.key || old.sourceLine !== draft.line || old.conceptKey !== draft.conceptKey || old.kind !== draft.kind;
    if (revived || reworded || moved) plan.update.push({ id: old.id, draft, revived, reworded });
    else plan.unchanged++;
  });
  existing.forEach((card, e) => {
    if (!taken[e] && card.status === 'active') plan.retire.push(card.id);
  });
  return plan;
}

/**
 * Candidate pairs above their threshold, best first, in a deterministic order.
 *
 * Comparing every pair is quadratic, so pairs are found by prefix filtering on words: a pair can
 * only pass the word test (more than half of the words kept) if the two cards share more than
 * half of the words of either card, so each card's rarest ceil(n/2) words must meet the other's
 * rarest ceil(n/2) (ordered by how many cards use the word, over both sides). Only cards sharing
 * such a rare word are compared; then cheap lower bounds of the edit distance (length,
 * character counts) before the levenshtein itself.
 */
function similarPairs(
  existing: ExistingCard[],
  incoming: CardDraft[],
  oldText: string[],
  newText: string[],
  leftOld: number[],
  leftIn: number[],
): Candidate[] {
  const codes = new WordCodes();
  const split = (text: string) => text.split(/\s+/).filter(Boolean);
  const raw = (index: number, conceptKey: string, kind: string, text: string) => {
    const words = split(text);
    return { index, conceptKey, kind, text, words, tokens: tokens(words) };
  };
  const oldRaw = leftOld.map((e) => raw(e, existing[e].conceptKey, existing[e].kind, oldText[e]));
  const newRaw = leftIn.map((i) => raw(i, incoming[i].conceptKey, incoming[i].kind, newText[i]));

  const frequency = new Map<string, number>();
  for (const side of [...oldRaw, ...newRaw]) {
    for (const token of side.tokens) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  }
  const rarestFirst = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const finish = (r: (typeof oldRaw)[number]): Side => ({
    index: r.index,
    conceptKey: r.conceptKey,
    kind: r.kind,
    text: r.text,
    words: codes.encode(r.words),
    histogram: histogram(r.text),
    prefix: [...r.tokens].sort(rarestFirst).slice(0, Math.ceil(r.tokens.length / 2)),
  });
  const olds = oldRaw.map(finish);
  const news = newRaw.map(finish);

  const postings = new Map<string, number[]>();
  olds.forEach((o, k) => {
    for (const token of o.prefix) {
      const list = postings.get(token);
      if (list) list.push(k);
      else postings.set(token, [k]);
    }
  });

  const candidates: Candidate[] = [];
  const seenFor = new Int32Array(olds.length).fill(-1);
  let pairs = 0;
  for (const [n, next] of news.entries()) {
    for (const token of next.prefix) {
      for (const k of postings.get(token) ?? []) {
        if (seenFor[k] === n) continue;
        seenFor[k] = n;
        if (++pairs > MAX_SIMILARITY_PAIRS) return sortCandidates(existing, candidates);
        const old = olds[k];
        const sameConcept = next.conceptKey === old.conceptKey;
        if (!sameConcept && next.kind !== old.kind) continue;
        const threshold = sameConcept ? CONCEPT_SIMILARITY : FILE_SIMILARITY;
        const longer = Math.max(next.text.length, old.text.length);
        // At most this many edits; both prefilters are lower bounds of the real distance.
        const budget = (1 - threshold) * longer;
        if (Math.abs(next.text.length - old.text.length) > budget) continue;
        if (distanceLowerBound(next.histogram, old.histogram) > budget) continue;
        if (similarity(next.words, old.words) <= MIN_WORD_SIMILARITY) continue;
        const score = similarity(next.text, old.text);
        if (score < threshold) continue;
        candidates.push({ existing: old.index, incoming: next.index, score, sameConcept });
      }
    }
  }
  return sortCandidates(existing, candidates);
}

function sortCandidates(existing: ExistingCard[], candidates: Candidate[]): Candidate[] {
  const active = (c: Candidate) => (existing[c.existing].status === 'active' ? 0 : 1);
  return candidates.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.sameConcept) - Number(a.sameConcept) ||
      active(a) - active(b) ||
      a.incoming - b.incoming ||
      a.existing - b.existing,
  );
}

/**
 * Key changes a plan implies, so a writer can apply them without ever holding one key twice
 * (Card.key is unique). `park` lists cards left out of the plan's updates (retired, or already
 * retired and unmatched) whose key a new or updated card now claims: each moves to a key no
 * draft can have ("<key>~<id>"). `moving` is every card whose key changes: updated cards with a
 * new key plus the parked ones. Writers move all of `moving` to a temporary key first, then to
 * their final key, which also covers two cards swapping keys.
 */
export function planKeyChanges(
  existing: ExistingCard[],
  plan: CardPlan,
): { park: { id: string; key: string }[]; moving: string[] } {
  const claimed = new Set<string>();
  for (const draft of plan.create) claimed.add(draft.key);
  for (const { draft } of plan.update) claimed.add(draft.key);
  const updated = new Map(plan.update.map((u) => [u.id, u.draft.key]));

  const park: { id: string; key: string }[] = [];
  const moving: string[] = [];
  for (const card of existing) {
    const next = updated.get(card.id);
    if (next !== undefined) {
      if (next !== card.key) moving.push(card.id);
    } else if (claimed.has(card.key)) {
      park.push({ id: card.id, key: `${card.key}~${card.id}` });
      moving.push(card.id);
    }
  }
  return { park, moving };
}
