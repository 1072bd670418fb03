import { listedReadings } from './sentence-parts/lexicon';
import { remembered } from './sentence-parts/remembered';
import { isOrderVerb } from './sentence-parts';
import { isPreposition } from './sentence-parts/words';

/**
 * The extractor's one vocabulary. Every word list the rules consult lives here, and a label is
 * classified by `labelRole` in one explicit order of precedence, so two lists never disagree in
 * two rule files. The lists hold closed-class English (pronouns, determiners, question words,
 * auxiliaries) and the note-organising labels that any note uses ("Pros", "Example", "Step 2");
 * they never name a topic's content words.
 */

/** Words that make a question lean on its passage: "When do you need both?", "How does the system retry?" (which system). */
export const NEEDS_CONTEXT = /\b(?:it|its|this|that|these|those|they|them|both|either|here|the\s+(?:system|service))\b/i;

/** A question word opening a phrase or header ("How it works", "Who accepts writes"). */
export const QUESTION_WORD = /^(?:how|why|what|when|where|which|who|whom|whose)\b/i;

/** Pronouns and determiners that refer back instead of naming something. */
export const REFERRING_WORD = /^(?:it|its|this|that|these|those|they|them|there|here|he|she|we|you|i|one|such|both|either|neither)\b/i;

/** Verbs whose passive judges the subject rather than says what is done to it ("is needed", "is recommended"), in base form. */
export const JUDGING_VERB = /^(?:need|require|want|know|expect|consider|recommend|prefer|suggest|encourage|discourage|allow|permit|forbid|prohibit|believe|think|say)$/;

/** Verbs that link a subject to an adjective ("looks dead", "stays consistent"), in base form. */
export const LINKING_VERB = /^(?:become|seem|look|appear|feel|sound|remain|stay|get|grow|turn|prove|keep)$/;

/** Verbs whose object does something after them ("lets a resolver pass ...", "makes scans cheap"): asking for the object alone misleads. */
export const CAUSATIVE_VERB = /^(?:let|make|help)$/;

/** Auxiliaries and modals: a phrase holding one is a clause, not a name. */
export const AUXILIARY = /\b(?:is|are|was|were|be|been|being|am|can|will|should|would|could|may|might|must|shall|do|does|did|has|have|had)\b/i;

/** Words that open a clause or a prepositional phrase, never a term ("At-least-once" is one word, a term). */
export const FUNCTION_START =
  /^(?:and|or|but|so|then|also|if|when|where|while|which|what|who|why|how|because|since|although|though|unless|until|once|now|today|here|there|below|above|each|every|everything|anything|nothing|something|everyone|someone|some|many|most|all|another|other|for|in|on|at|by|with|from|to|of|as|after|before|during|e\.g|i\.e|let|let's)\b(?!-)/i;

/** "that question", "this approach": a reference to something said before. */
export const BACK_REFERENCE =
  /\b(?:this|that|these|those|the above|the same)\s+(?:question|questions|approach|approaches|problem|problems|case|cases|design|method|technique|issue|issues|one|ones|way|step|steps|idea|example|scenario|option|choice)\b/i;

/**
 * Sentences that point at other text instead of stating something ("Let's take a look", "In the
 * next section ...", "Below is ..."): nothing in them to recall.
 */
export const POINTS_ELSEWHERE = /^(?:below|the following|here|as shown|in this (?:section|chapter)|in the (?:next|previous|following) (?:section|chapter)|let's|let us|now)\b/i;

/**
 * A sentence about the text itself rather than its subject ("We will briefly go over ...", "All
 * the details will be explained in ...", "Interested readers should refer to ..."): nothing to recall.
 */
export const DISCOURSE =
  /\b(?:we|I)(?:'ll| will| shall|'re going to| are going to| now)?\s+(?:now\s+|briefly\s+|first\s+|then\s+|next\s+|not\s+)?(?:discuss|cover|explain|describe|go over|go through|take a (?:closer |quick |brief )?look|dive into|deep dive|examine|explore|walk through|revisit|come back to|talk about)\b|\bwill be (?:explained|discussed|covered|described|shown|introduced|examined)\b|\breaders?\s+(?:should|can|may|might)\s+refer\b|\bplease\s+(?:refer|see)\b|\brefer back to\b|\blet(?:'s|\s+us)\s+(?:look|take|see|dive|walk|start|examine|go|move|turn|consider)\b|\b(?:as|was|were)\s+(?:mentioned|discussed|explained|described|covered)\s+(?:earlier|before|above|previously|in (?:the )?(?:previous|last|earlier) (?:section|chapter))\b/i;

/** The first and last sections of a paper or a book, by which an outline of it is known. */
export const DOCUMENT_OPENING = /^(?:introduction|overview|background|motivation|abstract|preface)$/i;
export const DOCUMENT_CLOSING = /^(?:conclusions?|summary|references|related work|future work|discussion|acknowledge?ments|appendix)$/i;

/** "Source: ...", "Image credit: ...": where a passage came from, not what it says. */
export const BOILERPLATE = /^(?:source|sources|credit|credits|image credit|photo|via|from|see|see also|cf|ref|reference|references|further reading|created|updated|exported|tags)\s*(?:\(s\))?\s*[:：]|^last (?:edited|updated|modified|reviewed)\b/i;

/** A section of pointers elsewhere ("Source(s) and further reading", "References", "See also"), not of facts. */
export const READING_SECTION =
  /^(?:sources?|source\(s\)|references?|further reading|reading list|see also|credits?|bibliography|links|resources|citations?)(?:\s+(?:and|&)\s+(?:further reading|references?|resources|links|sources?))?\s*:?$/i;

/** "Option 3: Geohash" names the alternative "Geohash". */
export const ALTERNATIVE_PREFIX = /^(?:option|approach|method|solution|alternative|strategy)\s*\d*\s*[:.\-–—]\s*/i;

/** Text that opens with an instruction ("Choose AP over CP", "Make sure ..."): advice or a step. */
export const IMPERATIVE =
  /^(?:choose|use(?! cases?\b)|prefer|pick|avoid|consider|add|check|make sure|ensure|go with|opt for|implement|try|do|don't|never|always)\b/i;

/** "Note that", "Suppose", "Assume", "Keep in mind", "Please ...": an order to the reader that frames a statement, giving no advice. */
export const IMPERATIVE_FRAME = /^(?:please\b|note\b|suppose\b|assume\b|imagine\b|recall\b|remember\b|keep in mind\b|bear in mind\b|consider\b|see\b)/i;

/** "e.g.", "for example", "such as": what follows is an example, not a definition or a name. */
export const EXAMPLE_OPENING = /^(?:e\.\s?g\.?|eg\.|for example|for instance|such as)(?=[\s,:]|$)[,:]?\s*/i;

/**
 * "Definition: ...", "Example: ..." opening a paragraph under a topic: the kind of statement that
 * follows, said of the topic itself. Group 1 is "definition" or "example" in some spelling.
 */
/** A table column that says what its row's thing is ("Meaning", "Definition"): each cell defines the row. */
export const DEFINING_HEADER = /^(?:definition|def|meaning|what it is|what it means)$/i;

export const KIND_LABEL = /^(?:(definition|def|meaning)|(example|ex|e\.\s?g|for example))\.?(?:\s*\([^()]{1,12}\))?\s*[:\-–—]\s+(?=\S)/i;

/** "aka thundering herd", "also known as ...": another name for the thing, not what it is. */
export const ALIAS = /^(?:aka|a\.k\.a\.?|also (?:called|known as)|otherwise known as)\b/i;

/**
 * A course's bookkeeping around a title ("caching - wk 3", "Week 2: Consensus", "Lecture 4 -
 * Logging"): when it was taught, which names nothing.
 */
export const COURSE_PREFIX = /^(?:lecture|lec|week|wk|day|session|class|module|unit|chapter|ch|part)\.?\s*\d+\s*[:.\-–—|]\s+(?=\S)/i;
/** "Backpressure (ran out of time, only ~10 min)": a remark on the session in a closing aside with a comma. */
const REMARK_SUFFIX = /\s*\([^()]*,[^()]*\)\s*$/;
export const COURSE_SUFFIX = /(?:\s*[-–—:|,(]\s*|\s+)(?:lecture|lec|week|wk|day|session|class|module|unit)\.?\s*\d+\)?\s*$/i;
/** "message queues 10/3", "Raft (2024-03-01)": the date a note was taken, which names nothing. */
export const DATE_SUFFIX = /(?:\s*[-–—:|,(]\s*|\s+)(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}-\d{2}-\d{2})\)?\s*$/;

/**
 * A title without its course bookkeeping: "Lecture 7 - message queues 10/3" -> "message queues",
 * "Part 3: Backpressure (ran out of time, only ~10 min)" -> "Backpressure".
 */
export function withoutBookkeeping(title: string): string {
  const bare = title.replace(DATE_SUFFIX, '').replace(COURSE_PREFIX, '').replace(COURSE_SUFFIX, '').replace(REMARK_SUFFIX, '').trim();
  return bare || title;
}

/** Labels that introduce commentary on the text around them, not a thing of their own. */
const COMMENTARY = new Set([
  'note', 'notes', 'nb', 'tip', 'tips', 'warning', 'caveat', 'caveats', 'important', 'remember', 'see also',
  'example', 'examples', 'e.g', 'eg', 'ex', 'for example', 'summary', 'tl;dr', 'tldr', 'in short', 'bottom line',
  'answer', 'question', 'q', 'a', 'why', 'how', 'when', 'what', 'result', 'results', 'conclusion', 'verdict',
  'key takeaway', 'key takeaways', 'key points', 'key insight', 'overview', 'description', 'definition',
  'context', 'recommendation', 'interview tip', 'interview tips', 'source', 'sources', 'credit', 'credits',
  'reference', 'references', 'further reading', 'def', 'defn', 'rule of thumb',
]);

/** Who speaks in a transcript of an interview or a class ("Interviewer: ...", "Candidate: ..."): a voice, not a term. */
export const SPEAKER = /^(?:interviewer|interviewee|candidate|student|teacher|professor|prof|me|you)$/i;

/** Verbs that set a learner a task in a drill ("Name three ways to ...", "Walk through 2PC."): a question in the imperative. */
export const TASK_VERB = /^(?:name|list|explain|describe|define|compare|contrast|walk through|give|state|outline|sketch|estimate|design|derive|justify|summari[sz]e)\b/i;

/** "Walk through two-phase commit", "Define X in one sentence": a prompt that sets the learner a task. */
export function setsTask(text: string): boolean {
  return TASK_VERB.test(text) || isOrderVerb(/^\p{L}+/u.exec(text)?.[0].toLowerCase() ?? '');
}

/** A note to self about work left to do ("TODO: check the limit", "FIXME", "[ ] redo lab 3"): nothing to learn. */
export const TASK_MARKER = /^(?:\*\*|__)?(?:todo|to-do|fixme|tbd)\b|^\[ \]\s/i;

/**
 * Labels that organise a note into facets of its topic ("Pros", "How it works", "Use cases"):
 * asked of the section's subject ("What are the pros of X?"), never defined on their own.
 */
const FACET = new Set([
  'pros', 'cons', 'advantages', 'disadvantages', 'advantage', 'disadvantage', 'benefit', 'benefits',
  'upside', 'upsides', 'downside', 'downsides', 'strength', 'strengths', 'weakness', 'weaknesses',
  'drawback', 'drawbacks', 'limitation', 'limitations', 'trade-off', 'trade-offs', 'tradeoff', 'tradeoffs',
  'use case', 'use cases', 'when to use', 'best for', 'use when', 'avoid when', 'how it works', 'mechanism',
  'purpose', 'goal', 'goals', 'idea', 'key idea', 'problem', 'problems', 'solution', 'challenge', 'challenges',
  'issue', 'issues', 'risk', 'risks', 'mitigation', 'cost', 'costs', 'complexity', 'performance', 'latency',
  'throughput', 'consistency', 'availability', 'durability', 'scalability', 'security', 'storage', 'memory',
  'capacity', 'limit', 'limits', 'requirement', 'requirements', 'constraint', 'constraints', 'assumption',
  'assumptions', 'input', 'output', 'format', 'structure', 'process', 'flow', 'implementation', 'strategy',
  'approach', 'impact', 'outcome', 'rationale', 'intuition', 'decision', 'formula', 'estimate', 'estimation',
  'functional', 'non-functional', 'tech stack', 'stack', 'api', 'apis', 'parameters', 'params',
  'fix', 'fixes', 'workaround', 'workarounds', 'remedy', 'cause', 'causes', 'symptom', 'symptoms',
  'consequence', 'consequences', 'implication', 'implications', 'effect', 'effects', 'side effect', 'side effects',
  'motivation', 'claim', 'observation', 'insight', 'takeaway', 'usage', 'feature', 'features',
]);

/** "Step 2", "Tier 1", "Option B": a numbered part of a sequence. */
const NUMBERED_PART =
  /^(?:tier|layer|level|step|phase|stage|part|option|case|partition|round|query|tip|rule|principle|lesson|example|scenario|approach|method|solution|strategy)\s+(?:[\dA-Z]|[IVX]+)\b/i;

/** Adjectives used as labels ("Strict: reject at the limit") describe an option, not a term. */
const ADJECTIVE_LABEL =
  /^(?:complex|simple|strict|lenient|fast|slow|high|low|medium|easy|hard|good|bad|better|best|worse|worst|different|optimized|flexible|rigid|cheap|expensive|small|large|big|new|old|basic|advanced|failed|successful|manual|automatic)\b/i;

export type LabelRole = 'commentary' | 'facet' | 'part' | 'clause' | 'instruction' | 'adjective' | 'term';

/**
 * What a short label before a colon (or a heading, or a list lead-in) is, in this order of
 * precedence: commentary ("Note"), a facet of the topic ("Pros", "Cost"), a numbered part
 * ("Step 2"), a clause (has an auxiliary or opens with a function word or pronoun), an
 * instruction ("Add a cache"), an adjective ("Strict"), else a term to define.
 */
export const labelRole: (label: string) => LabelRole = remembered(roleOfLabel);

/** Labels recur (every "Pros:", every topic title is asked again): each is classified once. */
function roleOfLabel(label: string): LabelRole {
  const text = label.replace(/^[^\p{L}\p{N}]+/u, '').replace(/\s*:-?$/, '').trim();
  const lower = text.toLowerCase();
  // "Definition (EN)", "Note (mine)": a short aside does not change what the label is.
  const bare = lower.replace(/\s*\([^()]{1,12}\)$/, '');
  if (COMMENTARY.has(lower) || COMMENTARY.has(bare) || EXAMPLE_OPENING.test(text)) return 'commentary';
  if (FACET.has(lower) || facetByHead(lower)) return 'facet';
  // "Use case 1", "Requirement 2": a facet counted is one part of a series.
  const counted = /^(.+?)\s+\d{1,2}$/.exec(lower)?.[1];
  if (NUMBERED_PART.test(text) || (counted !== undefined && (FACET.has(counted) || FACET.has(`${counted}s`)))) return 'part';
  if (AUXILIARY.test(text) || FUNCTION_START.test(text) || REFERRING_WORD.test(text) || QUESTION_WORD.test(text)) return 'clause';
  if (IMPERATIVE.test(text)) return 'instruction';
  if (text.split(/\s+/).length <= 2 && ADJECTIVE_LABEL.test(text)) return 'adjective';
  return 'term';
}

/** "Main purpose", "Key benefit", "Biggest drawbacks": a facet with a word or two saying which one. */
function facetByHead(lower: string): boolean {
  const words = lower.split(/\s+/);
  return words.length >= 2 && words.length <= 3 && FACET.has(words.at(-1)!) && words.slice(0, -1).every((word) => FACET_QUALIFIER.test(word));
}

const FACET_QUALIFIER = /^(?:main|key|primary|biggest|big|major|minor|core|chief|real|other|additional|common|typical|overall|general|hidden|potential|possible|known|one|two|three)$/;

/** "Real-world examples": a section of examples, whose labels ("Twitter: ...") name examples, not facets. */
export const EXAMPLES_TITLE = /\bexamples?$/i;

/**
 * A section title that is commentary on its parent ("Summary", "Quick reference", "Interview
 * tips", "Key takeaways"): what the section says is about the parent's topic. The head word
 * decides, with at most two words before it.
 */
export function isCommentaryTitle(title: string): boolean {
  const words = title.replace(/^[^\p{L}\p{N}]+/u, '').trim().toLowerCase().split(/\s+/);
  return words.length <= 3 && (COMMENTARY.has(words.join(' ')) || COMMENTARY.has(words.at(-1)!));
}

/** True for labels that organise a note ("Pros", "How it works", "Step 2") rather than name content. */
export function isStructuralLabel(label: string): boolean {
  const role = labelRole(label);
  return role === 'facet' || role === 'part' || role === 'commentary' || /^how it works$/i.test(label.trim());
}

/** Column headers meaning "rows are attributes, columns are the things compared". */
export const ATTRIBUTE_HEADERS =
  /^(?:feature|features|aspect|aspects|attribute|attributes|criteria|criterion|dimension|dimensions|property|properties|characteristic|characteristics|category|metric|metrics|comparison|factor|factors|parameter|parameters|trait|)$/i;

/** An answer that judges a statement ("False, use R-trees"): the statement was a true-or-false item. */
export const TRUTH_VERDICT = /^(?:true|false|yes|no|correct|incorrect)\b/i;

/** A header or label ending in a preposition ("Best for", "Used by") asks about the thing it belongs to. */
export const ENDS_IN_PREPOSITION = /\s(?:for|by|in|with|at|to|on|against)$/i;

/** Columns that judge the others instead of being compared ("Winner", "Notes"). */
export const VERDICT_COLUMN = /^(?:winner|verdict|notes?|comments?|recommendation|recommended|best|choice|remarks?)$/i;

/** Cells that carry no fact. */
export const EMPTY_CELL = /^(?:|-|–|—|n\/a|na|none|\?|tbd)$/i;

/**
 * "Queues" and "CDNs" are; "Redis", "consensus", "analysis", "Kubernetes" and "DNS" are one thing. A phrase is as many as its head, the words before a preposition: "Hosts on the same
 * network" are, "Bill of materials" is.
 */
export const isPlural = remembered(countsSeveral);

function countsSeveral(term: string): boolean {
  const words = term.trim().split(/\s+/);
  const end = words.findIndex((word, i) => i > 0 && isPreposition(word.toLowerCase()));
  const head = end > 0 ? words.slice(0, end).join(' ') : term;
  if (/\b[A-Z]{2,}s$/.test(head)) return true;
  if (!/[^siu]s$/.test(head) || /(?:netes|sis)$/i.test(head)) return false;
  // "dns", "redis": a lone word the lexicon knows neither as written nor without its "s" is a name.
  const last = head.split(/\s+/).at(-1)!.toLowerCase();
  // "routers", "brokers": an agent noun in "-ers"/"-ors" counts several, known to the lexicon or not.
  return /\s/.test(head) || /\p{L}{3}(?:er|or)s$/u.test(last) || listedReadings(last) !== 0 || listedReadings(last.slice(0, -1)) !== 0;
}
