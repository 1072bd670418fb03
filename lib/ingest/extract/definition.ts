import { capitalise } from '../card-text';
import type { ListItem, Paragraph, PhrasingContent } from 'mdast';
import { fitWhole, MAX_ANSWER_CHARS, sentences } from '../limits';
import { EMOJI, stripEmoji } from '../emoji';
import { toPlainText } from '../plain-text';
import type { ExtractedCard } from './extracted-card';
import { canBeVerb, hasFiniteVerb, isDeterminer, isEnglish, isKnownWord, isNounPhrase, sentenceParts, statesPurpose } from '../sentence-parts';
import { opensRecord } from './records';
import { opensCommentary } from './passages';
import { lowerCommon } from './statement';
import { isTitleOver } from './question-answer';
import { listedReadings, VBG } from '../sentence-parts/lexicon';
import { BACK_REFERENCE, BOILERPLATE, ENDS_IN_PREPOSITION, EXAMPLE_OPENING, FUNCTION_START, IMPERATIVE, isPlural, labelRole, QUESTION_WORD, REFERRING_WORD } from '../vocabulary';

/** Longest term (in words) taken as a defined term rather than a bold sentence. */
const MAX_TERM_WORDS = 8;
/** Unmarked terms ("Term: ...", "X is a ...") must be shorter still, to stay precise. */
const MAX_PLAIN_TERM_WORDS = 5;
/** A paragraph (not a list item) opening with "Term:" must have an even shorter, capitalised term. */
const MAX_PARAGRAPH_LABEL_WORDS = 4;
/** Longest defining sentence turned into a fill-in-the-blank card. */
const MAX_CLOZE_SENTENCE = 250;

/**
 * A label that cannot start a term: a clause, a pronoun, a question word or an instruction. A
 * term may still start with a word that is also a verb ("Read replica", "Write through").
 */
function opensClause(text: string): boolean {
  return FUNCTION_START.test(text) || REFERRING_WORD.test(text) || QUESTION_WORD.test(text) || IMPERATIVE.test(text);
}

/** "is", "are", "refers to", "means" make a full defining sentence; the rest separate term and text. */
const CONNECTOR = /^\s*(?:(is|are|refers to|means)\s+|(:|-|–|—|→|->|=>|=)\s*)/u;

/**
 * Definition cards ("What is X?") and their fill-in-the-blank twins from:
 * - "**Term** is ..." paragraphs and "- **Term**: ..." list items (a bold lead term);
 * - "- Term: ..." / "- Term - ..." / "- Term → ..." list items with a short unmarked term;
 * - prose whose first sentence defines a short term: "A CDN is a network of ...".
 * `labelsAreTerms`: the block is one of a glossary's, so a facet-like label ("Latency") is a term.
 */
export function definitionCards(block: Paragraph | ListItem, sectionTitle: string, parentItem: string | null = null, labelsAreTerms = false): ExtractedCard[] {
  const paragraph = block.type === 'listItem' ? block.children[0] : block;
  if (!paragraph || paragraph.type !== 'paragraph') return [];
  const line = block.position?.start.line ?? 1;
  const found =
    boldDefinition(paragraph) ??
    labelDefinition(paragraph, block.type === 'listItem' ? MAX_PLAIN_TERM_WORDS : MAX_PARAGRAPH_LABEL_WORDS) ??
    headedDefinition(paragraph) ??
    sentenceDefinition(paragraph);
  // "CH3: S3 S1 S2": codes and numbers define nothing a learner could say back.
  if (!found || !/\p{L}{3,}/u.test(found.definition)) return [];
  const { term, verb, connector, definition, fullSentence } = found;
  if (!fullSentence && !(labelsAreTerms && readsAsDefinition(definition)) && isAttributeLabel(term)) return attributeCard(term, definition, sectionTitle, line);
  // "Flood: duplicate the frame to all ports" under "- Switch": a step its parent takes, asked
  // "How does Switch flood?".
  if (!fullSentence && parentItem && isStep(term, definition)) {
    return [{ kind: 'definition', prompt: { form: 'action', subject: parentItem, generic: false, plural: isPlural(parentItem), verb: term.toLowerCase(), shape: 'manner', modal: '' }, answer: capitalise(definition), line }];
  }
  // "Jitter: Add randomness ...", "Database query slow: Check EXPLAIN": advice, not a definition.
  if (!fullSentence && IMPERATIVE.test(definition)) {
    return [{ kind: 'definition', prompt: { form: 'approach', term }, answer: capitalise(definition), line }];
  }
  // "Logical logging: `UPDATE`, `DELETE`": code alone after a label shows examples of it.
  if (!fullSentence && codeOnly(paragraph, definition)) return [{ kind: 'definition', prompt: { form: 'example', term }, answer: definition, line }];
  // "Internal errors: e.g. deadlock" gives an example; "Shadow copy: to avoid partial writes" a purpose.
  const example = fullSentence ? null : EXAMPLE_OPENING.exec(definition);
  if (example) return [{ kind: 'definition', prompt: { form: 'example', term }, answer: capitalise(definition.slice(example[0].length)), line }];
  if (!fullSentence && statesPurpose(definition)) return [{ kind: 'definition', prompt: { form: 'purpose', term }, answer: capitalise(definition), line }];
  // "Used by: Dynamo, Cassandra": the label and its section's title make the question.
  if (!fullSentence && ENDS_IN_PREPOSITION.test(term) && !/\s/.test(term.replace(ENDS_IN_PREPOSITION, '')) && sectionTitle) {
    return [{ kind: 'definition', prompt: { form: 'cell', thing: sectionTitle, header: term }, answer: capitalise(definition), line }];
  }

  // "Hosts on the same network:" over lines telling what such a host does: a situation (a thing
  // and where it is) told in statements is asked what is true of it, not what it is.
  if (!fullSentence && SITUATION.test(term) && narrates(toPlainText(paragraph).split('\n').slice(1))) {
    return [{ kind: 'definition', prompt: { form: 'property', subject: term, generic: false }, answer: capitalise(definition), line }];
  }

  // "Concurrent updates => conflicts need resolving": an arrow before a clause says what follows, not what it is.
  if (!fullSentence && leadsTo(connector, definition)) return [{ kind: 'definition', prompt: { form: 'leads', subject: term }, answer: capitalise(definition), line }];

  // "CAP is the classic framing of that question.": a sentence leaning on the one before it.
  if (fullSentence && sentences(definition).length === 1 && BACK_REFERENCE.test(definition)) return [];

  const text = fullSentence ? [capitalise(term), connector, definition].filter(Boolean).join(' ') : capitalise(definition);
  const answer = text.length <= MAX_ANSWER_CHARS ? text : fitWhole(sentences(text), MAX_ANSWER_CHARS, ' ');
  // "- Writes - client-specified order" under "FIFO client order": a common word means what it
  // does within its parent item.
  // A word naming a process ("Processing", "Propagation") means what it does in its section.
  const word = !fullSentence && /^\p{L}+$/u.test(term);
  const process = word && !labelsAreTerms && PROCESS_NOUN.test(term) && sectionTitle.toLowerCase() !== term.toLowerCase() && !/[?？]\s*$/u.test(sectionTitle) && sectionTitle.split(/\s+/).length <= MAX_PLACE_WORDS;
  const place = word && parentItem && isKnownWord(term.toLowerCase()) ? parentItem : process ? sectionTitle : null;
  const within = place ? { within: place } : {};
  const cards: ExtractedCard[] = [{ kind: 'definition', prompt: { form: 'define', term, plural: verb === 'are', ...within }, answer, line }];

  // The same sentence the other way round: the definition given, the term to recall.
  const sentence = fullSentence ? withoutLeadIn(sentences(answer)[0] ?? '') : '';
  const bare = stripArticle(term);
  if (sentence.length > 0 && sentence.length <= MAX_CLOZE_SENTENCE && sentence.length > bare.length + 20) {
    const article = capitalise(term).slice(0, capitalise(term).length - bare.length);
    cards.push({ kind: 'cloze', prompt: { form: 'cloze', before: article, after: sentence.slice(capitalise(term).length) }, answer: bare, line });
  }
  return cards;
}

/** A section title longer than this is a sentence, no place to ask a term in. */
const MAX_PLACE_WORDS = 6;

/** "Hosts on the same network": a thing and where it is, a preposition between them. */
const SITUATION = /^\p{L}[\p{L}-]*\s+(?:on|in|at|with|between|across|under|over|behind)\s+\S/iu;

/** Two lines or more, the first a clause of its own (a subject, then a verb other than "is"): a narration. */
function narrates(lines: string[]): boolean {
  const [first, ...more] = lines.map((line) => line.trim()).filter(Boolean);
  if (!first || more.length === 0) return false;
  const parts = sentenceParts(sentences(first)[0] ?? first);
  return parts.startsWithSubject && parts.subjectKind !== 'none' && parts.verb !== '' && !parts.copula;
}

/** "Processing", "Transmission", "Agreement": a noun made from a verb names a process. */
const PROCESS_NOUN = /\p{L}{3}(?:ing|tion|sion|ment)$/u;

/** True when a label's text is only code spans and the commas or words joining them. */
function codeOnly(paragraph: Paragraph, text: string): boolean {
  const codes = paragraph.children.flatMap((child) => (child.type === 'inlineCode' ? [child.value] : []));
  if (codes.length === 0) return false;
  const rest = codes.reduce((left, code) => left.replace(code, ''), text);
  return rest.replace(/[\s,;/|+]+|\b(?:and|or)\b/g, '') === '';
}

/** A one-word label that can be a verb, explained by an instruction: a step ("Learn: maintain a table"). */
function isStep(term: string, definition: string): boolean {
  const first = /^\p{L}+/u.exec(definition)?.[0];
  return /^\p{L}+$/u.test(term) && canBeVerb(term.toLowerCase()) && !!first && canBeVerb(first.toLowerCase()) && !isDeterminer(first.toLowerCase());
}

/**
 * "X is known as the CAP theorem, which states that ... one of the following options:": the clause
 * that leads into a list is cut, the statement before it kept.
 */
function withoutLeadIn(sentence: string): string {
  const comma = sentence.indexOf(',');
  return /:$/.test(sentence) && comma > MIN_LEAD_STATEMENT ? `${sentence.slice(0, comma)}.` : sentence;
}

const MIN_LEAD_STATEMENT = 20;

/**
 * "the time one request takes", "a contract that ...", "splitting data by key": a text that says
 * what something is, as a glossary does, not a facet's value ("Millions of users", "Handle bursts").
 */
function readsAsDefinition(text: string): boolean {
  const first = /^\p{L}+/u.exec(text)?.[0]?.toLowerCase() ?? '';
  return /^(?:the|an?|how|what)$/.test(first) || (/ing$/.test(first) && (listedReadings(first) & VBG) !== 0);
}

/** A label naming a facet of the section's subject ("Cost", "Pros") or a numbered part ("Tier 1"). */
function isAttributeLabel(term: string): boolean {
  const role = labelRole(term);
  return role === 'facet' || role === 'part';
}

/**
 * "What is the cost of Regional edge caches?": the label asked about its section's subject. A
 * section titled as a question or a "How ..." phrase names no subject, so it gets no card.
 */
function attributeCard(label: string, value: string, sectionTitle: string, line: number): ExtractedCard[] {
  if (/^(?:how|why|what|when|where|which|who)\b/i.test(sectionTitle)) return [];
  const part = labelRole(label) === 'part';
  const attribute = part ? lowerCommon(label) : label.toLowerCase();
  const subject = sectionTitle.replace(/\?$/, '');
  return [{ kind: 'definition', prompt: { form: 'attribute', attribute, subject, plural: /[^s]s$/i.test(label), part }, answer: capitalise(value), line }];
}

interface Found {
  term: string;
  verb: 'is' | 'are';
  connector: string;
  definition: string;
  /** True when the answer is a whole sentence "Term is ..." rather than the text after a colon. */
  fullSentence: boolean;
}

function boldDefinition(paragraph: Paragraph): Found | null {
  const [first, ...rest] = paragraph.children;
  if (!first || first.type !== 'strong') return null;
  let term = stripEmoji(toPlainText(first));
  let restText = plain(rest).replace(EMOJI, '');
  if (/[:：]$/.test(term)) {
    term = term.replace(/\s*[:：]$/, '');
    restText = `: ${restText.trimStart()}`;
  }
  if (!isTerm(term, MAX_TERM_WORDS)) return null;
  return split(term, restText) ?? explainedTerm(term, restText);
}

/** "**Consistent hashing** maps keys and nodes to a ring." explains the bold term in a sentence. */
function explainedTerm(term: string, restText: string): Found | null {
  const rest = restText.trim();
  if (!/^\s/.test(restText) || !/^(?:\([^)]{1,60}\)\s+)?\p{Ll}+s\b/u.test(rest) || rest.length < 20) return null;
  return { term, verb: isPlural(term) ? 'are' : 'is', connector: '', definition: rest, fullSentence: true };
}

/** "Term: text", "Term - text", "Term -- text", "Term → text", "Term => text", "Term = text". */
const LABELLED = /^([^:→=]{1,50}?)\s*(:|\s(?:--|[-–—])\s|\s?→|\s?=>|\s=\s)\s*(\S.*)$/u;
const SEMICOLON_LABEL = /^(\p{Lu}[\p{L}-]*(?:\s[\p{L}-]+)?)(;)\s+(\S.*)$/u;

function labelDefinition(paragraph: Paragraph, maxWords: number): Found | null {
  // A closing "types:" line leads into the next list; it is not part of the definition.
  const all = toPlainText(paragraph).split('\n');
  // A remark after the definition ("IMPORTANT: ...") is a passage of its own (see passages.ts).
  const remark = all.findIndex((line, i) => i > 0 && opensCommentary(line));
  const lines = remark > 0 ? all.slice(0, remark) : all;
  if (lines.length > 1 && /:-?$/.test(lines.at(-1)!.trim())) lines.pop();
  // Several "Term - text" lines are several definitions (see lineDefinitions), never one; nor is
  // a hand-written "CAP: ..." with "CP system -> ..." on a later line.
  if (lines.filter((line) => LABELLED.test(line)).length > 1 || lines.slice(1).some(opensRecord)) return null;
  return labelledLine(lines.join(' '), maxWords);
}

/**
 * Plain-text notes put one "Term: text" per line without blank lines between them, sometimes
 * wrapped onto the next line (handwriting, OCR): a line that starts in lower case after a line
 * with no closing punctuation continues it. A paragraph made only of such records, at least two,
 * yields one definition per record; if any record is not a definition, the paragraph yields none.
 * A numbered part ("Step 2: ...") is asked of `sectionTitle`, a label of `facetsOf` (a summary's topic).
 */
export function lineDefinitions(paragraph: Paragraph, facetsOf: string | null = null, sectionTitle: string | null = null): ExtractedCard[] {
  const lines = toPlainText(paragraph).split('\n');
  const records: { text: string; index: number }[] = [];
  lines.forEach((line, index) => {
    // "See also: Reverse proxy" under an entry points elsewhere: no record, and no part of one.
    if (BOILERPLATE.test(line.trim())) return;
    const previous = records.at(-1);
    if (previous && /^\p{Ll}/u.test(line.trim()) && !/[.;:!?)]$/.test(previous.text)) previous.text += ` ${line.trim()}`;
    else records.push({ text: line.trim(), index });
  });
  if (records.length < 2) return [];
  const found = records.map((record) => labelledLine(record.text, MAX_PARAGRAPH_LABEL_WORDS, true));
  if (found.some((f) => !f)) return [];
  const start = paragraph.position?.start.line ?? 1;
  // A facet label ("Problem: ...", "Use cases: ...") is a facet of the section; among records that
  // are mostly terms (a glossary's "Availability — ..."), it is a term too.
  const facetRecords = found.filter((f) => labelRole(f!.term) === 'term').length * 2 <= found.length;
  return found.map((f, i) => {
    const example = EXAMPLE_OPENING.exec(f!.definition);
    const plural = f!.verb === 'are';
    const leads = leadsTo(f!.connector, f!.definition);
    return {
      kind: 'definition' as const,
      prompt: example
        ? { form: 'example' as const, term: f!.term }
        : leads
          ? { form: 'leads' as const, subject: f!.term }
        : facetsOf
          ? { form: 'attribute' as const, attribute: f!.term, subject: facetsOf, plural, part: false }
          : sectionTitle && labelRole(f!.term) === 'part' && !/^(?:how|why|what|when|where|which|who)\b/i.test(sectionTitle)
            ? // "Step 2: hash the key" under "Consistent hashing": a numbered part of the section's subject.
              { form: 'attribute' as const, attribute: lowerCommon(f!.term), subject: sectionTitle.replace(/\?$/, ''), plural: false, part: true }
            : sectionTitle && facetRecords && labelRole(f!.term) === 'facet' && !/[?？]$/.test(sectionTitle)
              ? // "Problem: the arcs are uneven" under "Consistent hashing": a facet of the section's subject.
                { form: 'attribute' as const, attribute: f!.term.toLowerCase(), subject: sectionTitle, plural, part: false }
              : { form: 'define' as const, term: f!.term, plural },
      answer: capitalise(f!.definition.slice(example?.[0].length ?? 0)),
      line: start + records[i].index,
    };
  });
}

function labelledLine(text: string, maxWords: number, inRecords = false): Found | null {
  // "Processing; time to process the header": a word or two before a semicolon label what follows.
  const match = LABELLED.exec(text) ?? SEMICOLON_LABEL.exec(text);
  if (!match) return null;
  const term = stripEmoji(match[1]);
  // "1,000 shards (each shard = ...": a separator inside an open parenthesis is no label's end.
  if ((term.match(/\(/g) ?? []).length !== (term.match(/\)/g) ?? []).length) return null;
  // "=" or an arrow marks a definition: a lower-case term is then fine (hand-written notes), even
  // one that starts like an instruction ("write through = ..."); ":" and "-" need a capital.
  const strongConnector = ['=', '=>', '→'].includes(match[2].trim());
  const handwritten = strongConnector && !/\p{Lu}/u.test(term);
  if (!isTerm(term, maxWords) || !/^[\p{L}\p{N}"'“(]/u.test(term) || (!handwritten && opensClause(term))) return null;
  if (maxWords === MAX_PARAGRAPH_LABEL_WORDS && !strongConnector && !/^[\p{Lu}\d]/u.test(term)) return null;
  // "return: LongURL", "content-type: ..." are code and field names; a term has a capital or two words.
  if (!/[\p{Lu}\d]/u.test(term) && !/\s/.test(term)) return null;
  if (/[{}]|\w=\w/.test(match[3]) || isTitleOver(match[3])) return null;
  // "return: LongURL" is a field, not a definition. Among sibling records ("FIFO - oldest first"
  // under "LRU - ...") two words will do after "-", "=" or an arrow.
  // An example ("e.g. deadlock") may be one word.
  const example = EXAMPLE_OPENING.exec(match[3]);
  const minimum = example ? 1 : inRecords && match[2].trim() !== ':' ? 2 : 3;
  if (match[3].slice(example?.[0].length ?? 0).split(/\s+/).filter(Boolean).length < minimum) return null;
  return { term, verb: isPlural(term) ? 'are' : 'is', connector: match[2].trim(), definition: match[3].trim(), fullSentence: false };
}

/**
 * An implication arrow ("=>", as in logic) before a clause: what the term leads to. A plain arrow
 * ("Phantom read → a repeated query returns other rows") more often says what the term is.
 */
function leadsTo(connector: string, definition: string): boolean {
  return connector === '=>' && hasFiniteVerb(definition);
}

/**
 * "Fanout on write. With this approach, the feed is pre-computed ...": a short capitalised term
 * standing as its own sentence, then its explanation.
 */
function headedDefinition(paragraph: Paragraph): Found | null {
  const plain = toPlainText(paragraph);
  // The term opens with a capital or a digit (tested before the whole text is copied).
  if (!/^[\p{Lu}\d]/u.test(plain)) return null;
  const text = plain.replace(/\n+/g, ' ');
  const match = /^([\p{Lu}\d][^.:!?]{1,40})\.\s+(\p{Lu}.{19,})$/u.exec(text);
  if (!match) return null;
  const term = stripEmoji(match[1]);
  // "Durability comes from replication." is a statement, not a term heading its explanation.
  if (!isTerm(term, MAX_PARAGRAPH_LABEL_WORDS) || opensClause(term) || isAttributeLabel(term) || hasFiniteVerb(term)) return null;
  // The explanation must be about the term: it names it, or refers back to it.
  const explanation = match[2].trim();
  const head = term.split(/\s+/).at(-1)!.toLowerCase();
  if (!/^(?:this|it|they|with this|in this|as the name|a|an|the)\b/i.test(explanation) && !explanation.toLowerCase().includes(head)) return null;
  return { term, verb: isPlural(term) ? 'are' : 'is', connector: ':', definition: explanation, fullSentence: false };
}

const DEFINING_SENTENCE =
  /^((?:(?:A|An|The)\s+)?[\p{L}\p{N}][\p{L}\p{N}\-/+.'’()]*(?:\s+[\p{L}\p{N}\-/+.'’()]+){0,4}?)(,\s[^,]{1,60},|\s\([^)]{1,60}\))?\s+(is|are|refers to|means|consists of|stands for)\s+((?:a|an|the|one of|any|used to|used for|defined as|called|also called|also known as|known as|similar to|responsible for|when|how|what|where)\b.*)$/u;

/**
 * The first sentence of a paragraph that defines a short term, or a later one whose term is
 * technical (capitals, digits or hyphens: "A Merkle tree is used for ..."). The answer is that
 * sentence alone when it is not the first, so it never depends on context it lost.
 */
function sentenceDefinition(paragraph: Paragraph): Found | null {
  const all = sentences(toPlainText(paragraph).replace(/\n+/g, ' '));
  for (const [index, sentence] of all.entries()) {
    if (sentence.length > 400) continue;
    const match = DEFINING_SENTENCE.exec(sentence);
    if (!match) continue;
    const term = match[1].trim();
    const bare = stripArticle(term);
    if (!isTerm(bare, MAX_PLAIN_TERM_WORDS) || opensClause(bare) || opensClause(term)) continue;
    const technical = /[\p{Lu}\d-]/u.test(bare.slice(1)) || /^\p{Lu}{2,}/u.test(bare);
    // A common noun with "the" ("The issue is ...") is context, not a term.
    if (/^the\s/i.test(term) && !technical) continue;
    // "Sharding key (known as a partition key) is ...": an aside right after the term marks a definition.
    const aside = Boolean(match[2]);
    if (index > 0 && !technical && !aside) continue;
    const rest = index === 0 ? all.slice(1).join(' ') : '';
    const definition = [match[4].trim(), rest].filter(Boolean).join(' ');
    return { term, verb: match[3] === 'are' ? 'are' : 'is', connector: match[3], definition, fullSentence: true };
  }
  return null;
}

function split(term: string, restText: string): Found | null {
  const match = CONNECTOR.exec(restText);
  if (!match) return null;
  const definition = restText.slice(match[0].length).trim();
  if (definition.length < 8) return null;
  const verb = match[1] === 'are' ? 'are' : match[1] ? 'is' : isPlural(term) ? 'are' : 'is';
  return { term, verb, connector: match[1] ?? ':', definition, fullSentence: Boolean(match[1]) };
}

/** A short unmarked term, such as a section title that names a concept. */
export function isPlainTerm(text: string): boolean {
  return isTerm(text, MAX_PLAIN_TERM_WORDS) && !opensClause(text) && !/[?:]/.test(text) && /^[\p{L}\d]/u.test(text);
}

const MIN_FOREIGN_CLAUSE_WORDS = 4;

/** "Steal Policy", "Write Bottleneck": words in title case name a thing, even opening on a verb. */
const TITLE_CASE = /^\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)+$/u;

function isTerm(term: string, maxWords: number): boolean {
  const words = term.split(/\s+/).filter(Boolean);
  // "Lambdas are great because they": a clause; "Strict": an adjective describing an option;
  // "Note": commentary. Facets ("Cost") stay: they are asked of their section.
  const role = labelRole(term);
  if (role === 'clause' || role === 'adjective' || /\b(?:because|that|which|who)\b/i.test(term)) return false;
  // "huge write volume, simple lookups => NoSQL": a comma joins conditions, a term names one thing.
  if (/,\s/.test(term) && !/\(/.test(term)) return false;
  const shaped = (
    words.length > 0 &&
    words.length <= maxWords &&
    term.length >= 2 &&
    /\p{L}/u.test(term) &&
    !/[*=<>{}|]/.test(term) &&
    !/[.?!,;]$/.test(term) &&
    role !== 'commentary' &&
    // "Learn: ...", "Forward: ...": a verb or an adverb names no thing ("Read replica" still does).
    (role === 'part' || isNounPhrase(term) || (TITLE_CASE.test(term) && canBeVerb(words[0].toLowerCase())))
  );
  // "Lucene no modifica archivos": four words or more the English lexicon does not read are a
  // clause in another language, whose verbs the grammar cannot see.
  return shaped && (words.length < MIN_FOREIGN_CLAUSE_WORDS || isEnglish(term));
}

function plain(nodes: PhrasingContent[]): string {
  return toPlainText({ type: 'paragraph', children: nodes });
}

function stripArticle(text: string): string {
  return text.replace(/^(?:a|an|the)\s+/i, '');
}

