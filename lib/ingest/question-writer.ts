import { capitalise } from './card-text';
import type { Prompt } from './prompt';
import { isDeterminer, isKnownWord, isNounPhrase } from './sentence-parts';
import { isPreposition } from './sentence-parts/words';
import { AUXILIARY, ENDS_IN_PREPOSITION, isPlural, labelRole, NEEDS_CONTEXT, QUESTION_WORD, withoutBookkeeping } from './vocabulary';

/**
 * The one place a card's question is written in English. It gets what the card asks as data and
 * the topic path of the card's concept (outermost first). Invariants: the result ends in "?" (or
 * holds a blank), names what it asks about, and starts with a capital; a question that would only
 * make sense beside its passage ("When do you need both?") gets its topic in front.
 */
export function writeQuestion(prompt: Prompt, titles: readonly string[]): string {
  const topicPath = titles.map(topicName);
  const topic = nearestTopic(topicPath);
  const subject = prompt.form === 'points' ? qualified(topicPath) : topic;
  return sentenceCase(phrase(unnumbered(outOfCommentary(prompt, topicPath)), subject && unnumber(subject)));
}

/**
 * "Consistency" under a "Summary" heading: points about it are placed in the topic the summary
 * sums up (the nearest title above that is no commentary), not in "Summary".
 */
function outOfCommentary(prompt: Prompt, path: readonly string[]): Prompt {
  if (prompt.form !== 'list' || !('about' in prompt.subject) || !prompt.subject.topic || labelRole(prompt.subject.topic) !== 'commentary') return prompt;
  const owner = [...path].reverse().find((title) => namesSomething(title) && labelRole(title) !== 'commentary' && !isCommonWord(title));
  return owner ? { ...prompt, subject: { ...prompt.subject, topic: owner } } : prompt;
}

/**
 * The topic as the subject of its key points: a one-word title that is a common word ("Thinking",
 * "Paper") says which one by its nearest ancestor that names more ("Thinking (Chain replication)").
 */
function qualified(path: readonly string[]): string | null {
  const names = path.filter(namesSomething);
  const topic = names.at(-1);
  if (!topic || !isCommonWord(topic)) return topic ?? null;
  const owner = names.slice(0, -1).reverse().find((title) => !isCommonWord(title));
  return owner ? `${topic} (${unnumber(owner)})` : topic;
}

/** A single word the English lexicon knows in lower case: it names a kind of thing, not a topic. */
function isCommonWord(title: string): boolean {
  const word = title.trim();
  return /^\p{L}+$/u.test(word) && !/\p{Lu}.*\p{Lu}/u.test(word) && isKnownWord(word.toLowerCase());
}

/** "2.4 Fixed partitions", "3) Sharding", "IV. Storage", "① Cache-aside": an outline's number, which names nothing. */
const OUTLINE_NUMBER = /^(?:(?:\d+(?:\.\d+)+\.?|\d+[.)]|[IVX]+\.|[a-z]\))\s+|[\u2460-\u24ff\u2776-\u2793]\s*)(?=\p{L})/u;

/**
 * The note's question as a learner should read it: without its list number ("1. Why ...?"), and a
 * bare term asked as one ("Log compaction?" -> "What is log compaction?"; "Push vs pull?" stays).
 */
function askedQuestion(question: string): string {
  const text = question.replace(OUTLINE_NUMBER, '').replace(/^\*\*(.+)\*\*$/, '$1');
  const term = /^(.{2,60}?)\s*\?$/u.exec(text)?.[1];
  if (!term || QUESTION_WORD.test(term) || /\s(?:vs\.?|versus|or)\s/i.test(term) || !isNounPhrase(term) || AUXILIARY.test(term) || term.split(/\s+/).length > 3) return text;
  // "URL Seen?" names a component by what it checks; "Scroll through the feed?" is an instruction.
  if (/(?:ed|en)$/i.test(term) || /^\S+\s+(?:through|to|on|in|into|with|for|from|by|at)\b/i.test(term)) return text;
  return `What is ${articleLower(lowerWords(term))}?`;
}

function unnumber(name: string): string {
  return withoutBookkeeping(name.replace(OUTLINE_NUMBER, ''));
}

/** The prompt with outline numbers and course bookkeeping ("caching - wk 3") taken off every name it holds (titles are stored numbered, as written). */
function unnumbered(prompt: Prompt): Prompt {
  switch (prompt.form) {
    case 'define':
    case 'approach':
    case 'example':
    case 'purpose':
    case 'alias':
      return { ...prompt, term: unnumber(prompt.term) };
    case 'attribute':
    case 'leads':
      return { ...prompt, subject: unnumber(prompt.subject) };
    case 'property':
    case 'action':
    case 'reason':
      return { ...prompt, subject: unnumber(prompt.subject), ...(prompt.within ? { within: unnumber(prompt.within) } : {}) };
    case 'cell':
    case 'row':
      return { ...prompt, thing: unnumber(prompt.thing) };
    case 'list': {
      const subject = prompt.subject;
      if ('under' in subject) return { ...prompt, subject: { under: unnumber(subject.under) } };
      if ('about' in subject) return { ...prompt, subject: { about: unnumber(subject.about), topic: unnumber(subject.topic) } };
      return prompt;
    }
    default:
      return prompt;
  }
}

function phrase(prompt: Prompt, topic: string | null): string {
  switch (prompt.form) {
    case 'define': {
      const asked = `What ${prompt.plural ? 'are' : 'is'} ${articleLower(prompt.term)}?`;
      return prompt.within ? `In ${articleLower(prompt.within)}, ${lowerFirstWord(asked)}` : asked;
    }
    case 'approach':
      return `What is the approach for ${prompt.term}?`;
    case 'example':
      return `What is an example of ${articleLower(prompt.term)}?`;
    case 'purpose':
      return `What is the purpose of ${articleLower(prompt.term)}?`;
    case 'alias':
      return `What is another name for ${articleLower(prompt.term)}?`;
    case 'attribute':
      // "Best for: ..." -> "What is Rate limiting best for?", "How it works: ..." -> "How does
      // Rate limiting work?": labels a table header could carry read as headers do.
      if (ENDS_IN_PREPOSITION.test(prompt.attribute) || QUESTION_WORD.test(prompt.attribute)) return cellQuestion(prompt.subject, prompt.attribute);
      return `What ${prompt.plural ? 'are' : 'is'} ${prompt.part ? '' : 'the '}${lowerWords(prompt.attribute)} of ${articleLower(prompt.subject)}?`;
    case 'property': {
      const question = askedByTitle(prompt.subject);
      if (question) return question;
      const asked = `What is true of ${articleLower(prompt.subject)}?`;
      return prompt.generic ? placed(asked, prompt.setting, prompt.within ?? topic) : asked;
    }
    case 'list': {
      const part = prompt.part ? ` (part ${prompt.part.index} of ${prompt.part.total})` : '';
      if ('under' in prompt.subject) return `What are the ${prompt.count} points listed under "${prompt.subject.under}"${part}?`;
      if ('auxiliary' in prompt.subject) {
        const { frame, subject, auxiliary, rest } = prompt.subject;
        const asked = `what ${auxiliary} ${articleLower(subject)} ${rest}${part}?`;
        return frame ? `${capitalise(frame)}, ${asked}` : inTopic(capitalise(asked), topic);
      }
      if ('actor' in prompt.subject) {
        const { actor, verb } = prompt.subject;
        return `What are the ${prompt.count} things ${articleLower(actor)} ${isPlural(actor) ? verb : verbThird(verb)}${part}?`;
      }
      if ('about' in prompt.subject) {
        const about = lowerWords(prompt.subject.about);
        if (!prompt.subject.topic) return `What are the ${prompt.count} points about ${about}${part}?`;
        // "By hash" under "Partitioning" names a way of it: "partitioning by hash".
        const way = /^\p{L}+/u.exec(about)?.[0];
        if (way && isPreposition(way.toLowerCase())) return `What are the ${prompt.count} points about ${lowerWords(prompt.subject.topic)} ${about}${part}?`;
        return `What are the ${prompt.count} points about ${about} in ${prompt.subject.topic}${part}?`;
      }
      // A bare noun ("steps") or one pointing at something in context ("copies of the database")
      // needs its topic to say which.
      const contextual = !/\s/.test(prompt.subject.noun) || /\b(?:the|this|that|these|those|its|their)\s/i.test(prompt.subject.noun);
      const asked = `What are the ${prompt.count} ${prompt.subject.noun}${part}?`;
      return contextual ? inTopic(asked, topic, prompt.subject.noun) : asked;
    }
    case 'compare':
      // "Best for", "Used by": "What are A and B each best for?"
      if (ENDS_IN_PREPOSITION.test(prompt.attribute)) return `What are ${joinAnd(prompt.things)} each ${lowerWords(prompt.attribute)}?`;
      return `How do ${joinAnd(prompt.things)} differ in ${lowerWords(prompt.attribute)}?`;
    case 'cell':
      return cellQuestion(prompt.thing, prompt.header);
    case 'row':
      return `How does ${prompt.thing} compare on ${joinAnd(prompt.headers.map(lowerWords))}?`;
    case 'asked': {
      const question = askedQuestion(prompt.question);
      // "What does TCP guarantee that UDP does not?": beside a name (an acronym or a mixed-case
      // word after the first), "that" joins a clause; it points at nothing.
      const named = /\s(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+\p{Lu})/u.test(question);
      const leaning = NEEDS_CONTEXT.test(named ? question.replace(/\bthat\b/gi, '') : question);
      return leaning && question.length <= MAX_CONTEXT_QUESTION ? inTopic(question, topic) : question;
    }
    case 'verbatim':
      return prompt.question;
    case 'cloze':
      return `Fill in the blank: ${prompt.before}____${prompt.after}`;
    case 'action': {
      const asked = actionQuestion(prompt);
      return prompt.generic ? placed(asked, prompt.setting, prompt.within ?? topic) : asked;
    }
    case 'leads':
      return `What ${isPlural(prompt.subject) ? 'do' : 'does'} ${articleLower(prompt.subject)} lead to?`;
    case 'advice':
      return `${capitalise(prompt.wh.toLowerCase())} should you ${lowerWords(prompt.action)}${prompt.object ? ` ${lowerWords(prompt.object)}` : ''}?`;
    case 'reason': {
      const asked = `Why ${prompt.auxiliary} ${articleLower(prompt.subject)} ${prompt.rest}?`;
      return prompt.generic ? placed(asked, prompt.setting, prompt.within ?? topic) : asked;
    }
    case 'condition': {
      const asked = `What happens ${prompt.conjunction.toLowerCase()} ${prompt.condition}?`;
      return prompt.generic ? inTopic(asked, topic) : asked;
    }
    case 'points': {
      const part = prompt.part ? ` (part ${prompt.part.index} of ${prompt.part.total})` : '';
      const asked = prompt.single ? 'What is true of' : 'What are the key points of';
      const question = prompt.single && !prompt.part ? askedByTitle(prompt.of ?? topic ?? '') : null;
      if (question) return question;
      if (prompt.of) return inTopic(`${asked} ${articleLower(prompt.of)}${part}?`, topic, prompt.of);
      return `${asked} ${articleLower(topic ?? 'this note')}${part}?`;
    }
  }
}

/** A title that asks a question ("How big should my cache be?"), as written; null for other titles. */
function askedByTitle(title: string): string | null {
  return /^["“]?(.+\?)["”]?$/u.exec(title.trim())?.[1] ?? null;
}

/** A question longer than this names enough of its subject on its own. */
const MAX_CONTEXT_QUESTION = 120;

/** "How it scales": a question word, "it" and a verb in the third person. */
const WH_IT_VERB = /^(how|why|when|where)\s+it\s+(\p{L}+s)\b(.*)$/iu;
/** "How it is sharded": a question word, "it" and an auxiliary, asked "How is <row> sharded?". */
const WH_IT_AUXILIARY = /^(how|why|when|where)\s+it\s+(is|was|can|will|should|must|may)\s+(\S.*)$/iu;
/** "Who uses it most": the question word is the subject; "it" stands for the row. */
const WH_SUBJECT = /^(?:who|what|which)\s+\p{L}+s\b/iu;

function actionQuestion(p: Extract<Prompt, { form: 'action' }>): string {
  const subject = articleLower(p.subject);
  const does = p.modal || (p.plural ? 'do' : 'does');
  switch (p.shape) {
    case 'object':
      return `What ${does} ${subject} ${p.negation ? `${p.negation} ` : ''}${p.verb}?`;
    case 'purpose':
      return `What ${p.modal ? `${p.modal} ${subject} be` : `${p.plural ? 'are' : 'is'} ${subject}`} used for?`;
    case 'manner':
      return `How ${does} ${subject} ${p.verb}?`;
    case 'when':
      return `When ${does} ${subject} ${p.negation ? `${p.negation} ` : ''}${p.verb}?`;
    case 'undergo': {
      if (!p.passive) return `What happens to ${subject}?`;
      const asked = `${passiveAuxiliary(p.passive.auxiliary, p.plural)} ${subject} ${passiveBe(p.passive.auxiliary)}${p.passive.participle}`;
      if (p.passive.toDo) return `What ${asked} to do?`;
      return `${p.passive.when ? 'When' : 'How'} ${asked}?`;
    }
    case 'do':
      return `What ${does} ${subject} do?`;
  }
}

/** The word that leads a passive question: "is"/"are" for a bare participle ("Routers deployed ..."), else the note's own. */
function passiveAuxiliary(auxiliary: string, plural: boolean): string {
  return auxiliary === '' ? (plural ? 'are' : 'is') : auxiliary;
}

/** What stands between the subject and the participle: "must ... be written", "has ... been replicated". */
function passiveBe(auxiliary: string): string {
  if (/^(?:can|could|should|must|will|may|might|would)$/.test(auxiliary)) return 'be ';
  return /^(?:has|have|had)$/.test(auxiliary) ? 'been ' : '';
}

/**
 * True when a table header can ask about one row on its own (see cellQuestion); other headers
 * ("How it scales", "Handles failover") are asked together in a row card.
 */
export function headerReadsAsQuestion(header: string): boolean {
  if (/^(?:when|why|where) to \S/i.test(header) || /^(?:can|could|should|must|will|may)\s+\S/i.test(header)) return true;
  if (WH_IT_VERB.test(header) || WH_IT_AUXILIARY.test(header) || ENDS_IN_PREPOSITION.test(header)) return true;
  if (QUESTION_WORD.test(header)) return WH_SUBJECT.test(header) || (!/\bit\b/i.test(header) && header.split(/\s+/).length >= 2);
  return header.split(/\s+/).length <= 5 && !AUXILIARY.test(header) && isNounPhrase(header);
}

/**
 * The question a row asks of one column, phrased for the header's grammar:
 * "When to use" -> "When should you use X?"; "Who accepts writes" -> "Who accepts writes in X?";
 * "Can route on" (a modal) -> "What can X route on?"; "Best for" / "Used by" (ends in a
 * preposition) -> "What is X best for?"; "Systems using it" -> "What are the systems using X?";
 * a noun ("Use case") -> "What is the use case of X?".
 */
function cellQuestion(thing: string, header: string): string {
  const toUse = /^(when|why|where) to (\S.*)$/i.exec(header);
  // "When to use it": the thing takes the place of "it".
  if (toUse) return `${capitalise(toUse[1].toLowerCase())} should you ${/\b(?:it|them)$/i.test(toUse[2]) ? toUse[2].replace(/\b(?:it|them)$/i, thing) : `${toUse[2]} ${thing}`}?`;
  const whItAux = WH_IT_AUXILIARY.exec(header);
  if (whItAux) return `${capitalise(whItAux[1].toLowerCase())} ${whItAux[2].toLowerCase()} ${thing} ${whItAux[3]}?`;
  const whIt = WH_IT_VERB.exec(header);
  if (whIt) return `${capitalise(whIt[1].toLowerCase())} does ${thing} ${verbBase(whIt[2])}${whIt[3]}?`;
  if (WH_SUBJECT.test(header) && /\bit\b/i.test(header)) return `${capitalise(lowerWords(header).replace(/\bit\b/i, thing))}?`;
  if (QUESTION_WORD.test(header)) return `${capitalise(lowerWords(header))} in ${thing}?`;
  const modal = /^(can|could|should|must|will|may)\s+(.+)$/i.exec(header);
  if (modal) return `What ${modal[1].toLowerCase()} ${thing} ${lowerWords(modal[2])}?`;
  if (ENDS_IN_PREPOSITION.test(header)) return `What is ${thing} ${lowerWords(header)}?`;
  if (/\bit\b/i.test(header)) return `What ${pluralHead(header) ? 'are' : 'is'} the ${lowerWords(header).replace(/\bit\b/i, thing)}?`;
  return `What ${/[^s]s$/i.test(header) ? 'are' : 'is'} the ${lowerWords(header)} of ${thing}?`;
}


/** "do" -> "does", "send" -> "sends", "fetch" -> "fetches", "carry" -> "carries": a base form in the third person. */
function verbThird(verb: string): string {
  if (/^(?:do|go)$/i.test(verb)) return `${verb}es`;
  if (/(?:ch|sh|ss|x|z)$/i.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/i.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** "scales" -> "scale", "fetches" -> "fetch", "goes" -> "go": a third-person verb's base form. */
function verbBase(verb: string): string {
  return /(?:ch|sh|ss|x|z|o)es$/i.test(verb) ? verb.slice(0, -2) : verb.slice(0, -1);
}

/** "In consistent hashing, when do you need both?": a question placed in its topic. */
function inTopic(question: string, topic: string | null, named?: string): string {
  if (!topic || ` ${singular(question)} `.includes(` ${singular(topic)} `) || (named && topic.toLowerCase() === named.toLowerCase())) {
    return question;
  }
  return `In ${articleLower(topic)}, ${lowerFirstWord(question)}`;
}

/** "Composite indexes" and "a composite index" name one topic: lower-case words without punctuation or a plural "s" or "es". */
function singular(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/(?:e?s)\b/g, '').trim();
}

/** "In SQS, what is true of a received message?": the sentence's own setting first, else its topic. */
function placed(question: string, setting: string | undefined, topic: string | null): string {
  return setting ? `${capitalise(setting)}, ${lowerFirstWord(question)}` : inTopic(question, topic);
}

/** A guide's heading asking "What is a load balancer?" names its topic: "load balancer". */
const WHAT_IS_TITLE = /^what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(\S.*?)\s*[?？]?$/iu;

/** Longer, the heading asks a question of its own ("What is a simple design for ...?"), naming no topic. */
const MAX_NAME_WORDS = 5;

function topicName(title: string): string {
  const name = WHAT_IS_TITLE.exec(title)?.[1];
  return name && !/[,;:]/.test(name) && name.split(/\s+/).length <= MAX_NAME_WORDS ? name : title;
}

/** The innermost topic that names something: a question, a sentence, a commentary label ("IMPORTANT") or a numbered part names nothing. */
function nearestTopic(path: readonly string[]): string | null {
  // "Step 1 - Understand the problem" numbers a part of the design above it: a question is placed in that design.
  return [...path].reverse().find((title) => namesSomething(title) && labelRole(title) !== 'part') ?? null;
}

function namesSomething(title: string): boolean {
  return !/[?？]$/.test(title) && !isSentence(title) && labelRole(title) !== 'commentary';
}

/** A title written as a sentence ("Serverless jobs may run for hours."), which names no topic to ask in. */
function isSentence(title: string): boolean {
  return /[.!。！]$/.test(title) && title.trim().split(/\s+/).length >= 4;
}

/** "What" / "Is" / "A" -> "what" / "is" / "a" at the start of a question placed after a topic; "Redis", "SQL" stay. */
function lowerFirstWord(text: string): string {
  const first = /^\p{Lu}\p{Ll}*\b/u.exec(text)?.[0] ?? '';
  const opensSentence = QUESTION_WORD.test(first) || /^(?:a|an|the)$/i.test(first) || new RegExp(`^${AUXILIARY.source}$`, 'i').test(first);
  return first && opensSentence ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A leading determiner reads in lower case inside a sentence: "The Leader" -> "the Leader", "Each NIC" -> "each NIC". */
function articleLower(text: string): string {
  const first = /^\p{Lu}\p{Ll}*(?=\s)/u.exec(text)?.[0];
  return first && isDeterminer(first.toLowerCase()) ? first.toLowerCase() + text.slice(first.length) : text;
}

/** "Use Case" -> "use case"; acronyms ("SLA", "QPS") keep their capitals. */
function lowerWords(text: string): string {
  return text.replace(/\b\p{Lu}\p{Ll}+\b/gu, (word) => word.toLowerCase());
}

function pluralHead(text: string): boolean {
  return /^\S*[^s]s\b/i.test(text);
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}


/** Notes typed in a hurry start questions in lower case; a card's question starts with a capital. */
function sentenceCase(text: string): string {
  return text.replace(/^\p{Ll}(?=\p{Ll})/u, (c) => c.toUpperCase());
}
