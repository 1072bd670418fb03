import type { Prompt } from '../prompt';
import { hasFiniteVerb, isNounPhrase, sentenceParts, type SentenceParts } from '../sentence-parts';
import { AUXILIARY } from '../vocabulary';
import { lowerCommon, MAX_SUBJECT_WORDS, namesAKind, settingOf } from './statement';

/** "Because the log is append-only, writes are cheap": a reason clause, a comma, and what it explains. */
const LEADING_REASON = /^(because|since)\s+([^,;]{6,150}),\s+(\S.{10,})$/i;
/** "Idempotent consumers are required, since ...": a statement, then the reason for it. */
const TRAILING_REASON = /^(\S.{10,}?)(?:,\s*|\s+)(because|since)\s+(\S.{6,})$/i;

/**
 * "Why are idempotent consumers required?" for a statement that gives its reason. A reason after
 * "since" must be a clause ("since 2010" is a time), the statement's subject a named or common noun
 * phrase (a pronoun could not say which), and a statement defining its subject stays a definition.
 * `within`: the outline item a generic subject is asked in, when it names one.
 */
export function reasonOf(statement: string, within: string | null): Prompt | null {
  const text = statement.replace(/[.!]$/, '');
  const leading = LEADING_REASON.exec(text);
  const trailing = leading ? null : TRAILING_REASON.exec(text);
  const [main, conjunction, reason] = leading ? [leading[3], leading[1], leading[2]] : trailing ? [trailing[1], trailing[2], trailing[3]] : ['', '', ''];
  if (!main || (/^since$/i.test(conjunction) && !givesReason(reason))) return null;
  const parts = sentenceParts(main);
  if (!parts.startsWithSubject || (parts.subjectKind !== 'specific' && parts.subjectKind !== 'generic')) return null;
  if (parts.subject.split(/\s+/).length > MAX_SUBJECT_WORDS || (parts.copula && namesAKind(parts.predicate))) return null;
  // "X can do Y, but it is not ideal because ...": the reason is the last clause's, not X's.
  if (/;|,\s+(?:but|and|so|while|whereas)\b/i.test(parts.predicate)) return null;
  const question = inverted(parts);
  if (!question) return null;
  const generic = parts.subjectKind === 'generic';
  return { form: 'reason', subject: generic ? lowerCommon(parts.subject) : parts.subject, generic, ...question, setting: settingOf(parts), ...(generic && within ? { within } : {}) };
}

/** After "since", a clause gives a reason; a short phrase ("since 2010", "since the last release") a time. */
function givesReason(clause: string): boolean {
  if (hasFiniteVerb(clause) || clause.split(/\s+/).some((word) => AUXILIARY.test(word))) return true;
  return clause.split(/\s+/).length >= MIN_REASON_WORDS && !/^\d/.test(clause) && !isNounPhrase(clause);
}

const MIN_REASON_WORDS = 5;

/**
 * The verb group turned for a question: "are required" -> "are" + "required", "does not lose
 * work" -> "does" + "not lose work", "is cheap" -> "is" + "cheap", "writes fast" -> "does" +
 * "write fast". Null when an adverb comes first ("then commits") or no predicate follows.
 */
export function inverted(parts: SentenceParts): { auxiliary: string; rest: string } | null {
  const [lead, ...after] = parts.verb.split(/\s+/);
  if (parts.auxiliary || parts.copula) {
    if (lead.toLowerCase() !== (parts.auxiliary || lead).toLowerCase()) return null;
    // "cannot be removed" -> "can" + "not be removed".
    const cannot = /^cannot$/i.test(lead);
    const rest = [...(cannot ? ['not'] : []), ...after, mainPredicate(parts.predicate)].filter(Boolean).join(' ');
    return rest ? { auxiliary: cannot ? 'can' : lead.toLowerCase(), rest } : null;
  }
  if (after.length > 0) return null;
  const verb = lead.toLowerCase();
  const auxiliary = verb === parts.verbBase ? 'do' : /s$/.test(verb) ? 'does' : 'did';
  return { auxiliary, rest: [parts.verbBase, mainPredicate(parts.predicate)].filter(Boolean).join(' ') };
}

/** A predicate without the relative clause after it ("the second operation, which is ..."). */
function mainPredicate(predicate: string): string {
  return predicate.split(/,\s+(?=(?:which|who)\b)/i)[0].trim();
}

