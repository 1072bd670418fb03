import type { Heading, Root, RootContent } from 'mdast';
import { KeyAllocator } from './identity';
import { toPlainText } from './plain-text';
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
 * Splits a note into a concept tree by its headings. Content before the first heading becomes a
 * concept named after the note. Invariants: every top-level node belongs to exactly one section;
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
  for (const node of tree.children) {
    const line = node.position?.start.line ?? 1;
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
