import type { Prompt } from '../prompt';
import type { CardKind } from '../types';

/**
 * A card as an extractor finds it, before it is checked, keyed and attached to its concept. Its
 * question is still data (`prompt`); lib/ingest/question-writer.ts writes it in the end.
 */
export interface ExtractedCard {
  kind: CardKind;
  prompt: Prompt;
  answer: string;
  explanation?: string;
  line: number;
}
