/**
 * Coverage of a note by its cards, measured without trusting the extractor: the note's blocks are
 * read from its own mdast tree, and a block counts as covered only when some card carries most of
 * its words. No gold needed, so it works on any folder. Pure: no I/O here.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { type CardLike, normaliseText } from './quality';

export type BlockKind = 'paragraph' | 'list-item' | 'table-row' | 'quote' | 'heading' | 'code';

/** Why a block carries nothing a card should teach. Order is the order the checks run in. */
export const EXCLUSION_REASONS = ['code', 'heading', 'links', 'contents', 'no-letter', 'short', 'open-question', 'to-do'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface Block {
  kind: BlockKind;
  /** 1-based start line in the text that was parsed. */
  line: number;
  /** Plain text: markup removed, inline code and link texts kept. */
  text: string;
  /** null when the block is informative. */
  excluded: ExclusionReason | null;
}

/** Blocks with fewer words or letters than this are fragments, not facts. */
export const MIN_WORDS = 4;
export const MIN_LETTERS = 20;
/** A block whose link and URL characters reach this share is a link or a link list. */
export const MAX_LINK_SHARE = 0.5;
/** A bold-only paragraph of at most this many words with no closing punctuation is a label. */
export const MAX_LABEL_WORDS = 8;
/**
 * A block is covered when one card, or the cards made from it together, hold at least this share
 * of its distinct content tokens.
 */
export const COVERED_SHARE = 0.6;
/** A card is made from a block when at least this share of the card's own content tokens are the block's. */
export const DERIVED_SHARE = 0.8;

// ---------------------------------------------------------------------------------------------
// Blocks

/** Han, Hiragana and Katakana: scripts written without spaces. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_CHAR_GLOBAL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

interface InlineText {
  text: string;
  /** Non-space characters inside links, images and bare URLs. */
  linkChars: number;
  /** Non-space characters inside inline code. */
  codeChars: number;
  /** Non-space characters inside strong or emphasis. */
  emphasisChars: number;
}

const nonSpace = (s: string) => s.replace(/\s+/g, '').length;
const BARE_URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const QUESTION_END = /[?？]\s*$/;
const SENTENCE_END = /[.!?:;。！？：；]\s*$/;

function inlineText(nodes: readonly PhrasingContent[]): InlineText {
  const out: InlineText = { text: '', linkChars: 0, codeChars: 0, emphasisChars: 0 };
  const visit = (node: PhrasingContent, inLink: boolean, inEmphasis: boolean) => {
    const add = (value: string, code = false) => {
      out.text += value;
      const n = nonSpace(value);
      if (inLink) out.linkChars += n;
      else for (const url of value.match(BARE_URL) ?? []) out.linkChars += url.length;
      if (code) out.codeChars += n;
      if (inEmphasis) out.emphasisChars += n;
    };
    switch (node.type) {
      case 'text':
        add(node.value);
        break;
      case 'inlineCode':
        add(node.value, true);
        break;
      case 'break':
        add('\n');
        break;
      case 'image':
        // An image's alt text says what a picture shows; it counts as link text, not prose.
        out.text += node.alt ?? '';
        out.linkChars += nonSpace(node.alt ?? '');
        break;
      case 'link':
        for (const child of node.children) visit(child, true, inEmphasis);
        break;
      case 'strong':
      case 'emphasis':
        for (const child of node.children) visit(child, inLink, true);
        break;
      case 'delete':
        for (const child of node.children) visit(child, inLink, inEmphasis);
        break;
      default:
        // html, footnote references: no text a card could carry.
        break;
    }
  };
  for (const node of nodes) visit(node, false, false);
  return out;
}

function joinInline(parts: InlineText[], separator: string): InlineText {
  return {
    text: parts.map((p) => p.text).join(separator),
    linkChars: parts.reduce((s, p) => s + p.linkChars, 0),
    codeChars: parts.reduce((s, p) => s + p.codeChars, 0),
    emphasisChars: parts.reduce((s, p) => s + p.emphasisChars, 0),
  };
}

/** Words as a reader counts them: space-separated runs with a letter or digit, and each CJK character. */
export function wordCount(text: string): number {
  const cjk = text.match(CJK_CHAR_GLOBAL)?.length ?? 0;
  return cjk + text.replace(CJK_CHAR_GLOBAL, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const letterCount = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

/** The first reason a block of prose teaches nothing, or null when it is informative. */
function proseExclusion(kind: BlockKind, inline: InlineText): ExclusionReason | null {
  const chars = nonSpace(inline.text);
  if (chars > 0 && inline.codeChars === chars) return 'code';
  const words = wordCount(inline.text);
  if (chars > 0 && inline.emphasisChars === chars && words <= MAX_LABEL_WORDS && !SENTENCE_END.test(inline.text)) return 'heading';
  if (chars > 0 && inline.linkChars >= MAX_LINK_SHARE * chars) return 'links';
  const letters = letterCount(inline.text);
  if (letters === 0) return 'no-letter';
  if (words < MIN_WORDS || letters < MIN_LETTERS) return 'short';
  // A question heading is answered by its section, which the heading's card holds.
  if (kind !== 'heading' && isQuestionOnly(inline.text)) return 'open-question';
  return null;
}

/**
 * A block that only asks: it ends on a question (asides in brackets aside) and states no sentence
 * of its own. Its facts, if the note has them, are in the blocks that answer it, and those count.
 */
function isQuestionOnly(text: string): boolean {
  const plain = text.replace(/\([^()]*\)/g, ' ').trim();
  if (!QUESTION_END.test(plain)) return false;
  const statements = plain.split(/(?<=[.!。！])\s+/).filter((s) => SENTENCE_END.test(s) && !QUESTION_END.test(s));
  return statements.every((s) => wordCount(s) < MIN_WORDS);
}

/** A list of at least this many section titles is a table of contents. */
const MIN_CONTENTS_ENTRIES = 4;
const MAX_CONTENTS_WORDS = 6;

/**
 * "1. Introduction", "2. A Storage Service Interface": every entry a short title-case phrase with
 * no sentence end. A table of contents names sections; it states nothing to learn.
 */
function isContentsList(entries: string[]): boolean {
  // A long one may have an entry in sentence case ("Related work").
  const titled = entries.filter((entry) => {
    const words = entry.trim().split(/\s+/);
    const major = words.filter((word) => /^\p{L}{4,}/u.test(word));
    return words.length <= MAX_CONTENTS_WORDS && major.length > 0 && major.every((word) => /^\p{Lu}/u.test(word)) && !SENTENCE_END.test(entry.trim());
  });
  return entries.length >= MIN_CONTENTS_ENTRIES && titled.length >= entries.length - (entries.length >= 5 ? 1 : 0);
}

const lineOf = (node: Nodes | undefined, fallback: number) => node?.position?.start.line ?? fallback;

/**
 * The note's blocks, in document order: paragraphs, each list item's own text (its paragraphs,
 * not its sub-lists), table body rows, blockquote paragraphs and headings, plus code blocks so
 * that they are counted as excluded. Headings are excluded unless they ask a question (end with
 * "?" or "？"). HTML blocks and rules are not blocks.
 */
export function noteBlocks(root: Root): Block[] {
  const blocks: Block[] = [];
  const prose = (kind: BlockKind, line: number, inline: InlineText) => {
    if (inline.text.trim()) blocks.push({ kind, line, text: inline.text.trim(), excluded: proseExclusion(kind, inline) });
  };
  const walk = (children: readonly RootContent[], inQuote: boolean, fallbackLine: number) => {
    for (const node of children) {
      const line = lineOf(node, fallbackLine);
      switch (node.type) {
        case 'paragraph':
          prose(inQuote ? 'quote' : 'paragraph', line, inlineText(node.children));
          break;
        case 'heading': {
          const inline = inlineText(node.children);
          if (!inline.text.trim()) break;
          if (QUESTION_END.test(inline.text)) prose('heading', line, inline);
          else blocks.push({ kind: 'heading', line, text: inline.text.trim(), excluded: 'heading' });
          break;
        }
        case 'code':
          if (node.value.trim()) blocks.push({ kind: 'code', line, text: node.value, excluded: 'code' });
          break;
        case 'blockquote':
          walk(node.children, true, line);
          break;
        case 'list': {
          const texts = node.children.map((item) => joinInline(item.children.flatMap((c) => (c.type === 'paragraph' ? [inlineText(c.children)] : [])), '\n'));
          const contents = isContentsList(texts.map((t) => t.text));
          node.children.forEach((item, i) => {
            const itemLine = lineOf(item, line);
            // "- [ ] Read the paper": a task is something to do, nothing to recall.
            if (item.checked === true || item.checked === false) blocks.push({ kind: 'list-item', line: itemLine, text: texts[i].text.trim(), excluded: 'to-do' });
            else if (contents) blocks.push({ kind: 'list-item', line: itemLine, text: texts[i].text.trim(), excluded: 'contents' });
            else prose('list-item', itemLine, texts[i]);
            walk(item.children.filter((c) => c.type !== 'paragraph'), inQuote, itemLine);
          });
          break;
        }
        case 'table':
          node.children.slice(1).forEach((row, i) => {
            const cells = row.children.map((cell) => inlineText(cell.children));
            prose('table-row', lineOf(row, line + i + 2), joinInline(cells, ' | '));
          });
          break;
        default:
          break;
      }
    }
  };
  walk(root.children, false, 1);
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Content tokens

/**
 * English function words and question frames that say nothing about the topic. Harness-only:
 * the extractor has its own lists, and this one must not move with them.
 */
const STOP_WORDS = new Set(
  (
    'the and for are but not you your yours our ours they them their theirs this that these those ' +
    'with from into onto over under about above below between through during before after again ' +
    'then than there here when where what which who whom whose why how all any both each few more ' +
    'most other some such only own same too very can will just should would could may might must ' +
    'shall was were been being have has had having does did doing done its his her hers him ' +
    'she one also via per etc let lets use used using get got make made like well out off upon yet ' +
    'while whether because since until unless though although either neither nor ever every'
  ).split(/\s+/),
);

/** Single CJK characters too common to mean anything on their own (bigrams keep them). */
const CJK_STOP = new Set([...'的了是在和与或及也就都而被把之其']);

/**
 * Distinct content tokens with their weight in characters. Text is normalised with
 * normaliseText; a word counts when it has at least 3 letters and is not a stop word. A run of
 * CJK characters gives its bigrams (one character when the run is one long), each weighing 1:
 * consecutive bigrams overlap, so each stands for about one new character.
 */
export function contentTokens(text: string): Map<string, number> {
  const tokens = new Map<string, number>();
  for (const word of normaliseText(text).split(' ')) {
    for (const part of word.match(CJK_RUNS) ?? []) {
      if (CJK_CHAR.test(part)) {
        const chars = [...part];
        if (chars.length === 1) {
          if (!CJK_STOP.has(chars[0])) tokens.set(chars[0], 1);
        } else for (let i = 0; i + 1 < chars.length; i++) tokens.set(chars[i] + chars[i + 1], 1);
      } else if (letterCount(part) >= 3 && !STOP_WORDS.has(part)) {
        tokens.set(part, part.length);
      }
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Coverage

export interface BlockCoverage {
  block: Block;
  covered: boolean;
  /** Share of the block's distinct content tokens on its best card (1 when contained whole). */
  share: number;
  /** Weight of the block's content tokens, and of those on the best card by weight. */
  chars: number;
  coveredChars: number;
}

export interface CoverageSummary {
  blocks: number;
  informative: number;
  covered: number;
  chars: number;
  coveredChars: number;
  excluded: Record<ExclusionReason, number>;
  /** Informative blocks no card covers, in document order. */
  uncovered: Block[];
}

/**
 * Cards indexed by content token, so a block is compared only with the cards that share one of
 * its tokens: a block costs the sum of its tokens' posting lists, not a pass over every card.
 */
export class CardIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly texts: string[];
  private readonly counts: Int32Array;
  private readonly weights: Float64Array;
  /** Distinct content tokens of each card. */
  private readonly sizes: Int32Array;

  constructor(cards: readonly CardLike[]) {
    this.texts = cards.map((card) => ` ${normaliseText(`${card.question}\n${card.answer}`)} `);
    this.sizes = new Int32Array(cards.length);
    cards.forEach((card, id) => {
      const tokens = contentTokens(`${card.question}\n${card.answer}`);
      this.sizes[id] = tokens.size;
      for (const token of tokens.keys()) {
        const list = this.postings.get(token);
        if (list) list.push(id);
        else this.postings.set(token, [id]);
      }
    });
    this.counts = new Int32Array(cards.length);
    this.weights = new Float64Array(cards.length);
  }

  /** How well the best single card carries `block`. */
  measure(block: Block): BlockCoverage {
    const tokens = contentTokens(block.text);
    let chars = 0;
    for (const weight of tokens.values()) chars += weight;
    const touched: number[] = [];
    for (const [token, weight] of tokens) {
      for (const id of this.postings.get(token) ?? []) {
        if (this.counts[id] === 0) touched.push(id);
        this.counts[id]++;
        this.weights[id] += weight;
      }
    }
    let bestCount = 0;
    let bestWeight = 0;
    const derived = new Set<number>();
    for (const id of touched) {
      bestCount = Math.max(bestCount, this.counts[id]);
      bestWeight = Math.max(bestWeight, this.weights[id]);
      if (this.counts[id] >= this.sizes[id] * DERIVED_SHARE) derived.add(id);
      this.counts[id] = 0;
      this.weights[id] = 0;
    }
    // A block cut into several focused cards is covered by them together: the tokens of the cards
    // made from it (nearly all of a card's tokens are the block's) count as one.
    let unionCount = 0;
    let unionWeight = 0;
    if (derived.size > 1) {
      for (const [token, weight] of tokens) {
        if ((this.postings.get(token) ?? []).some((id) => derived.has(id))) {
          unionCount++;
          unionWeight += weight;
        }
      }
    }
    // A card holding the whole block holds all its tokens, so this scan only matters for blocks
    // without content tokens.
    const whole = tokens.size === 0 && this.contains(block.text);
    const share = tokens.size === 0 ? (whole ? 1 : 0) : Math.max(bestCount, unionCount) / tokens.size;
    return { block, covered: whole || (tokens.size > 0 && share >= COVERED_SHARE), share, chars, coveredChars: Math.max(bestWeight, unionWeight) };
  }

  private contains(text: string): boolean {
    const needle = normaliseText(text);
    return needle !== '' && this.texts.some((t) => t.includes(` ${needle} `));
  }
}

/** Coverage of a note's informative blocks by its cards. */
export function measureCoverage(blocks: readonly Block[], cards: readonly CardLike[]): CoverageSummary {
  const index = new CardIndex(cards);
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  const summary: CoverageSummary = { blocks: blocks.length, informative: 0, covered: 0, chars: 0, coveredChars: 0, excluded, uncovered: [] };
  for (const block of blocks) {
    if (block.excluded) {
      excluded[block.excluded]++;
      continue;
    }
    const m = index.measure(block);
    summary.informative++;
    summary.chars += m.chars;
    summary.coveredChars += m.coveredChars;
    if (m.covered) summary.covered++;
    else summary.uncovered.push(block);
  }
  return summary;
}
