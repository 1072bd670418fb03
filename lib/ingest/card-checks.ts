import { normaliseForKey } from './identity';
import { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS } from './limits';
import { setsTask } from './vocabulary';

/**
 * Leftover markup that must never reach a learner. Tags are lower case as HTML writes them: a
 * placeholder in capitals ("<BEGIN> record") is the note's own text.
 */
const MARKUP = /<\/?[a-z][a-z\d-]*(?:\s[^>]*)?\/?>|&(?:[a-zA-Z]+|#\d+|#x[\da-fA-F]+);|\*\*|(?<!_)__(?=[\p{L}\p{N}])|!\[|\]\(/u;

const URL = /https?:\/\//i;
/**
 * LaTeX left by PDF conversion that polishing could not turn into text ("\\frac", a "$" that is no
 * price). "$(cmd)" is a shell command as notes write it, not math.
 */
const LATEX = /[\^_]\{|\\(?:frac|sqrt|sum|times|cdot|text|mathrm)\b|\$(?![\d.(])/;
/** Pointers to the page around the text ("as shown above"), which a card cannot show. */
const PAGE_POINTER = /\b(?:as shown|shown (?:above|below)|as (?:above|below)|see (?:above|below))\b/i;
const FIGURE = /\b(?:figure|fig\.)\s*\d+/i;
/**
 * An answer ending like this was cut off mid-sentence in the note itself, ends on a colon that
 * introduces what the card does not hold, or lost its end with a figure reference ("The flow is.").
 */
const CUT_OFF = /(?:[,:：，]|\b(?:and|or|the|of|to|a|an|with|for))\s*$|(?:^|[.!?]\s+|\n)(?:\S+\s+){1,5}(?:is|are|was|were)\.\s*$|\([^)]*$/i;

/** The sides of a card as a learner sees them. */
interface CardText {
  question: string;
  answer: string;
}

function emptySide(card: CardText): string | null {
  return !card.question.trim() || !card.answer.trim() ? 'empty question or answer' : null;
}

function overLimit(card: CardText): string | null {
  if (card.question.length > MAX_QUESTION_CHARS) return `question longer than ${MAX_QUESTION_CHARS} characters`;
  if (card.answer.length > MAX_ANSWER_CHARS) return `answer longer than ${MAX_ANSWER_CHARS} characters`;
  return null;
}

/**
 * A card the author wrote in flashcard syntax is studied as written: it is refused only when a
 * side is empty or too long to show, never for its wording.
 */
export function authorCardProblem(card: CardText): string | null {
  return emptySide(card) ?? overLimit(card);
}

/**
 * Why a card is unfit to study, or null when it is fine. `normal` is the card's text normalised
 * for keys (normalisedText), passed in so that each side is normalised once per card.
 */
export function cardProblem(card: CardText, normal: CardText = normalisedText(card)): string | null {
  const refused = authorCardProblem(card);
  if (refused) return refused;
  if (MARKUP.test(card.question) || LATEX.test(card.question)) return 'markup left in the card text';
  if (FIGURE.test(card.question)) return 'refers to a figure the card cannot show';
  if (PAGE_POINTER.test(card.question)) return 'refers to the page around it';
  // A prompt asks, blanks a word, or sets a task ("Walk through two-phase commit.").
  if (!/[?？]$/.test(card.question) && !card.question.includes('____') && !isTaskPrompt(card.question)) return 'question is not a question';
  // "... we must choose between one of the following options:": a blank in a sentence that goes on elsewhere.
  if (card.question.includes('____') && /[:;,]$/.test(card.question.trim())) return 'question ends mid-sentence';
  if (URL.test(card.question)) return 'a link, not something to recall';
  if (normal.question === normal.answer || answerInQuestion(card, normal)) return 'answer repeats the question';
  return answerProblem(card.answer);
}

/** Shorter answers ("No", "L4") may well be words of the question without repeating it. */
const MIN_ECHO_CHARS = 4;

/**
 * "What are Locks without herd effect?" answered "Locks without herd effect ("scalable lock")":
 * the answer, its quotes left out, is words of the question. (A parenthesised explanation stays:
 * "Static route (entered by hand)" answers "What is static route?".)
 */
function answerInQuestion(card: CardText, normal: CardText): boolean {
  // Without quotes the bare answer is the normalised one already at hand.
  const quoted = card.answer.includes('"') || card.answer.includes('“');
  const bare = quoted ? normaliseForKey(card.answer.replace(/\(\s*(?:"[^"]*"|“[^”]*”)\s*\)|"[^"]*"|“[^”]*”/g, ' ')) : normal.answer;
  return bare.length >= MIN_ECHO_CHARS && ` ${normal.question} `.includes(` ${bare} `);
}

/**
 * Why a text cannot be an answer (markup, a figure, a link, cut off, an aside or a question), or
 * null. Also asked of each statement before statements are gathered into one answer, so one
 * unfit statement does not sink the others.
 */
export function answerProblem(answer: string): string | null {
  if (MARKUP.test(answer) || LATEX.test(answer)) return 'markup left in the card text';
  if (FIGURE.test(answer)) return 'refers to a figure the card cannot show';
  if (CUT_OFF.test(answer) || unclosedParenthesis(answer)) return 'answer ends mid-sentence';
  if (URL.test(answer)) return 'a link, not something to recall';
  // "[[Distributed tracing]], [[SLOs]]": links to other notes, not something to recall.
  if (/\[\[/.test(answer) && !answer.replace(/\[\[[^\]]*\]\]/g, '').replace(/[\s,;.|·•-]+/g, '')) return 'links to other notes, not something to recall';
  if (/^\([^()]*\)$/su.test(answer.trim())) return 'an aside, not an answer';
  if (/[?？]$/.test(answer.trim())) return 'the answer is another question';
  return null;
}

/** Both sides with case, punctuation and spacing ignored (normaliseForKey). */
export function normalisedText(card: CardText): CardText {
  return { question: normaliseForKey(card.question), answer: normaliseForKey(card.answer) };
}

/** Exact duplicates (same question and answer, ignoring case and punctuation) are merged. */
export function duplicateKey(normal: CardText): string {
  return `${normal.question}\u0000${normal.answer}`;
}

/** More "(" than ")": the text was cut inside a parenthesis. */
function unclosedParenthesis(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * "Walk through two-phase commit.", "Define linearizability in one sentence.": an order to the
 * learner (a cloze that lost its blank sets none).
 */
function isTaskPrompt(prompt: string): boolean {
  return /\.$/.test(prompt) && !/^fill in the blank\b/i.test(prompt) && setsTask(prompt);
}
