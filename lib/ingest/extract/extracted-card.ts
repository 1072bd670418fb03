import type { CardKind } from '../types';

/** A card as an extractor finds it, before it is checked, keyed and attached to its concept. */
export interface ExtractedCard {
  kind: CardKind;
  question: string;
  answer: string;
  explanation?: string;
  line: number;
}
