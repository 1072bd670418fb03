/** The card kinds the extractor produces. */
export const CARD_KINDS = ['definition', 'list', 'comparison', 'qa', 'cloze', 'explicit'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** One note as read from disk: `path` is kept exactly as the user gave it. */
export interface NoteInput {
  path: string;
  text: string;
  /** The normalised path the deck stores the note under; card and concept keys derive from it. */
  storedPath?: string;
}

/** A problem found in a note, attached to a position instead of thrown. */
export interface IngestWarning {
  file: string;
  line: number;
  message: string;
}

export interface ConceptDraft {
  /** Stable across re-ingests of the same note: source path + heading path (+ repeat index). */
  key: string;
  parentKey: string | null;
  title: string;
  /** Titles from the outermost heading down to this one. */
  path: string[];
  depth: number;
  order: number;
  /** The markdown of this section, its own heading included, sub-sections excluded. */
  body: string;
  startLine: number;
  endLine: number;
  /**
   * The note line of each body line, where cleaning did not keep lines one to one (HTML turned
   * into markdown); empty when body line k is note line startLine + k - 1.
   */
  lineMap: number[];
}

export interface CardDraft {
  /** Stable across re-ingests: concept key + kind + normalised question (+ repeat index). */
  key: string;
  conceptKey: string;
  kind: CardKind;
  question: string;
  answer: string;
  explanation?: string;
  line: number;
}

export interface NoteDeck {
  file: string;
  title: string;
  contentHash: string;
  concepts: ConceptDraft[];
  cards: CardDraft[];
  warnings: IngestWarning[];
}
