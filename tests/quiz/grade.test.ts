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
  ['cloze', 'Sharding', 'sharding replication caching queues load balancing hashing consistency partitions indexes'],
];

describe('gradeTyped', () => {
  it.each(accepted)('accepts a %s answer: %j ← %j', (kind, expected, given) => {
    expect(gradeTyped(expected, given, kind).correct).toBe(true);
  });
  it.each(rejected)('rejects a %s answer: %j ← %j', (kind, expected, given) => {
    expect(gradeTyped(expected, given, kind).correct).toBe(false);
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
