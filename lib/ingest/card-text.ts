import { EMOJI } from './emoji';
import { BOILERPLATE } from './vocabulary';

/** The first letter in capitals, the rest as written: a sentence or an answer starts with a capital. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Final polish of card text: what a learner sees must read as clean prose. Removes decorative
 * emoji, figure references, citation markers and inline-math dollars; never changes wording
 * otherwise.
 */
export function polishCardText(text: string): string {
  // One line: the blank-line rule below has nothing to drop.
  if (!text.includes('\n')) return polishLine(text).trim();
  return text
    .split('\n')
    .map(polishLine)
    .filter((line, i, all) => line.trim() || (i > 0 && all[i - 1].trim()))
    .join('\n')
    .trim();
}

/**
 * An answer whose last sentence announces what follows ("... one of the following operations:")
 * or asks the next question ("How would you design this?") loses that sentence when whole
 * sentences come before it; otherwise it is returned as is (and a check drops it).
 */
export function withoutDanglingLeadIn(answer: string): string {
  if (!/[:：?？]$/.test(answer)) return answer;
  const lines = answer.split('\n');
  const last = lines.pop()!;
  if (/^\s*(?:[-*+]|\d+[.)])\s/.test(last)) return answer;
  const kept = last.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'(])|(?<=[。！？])/u).slice(0, -1).join(' ');
  const rest = [...lines, kept].join('\n').trim();
  return rest && !/[:：?？]$/.test(rest) ? rest : answer;
}

/**
 * "ABD is named after its authors. More see: Attiya, Bar-Noy and Dolev. Sharing memory ...": a
 * prose answer ends before a sentence that sends the reader elsewhere, and the citation after it.
 */
export function withoutReferenceTail(answer: string): string {
  // Most answers point nowhere: a cheap look for a pointer word before any sentence is split.
  if (answer.includes('\n') || !/\b(?:see|ref|references?|sources?|credits?|via|from|reading)\s*(?:\(s\))?\s*[:：]/i.test(answer)) return answer;
  const sentences = answer.split(/(?<=[.!?])\s+(?=\S)/);
  const at = sentences.findIndex((sentence, i) => i > 0 && BOILERPLATE.test(sentence.replace(/^(?:for\s+)?more(?:\s+details|\s+info(?:rmation)?)?,?\s+(?=\p{L})/iu, '')));
  return at > 0 ? sentences.slice(0, at).join(' ') : answer;
}

/** A bullet glyph left at the start of a table cell ("• Gossip protocol"). */
const GLYPH_BULLET = /^[•◦▪●‣⁃]\s*/u;
/** An enumerator glyph opening a line ("① cache-aside"): the note's numbering, not its text. */
const GLYPH_NUMBER = /^[\u2460-\u24ff\u2776-\u2793]\s*/u;
const CHECK = /^[✅✔☑️]+$/u;
const CROSS = /^[❌✗✘✖️]+$/u;
const FIGURE_PAREN = /\s*\((?:see\s+|as shown in\s+|cf\.\s+)?(?:figure|fig\.|table)\s*\d+(?:[-.–]\d+)*[^)]{0,40}\)/giu;
/**
 * A figure reference that can go without breaking the sentence: "as shown in Figure 3" anywhere,
 * "see/in Figure 3" only opening the sentence or after a comma ("like the one in Figure 8" stays,
 * and the card checks refuse it).
 */
const FIGURE_PHRASE = /(?:\bas\s+(?:shown|seen|illustrated|depicted)\s+in|(?:^|(?<=,\s?))(?:see|shown in|in))\s+(?:figure|fig\.)\s*\d+(?:[-.–]\d+)*\s*,?\s*/giu;
const FIGURE_MENTION = /\b(?:figure|fig\.)\s*\d+/iu;
/** "(look at the pseudo-code in the paper, Section 2.4, page 6)": an aside sending the reader elsewhere. */
const POINTER_PAREN = /\s*\((?:see|look at|refer to|cf\.|read)\b[^()]*\)|\s*\([^()]*\b(?:section|page|chapter|slide)s?\s+\d[^()]*\)/giu;
const CITATION = /\s?\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]/gu;
const HIGHLIGHT = /==([^=\n]+)==/gu;
/** LaTeX left by PDF conversion; the leading backslash is often already gone. */
const LATEX_TEXT = /\\?(?:text|mathrm|mathbf|textbf)\{([^}]*)\}/g;
const LATEX_SYMBOL = /\\(times|cdot|approx|le|ge|leq|geq|rightarrow|to)\b/g;
const LATEX_SYMBOLS: Record<string, string> = { times: '×', cdot: '·', approx: '≈', le: '≤', ge: '≥', leq: '≤', geq: '≥', rightarrow: '→', to: '→' };
/**
 * "$W = 1$", "$10^{11} MB$", "$O(n)$", "$x$": dollars around math. Currency ("$5 to $10") starts
 * with a digit and holds no math symbol.
 */
const INLINE_MATH = /\$((?=[^$\n]*[\^_\\={}()])[^$\n]+?|[^\d\s$][^$\s]*)\$/gu;
/** "2^{12}" -> "2^12": braces around a plain exponent or index. */
const LATEX_GROUP = /([\^_])\{([\w.+-]{1,12})\}/g;

/** A list marker opening a line ("- ", "2. "), kept in front of the polished text. */
const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/u;

/**
 * Each replacement runs only when the text still holds a character its pattern needs (most card
 * text has no "(", "[", "$" or "{"): the same result, without a dozen scans of every line.
 */
function polishLine(line: string): string {
  const prefix = LIST_MARKER.exec(line)?.[0] ?? '';
  let text = line.slice(prefix.length);
  const bare = text.trim();
  if (CHECK.test(bare)) return `${prefix}Yes`;
  if (CROSS.test(bare)) return `${prefix}No`;
  if (!ASCII.test(text)) text = text.replace(GLYPH_BULLET, '').replace(GLYPH_NUMBER, '').replace(EMOJI, '');
  if (text.includes('(')) text = text.replace(FIGURE_PAREN, '').replace(POINTER_PAREN, '');
  if (text.includes('[')) text = text.replace(CITATION, '');
  if (text.includes('==')) text = text.replace(HIGHLIGHT, '$1');
  if (text.includes('$')) text = text.replace(INLINE_MATH, (_, math: string) => math.replace(/\\(.)/g, '$1'));
  if (text.includes('{')) text = text.replace(LATEX_TEXT, '$1').replace(LATEX_GROUP, '$1$2');
  if (text.includes('\\')) text = text.replace(LATEX_SYMBOL, (_, name: string) => LATEX_SYMBOLS[name] ?? name);
  text = dropLinkSentences(dropFigureSentences(text));
  if (text.includes('  ') || text.includes('\t')) text = text.replace(/[ \t]{2,}/g, ' ');
  // A space before punctuation goes ("fast , cheap"); one before a dot that opens a word stays (".com", ".env").
  text = text.replace(/\s+([,.;:!?])(?![\p{L}\p{N}])/gu, '$1').trim();
  // A quotation cut at a sentence boundary leaves one stray quote mark behind.
  if (text.includes('"') && (text.match(/"/g) ?? []).length % 2 === 1) text = text.replace(/^"|"$/g, '').trim();
  return text ? prefix + text : '';
}

/** Glyph bullets and numbers, emoji: none of them is ASCII. */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Sentences that hold a web address ("More see paper: ... URL http://...") point elsewhere; they
 * are dropped when other sentences remain (a lone one is left for the checks to refuse).
 */
function dropLinkSentences(text: string): string {
  if (!LINK.test(text)) return text;
  const kept = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}])/u).filter((s) => !LINK.test(s));
  return kept.length > 0 ? kept.join(' ') : text;
}

/** A web address, also one that PDF conversion broke with a space ("http: //host"). */
const LINK = /\bhttps?:\s?\/\//i;

/** Sentences about a figure ("Figure 9 shows ...") are dropped; a lone one keeps its content. */
function dropFigureSentences(text: string): string {
  if (!FIGURE_MENTION.test(text)) return text;
  const sentences = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}])/u);
  const kept = sentences.filter((s) => !FIGURE_MENTION.test(s));
  if (kept.length > 0) return kept.join(' ');
  return text
    .replace(FIGURE_PHRASE, '')
    .replace(FIGURE_CLAUSE_FIRST, '')
    .replace(FIGURE_CLAUSE_LAST, '.')
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** "To avoid problems like the one in Figure 8, Raft waits": a clause that leans on a figure, before or after the statement. */
const FIGURE_CLAUSE_FIRST = /^[^,]{0,80}\b(?:figure|fig\.)\s*\d+[^,]{0,40},\s*/iu;
const FIGURE_CLAUSE_LAST = /,[^,]{0,80}\b(?:figure|fig\.)\s*\d+[^,]{0,40}\.?$/iu;
