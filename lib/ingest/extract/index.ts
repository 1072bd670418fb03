import type { ListItem, RootContent } from 'mdast';
import { capitalise } from '../card-text';
import { answerProblem } from '../card-checks';
import { normalisedHead, normaliseForKey } from '../identity';
import { toPlainText } from '../plain-text';
import { hasFiniteVerb, isEnglish, isNounPhrase, isOrderVerb, sentenceParts } from '../sentence-parts';
import { EXAMPLES_TITLE, IMPERATIVE_FRAME, isCommentaryTitle, isStructuralLabel, labelRole, READING_SECTION, withoutBookkeeping } from '../vocabulary';
import type { ListSubject } from '../prompt';
import type { Section } from '../segment';
import { definitionCards, isPlainTerm, lineDefinitions } from './definition';
import { explicitCardsInText } from './explicit';
import type { ExtractedCard } from './extracted-card';
import { isName, parentLabel, passageCards } from './fallback';
import { isGlossary } from './glossary';
import { kindCard } from './kind-label';
import { listCards } from './list';
import { isTask, opensCommentary, passagesOf, type Passage } from './passages';
import { headingQuestionCard, itemQuestionCard, paragraphQuestionCards } from './question-answer';
import { tableCards } from './table';
import { topicSummaryCard } from './topic-summary';

/** A passage of a section that no card holds, and why. */
export interface SkippedPassage {
  line: number;
  reason: string;
}

/**
 * Every card a section yields, in document order, before checks and de-duplication, and the
 * informative passages that still feed none. Shape recognisers (definitions, lists, tables,
 * questions, explicit cards) word the best question for the blocks they know; every other
 * informative passage is covered by passageCards, so no statement of the note goes unasked.
 */
export function extractCards(section: Section): { cards: ExtractedCard[]; skipped: SkippedPassage[] } {
  const { concept, heading } = section;
  // "Source(s) and further reading": pointers to other texts, nothing to recall.
  if (heading && READING_SECTION.test(concept.title.trim())) {
    return { cards: [], skipped: section.nodes.length > 0 ? [{ line: concept.startLine, reason: 'a reading list' }] : [] };
  }
  // "Lecture 9: Consistent hashing" is about consistent hashing: bookkeeping names nothing to ask of.
  const title = withoutBookkeeping(concept.title);
  const parentTitle = concept.path.length > 1 ? concept.path[concept.path.length - 2] : null;
  // "Quick reference" under "Rate limiting": its labels ("Storage: ...") are facets of rate
  // limiting. An examples section's labels ("Twitter: ...") name examples instead.
  const about = heading && parentTitle && isCommentaryTitle(title) && !EXAMPLES_TITLE.test(title) ? parentTitle : null;
  // Cards the author wrote (Obsidian Spaced Repetition syntax) are taken as written; the blocks
  // holding them are not read again by the other recognisers. Questions still see every block, so
  // an answer ends where an author's card begins (answerFrom stops there).
  const explicit = explicitCardsInText(concept.body, concept.startLine);
  const nodes = section.nodes.filter((node) => !explicit.some((card) => overlaps(node, card.line, card.endLine)));
  const cards: ExtractedCard[] = explicit.map(({ kind, question, answer, line }) => ({
    kind,
    prompt: { form: 'verbatim' as const, question },
    answer,
    line,
  }));
  if (heading) {
    const card = headingQuestionCard(title, concept.startLine, section.nodes, parentTitle);
    if (card) cards.push(card);
  }
  cards.push(...paragraphQuestionCards(section.nodes));
  cards.push(...listCards(nodes, title, parentTitle, heading !== null));
  // A section's paragraphs are one run of blocks, each list another. A section asking a question
  // labels the parts of its answer ("Idea: ..."), never terms.
  const mayDefine = about === null && !/[?？]\s*$/u.test(title);
  const paragraphs = mayDefine && isGlossary(nodes.filter((node) => node.type === 'paragraph'));
  for (const node of nodes) {
    const glossary = mayDefine && (node.type === 'list' ? isGlossary(node.children.map((item) => item.children[0])) : paragraphs);
    cards.push(...blockCards(node, title, about, glossary));
  }
  if (heading) {
    const summary = topicSummaryCard(title, nodes, cards);
    if (summary) cards.push(summary);
  }

  const skipped: SkippedPassage[] = [];
  const { covered, taken } = coverage(cards);
  const leftovers: Leftover[] = [];
  for (const { passage, skip } of passagesOf(nodes, heading !== null, taken)) {
    if (skip || covered(passage)) continue;
    const fallback = passageCards(passage, about ?? title, about !== null);
    cards.push(...fallback.cards);
    if (fallback.skipped) skipped.push({ line: passage.line, reason: fallback.skipped });
    for (const text of fallback.leftover) {
      const problem = answerProblem(text);
      if (problem) skipped.push({ line: passage.line, reason: problem });
      // A callout's icon ("💡 Route reads ...") is no part of the statement.
      else leftovers.push({ text: text.replace(LEADING_ICON, ''), line: passage.line, under: parentLabel(passage.parent) });
    }
  }
  const opening = nodes[0]?.position?.start.line;
  const unattached = leftovers.filter((leftover) => !attachedToPrevious(leftover, cards));
  // Too many statements for one card are split by the outline item each hangs under, a card of
  // points to an item, the section's own statements apart.
  const unplaced = unattached.map(({ text, line }) => ({ text, line }));
  const split = pointsCards(unplaced).length > 1;
  const own = split ? unattached.filter((leftover) => !leftover.under) : unplaced;
  cards.push(...(heading ? termCards(about ?? title, own, opening) : null) ?? pointsCards(own));
  if (split) cards.push(...pointsCards(unattached.filter((leftover) => leftover.under)));
  return { cards: cards.sort((a, b) => a.line - b.line), skipped };
}

/**
 * Statements no question could ask, in a section titled with a term, said better than as "key
 * points": statements in a language the grammar does not read that open the section ("软状态"
 * then "指 ...") are the term's definition, "What is 软状态?"; a single English statement is
 * asked what is true of the term when it is a whole sentence. Null leaves them to pointsCards.
 */
function termCards(title: string, leftovers: { text: string; line: number }[], opening: number | undefined): ExtractedCard[] | null {
  if (leftovers.length === 0 || /^[a-z]{1,2}$/i.test(title) || !isPlainTerm(title) || hasFiniteVerb(title)) return null;
  const [first] = leftovers;
  // "A word that means many things" opening "Consistency": a description of a kind defines the
  // section's term, even one that elsewhere names a facet.
  if (first.line === opening && DESCRIPTION.test(first.text) && first.text.length <= MAX_POINTS_CHARS) {
    return [{ kind: 'definition', prompt: { form: 'define', term: title, plural: false }, answer: first.text, line: first.line }, ...(pointsCards(leftovers.slice(1)))];
  }
  if (isStructuralLabel(title) || !isName(title)) return null;
  const foreign = leftovers.every(({ text }) => !isEnglish(text));
  // Statements end as sentences end; "两个研究/论文的方法" introduces what follows.
  const sentences = leftovers.every(({ text }) => /[.!。！]$/u.test(text));
  const answer = leftovers.length === 1 ? first.text : leftovers.map(({ text }) => `- ${text}`).join('\n');
  if (foreign && sentences && first.line === opening && leftovers.length <= MAX_DEFINING_STATEMENTS && answer.length <= MAX_POINTS_CHARS) {
    return [{ kind: 'definition', prompt: { form: 'define', term: title, plural: false }, answer, line: first.line }];
  }
  // A whole English sentence, not a fragment ("minimum of a quadratic, equate ... to 0").
  const sentence = /^[\p{Lu}\d]/u.test(first.text) && /[.!]$/.test(first.text) && (hasFiniteVerb(first.text) || first.text.split(/\s+/).length >= MIN_SENTENCE_WORDS);
  // "Write a checkpoint record ...", "Redo committed txns ...": orders are the term's approach; a
  // single one is a whole sentence, several need not end as sentences do.
  if (!foreign && (leftovers.length > 1 || sentence) && leftovers.every(({ text }) => isAdvice(text)) && answer.length <= MAX_POINTS_CHARS) {
    return [{ kind: 'qa', prompt: { form: 'approach', term: title }, answer, line: first.line }];
  }
  if (leftovers.length === 1 && !foreign && sentence) return [{ kind: 'qa', prompt: { form: 'property', subject: title, generic: false }, answer: first.text, line: first.line }];
  return null;
}

/** "In memory, write to the buffer first": a setting before the order it frames. */
const SETTING = /^(?:in|on|at|for|during|after|before)\s+[^,]{1,30},\s*/i;

/**
 * "Keep session data out of the web servers ...": an order, in sentence case, after a setting or
 * none. An order to the reader about the text ("Note that ...", "Suppose we ...", "Keep in mind
 * ...") frames a statement, it gives no advice; nor does a verb in the third person ("Gets ...").
 */
function isAdvice(statement: string): boolean {
  const text = capitalise(statement.replace(SETTING, ''));
  // "Write latency: <500ms": a label names a term, it orders nothing.
  if (/^[^:：]{1,30}[:：]/u.test(text) && !/^\S+\s+\S+\s+\S+[^:：]*[:：]/u.test(text)) return false;
  const parts = sentenceParts(text);
  const opening = /^\p{L}+/u.exec(text)?.[0].toLowerCase() ?? '';
  // "GET /v1/hotels" is an endpoint, not an order: the verb is a word in sentence case.
  const sentenceCase = /^\p{Lu}\p{Ll}+\s+(?!\p{Lu}\p{Ll})/u.test(text);
  const order = sentenceCase && ((parts.verb !== '' && parts.subjectKind === 'none' && parts.frame === '' && opening === parts.verbBase) || (!parts.verb && isOrderVerb(opening)));
  return order && !IMPERATIVE_FRAME.test(text);
}

const LEADING_ICON = /^[\p{Extended_Pictographic}\uFE0F\u200D]+\s*/u;

/** "That makes layer 7 slower ..." opens on a word pointing back at what was just said. */
const POINTS_BACK = /^(?:this|that|these|those)\s+\p{Ll}/iu;
/** A statement pointing back is read with a card whose passage ends at most this many lines before it. */
const MAX_BACK_GAP = 2;

/**
 * A statement pointing back at the passage just before it ("That makes layer 7 slower ...") is
 * no card of its own: it is added to the answer of that passage's card, when the answer stays
 * focused. Returns whether it was added.
 */
function attachedToPrevious(leftover: { text: string; line: number }, cards: ExtractedCard[]): boolean {
  if (!POINTS_BACK.test(leftover.text)) return false;
  let previous: ExtractedCard | undefined;
  for (const card of cards) if (card.line < leftover.line && (!previous || card.line >= previous.line)) previous = card;
  if (!previous || (previous.kind !== 'qa' && previous.kind !== 'definition') || leftover.line - previous.line > MAX_BACK_GAP + previous.answer.split('\n').length) return false;
  if (previous.answer.length + leftover.text.length + 1 > MAX_POINTS_CHARS || /^- /m.test(previous.answer)) return false;
  previous.answer = `${previous.answer} ${leftover.text}`;
  return true;
}

/** "A word that means ...", "A protocol for ...": an indefinite noun and what restricts it, describing a kind. */
const DESCRIPTION = /^(?:a|an)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:that|which|who|whose|where|for|used|of)\b/iu;

/** A capitalised statement ending in a full stop with this many words is a sentence, whatever the parser found in it. */
const MIN_SENTENCE_WORDS = 8;

/** A definition read off unparsed statements holds at most this many. */
const MAX_DEFINING_STATEMENTS = 3;

/** A "key points" answer holds at most this much, so it stays one recallable piece. */
const MAX_POINTS_CHARS = 400;

/** A statement no question could ask, and the outline item it hangs under, if any. */
interface Leftover {
  text: string;
  line: number;
  under?: string | null;
}

/**
 * Statements no question could ask on their own are still studied: gathered, in note order, into
 * "What are the key points of <topic>?" cards of whole statements, or of the outline item they
 * hang under ("What are the key points of Hosts?"), one item's points to a card.
 */
function pointsCards(leftovers: Leftover[]): ExtractedCard[] {
  const groups: Leftover[][] = [];
  let size = 0;
  for (const leftover of leftovers) {
    const group = groups.at(-1);
    if (group && group[0].under === leftover.under && size + leftover.text.length + 1 <= MAX_POINTS_CHARS) {
      group.push(leftover);
      size += leftover.text.length + 1;
    } else {
      groups.push([leftover]);
      size = leftover.text.length;
    }
  }
  return groups.map((group) => {
    const same = groups.filter((other) => other[0].under === group[0].under);
    const part = same.length > 1 ? { index: same.indexOf(group) + 1, total: same.length } : undefined;
    // A lone statement is asked what is true of its topic, answered as written.
    const single = group.length === 1 && !part;
    return {
      kind: 'qa' as const,
      prompt: { form: 'points' as const, part, ...(group[0].under ? { of: group[0].under } : {}), ...(single ? { single } : {}) },
      answer: single ? capitalise(group[0].text) : group.map(({ text }) => `- ${text}`).join('\n'),
      line: group[0].line,
    };
  });
}

/**
 * A passage is covered when a card was made from its lines (`taken`), or a card's answer holds its
 * text (a question's answer, a list's items).
 */
function coverage(cards: ExtractedCard[]): { covered: (passage: Passage) => boolean; taken: (start: number, end: number, text?: string) => boolean } {
  const lines = new Set(cards.map((card) => card.line));
  // A list card stands on its list's first line, but leaves commentary ("Def: ...") out of its
  // answer: a commentary item there is taken only by a card of its own.
  const ownLines = new Set(cards.filter((card) => card.kind !== 'list').map((card) => card.line));
  const taken = (start: number, end: number, text?: string) => {
    const by = text !== undefined && opensCommentary(text) ? ownLines : lines;
    for (let line = start; line <= end; line++) if (by.has(line)) return true;
    return false;
  };
  // A sub-list's title ("两个研究的方法" over its points) is asked by the list's own card; a
  // labelled one ("goal: spread load evenly") still has a card of its own.
  const titles = new Set(cards.flatMap(({ prompt }) => (prompt.form === 'list' ? [listTitle(prompt.subject)] : [])).filter((title): title is string => title !== null).map(normaliseForKey));
  let answers: string | null = null;
  const covered = (passage: Passage) => {
    if (taken(passage.line, passage.endLine, passage.text) || (!/[:：]\s/u.test(passage.text) && titles.has(normaliseForKey(passage.text.replace(/\s*[:：]-?$/, ''))))) return true;
    answers ??= cards.map((card) => normaliseForKey(card.answer)).join('\n');
    // A label the answer dropped ("A: ...", "Note: ...") does not make the text another passage.
    const head = normalisedHead(passage.text.replace(/^[^\s:]{1,12}:\s+/u, ''), 60);
    return head.length > 0 && answers.includes(head);
  };
  return { covered, taken };
}

/** The title a list is asked by, when it is one of the note's own lines. */
function listTitle(subject: ListSubject): string | null {
  if ('about' in subject) return subject.about;
  return 'under' in subject ? subject.under : null;
}

function overlaps(node: RootContent, start: number, end: number): boolean {
  const from = node.position?.start.line ?? 0;
  const to = node.position?.end.line ?? from;
  return from <= end && start <= to;
}

/**
 * `about`: the topic a commentary section ("Summary") speaks of, whose facets its label lines name.
 * `glossary`: every label names a term (isGlossary).
 */
function blockCards(node: RootContent, sectionTitle: string, about: string | null, glossary: boolean): ExtractedCard[] {
  switch (node.type) {
    case 'paragraph': {
      const kind = kindCard(node, about ?? sectionTitle);
      if (kind) return [kind];
      const records = lineDefinitions(node, about, sectionTitle);
      return records.length > 0 ? records : definitionCards(node, sectionTitle, null, glossary);
    }
    case 'list':
      return node.children.flatMap((item) => itemCards(item, sectionTitle, null, glossary));
    case 'table':
      return tableCards(node);
    case 'blockquote':
      return node.children.flatMap((child) => blockCards(child, sectionTitle, about, glossary));
    default:
      return [];
  }
}

/**
 * A list item may define a term, ask a question answered by its sub-items, or nest a list. Items
 * nested under a named item ("- Consistent hashing" / "  - Used by: ...") belong to that name,
 * not to the section.
 */
function itemCards(item: ListItem, sectionTitle: string, parentItem: string | null, glossary: boolean): ExtractedCard[] {
  if (isTask(item)) return [];
  const question = itemQuestionCard(item);
  if (question) return [question];
  const name = itemName(item);
  const nested = item.children
    .filter((child) => child.type === 'list')
    .flatMap((list) => list.children.flatMap((child) => itemCards(child, name ?? sectionTitle, name, false)));
  return [...(isLinkOnly(item) ? [] : definitionCards(item, sectionTitle, parentItem, glossary)), ...nested];
}

/** "- [RFC 9111: HTTP Caching][rfc9111]": an item that is only a link points elsewhere. */
function isLinkOnly(item: ListItem): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  const content = first.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  return content.length === 1 && (content[0].type === 'link' || content[0].type === 'linkReference');
}

/** The name a list item gives its sub-items: "Consistent hashing" of "Consistent hashing:" or "Consistent hashing: maps keys ...". */
function itemName(item: ListItem): string | null {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return null;
  const text = toPlainText(first).split('\n')[0].trim();
  const name = (/^([^:]{2,40}?)\s*:/.exec(text)?.[1] ?? text).replace(/^\d+(?:\.\d+)*\.?\s+/, '').trim();
  return name.split(/\s+/).length <= 5 && !/[.?!,;]$/.test(name) && isNounPhrase(name) && labelRole(name) === 'term' ? name : null;
}
