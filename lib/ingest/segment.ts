import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import { KeyAllocator } from './identity';
import { sentences } from './limits';
import { toPlainText } from './plain-text';
import { isNounPhrase, sentenceParts } from './sentence-parts';
import { FIRST_ADJECTIVE, listedReadings, NOUN } from './sentence-parts/lexicon';
import { cleanTitle } from './titles';
import type { ConceptDraft } from './types';

/** Longest heading taken as a concept title (questions used as headings can be long). */
const MAX_TITLE_CHARS = 200;

/** A concept with the top-level block nodes of its own section (sub-sections excluded). */
export interface Section {
  concept: ConceptDraft;
  heading: Heading | null;
  nodes: RootContent[];
}

/**
 * Splits a note into a concept tree by its headings, headings written as list items included.
 * Content before the first heading becomes a concept named after the note. A note of prose with
 * no heading at all is split where a paragraph opens on a new named subject. Invariants: every
 * top-level node (after list headings are hoisted) belongs to exactly one section;
 * a concept's parent is the nearest earlier heading of smaller depth.
 */
export function segment(file: string, noteTitle: string, text: string, tree: Root): Section[] {
  const lines = text.split('\n');
  const keys = new KeyAllocator();
  const sections: Section[] = [];
  const stack: Section[] = [];

  const open = (heading: Heading | null, title: string, depth: number, startLine: number) => {
    // The preamble (depth 0) is a sibling of the note's headings, never their parent.
    while (stack.length > 0 && (stack[stack.length - 1].concept.depth >= depth || stack[stack.length - 1].concept.depth === 0)) {
      stack.pop();
    }
    const parent = stack[stack.length - 1] ?? null;
    const path = [...(parent?.concept.path ?? []), title];
    const concept: ConceptDraft = {
      key: keys.next(file, ...path),
      parentKey: parent?.concept.key ?? null,
      title,
      path,
      depth,
      order: sections.length,
      body: '',
      startLine,
      endLine: startLine,
      lineMap: [],
    };
    const section: Section = { concept, heading, nodes: [] };
    sections.push(section);
    stack.push(section);
    return section;
  };

  let current: Section | null = null;
  const nodes = tree.children.flatMap(hoistListHeadings);
  const bySubject = isHeadlessProse(nodes);
  for (const node of nodes) {
    const line = node.position?.start.line ?? 1;
    // Prose with no heading at all: a paragraph opening on a new named subject opens its topic.
    const subject = bySubject && node.type === 'paragraph' ? openingSubject(node) : null;
    if (subject && normaliseTitle(subject) !== normaliseTitle(current?.concept.title ?? '')) {
      current = open(null, subject, 1, line);
      current.nodes.push(node);
      continue;
    }
    if (node.type === 'heading') {
      const title = cleanTitle(toPlainText(node));
      // A "heading" as long as a paragraph is prose that happened to sit above a rule.
      if (title && title.length <= MAX_TITLE_CHARS) {
        current = open(node, title, node.depth, line);
        continue;
      }
    }
    current ??= open(null, noteTitle, 0, line);
    current.nodes.push(node);
  }

  for (let i = 0; i < sections.length; i++) {
    const concept = sections[i].concept;
    const nextStart = sections[i + 1]?.concept.startLine ?? lines.length + 1;
    concept.endLine = Math.max(concept.startLine, nextStart - 1);
    concept.body = lines
      .slice(concept.startLine - 1, concept.endLine)
      .join('\n')
      .trim();
  }
  return sections;
}

/** Headless prose this long, in this many paragraphs at least, gets topics from its paragraphs' subjects. */
const MIN_PROSE_CHARS = 600;
const MIN_PROSE_PARAGRAPHS = 3;
/** A subject longer than this is a description, not a topic's name. */
const MAX_SUBJECT_WORDS = 5;

/** A note of prose paragraphs (an export, a pasted article) with no heading, written or inferred. */
function isHeadlessProse(nodes: RootContent[]): boolean {
  if (nodes.some((node) => node.type === 'heading')) return false;
  const paragraphs = nodes.filter((node) => node.type === 'paragraph');
  const chars = paragraphs.reduce((sum, node) => sum + toPlainText(node).length, 0);
  return paragraphs.length >= MIN_PROSE_PARAGRAPHS && paragraphs.length * 2 >= nodes.length && chars >= MIN_PROSE_CHARS;
}

/**
 * "Hinted handoff" of "Hinted handoff keeps writes for ...": the named subject a paragraph's first
 * sentence opens with, or null (a generic subject such as "The server", a pronoun, a frame first).
 */
function openingSubject(paragraph: RootContent): string | null {
  const first = sentences(toPlainText(paragraph).replace(/\n+/g, ' '))[0] ?? '';
  const parts = sentenceParts(first);
  const subject = parts.subjectKind === 'generic' ? introducedKind(parts.subject.trim()) : parts.subject.trim().replace(/^an?\s+/i, '');
  if (parts.subjectKind === 'pronoun' || parts.subjectKind === 'none' || !parts.startsWithSubject || !subject || subject.split(/\s+/).length > MAX_SUBJECT_WORDS) return null;
  if (!isNounPhrase(subject) || /[,;:()]/.test(subject)) return null;
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

/**
 * "message queue" of "A message queue decouples ...": an indefinite article before a compound
 * noun introduces a kind of thing as the paragraph's topic. One noun ("A server") or an adjective
 * first ("A slow consumer") describes an instance, not a topic; so does every other determiner.
 */
function introducedKind(subject: string): string {
  const words = subject.split(/\s+/);
  if (words.length < 3 || !/^an?$/i.test(words[0])) return '';
  const first = listedReadings(words[1].toLowerCase());
  return first & FIRST_ADJECTIVE || !(first & NOUN) ? '' : words.slice(1).join(' ');
}

/** "Replication" and "replications" name one topic. */
function normaliseTitle(title: string): string {
  return title.toLowerCase().replace(/s$/, '');
}

/**
 * Exports write headings as list items ("- ## Title", "1. ### Title"). Such a list is split at
 * them: each heading becomes a top-level node followed by the rest of its item (nested lists are
 * split the same way), and the items between headings stay together as lists. Invariant: every
 * block of the list is kept, in order.
 */
function hoistListHeadings(node: RootContent): RootContent[] {
  if (node.type !== 'list' || !hasListHeading(node)) return [node];
  const out: RootContent[] = [];
  let pending: ListItem[] = [];
  const flush = () => {
    if (pending.length > 0) out.push(listOf(node, pending));
    pending = [];
  };
  for (const item of node.children) {
    const [first, ...rest] = item.children;
    const cut = item.children.findIndex((child) => child.type === 'list' && hasListHeading(child));
    if (first && isItemHeading(first)) {
      flush();
      out.push(first, ...rest.flatMap(hoistListHeadings));
    } else if (cut === -1) {
      pending.push(item);
    } else {
      if (cut > 0) pending.push(itemOf(item, item.children.slice(0, cut)));
      flush();
      out.push(...item.children.slice(cut).flatMap(hoistListHeadings));
    }
  }
  flush();
  return out;
}

function hasListHeading(list: List): boolean {
  return list.children.some(
    (item) => (item.children[0] && isItemHeading(item.children[0])) || item.children.some((child) => child.type === 'list' && hasListHeading(child)),
  );
}

/** "- # of users" counts users: a heading in a list item starting in lower case is no title. */
function isItemHeading(node: RootContent): node is Heading {
  return node.type === 'heading' && !/^\p{Ll}/u.test(toPlainText(node));
}

/** The list with only the given items, its position spanning them. */
function listOf(list: List, items: ListItem[]): List {
  return { ...list, children: items, position: span(items) };
}

/** The item with only its leading children, its position ending with them. */
function itemOf(item: ListItem, children: ListItem['children']): ListItem {
  const end = children[children.length - 1]?.position?.end;
  return { ...item, children, position: item.position && end ? { start: item.position.start, end } : item.position };
}

function span(nodes: { position?: List['position'] }[]): List['position'] {
  const start = nodes[0]?.position?.start;
  const end = nodes[nodes.length - 1]?.position?.end;
  return start && end ? { start, end } : undefined;
}
