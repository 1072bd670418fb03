/** What a token is, before any part of speech: asides and code spans are single tokens. */
export type TokenKind = 'word' | 'code' | 'aside' | 'comma' | 'arrow' | 'mark';

/** A token with its offsets in the sentence, so every part can be cut out "as written". */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
}

/**
 * `code`, a (parenthesised aside) one level deep or [bracketed], arrows, words (letters, digits and
 * `_` with inner ' ’ . / + - & and -> kept, so "user_id", "HTTP/2", "leader's", "C++", "key->shard" stay
 * whole), commas,
 * then any other single character.
 */
const TOKEN = /`[^`]*`|\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\]|-->|->|=>|[→⇒⟶]|[\p{L}\p{N}_](?:(?:->|[\p{L}\p{N}_'’./+&-])*[\p{L}\p{N}_+#])?|,|\S/gu;

/** "it's", "they're", "let's": a pronoun-like word and a clitic verb (or "us"), split in two. */
const CLITIC = /^(\p{L}+)['’](?:s|re|m|ve|ll|d)$/iu;
const HOST = /^(?:it|that|there|here|what|who|he|she|let|they|we|you|i)$/i;

/** Splits a sentence into tokens. Invariant: tokens are in order, never overlap, and lie inside the text. */
export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  // The shared pattern is read from the start of each sentence (matchAll would copy it per call).
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sentence); m !== null; m = TOKEN.exec(sentence)) {
    const text = m[0];
    const start = m.index;
    const clitic = text.includes("'") || text.includes('’') ? CLITIC.exec(text) : null;
    if (clitic && HOST.test(clitic[1])) {
      const cut = clitic[1].length;
      const rest = token(text.slice(cut), start + cut);
      if (/^let$/i.test(clitic[1])) rest.lower = 'us';
      tokens.push(token(text.slice(0, cut), start), rest);
    } else tokens.push(token(text, start));
  }
  return tokens;
}

function token(text: string, start: number): Token {
  const lower = text.toLowerCase();
  return { text, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start, end: start + text.length, kind: kindOf(text) };
}

function kindOf(text: string): TokenKind {
  // Most tokens are words opening with an ASCII letter or digit (no arrow or bracket opens so).
  if (/^[A-Za-z0-9_']/.test(text)) return 'word';
  const first = text[0];
  if (first === '`' && text.length > 1) return 'code';
  if ((first === '(' || first === '[') && text.length > 1) return 'aside';
  if (text === ',') return 'comma';
  if (/^(?:-->|->|=>|[→⇒⟶])$/u.test(text)) return 'arrow';
  return /^[\p{L}\p{N}_']/u.test(text) ? 'word' : 'mark';
}
