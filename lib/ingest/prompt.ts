/**
 * What a card asks, as data. Extractors fill in the parts they found (term, subject, attribute,
 * the note's own question); only lib/ingest/question-writer.ts turns a prompt into English, once,
 * when the card leaves the pipeline. Nothing downstream parses a question back into parts.
 */
export type Prompt =
  /**
   * "What is <term>?" / "What are <term>?"; a common word under an outline item ("- client:
   * initiates" under "Hosts") is placed in it: "In Hosts, what is client?".
   */
  | { form: 'define'; term: string; plural: boolean; within?: string }
  /** An example after a label ("Internal errors: e.g. deadlock"): "What is an example of <term>?" */
  | { form: 'example'; term: string }
  /** Another name given under a title ("aka thundering herd"): "What is another name for <term>?" */
  | { form: 'alias'; term: string }
  /** A purpose after a label or under a title ("To avoid partial updates"): "What is the purpose of <term>?" */
  | { form: 'purpose'; term: string }
  /** Advice after a label: "What is the approach for <term>?" */
  | { form: 'approach'; term: string }
  /**
   * A label naming an attribute of the section's subject: "What is the <attribute> of <subject>?";
   * a numbered `part` ("Step 1") takes no article: "What is Step 1 of <subject>?".
   */
  | { form: 'attribute'; attribute: string; subject: string; plural: boolean; part: boolean }
  /**
   * A statement about a subject that is neither a definition nor an action ("Cache hits are
   * cheap ..."); a `generic` subject ("the last bit") is placed in the sentence's own `setting`
   * ("In SQS") when it has one, else in the outline item it hangs under (`within`), else in its topic.
   */
  | { form: 'property'; subject: string; generic: boolean; setting?: string; within?: string }
  /** A list and what introduces it: "What are the <count> <subject>?" */
  | { form: 'list'; count: number; subject: ListSubject; part?: { index: number; total: number } }
  /** A table whose columns are the things compared, one row per attribute. */
  | { form: 'compare'; things: string[]; attribute: string }
  /** One cell of a table whose rows are things: the row's thing and its column header. */
  | { form: 'cell'; thing: string; header: string }
  /** A whole table row asked at once, when its headers do not read as questions. */
  | { form: 'row'; thing: string; headers: string[] }
  /** A question the note itself asks (a heading, a line ending in "?", "Q:"). */
  | { form: 'asked'; question: string }
  /** Written by the author in flashcard syntax: shown exactly as written. */
  | { form: 'verbatim'; question: string }
  /** A sentence with one blank: `before` + ____ + `after`. */
  | { form: 'cloze'; before: string; after: string }
  /**
   * A statement asked by its subject, which did something: "What does <subject> <verb>?" (object
   * follows), "What is <subject> used for?" (purpose), "How does <subject> <verb>?" (manner), "When
 * does <subject> <verb>?" (a "when" clause follows an intransitive verb), "What
   * happens to <subject>?" (a passive verb: something is done to it), else
   * "What does <subject> do?". `modal` replaces "does" ("What can Redis store?"). A `generic`
   * subject ("the server") is placed in its topic when written, or in the sentence's own `setting`.
   * A denial keeps its `negation`: "What does Raft never commit?", "What can one node not hold?".
   */
  | { form: 'action'; subject: string; generic: boolean; plural: boolean; verb: string; shape: 'object' | 'purpose' | 'manner' | 'when' | 'undergo' | 'do'; modal: string; setting?: string; within?: string; negation?: 'never' | 'not'; passive?: { auxiliary: string; participle: string; toDo: boolean; when: boolean } }
  /** An outline's arrow ("Snapshots -> fast recovery"): "What does <subject> lead to?" */
  | { form: 'leads'; subject: string }
  /**
   * A statement of what follows from a condition ("When a client exceeds its quota, ..."): "What
   * happens when <condition>?"; a `generic` condition ("the buffer is full") is placed in its topic.
   */
  | { form: 'condition'; conjunction: string; condition: string; generic: boolean }
  /**
   * A heading naming what to do ("When to update the cache", "Where to enforce" under "Rate
   * limiting"), answered by its section: "When should you update the cache?", "Where should you
   * enforce rate limiting?" (`object` completes an action that names none).
   */
  | { form: 'advice'; wh: string; action: string; object: string | null }
  /**
   * A statement giving its reason ("Because the log is append-only, writes are cheap", "X is
   * required, since ..."): "Why <auxiliary> <subject> <rest>?", `auxiliary` leading the question
   * ("are", "does", "can") and `rest` the verb phrase after it ("required", "not lose work"). A
   * `generic` subject is placed like an action's.
   */
  | { form: 'reason'; subject: string; generic: boolean; auxiliary: string; rest: string; setting?: string; within?: string }
  /**
   * What a section states that no sharper question could ask (prose in another language with no
   * English term, steps written as instructions): "What are the key points of <topic>?", the
   * topic being the card's own, or of the outline item they hang under (`of`), in that topic. A
   * `single` statement is no list of points: "What is true of <topic>?".
   */
  | { form: 'points'; part?: { index: number; total: number }; of?: string; single?: boolean };

/**
 * What a list enumerates: a noun phrase ("eviction policies"), a singular label and the topic it
 * belongs to ("Election" in "Raft overview": points about it; no topic when it stands alone),
 * what someone does ("The application does the following": `actor` and `verb` in its base form),
 * or the label it sits under.
 */
export type ListSubject =
  | { noun: string }
  | { about: string; topic: string }
  | { under: string }
  | { actor: string; verb: string }
  /** "If X, this implies:": the lead-in's own clause asked of its object ("If X, what does this imply?"). */
  | { frame: string; subject: string; auxiliary: string; rest: string };

/** The thing a prompt asks about, where it names one: a defined term, a described subject. */
export function promptSubject(prompt: Prompt): string | null {
  switch (prompt.form) {
    case 'define':
    case 'approach':
    case 'example':
    case 'purpose':
    case 'alias':
      return prompt.term;
    case 'attribute':
    case 'property':
    case 'action':
    case 'leads':
    case 'reason':
      return prompt.subject;
    case 'cell':
    case 'row':
      return prompt.thing;
    default:
      return null;
  }
}
