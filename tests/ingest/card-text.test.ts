import { describe, expect, it } from 'vitest';
import { polishCardText } from '@/lib/ingest/card-text';

describe('polishCardText', () => {
  it.each([
    ['emoji are dropped', '🎯 Key concepts 🚀', 'Key concepts'],
    ['check marks in a cell read as yes/no', '✅', 'Yes'],
    ['a cross reads as no', '- ❌', '- No'],
    ['parenthesised figure references go', 'The cache sits in front of the database (see Figure 3).', 'The cache sits in front of the database.'],
    ['sentences about a figure go', 'A CDN caches static files. Figure 9 shows how load time improves.', 'A CDN caches static files.'],
    ['a lone figure sentence loses the reference', 'As shown in Figure 4, the client retries.', 'The client retries.'],
    ['citation markers go', 'LRU is the most popular policy [6].', 'LRU is the most popular policy.'],
    ['inline math loses its dollars', 'a split of $x\\%$ to US-East', 'a split of x% to US-East'],
    ['highlights lose their marks', 'The ==leader== takes writes.', 'The leader takes writes.'],
    ['list structure is kept', '- one\n- two', '- one\n- two'],
  ])('%s', (_, input, expected) => {
    expect(polishCardText(input)).toBe(expected);
  });
});
