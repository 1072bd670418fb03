import { lexicon } from 'en-lexicon';
import { remembered } from './remembered';

/** Open-class readings of a word, as bits, so a word can be a noun and a verb at once. */
export const N = 1; // singular or mass noun
export const NS = 2; // plural noun
export const VB = 4; // base form, also present tense other than 3rd person singular
export const VBZ = 8;
export const VBD = 16;
export const VBN = 32;
export const VBG = 64;
export const JJ = 128;
export const RB = 256;
export const NNP = 512; // proper noun, acronym or code identifier
/** Not a reading: the lexicon lists a verb reading first, so the word is mostly a verb ("let", "help"). */
export const FIRST_VERB = 1024;
/** Not a reading: the noun reading is only inferred from a verb ("writes", "a commit"), not listed. */
export const FROM_VERB = 2048;
/** Not a reading: the verb reading is only inferred from a noun ("increments" from "increment"). */
export const FROM_NOUN = 4096;
/** Not a reading: the lexicon lists an adjective reading first, so the word is mostly an adjective ("cheap", "dead"). */
export const FIRST_ADJECTIVE = 8192;

export const NOUN = N | NS | NNP;
export const VERB = VB | VBZ | VBD | VBN | VBG;
/** Readings that make a finite verb on their own (a participle needs an auxiliary, bar telegraphic notes). */
export const FINITE = VB | VBZ | VBD;

const PENN: Record<string, number> = {
  NN: N, NNP: N, NNS: NS, NNPS: NS, VB: VB, VBP: VB, VBZ: VBZ, VBD: VBD, VBN: VBN, VBG: VBG,
  JJ: JJ, JJR: JJ, JJS: JJ, RB: RB, RBR: RB, RBS: RB,
};

/** Every reading the lexicon lists for a lower-case word; 0 when the word is not in it. */
export const listedReadings = remembered(lookUp);

function lookUp(lower: string): number {
  const entry = Object.hasOwn(lexicon, lower) ? lexicon[lower] : undefined;
  if (!entry) return 0;
  const tags = entry.split('|');
  let bits = PENN[tags[0]] & VERB ? FIRST_VERB : PENN[tags[0]] & JJ ? FIRST_ADJECTIVE : 0;
  for (const tag of tags) bits |= PENN[tag] ?? 0;
  return bits;
}
