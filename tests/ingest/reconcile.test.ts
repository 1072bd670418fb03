import { describe, expect, it } from 'vitest';
import { reconcileCards, type ExistingCard } from '@/lib/ingest/reconcile';
import type { CardDraft } from '@/lib/ingest/types';

const draft = (key: string, over: Partial<CardDraft> = {}): CardDraft => ({
  key,
  conceptKey: 'concept-caching',
  kind: 'explicit',
  question: `Question ${key}?`,
  answer: `Answer ${key}.`,
  line: 3,
  ...over,
});

/** A card as stored after an earlier ingest of `d`. */
const stored = (d: CardDraft, over: Partial<ExistingCard> = {}): ExistingCard => ({
  id: `id-${d.key}`,
  key: d.key,
  question: d.question,
  answer: d.answer,
  explanation: d.explanation ?? null,
  kind: d.kind,
  conceptKey: d.conceptKey,
  sourceLine: d.line,
  status: 'active',
  ...over,
});

const a = draft('a');
const b = draft('b', { line: 5 });

describe('reconcileCards', () => {
  it.each([
    {
      name: 'nothing changed: every card is counted unchanged',
      existing: [stored(a), stored(b)],
      incoming: [a, b],
      plan: { create: [], update: [], unchanged: 2, retire: [] },
    },
    {
      name: 'reworded answer: same id, marked reworded',
      existing: [stored(a), stored(b)],
      incoming: [{ ...a, answer: 'A better answer.' }, b],
      plan: {
        create: [], unchanged: 1, retire: [],
        update: [{ id: 'id-a', draft: { ...a, answer: 'A better answer.' }, revived: false, reworded: true }],
      },
    },
    {
      name: 'explanation added: reworded',
      existing: [stored(a)],
      incoming: [{ ...a, explanation: 'Because.' }],
      plan: {
        create: [], unchanged: 0, retire: [],
        update: [{ id: 'id-a', draft: { ...a, explanation: 'Because.' }, revived: false, reworded: true }],
      },
    },
    {
      name: 'moved to another line: updated but not reworded',
      existing: [stored(a)],
      incoming: [{ ...a, line: 10 }],
      plan: {
        create: [], unchanged: 0, retire: [],
        update: [{ id: 'id-a', draft: { ...a, line: 10 }, revived: false, reworded: false }],
      },
    },
    {
      name: 'new card: created',
      existing: [stored(a)],
      incoming: [a, b],
      plan: { create: [b], update: [], unchanged: 1, retire: [] },
    },
    {
      name: 'first ingest: everything created',
      existing: [],
      incoming: [a, b],
      plan: { create: [a, b], update: [], unchanged: 0, retire: [] },
    },
    {
      name: 'card gone from the note: retired, never dropped',
      existing: [stored(a), stored(b)],
      incoming: [a],
      plan: { create: [], update: [], unchanged: 1, retire: ['id-b'] },
    },
    {
      name: 'every card gone: all retired',
      existing: [stored(a), stored(b)],
      incoming: [],
      plan: { create: [], update: [], unchanged: 0, retire: ['id-a', 'id-b'] },
    },
    {
      name: 'already retired and still gone: left alone',
      existing: [stored(a), stored(b, { status: 'retired' })],
      incoming: [a],
      plan: { create: [], update: [], unchanged: 1, retire: [] },
    },
    {
      name: 'retired card back in the note unchanged: revived with its old id',
      existing: [stored(a), stored(b, { status: 'retired' })],
      incoming: [a, b],
      plan: { create: [], unchanged: 1, retire: [], update: [{ id: 'id-b', draft: b, revived: true, reworded: false }] },
    },
    {
      name: 'retired card back with a new answer: revived and reworded',
      existing: [stored(b, { status: 'retired' })],
      incoming: [{ ...b, answer: 'New.' }],
      plan: {
        create: [], unchanged: 0, retire: [],
        update: [{ id: 'id-b', draft: { ...b, answer: 'New.' }, revived: true, reworded: true }],
      },
    },
  ])('$name', ({ existing, incoming, plan }) => {
    expect(reconcileCards(existing, incoming)).toEqual(plan);
  });

  it('accounts for every existing active card exactly once', () => {
    const c = draft('c');
    const existing = [stored(a), stored(b), stored(c)];
    const plan = reconcileCards(existing, [{ ...a, answer: 'changed' }, c, draft('d')]);
    const accounted = plan.update.length + plan.unchanged + plan.retire.length;
    expect(accounted).toBe(existing.length);
    expect(plan.create.map((d) => d.key)).toEqual(['d']);
  });
});
