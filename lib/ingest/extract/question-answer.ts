import type { ListItem, RootContent } from 'mdast';
import { fitAnswer, MAX_QUESTION_CHARS } from '../limits';
import { toPlainText } from '../plain-text';
import { hasExplicitCards } from './explicit';
import type { ExtractedCard } from './extracted-card';
import { sentenceParts } from '../sentence-parts';
import { AUXILIARY, QUESTION_WORD, setsTask, TASK_VERB, TRUTH_VERDICT } from '../vocabulary';

/** Blocks that can carry an answer as plain text; headings, tables, HTML, rules and long code end it. */
const ANSWER_BLOCKS = new Set(['paragraph', 'list', 'blockquote', 'code']);
/** A code block answers only when it is short and has no comment lines that read as headings. */
const MAX_CODE_ANSWER_CHARS = 300;

/** "Q:", "Q1.", "Q3)", "Q4 -": a question's label, its number and a separator. */
const QUESTION_PREFIX = /^(?:q|question|candidate|interviewee|interviewer|student)\s*\d*\s*(?:[:.)]|[-–—](?=\s))\s*/i;
const ANSWER_PREFIX = /^(?:a|ans|answer|interviewer|candidate|interviewee)\s*\d*\s*(?:[:.)]|[-–—](?=\s))\s*/i;

/** A note's own question: one line ending in "?", optionally after "Q:". */
export function asQuestion(text: string): string | null {
  const question = text.trim().replace(QUESTION_PREFIX, '').trim();
  if (!question.endsWith('?') || question.includes('\n')) return null;
  if (question.length < 8 || question.length > MAX_QUESTION_CHARS) return null;
  return question;
}

/**
 * "the router will go to the headend or the central office?": a statement with a question mark is
 * the author wondering aloud, and the next paragraph is no answer to it. A question opens with a
 * question word or a verb ("Does ...", "Why ..."), or is a bare phrase ("Consistent hashing?").
 */
export function wonders(question: string): boolean {
  const text = question.replace(QUESTION_PREFIX, '').trim();
  if (QUESTION_WORD.test(text) || new RegExp(`^${AUXILIARY.source}`, 'i').test(text)) return false;
  const parts = sentenceParts(text.replace(/[?？]+$/, ''));
  return parts.startsWithSubject && parts.subjectKind !== 'none' && parts.subjectKind !== 'pronoun' && parts.verb !== '';
}

/** A first sentence that is a question, with more after it. */
const OPENS_ON_QUESTION = /^[^.!?\n]{8,}[?？]\s+\S/;

/** The answer text of the blocks that follow a question, up to the next non-answer block. */
export function answerFrom(nodes: RootContent[]): string {
  const blocks: string[] = [];
  for (const node of nodes) {
    if (!ANSWER_BLOCKS.has(node.type)) break;
    if (node.type === 'code' && (node.value.length > MAX_CODE_ANSWER_CHARS || /^\s*#/m.test(node.value))) break;
    // The next question, or an explicit card, starts something new.
    if (node.type === 'paragraph' && hasExplicitCards(node)) break;
    const text = toPlainText(node).replace(ANSWER_PREFIX, '').trim();
    // "When to write dirty pages? It depends" after an answer asks its own; right after the
    // question it is the answer's rhetorical opening ("So, which one is better? ...").
    if (node.type === 'paragraph' && (asQuestion(text) || (blocks.length > 0 && OPENS_ON_QUESTION.test(text)))) break;
    // A block that asks questions of its own ("- what about LPWAN?") is the author wondering, not answering.
    if (/[?？]\s*$/m.test(text)) break;
    if (text) blocks.push(text);
  }
  return fitAnswer(blocks);
}

/** "When to update the cache", "Where to enforce": a question word and what to do. */
export const ADVICE_TITLE = /^(when|why|where|how|whether)\s+to\s+(\S.{2,80})$/i;

/** "When to Use" after a name ("WebSocket — When to Use"): a short title over what follows, no text of its own. */
export function isTitleOver(text: string): boolean {
  return ADVICE_TITLE.test(text.trim()) && text.trim().split(/\s+/).length <= MAX_TITLE_OVER_WORDS;
}

const MAX_TITLE_OVER_WORDS = 4;

/**
 * A heading naming what to do ("Where to enforce" under "Rate limiting"), asked "Where should you
 * enforce rate limiting?": an action of one verb takes its parent topic as its object.
 */
function adviceCard(title: string, parentTitle: string | null, line: number, nodes: RootContent[]): ExtractedCard | null {
  // A heading written as a question ("When to use which cache?") is asked as written.
  const match = /[?？]$/.test(title.trim()) ? null : ADVICE_TITLE.exec(title.trim().replace(/:$/, ''));
  if (!match) return null;
  const action = match[2].trim();
  const bare = !/\s/.test(action);
  // "When to shard" under "Database sharding", or under "Managing long tasks": the parent names no object for the verb.
  if (bare && (!parentTitle || parentTitle.toLowerCase().includes(action.toLowerCase()) || /^\p{L}+ing\b/iu.test(parentTitle))) return null;
  const answer = answerFrom(nodes);
  return answer ? { kind: 'qa', prompt: { form: 'advice', wh: match[1], action, object: bare ? parentTitle : null }, answer, line } : null;
}

/** A heading that asks a question, answered by its section's text. */
export function headingQuestionCard(title: string, line: number, nodes: RootContent[], parentTitle: string | null = null): ExtractedCard | null {
  const advice = adviceCard(title, parentTitle, line, nodes);
  if (advice) return advice;
  const question = asQuestion(title) ?? truthItem(title);
  if (!question) return null;
  const answer = answerFrom(nodes);
  if (!answer || (question !== asQuestion(title) && !TRUTH_VERDICT.test(answer.replace(/^(?:[-*+]|\d+[.)])\s+/, '')))) return null;
  return { kind: 'qa', prompt: { form: 'asked', question }, answer, line };
}

/**
 * A heading written as a statement ("B-tree indexes handle 2D range queries.") is a
 * true-or-false item when the section answers it with a verdict ("False, use R-trees").
 */
function truthItem(title: string): string | null {
  const statement = title.trim();
  if (!/[.!]$/.test(statement) || statement.split(/\s+/).length < 4) return null;
  return `True or false: ${statement.replace(/[.!]+$/, '')}?`;
}

/**
 * Questions asked in a paragraph of their own and answered by the blocks right after, or asked
 * and answered on consecutive lines of one paragraph ("Q: ...?" then "A: ...").
 */
export function paragraphQuestionCards(nodes: RootContent[]): ExtractedCard[] {
  const cards: ExtractedCard[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== 'paragraph') return;
    const text = toPlainText(node);
    // "Q: Walk through two-phase commit." / "A:" with the answer in the blocks after it.
    const [asked, label, ...more] = text.split('\n');
    const opened = label !== undefined && more.length === 0 && EMPTY_ANSWER.test(label);
    if (text.includes('\n') && !opened) {
      cards.push(...inlineAnswered(text, node.position?.start.line ?? 1));
      return;
    }
    const question = opened ? prefixedQuestion(asked) ?? asQuestion(asked) : asQuestion(text);
    if (!question || wonders(question)) return;
    const answer = answerFrom(nodes.slice(i + 1));
    if (answer) cards.push({ kind: 'qa', prompt: { form: 'asked', question }, answer, line: node.position?.start.line ?? 1 });
  });
  return cards;
}

/**
 * Questions answered inside one paragraph: lines "Q: ...?" followed by lines starting "A:" (the
 * "?" may be missing after an explicit "Q:"), or a paragraph that opens with its only question
 * and continues with the answer, as hand-written and OCR'd notes do. Wrapped answer lines are
 * joined into sentences; list lines stay lines.
 */
function inlineAnswered(text: string, start: number): ExtractedCard[] {
  const lines = text.split('\n');
  const cards: ExtractedCard[] = [];
  lines.forEach((line, i) => {
    if (!ANSWER_PREFIX.test(lines[i + 1] ?? '')) return;
    const question = asQuestion(line) ?? prefixedQuestion(line);
    if (!question) return;
    const answerLines: string[] = [];
    for (let j = i + 1; j < lines.length && !asQuestion(lines[j]) && !(j > i + 1 && prefixedQuestion(lines[j])); j++) {
      answerLines.push(lines[j].replace(ANSWER_PREFIX, '').trim());
    }
    const card = qaCard(question, answerLines, start + i);
    if (card) cards.push(card);
  });
  if (cards.length > 0 || lines.some((line) => ANSWER_PREFIX.test(line))) return cards;

  const question = asQuestion(lines[0]);
  const rest = lines.slice(1);
  if (!question || rest.some((line) => asQuestion(line) || /\?$/.test(line.trim()))) return [];
  const card = qaCard(question, rest, start);
  return card ? [card] : [];
}

/** An answer label with nothing after it: the answer is in the blocks that follow. */
const EMPTY_ANSWER = /^\s*(?:a|ans|answer)\s*[:：.)-]?\s*$/i;

/** "Q: what is a thundering herd": an explicitly marked question, its "?" added. */
function prefixedQuestion(line: string): string | null {
  if (!QUESTION_PREFIX.test(line.trim()) || !/^\s*q/i.test(line)) return null;
  const question = line.trim().replace(QUESTION_PREFIX, '').trim().replace(/[.:]$/, '');
  if (question.length < 8 || question.length > MAX_QUESTION_CHARS - 1) return null;
  // "Walk through two-phase commit", "Define X in one sentence": a task is set, not asked.
  if (setsTask(question)) return `${question}.`;
  return question.endsWith('?') ? question : `${question}?`;
}

const LIST_LINE = /^(?:[-*+•]|\d+[.)])\s/;

function qaCard(question: string, answerLines: string[], line: number): ExtractedCard | null {
  const blocks: string[] = [];
  for (const text of answerLines.map((l) => l.trim()).filter(Boolean)) {
    const last = blocks.at(-1);
    if (last !== undefined && !LIST_LINE.test(text) && !LIST_LINE.test(last)) blocks[blocks.length - 1] = `${last} ${text}`;
    else blocks.push(text);
  }
  const answer = fitAnswer(blocks);
  return answer ? { kind: 'qa', prompt: { form: 'asked', question }, answer: answer.charAt(0).toUpperCase() + answer.slice(1), line } : null;
}

/** "- Why X?" with the answer in the item's own sub-list or following paragraphs. */
export function itemQuestionCard(item: ListItem): ExtractedCard | null {
  const [first, ...rest] = item.children;
  if (!first || first.type !== 'paragraph') return null;
  // A one-line item with nothing under it answers nothing (known before its text is read).
  if (rest.length === 0 && first.position && first.position.start.line === first.position.end.line) return null;
  // "1. What is a consumer group?" with its answer on the lines under it, or in the blocks after.
  const [head, ...tail] = toPlainText(first).split('\n');
  // "6. Name three ways to resolve write conflicts." over its points: a drill's task.
  const question = asQuestion(head) ?? (TASK_VERB.test(head.trim()) && /\.$/.test(head.trim()) && rest.length > 0 ? head.trim() : null);
  const inline = tail.join(' ').trim();
  if (!question || (rest.length === 0 && !inline) || /[?？]/.test(inline)) return null;
  // "- What is a CDN edge?" over one sub-item: that item is the answer, without its bullet.
  const after = rest.length > 0 ? answerFrom(rest as RootContent[]).replace(/^[-*+]\s+(?=[^\n]+$)/, '') : '';
  const answer = inline ? fitAnswer([inline, ...(after ? [after] : [])]) : after;
  return answer ? { kind: 'qa', prompt: { form: 'asked', question }, answer: inline ? answer.charAt(0).toUpperCase() + answer.slice(1) : answer, line: item.position?.start.line ?? 1 } : null;
}
