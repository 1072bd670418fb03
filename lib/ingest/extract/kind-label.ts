import type { Paragraph } from 'mdast';
import { capitalise } from '../card-text';
import { toPlainText } from '../plain-text';
import { sentenceParts } from '../sentence-parts';
import { KIND_LABEL } from '../vocabulary';
import type { ExtractedCard } from './extracted-card';
import { isName } from './fallback';

/**
 * "Definition: a hashing scheme where ..." under "Consistent hashing": "What is Consistent
 * hashing?"; "Example: ..." asks for an example of it. The topic must name something.
 */
export function kindCard(paragraph: Paragraph, topic: string): ExtractedCard | null {
  // Most paragraphs open on other words: the first text node tells before the whole text is read.
  const [first] = paragraph.children;
  if (first?.type !== 'text' && first?.type !== 'strong') return null;
  if (first.type === 'text' && !KIND_LABEL.test(first.value.trimStart())) return null;
  const text = toPlainText(paragraph);
  const label = KIND_LABEL.exec(text.trim());
  if (!label || text.includes('\n') || !isName(topic.replace(/[:：]/g, ' '))) return null;
  const line = paragraph.position?.start.line ?? 1;
  const answer = capitalise(text.trim().slice(label[0].length));
  // "Def: A message queue is a buffer ...": a sentence that names what it defines is read as written.
  if (label[1] && namesItsSubject(answer, topic)) return null;
  const prompt = label[1] ? { form: 'define' as const, term: topic, plural: false } : { form: 'example' as const, term: topic };
  return { kind: 'definition', prompt, answer, line };
}

/** "A message queue is a buffer ...": a statement whose own subject, not a pronoun nor the topic, is what it says is. */
function namesItsSubject(statement: string, topic: string): boolean {
  const parts = sentenceParts(statement);
  const subject = parts.subject.trim().replace(/^(?:a|an|the)\s+/i, '').toLowerCase();
  return parts.copula && parts.startsWithSubject && (parts.subjectKind === 'specific' || parts.subjectKind === 'generic') && subject !== topic.toLowerCase();
}
