import { describe, expect, it } from 'vitest';
import { DRILL_PHASES, drillPoints, isDesignPrompt, phaseAt, scoreChecklist } from '@/lib/quiz/drill';

describe('drill prompts', () => {
  it.each([
    ['Design a chat system', 4, true],
    ['URL Shortener Design', 8, true],
    ['News feed', 5, true],
    ['File sync service', 3, true],
    ['URL Shortener Design', 2, false],
    ['Rate Limiting', 6, false],
    ['Caching Strategies', 6, false],
    ['Designated leader', 4, false],
  ] as const)('%s with %i sections: %s', (title, sections, expected) => {
    expect(isDesignPrompt(title, sections)).toBe(expected);
  });
});

describe('drill phases', () => {
  it('walks through the phases in order and stays in the last once time is up', () => {
    expect(DRILL_PHASES.reduce((n, p) => n + p.minutes, 0)).toBe(45);
    expect(phaseAt(0, 45)).toBe(0);
    expect(phaseAt(5 * 60_000, 45)).toBe(1);
    expect(phaseAt(20 * 60_000, 45)).toBe(4);
    expect(phaseAt(44 * 60_000, 45)).toBe(6);
    expect(phaseAt(90 * 60_000, 45)).toBe(6);
    expect(phaseAt(10 * 60_000, 90)).toBe(1);
  });
});

describe('drill checklist', () => {
  const sections = [
    { id: 's1', title: 'Requirements', cards: [{ id: 'a', kind: 'list', question: 'What are the 5 requirements?', conceptId: 's1' }, { id: 'b', kind: 'qa', question: 'Why?', conceptId: 's1' }] },
    { id: 's2', title: 'Generating short codes', cards: [{ id: 'c', kind: 'definition', question: 'What is Base62?', conceptId: 's2' }] },
    { id: 's3', title: 'Interview questions', cards: [{ id: 'd', kind: 'qa', question: 'How would you scale?', conceptId: 's3' }] },
  ];

  it('lists section titles (study aids excepted), then definition and list questions', () => {
    expect(drillPoints(sections).map((p) => p.key)).toEqual(['concept:s1', 'concept:s2', 'card:a', 'card:c']);
  });

  it('sends back the cards of unticked points, except cards whose own point was ticked', () => {
    const points = drillPoints(sections);
    expect(scoreChecklist(points, ['concept:s2', 'card:a'])).toEqual({ covered: 2, total: 4, missedCardIds: ['b', 'c'] });
    expect(scoreChecklist(points, []).missedCardIds.sort()).toEqual(['a', 'b', 'c']);
    expect(scoreChecklist(points, points.map((p) => p.key))).toEqual({ covered: 4, total: 4, missedCardIds: [] });
  });
});
