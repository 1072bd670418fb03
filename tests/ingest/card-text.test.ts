import { describe, expect, it } from 'vitest';
import { polishCardText, withoutDanglingLeadIn, withoutReferenceTail } from '@/lib/ingest/card-text';
import { sentences } from '@/lib/ingest/limits';

describe('polishCardText', () => {
  it.each([
    ['emoji are dropped', '🎯 Key concepts 🚀', 'Key concepts'],
    ['a space before punctuation goes, one before a dotted suffix stays', 'Extensions such as .avi , .mov and .mp4 name the container .', 'Extensions such as .avi, .mov and .mp4 name the container.'],
    ['dollars around math go', 'If $W = 1$ the write is fast.', 'If W = 1 the write is fast.'],
    ['dollars around big-O go', 'Lookup takes $O(1)$ time.', 'Lookup takes O(1) time.'],
    ['dollars as currency stay', 'Alice sends $100 to Bob and Bob sends $50 back.', 'Alice sends $100 to Bob and Bob sends $50 back.'],
    ['LaTeX braces around an exponent go', 'That gives 2^{12} = 4096 combinations.', 'That gives 2^12 = 4096 combinations.'],
    ['a bullet glyph at the start of a cell goes', '• Gossip protocol (within a data center)', 'Gossip protocol (within a data center)'],
    ['check marks in a cell read as yes/no', '✅', 'Yes'],
    ['a cross reads as no', '- ❌', '- No'],
    ['parenthesised figure references go', 'The cache sits in front of the database (see Figure 3).', 'The cache sits in front of the database.'],
    ['sentences about a figure go', 'A CDN caches static files. Figure 9 shows how load time improves.', 'A CDN caches static files.'],
    ['a lone figure sentence loses the reference', 'As shown in Figure 4, the client retries.', 'The client retries.'],
    ['an aside sending the reader elsewhere goes', 'Locks without herd effect (look at the pseudo-code in the paper, Section 2.4) scale.', 'Locks without herd effect scale.'],
    ['a clause leaning on a figure goes with the figure', 'To avoid problems like the one in Figure 8, Raft waits.', 'Raft waits.'],
    ['a figure the sentence leans on stays (the checks refuse it)', 'The flow matches the one in Figure 8 exactly.', 'The flow matches the one in Figure 8 exactly.'],
    ['citation markers go', 'LRU is the most popular policy [6].', 'LRU is the most popular policy.'],
    ['inline math loses its dollars', 'a split of $x\\%$ to US-East', 'a split of x% to US-East'],
    ['highlights lose their marks', 'The ==leader== takes writes.', 'The leader takes writes.'],
    ['list structure is kept', '- one\n- two', '- one\n- two'],
  ])('%s', (_, input, expected) => {
    expect(polishCardText(input)).toBe(expected);
  });
});

describe('withoutDanglingLeadIn', () => {
  it.each([
    ['drops a closing sentence that announces a list', 'A sorted set keeps members by score. It offers these commands:', 'A sorted set keeps members by score.'],
    ['drops a closing lead-in line', 'Web servers serve pages.\nThey provide the following:', 'Web servers serve pages.'],
    ['keeps an answer that is only a lead-in (a check drops it)', 'Web servers are responsible for:', 'Web servers are responsible for:'],
    ['keeps list answers whole', '- Pros:\n- Cons:', '- Pros:\n- Cons:'],
    ['drops a closing question that leads on', 'A CDN caches content at the edge. How would you size it?', 'A CDN caches content at the edge.'],
    ['leaves a complete answer alone', 'Least recently used.', 'Least recently used.'],
  ])('%s', (_case, answer, expected) => {
    expect(withoutDanglingLeadIn(answer)).toBe(expected);
  });
});

describe('withoutReferenceTail', () => {
  it.each([
    ['drops a pointer to further reading and the citation after it', 'The protocol is named after its three authors. More see: A. Author and B. Writer. Sharing memory. J. ACM, 1995.', 'The protocol is named after its three authors.'],
    ['drops a "See:" sentence', 'Quorums overlap in one node. See: the lecture slides.', 'Quorums overlap in one node.'],
    ['keeps an answer that only points elsewhere (a check drops it)', 'See: the lecture slides.', 'See: the lecture slides.'],
    ['keeps list answers whole', '- one\n- See: two', '- one\n- See: two'],
    ['keeps "see" inside a sentence', 'Clients see a single copy of the data.', 'Clients see a single copy of the data.'],
  ])('%s', (_case, answer, expected) => {
    expect(withoutReferenceTail(answer)).toBe(expected);
  });
});

describe('sentences', () => {
  it.each([
    ['A POP joins two networks, e.g. ISP POP. It is a meeting point.', ['A POP joins two networks, e.g. ISP POP.', 'It is a meeting point.']],
    ['UDP vs. TCP differ in delivery. Both carry ports.', ['UDP vs. TCP differ in delivery.', 'Both carry ports.']],
  ])('%j', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});
