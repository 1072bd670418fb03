import type { List, ListItem, RootContent } from 'mdast';
import { MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, sentences } from '../limits';
import { toPlainText } from '../plain-text';
import type { ExtractedCard } from './extracted-card';
import { itemQuestionCard } from './question-answer';
import { titleCasedWords } from '../titles';
import { HAN_OR_KANA } from './fallback';
import type { ListSubject } from '../prompt';
import { canBeVerb, describes, hasFiniteVerb, isDeterminer, isEnglish, isNounPhrase, isOrderVerb, namesThing, sentenceParts } from '../sentence-parts';
import { FIRST_ADJECTIVE, listedReadings, NOUN } from '../sentence-parts/lexicon';
import { isPreposition } from '../sentence-parts/words';
import { isTask } from './passages';
import { ADVICE_TITLE } from './question-answer';
import { inverted } from './reason';
import { DISCOURSE, DOCUMENT_CLOSING, DOCUMENT_OPENING, IMPERATIVE, isPlural, isStructuralLabel, labelRole, QUESTION_WORD, REFERRING_WORD, SPEAKER } from '../vocabulary';

/** A list card asks for at most this many items; longer lists become several cards. */
const MAX_ITEMS_PER_CARD = 7;
/** Longest single item kept in a list answer; a list with a longer item is prose, not a list. */
const MAX_ITEM_CHARS = 300;
/** Items this long on average are notes of their own rather than members of one list. */
const MIN_NOTE_ITEM_CHARS = 100;
const MIN_ITEMS = 2;

/**
 * "What are the N <lead-in>?" cards from a list and what introduces it: the paragraph before it
 * when that ends in ":", or else the section heading when the list opens the section. Items that
 * are "Term: explanation" are asked by term only; the explanations have definition cards.
 */
export function listCards(nodes: RootContent[], sectionTitle: string, parentTitle: string | null, headed = true): ExtractedCard[] {
  const cards: ExtractedCard[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== 'list' || node.children.some(isTask)) return;
    const previous = nodes[i - 1];
    let leadIn: string | null = null;
    if (previous?.type === 'paragraph') {
      // The line, then the sentence, right before the colon introduces the list.
      const lastLine = toPlainText(previous).split('\n').at(-1)!.trim();
      if (/[:：]-?$/.test(lastLine)) leadIn = sentences(lastLine).at(-1)!.replace(/\s*[:：]-?$/, '');
    } else if (!previous && i === 0 && headed) {
      // A note's preamble is titled by its file name, which introduces no list.
      leadIn = sectionTitle;
    }
    // A list under a question ("... ?", "Where to enforce") is that question's answer, asked by the
    // question card; titles under "In this section, we will discuss the following" are a contents list.
    if (leadIn && !/\?$/.test(leadIn) && !(leadIn === sectionTitle && ADVICE_TITLE.test(leadIn)) && !(DISCOURSE.test(leadIn) && /\b(?:section|chapter|part|lecture|article)\b/i.test(leadIn) && namesTopics(node))) {
      for (const group of subLists(node)) {
        cards.push(...cardsForList(group.list, group.leadIn ?? leadIn, sectionTitle, parentTitle));
      }
    }
    cards.push(...nestedListCards(node, sectionTitle));
  });
  return cards;
}

/** Items that are short titles with no verb ("High-level design", "API design"): topics to come, not facts. */
function namesTopics(list: List): boolean {
  return list.children.every((item) => {
    const text = itemText(item);
    return text !== null && text.split(/\s+/).length <= MAX_TOPIC_WORDS && !hasFiniteVerb(text);
  });
}

const MAX_TOPIC_WORDS = 6;

/** A contents list has at least this many entries. */
const MIN_CONTENTS_ITEMS = 4;

/**
 * "Introduction", "A Storage Service Interface", "Concluding Remarks": a list of section titles
 * (every entry a short verbless phrase in title case) is a table of contents, which names what a
 * text covers and states nothing to recall.
 */
function isContents(items: string[]): boolean {
  // A long one may have an entry in sentence case ("Related work").
  const titled = items.filter((item) => {
    const entry = item.replace(/^\d+(?:\.\d+)*\.?\s+/, '');
    return entry.split(/\s+/).length <= 6 && titleCasedWords(entry) > 0 && !hasFiniteVerb(item);
  });
  if (items.length < MIN_CONTENTS_ITEMS) return false;
  if (titled.length >= items.length - (items.length >= 5 ? 1 : 0)) return true;
  // A paper's or a book's outline in sentence case: short entries from "Introduction" to "Conclusion".
  const entries = items.map((item) => item.replace(/^\d+(?:\.\d+)*\.?\s+/, '').trim());
  const short = entries.every((entry) => entry.split(/\s+/).length <= 6 && !/[.;:]$/.test(entry) && !hasFiniteVerb(entry));
  return short && (DOCUMENT_OPENING.test(entries[0]) || DOCUMENT_CLOSING.test(entries.at(-1)!));
}

/**
 * Outlines nest a list under an item that names it ("- System failures" over its kinds): the
 * item's label introduces its sub-list, asked in the section's topic.
 */
function nestedListCards(list: List, sectionTitle: string): ExtractedCard[] {
  return list.children.flatMap((item) => {
    const nested = item.children.find((child): child is List => child.type === 'list');
    if (!nested) return [];
    const label = itemText(item)?.replace(/\s*[:：]-?$/, '');
    // "Splits objects across chains" over its examples is a statement, not the list's name.
    const names = label && label.length <= 60 && isLabel(label) && isNounPhrase(label) && !hasFiniteVerb(label);
    const own = names ? cardsForList(nested, label, label, sectionTitle) : [];
    // Deeper lists are points about this item ("Cache-aside" under "Caching"), not about the section.
    return [...own, ...nestedListCards(nested, names ? label.replace(/^\d+(?:\.\d+)*[.)]?\s+/, '') : sectionTitle)];
  });
}

/**
 * Flattened exports put a sub-list's lead-in as a sibling item ("- 3 types of read:" followed by
 * the types). Items ending in ":" split the list into groups, each introduced by that item.
 */
function subLists(list: List): { list: List; leadIn: string | null }[] {
  const groups: { list: List; leadIn: string | null }[] = [{ list: { ...list, children: [] }, leadIn: null }];
  for (const item of list.children) {
    const text = itemText(item);
    if (text && /[:：]-?$/.test(text) && item.children.length === 1) {
      groups.push({ list: { ...list, children: [], position: item.position }, leadIn: text.replace(/\s*[:：]-?$/, '') });
    } else {
      groups[groups.length - 1].list.children.push(item);
    }
  }
  return groups.filter((g) => g.list.children.length > 0);
}

function cardsForList(list: List, leadIn: string, sectionTitle: string, parentTitle: string | null): ExtractedCard[] {
  const items = list.children.map(itemText).filter((t): t is string => Boolean(t));
  if (items.length < MIN_ITEMS || items.length !== list.children.length) return [];
  if (isContents(items)) return [];
  // "1. What is a consumer group?" over its answer: each item is a question card, the list no card.
  if (list.children.filter((item) => itemQuestionCard(item)).length * 2 >= list.children.length) return [];
  // A list after an empty "A:" is the answer of the question above it (paragraphQuestionCards).
  if (/^(?:a|ans|answer)$/i.test(leadIn.trim())) return [];
  // Statements under "IMPORTANT:" or "Note:" are each asked on their own: the label names no list.
  if (labelRole(leadIn) === 'commentary' && items.filter((item) => hasFiniteVerb(item)).length * 2 > items.length) return [];
  // Items that only title their own sub-lists with generic labels ("- Pros", "- How it works",
  // each over its points) would make a card of bare labels; each sub-list has a card of its own.
  const titlesOnly = list.children.filter((item, i) => item.children.length > 1 && isStructuralLabel(items[i]));
  if (titlesOnly.length * 2 >= list.children.length) return [];
  if (items.some((t) => t.length > MAX_ITEM_CHARS || /^https?:\/\//.test(t))) return [];
  // Numbered notes of a few lines each ("1. Kafka topic is split into partitions; each ...") are
  // points made one after another, not members to recall together: each is asked on its own.
  if (items.length > MAX_ITEMS_PER_CARD && items.reduce((sum, t) => sum + t.length, 0) > items.length * MIN_NOTE_ITEM_CHARS) return [];
  // A reading list ("References", "Further reading") is where to look, not what to recall.
  if (list.children.filter(isLinkOnly).length * 2 >= list.children.length) return [];

  // Commentary ("Note: ...") and to-dos ("TODO: ...") are not members of the list.
  const members = list.children.filter((item) => !isCommentary(item) && !isTask(item));
  if (members.length !== list.children.length) return cardsForList({ ...list, children: members }, leadIn, sectionTitle, parentTitle);
  // Items that are each a whole sentence about a subject of its own ("TF-IDF weighs ...", "BM25
  // adds ...") under a title are asked one by one; a card of them all would only say "list them".
  // Numbered steps, and a facet's points ("Cons"), stay one card.
  if (leadIn === sectionTitle && !list.ordered && labelRole(leadIn) === 'term' && items.length <= MAX_STATEMENT_ITEMS && items.every(isOwnStatement)) return [];
  const terms = list.children.map(termOf);
  // "80 → HTTP": a number names nothing on its own, so such items are shown whole.
  const byTerm = terms.filter(Boolean).length >= Math.ceil(items.length * 0.6) && terms.every((term) => term && /\p{L}{2}/u.test(term));
  // Terms that are generic labels ("How it works: ...", "Pros: ...") are not what the list is
  // about; each item is asked on its own card instead.
  if (byTerm && terms.filter((term) => isStructuralLabel(term!)).length * 2 >= terms.length) return [];
  const shown = byTerm ? (terms as string[]) : items;
  const found = subjectOf(leadIn, sectionTitle, parentTitle);
  // "Maintain two separate copies of the database:" over two items counts what they are.
  const counted = 'under' in found || ('about' in found && !found.topic) ? countedNoun(leadIn, shown.length) : null;
  const subject = counted ? { noun: counted } : found;
  const groups = chunk(shown, MAX_ITEMS_PER_CARD);
  const line = list.position?.start.line ?? 1;
  let number = list.start ?? 1;
  return groups.flatMap((group, g) => {
    const part = groups.length > 1 ? { index: g + 1, total: groups.length } : undefined;
    const answer = group.map((item) => `${list.ordered ? `${number++}.` : '-'} ${item}`).join('\n');
    const named = 'noun' in subject ? subject.noun : 'under' in subject ? subject.under : 'actor' in subject ? subject.actor : 'about' in subject ? `${subject.about} ${subject.topic}` : `${subject.frame} ${subject.subject} ${subject.rest}`;
    if (named.length > MAX_QUESTION_CHARS - 40 || answer.length > MAX_ANSWER_CHARS) return [];
    return [{ kind: 'list' as const, prompt: { form: 'list' as const, count: shown.length, subject, part }, answer, line }];
  });
}

/** "on 1 chat flow": a label whose first word is a preposition. */
function isPrepositionWord(text: string): boolean {
  return isPreposition(text.split(/\s+/)[0].toLowerCase());
}

/** A list of more statements than this is a list to recall as one. */
const MAX_STATEMENT_ITEMS = 4;

/** "BM25 adds saturation, so ...": a capitalised sentence opening on a named subject that does something. */
function isOwnStatement(item: string): boolean {
  // A sentence ends in a full stop, or runs long enough to be one without it.
  if (!/^\p{Lu}/u.test(item) || !(/[.!]$/.test(item) || item.split(/\s+/).length >= MIN_STATEMENT_WORDS)) return false;
  const parts = sentenceParts(sentences(item)[0] ?? '');
  return parts.subjectKind === 'specific' && parts.startsWithSubject && parts.verb !== '';
}

/** An item of this many words with a subject and a verb is a sentence, full stop or not. */
const MIN_STATEMENT_WORDS = 6;

function itemText(item: ListItem): string | null {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return null;
  const text = toPlainText(first).replace(/\n+/g, ' ').trim();
  return text || null;
}

function isCommentary(item: ListItem): boolean {
  const label = /^([^:–—-]{1,30}?)\.?\s*[:–—-]/u.exec(itemText(item) ?? '')?.[1];
  return label !== undefined && labelRole(label) === 'commentary';
}

/** An item that is only a link, written as markdown or as a bare URL. */
function isLinkOnly(item: ListItem): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph' || first.children.length !== 1) return false;
  const only = first.children[0];
  return only.type === 'link' || (only.type === 'text' && BARE_URL.test(only.value.trim()));
}

const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

/** The term of a "Term: explanation" / "**Term** - explanation" item, or null. */
function termOf(item: ListItem): string | null {
  const text = itemText(item);
  if (!text) return null;
  const match = /^([^:–—]{1,40}?)\s*(?::|\s[-–—]\s|\s?→)\s*\S/u.exec(text);
  if (!match || match[1].split(/\s+/).length > 5) return null;
  return match[1].trim();
}

/**
 * What the list enumerates, as a noun phrase: "Here are the considerations for X" -> "considerations
 * for X"; a bare label ("Pros") is qualified by its topic ("pros of Token bucket").
 */
function subjectOf(leadIn: string, sectionTitle: string, parentTitle: string | null): ListSubject {
  // "Internet structure (with exchange points between ISPs, and ...):" leading into a list: a
  // lead-in too long to quote is named by the words before its aside. A section's own title stays whole.
  const whole = leadIn.replace(/\s+/g, ' ').trim();
  const text = whole === sectionTitle || whole.length <= MAX_QUOTED_LEAD_IN ? whole : whole.replace(/^(\S.*?)\s+\([^()]{12,}\)$/u, '$1');
  // The phrasing below is English; a lead-in in another language is quoted as written.
  // "Disadvantage(s): CDN": a facet of the subject after the colon.
  const facetOf = /^([^:]{2,30}?)\s*:\s*([^:]{2,40})$/.exec(text);
  const facet = facetOf?.[1].replace(/\(s\)$/i, 's');
  // "Goal: spread data + load evenly" states the goal; only a name after the colon is what the facet is of.
  const owner = facetOf?.[2].trim() ?? '';
  if (facetOf && facet && labelRole(facet) === 'facet' && (!hasFiniteVerb(owner) || namesThing(owner)) && !/[+=<>]/.test(owner) && owner.split(/\s+/).length <= 4) {
    return { noun: `${lower(facet)} of ${owner}` };
  }
  // A short Latin-script label ("API", "znodes") is a name, whatever lexicon knows it.
  if (!isEnglish(text) && (HAN_OR_KANA.test(text) || text.split(/\s+/).length > MAX_NAME_LABEL_WORDS)) {
    // A short Chinese or Japanese label ("数据同步") names what the points are about; a sentence is quoted.
    const topic = text === sectionTitle ? parentTitle : sectionTitle;
    const label = HAN_OR_KANA.test(text) && !/[,.;:!?，。；：！？、]/u.test(text) && text.length <= MAX_FOREIGN_LABEL_CHARS;
    return label && topic && topic !== text ? { about: text, topic } : { under: text };
  }
  // "The application does the following", "The client sends the following:": what someone does.
  const doing = /^((?:the|a|an|each|every)\s+[\p{L}\s-]{2,40}?|[\p{Lu}][\p{L}\d-]*(?:\s+[\p{L}\d-]+){0,3}?)\s+(\p{Ll}+?)(?:es|s)\s+the\s+following(?:\s+(?:steps|things|actions))?$/u.exec(text);
  if (doing && canBeVerb(doing[2]) && isNounPhrase(doing[1]) && !hasFiniteVerb(doing[1])) return { actor: doing[1], verb: doing[2] };
  const phrase =
    /^(?:here|there|these|those|below|following)\s+(?:are|is)\s+(?:generally |usually |typically |mainly |commonly |basically )?(?:a few |some |several |the following |the |\d+ )?(.+)$/i.exec(text)?.[1] ??
    /^(?:the following|following)\s+(.+?)\s+(?:are|is)\b.*$/i.exec(text)?.[1] ??
    /^(?:the\s+)?(.+?)\s+(?:are|include|includes|consist of|consists of)(?:\s+the following)?(?:\s+\w+)?$/i.exec(text)?.[1] ??
    ownedPhrase(text) ??
    null;
  // "Here is how it works", "It consists of": a pronoun or a question word names nothing.
  if (phrase && !REFERRING_WORD.test(phrase) && !QUESTION_WORD.test(phrase)) {
    return { noun: lower(stripCount(stripArticle(phrase))) };
  }
  const label = stripCount(text);
  if (isLabel(label)) {
    // "Pros" under "Token bucket" -> "pros of Token bucket"; a section's own title needs its parent.
    const own = text === sectionTitle ? parentTitle : sectionTitle;
    // A commentary heading ("IMPORTANT") names no topic; its parent does.
    const topic = own && labelRole(own) === 'commentary' ? parentTitle : own;
    const short = label.split(/\s+/).length <= 3;
    const named = short && topic && isLabel(topic) && !label.toLowerCase().includes(topic.toLowerCase());
    const role = labelRole(label);
    // A commentary label ("IMPORTANT", "Notes") names nothing: the list is about its topic.
    if (role === 'commentary' && topic) return { under: topic };
    // "Pros" and "types" of a topic; a singular label is a subject the points are about
    // ("Election" in "Raft overview").
    if (named && !isPlural(label)) return { about: label, topic };
    if (named) return { noun: `${lower(label)} of ${topic}` };
    // "What are the 5 fixed number of partitions?" is no English: only a plural label names the items.
    if (text !== sectionTitle && isPlural(label)) return { noun: lower(label) };
  }
  // A plural section title names its list: "Eviction policies" -> "What are the 3 eviction policies?";
  // a singular term is what the points are about, in its parent ("Safety" in "Raft").
  // "Scaling reads" is an activity, not a kind of reads: it is what the points are about.
  if (text === sectionTitle && isLabel(label) && /^\p{L}+ing\s/u.test(label) && !parentTitle) return { about: label, topic: '' };
  if (text === sectionTitle && isLabel(label) && isPlural(label) && !/[:：]/.test(label)) return { noun: lower(label) };
  const role = labelRole(label);
  const term = (role === 'term' || (role === 'facet' && !isPlural(label))) && namesThing(label) && /^\p{Lu}[\p{L}\s-]*$/u.test(label) && !/^\p{L}+ing$/u.test(label);
  // A section title of a few words over its list ("Ranking" under "Search systems") is what the
  // points are about, in its parent, whether or not it names a term.
  if (text === sectionTitle && parentTitle && !/[?？]$/.test(parentTitle) && (term || (isLabel(label) && namesThing(label))) && label.split(/\s+/).length <= 4) {
    // "1 on 1 chat flow" keeps its number: without it the title would open on a preposition.
    // "Router: joins networks" is about the router: the term before a colon names the points.
    const named = /^([^:：]{1,40}?)\s*[:：]\s+\S/u.exec(label)?.[1] ?? label;
    return { about: /^\p{L}+\s/u.test(named) && isPrepositionWord(named) ? text : named, topic: parentTitle };
  }
  // "IP Address: identifies each host" over its points: the term the lead-in defines is what they are about.
  // (An item over its sub-list is the list's own title; its topic is then the parent's.)
  const defined = /^([^:：]{2,40}?)\s*[:：]\s+\S/u.exec(text)?.[1];
  const definedIn = text === sectionTitle ? parentTitle : sectionTitle;
  const definesTerm = defined !== undefined && /^\p{Lu}/u.test(defined) && !isDeterminer(defined.split(/\s+/)[0].toLowerCase()) && !SPEAKER.test(defined);
  if (definesTerm && definedIn && labelRole(defined) === 'term' && namesThing(defined) && defined.split(/\s+/).length <= 4 && defined !== definedIn) return { about: defined, topic: definedIn };
  return (text !== sectionTitle && clauseSubject(text)) || { under: text === sectionTitle || text.length > MAX_QUOTED_LEAD_IN ? sectionTitle : text };
}

/** A lead-in longer than this is not quoted in a question. */
const MAX_QUOTED_LEAD_IN = 80;

/** A lead-in's object phrase is a topic of this many words at most. */
const MAX_ABOUT_WORDS = 8;

/**
 * A lead-in that is a clause, asked as one: "If the transaction spans nodes, this implies" ->
 * "If the transaction spans nodes, what does this imply?" (the verb ends it, its object is the
 * list); "Recall atomicity in ACID transactions" -> points about atomicity in ACID transactions.
 */
function clauseSubject(text: string): ListSubject | null {
  const parts = sentenceParts(text);
  // "Recall atomicity in ...": an instruction, its verb one the lexicon lists first as a verb.
  const instruction = /^(\p{L}+)\s+(\S.*)$/u.exec(text);
  const order = !parts.verb && instruction && isOrderVerb(instruction[1].toLowerCase()) ? instruction[2] : null;
  if (!parts.verb && !order) return null;
  // An object pointing elsewhere ("these steps") or cut off ("RPC when") names no topic.
  const object = (order ?? parts.predicate).trim();
  if ((order || (parts.subjectKind === 'none' && !parts.frame.trim())) && object && isNounPhrase(object) && object.split(/\s+/).length <= MAX_ABOUT_WORDS && !REFERRING_WORD.test(object) && !/\b(?:when|if|to|for|with|that|which|as)$/i.test(object)) {
    return { about: object, topic: '' };
  }
  if (order) return null;
  // "this implies", "the coordinator sends": a pointing word or a determiner opens the subject; "we cover" says nothing of it.
  if (object || parts.copula || !(/^(?:this|that|it|these|those)$/i.test(parts.subject.trim()) || parts.subjectKind === 'generic')) return null;
  const turned = inverted(parts);
  return turned ? { frame: parts.frame.trim().replace(/,$/, ''), subject: parts.subject.trim(), ...turned } : null;
}

const MAX_NAME_LABEL_WORDS = 3;

const COUNT_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** "two separate copies of the database": a count, up to three modifiers, a plural noun and an optional "of" phrase. */
const COUNTED = /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+s)((?:\s+of\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?)?)(?=\s*(?:[:.,;]|$))/iu;

/**
 * The items a lead-in counts: "separate copies of the database" of "Maintain two separate copies
 * of the database" over two items. The count must be the number of items, so the phrase names them.
 */
function countedNoun(leadIn: string, items: number): string | null {
  const match = COUNTED.exec(leadIn.trim());
  if (!match) return null;
  const count = /^\d/.test(match[1]) ? Number(match[1]) : COUNT_WORDS.indexOf(match[1].toLowerCase()) + 2;
  const noun = `${match[2]}${match[3]}`.trim();
  if (count !== items || !isPlural(match[2]) || !isNounPhrase(noun)) return null;
  // "2 reasons", "two different places" say what the items are only with what they are of or for:
  // an "of" phrase or a noun before the head ("safety options") must say it.
  const modifiers = match[2].split(/\s+/).slice(0, -1);
  const nounModified = modifiers.length > 0 && modifiers.every((word) => {
    const readings = listedReadings(word.toLowerCase());
    return (readings & NOUN) !== 0 && (readings & FIRST_ADJECTIVE) === 0;
  });
  return match[3].trim() || nounModified ? lower(noun) : null;
}

/** Chinese and Japanese labels are short: a lead-in longer than this is a sentence. */
const MAX_FOREIGN_LABEL_CHARS = 10;

/** "Long polling has a few drawbacks" -> "drawbacks of long polling"; "The bucket takes two parameters" -> "parameters of bucket". */
function ownedPhrase(text: string): string | null {
  const match = /^(?:the\s+)?(.{2,50}?)\s+(?:(?:must|should|can|will)\s+)?(?:has|have|takes?|needs?|uses?|supports?|requires?|offers?|provides?)\s+(?:the following\s+|a few\s+|some\s+|several\s+|many\s+)?(?:\d+\s+|two\s+|three\s+|four\s+|five\s+|six\s+)?(\p{L}[\p{L}\s-]{2,40}?)[:.]?$/iu.exec(text);
  // "This approach works, but it has two drawbacks": the owner is a clause, not a name.
  // The items are the noun itself ("parameters"), not a phrase about it ("Merkle trees for repair").
  if (!match || /[,;]/.test(match[1]) || !isNounPhrase(match[1]) || hasFiniteVerb(match[1]) || describes(match[1])) return null;
  if (!isPlural(match[2].trim()) || match[2].trim().split(/\s+/).length > 3) return null;
  return `${match[2].trim()} of ${lower(match[1].trim())}`;
}

/** A noun-phrase label ("Pros", "Key concepts", "Token bucket"), not a sentence or a question. */
function isLabel(text: string): boolean {
  return (
    text.split(/\s+/).length <= 6 &&
    !/[?!.]$/.test(text) &&
    !/^(?:a|an|the|this|that|these|those|it|we|you|they|how|why|what|when|where|which|who|if)\b/i.test(text) &&
    // A clause ("Primarily, we want to make sure") or a step ("Add file metadata") is not a noun phrase.
    !/[,;]|\b(?:we|you|they|i|these|those)\b/i.test(text) &&
    !IMPERATIVE.test(text) &&
    !/\b(?:is|are|was|were|has|have|had|can|will|should|must|do|does|may|might|could|would)\b/i.test(text) &&
    // A verb after the first word makes a sentence ("Caches appear at many layers").
    !/^\S+\s+(?:\S+\s+)?(?:appears?|happens?|occurs?|exists?|works?|comes?|falls?|gets?|makes?|needs?|uses?(?! cases?\b)|helps?|shows?|looks?|means?|matters?|fails?|differs?|depends?|runs?|lives?|sits?|goes?|keeps?|allows?|lets?|requires?|supports?|provides?|includes?|contains?|consists?)\b/i.test(text) &&
    !/\b(?:when|if|because|to|for|that|with|by)$/i.test(text)
  );
}

/** "Two reasons" / "3 types" -> "reasons" / "types": the card states the count itself. */
function stripCount(text: string): string {
  return text.replace(/^(?:\d+|a few|few|some|several|many|two|three|four|five|six|seven|eight|nine|ten)\s+(?=\S)/i, '');
}

function stripArticle(text: string): string {
  return text.replace(/^(?:the|a|an)\s+/i, '').replace(/[.:]+$/, '');
}

/**
 * Lower-cases a label's first letter unless it is an acronym; a label in Title Case ("System
 * Failures") is title styling, so each of its capitalised words is lowered.
 */
function lower(text: string): string {
  const words = text.split(/\s+/);
  if (words.length > 1 && words.every((word) => /^[\p{Lu}\d]/u.test(word))) return text.replace(/\b\p{Lu}\p{Ll}+\b/gu, (word) => word.toLowerCase());
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function chunk<T>(items: T[], size: number): T[][] {
  const count = Math.ceil(items.length / size);
  const per = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => items.slice(i * per, (i + 1) * per));
}
