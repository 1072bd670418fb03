/** Readings of a statement that several question forms share: its setting, its kind, its subject's case. */
import { describes, isNounPhrase, type SentenceParts } from '../sentence-parts';

/** A subject longer than this is a description, not a name to ask by. */
export const MAX_SUBJECT_WORDS = 6;

/** "In SQS a received message ...": the sentence's own setting, which places a generic subject better than its topic. */
export function settingOf(parts: SentenceParts): string | undefined {
  const frame = parts.frame.trim().replace(/,$/, '');
  // "With that option", "For each friend": a frame that refers back or quantifies places nothing.
  if (/\b(?:this|that|these|those|each|every|such)\b/i.test(frame)) return undefined;
  return /^(?:in|on|with|for|under|during|within)\s+[^,;:]{2,40}$/i.test(frame) ? frame : undefined;
}

/** A copula's complement that names a kind of thing ("a technique ...", "binomial experiment whereby ..."): a definition. */
const NOUN_PHRASE_START = /^(?:a|an|the|one|any|some|each|its|their|used|called|known|also|similar|responsible)\b/i;

export function namesAKind(predicate: string): boolean {
  const text = predicate.trim();
  // One word after "is" is most often an adjective ("cheap"); a kind is named by a phrase.
  const opening = openingPhrase(text);
  // "is process of moving data": notes drop the article before a noun that an "of" phrase completes.
  const nounOf = !/\s/.test(opening) && /^\S+\s+of\s/i.test(text) && isNounPhrase(opening) && !describes(opening);
  return NOUN_PHRASE_START.test(text) || nounOf || (/\s/.test(opening) && isNounPhrase(opening));
}

/** The words of a predicate before its first preposition, clause or comma. */
export function openingPhrase(predicate: string): string {
  return predicate.split(/\s+(?=(?:of|to|in|on|at|by|for|with|from|as|if|when|because|that|which|whereby|where|so)\b)|,/i)[0] ?? '';
}


/** "Caches" opening a sentence reads "caches" inside a question; "Redis", "SQL" keep their capitals. */
export function lowerCommon(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
