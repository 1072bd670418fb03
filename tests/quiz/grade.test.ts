import { describe, expect, it } from 'vitest';
import { gradeTyped } from '@/lib/quiz/grade';
import { wordDiff } from '@/lib/quiz/text';

const accepted: [string, string, string][] = [
  ['cloze', 'Consistent hashing', 'consistent hashing'],
  ['cloze', 'Consistent hashing', 'Consistent-hashing!'],
  ['cloze', 'Consistent hashing', 'hashing consistent'],
  ['cloze', 'Consistent hashing', 'consistant hashng'],
  ['cloze', 'Write-through', 'write through'],
  ['comparison', '1 ns', '1 NS'],
  ['comparison', 'Allows bursts up to bucket size', 'allows bursts up to the bucket size'],
  ['comparison', 'Time or size based, replayable', 'replayable, time or size based'],
  ['definition', 'The delay between a write on the leader and its visibility on a follower.', 'delay between write on leader and visibility on follower'],
  ['list', '- Token bucket\n- Leaky bucket\n- Fixed window counter\n- Sliding window log\n- Sliding window counter',
    'token bucket\nleaky bucket\nfixed window\nsliding window log'],
  ['list', '- LRU\n- LFU\n- FIFO', 'fifo, lru'],
  // Hedges are not key terms.
  ['qa', 'About 3.65 days', '3.65 days'],
  ['qa', 'Roughly 10 ms', '10 ms'],
  ['comparison', 'Typically 3 replicas', '3 replicas'],
  // A list shown on one line ("a; b; c", as the quiz asks it) is still graded item by item.
  ['list', 'Leader election; Log replication; Safety', 'Leader election\nLog replication'],
  ['list', 'Read your writes; Monotonic reads; Consistent prefix', 'monotonic reads, read your writes'],
];

const rejected: [string, string, string][] = [
  ['comparison', '1 ns', '10 ns'],
  ['comparison', '100 ns', '100 ms'],
  ['cloze', 'Consistent hashing', 'rendezvous hashing'],
  ['cloze', 'Consistent hashing', 'hashing'],
  ['cloze', 'LRU', 'LFU'],
  ['cloze', 'CAP', ''],
  ['comparison', 'Allows bursts up to bucket size', 'smooths bursts'],
  ['definition', 'The delay between a write on the leader and its visibility on a follower.', 'the leader'],
  ['list', '- Token bucket\n- Leaky bucket\n- Fixed window counter\n- Sliding window log\n- Sliding window counter', 'token bucket\nleaky bucket'],
  ['list', '- LRU\n- LFU\n- FIFO', 'lru'],
  ['qa', 'About 3.65 days', 'about 4 days'],
  ['qa', 'About 3.65 days', 'about'],
  ['list', 'Leader election; Log replication; Safety', 'Leader election'],
  ['cloze', 'Sharding', 'sharding replication caching queues load balancing hashing consistency partitions indexes'],
];

describe('gradeTyped', () => {
  it.each(accepted)('accepts a %s answer: %j ← %j', (kind, expected, given) => {
    expect(gradeTyped(expected, given, kind).correct).toBe(true);
  });
  it.each(rejected)('rejects a %s answer: %j ← %j', (kind, expected, given) => {
    expect(gradeTyped(expected, given, kind).correct).toBe(false);
  });

  it.each<[string, string, string, number, [string, boolean][]]>([
    ['qa', 'About 3.65 days', '3.65 days', 1, [['3.65', true], ['days', true]]],
    ['qa', 'About 3.65 days', '3.65 weeks', 1 / 2, [['3.65', true], ['days', false]]],
    ['qa', 'About 3.65 days', '3,65 days', 1, [['3.65', true], ['days', true]]],
    ['qa', 'About 3.65 days', '3.6 days', 1 / 2, [['3.65', false], ['days', true]]],
    ['list', 'Leader election; Log replication; Safety', 'Leader election\nLog replication', 2 / 3,
      [['Leader election', true], ['Log replication', true], ['Safety', false]]],
    ['list', '- LRU\n- LFU\n- FIFO', 'fifo', 1 / 3, [['LRU', false], ['LFU', false], ['FIFO', true]]],
  ])('shows what matched: %s %j ← %j', (kind, expected, given, score, parts) => {
    const grade = gradeTyped(expected, given, kind);
    expect(grade.score).toBeCloseTo(score);
    expect(grade.parts.map((p) => [p.text, p.recalled])).toEqual(parts);
  });

  it('scores a list by the share of items recalled', () => {
    expect(gradeTyped('- LRU\n- LFU\n- FIFO\n- Random', 'lfu\nrandom', 'list').score).toBe(0.5);
  });
});

describe('wordDiff', () => {
  it('marks missing and extra words against the expected answer', () => {
    expect(wordDiff('Allows bursts up to bucket size', 'allows big bursts to bucket size')).toEqual([
      { op: 'same', word: 'allows' },
      { op: 'extra', word: 'big' },
      { op: 'same', word: 'bursts' },
      { op: 'missing', word: 'up' },
      { op: 'same', word: 'to' },
      { op: 'same', word: 'bucket' },
      { op: 'same', word: 'size' },
    ]);
  });
});
