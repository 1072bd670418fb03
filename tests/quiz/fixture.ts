import type { QuizCard } from '@/lib/quiz/cards';

/** A small deck: two notes, a latency table, a replication table, definitions, lists, cloze. */
function card(id: string, path: string[], kind: string, question: string, answer: string): QuizCard {
  return { id, conceptId: path[path.length - 1], kind, question, answer, sourceLine: 1, path, group: { id: path[0], title: path[0] } };
}

const latency = ['numbers', 'latency'];
const replication = ['repl', 'topologies'];
const defs = ['repl', 'terms'];
const cache = ['cache', 'patterns'];

export const deck: QuizCard[] = [
  card('t1', latency, 'comparison', 'What is the approximate time of L1 cache reference?', '1 ns'),
  card('t2', latency, 'comparison', 'What is the approximate time of Main memory reference?', '100 ns'),
  card('t3', latency, 'comparison', 'What is the approximate time of SSD random read?', '150 microseconds'),
  card('t4', latency, 'comparison', 'What is the approximate time of Disk seek?', '10 ms'),
  card('t5', latency, 'comparison', 'What is the approximate time of Branch mispredict?', '1 ns.'),
  card('t6', latency, 'comparison', 'What is the relative cost of Disk seek?', '10,000,000x'),
  card('r1', replication, 'comparison', 'What is the weakness of Single leader?', 'Leader is a write bottleneck'),
  card('r2', replication, 'comparison', 'What is the weakness of Multi leader?', 'Conflict resolution is hard'),
  card('r3', replication, 'comparison', 'What is the weakness of Leaderless?', 'Weaker guarantees, more client complexity'),
  card('r4', replication, 'comparison', 'What is the weakness of Chain replication?', 'Latency grows with chain length'),
  card('d1', defs, 'definition', 'What is Replication lag?', 'Replication lag is the delay between a write on the leader and its visibility on a follower.'),
  card('d2', defs, 'definition', 'What is Split brain?', 'Split brain is a failure in which two nodes both believe they are the leader.'),
  card('d3', defs, 'definition', 'What is Failover?', 'Failover is promoting a follower to leader when the leader dies.'),
  card('d4', cache, 'definition', 'What is Cache-aside?', 'Cache-aside is a pattern where the application reads the database on a miss and fills the cache.'),
  card('d5', cache, 'definition', 'What is Write-through?', 'Write-through means every write goes to the cache and the database before it is acknowledged.'),
  card('c1', defs, 'cloze', 'Fill in the blank: ____ is the delay between a write on the leader and its visibility on a follower.', 'Replication lag'),
  card('c2', cache, 'cloze', 'Fill in the blank: ____ is the classic framing.', 'CAP'),
  card('c3', cache, 'cloze', 'Fill in the blank: ____ is a theorem.', 'CAP theorem'),
  card('c4', cache, 'cloze', 'Fill in the blank: ____ skips the cache.', 'Write-around'),
  card('c5', cache, 'cloze', 'Fill in the blank: ____ batches writes.', 'Write-back'),
  card('c6', cache, 'cloze', 'Fill in the blank: ____ reads through.', 'Read-through'),
  card('l1', cache, 'list', 'What are the 3 eviction policies?', '- LRU\n- LFU\n- FIFO'),
  card('l2', defs, 'list', 'What are the 3 topologies?', '- Single leader\n- Multi leader\n- Leaderless'),
  card('l3', latency, 'list', 'What are the 3 useful terms?', '- QPS\n- Peak factor\n- Working set'),
  card('l4', cache, 'list', 'What are the 3 failure modes?', '- Cache stampede\n- Hot keys\n- Stale reads'),
  card('q1', cache, 'qa', 'Why cache at all?', 'To serve repeated reads faster and cheaper than the database can.'),
  card('q2', replication, 'explicit', 'Why replicate?', 'To survive failures, serve more reads and keep data near users.'),
  card('q3', latency, 'qa', 'Why estimate?', 'To check a design is feasible before building it.'),
  card('q4', defs, 'qa', 'What breaks in failover?', 'Lost writes and two leaders at once, if fencing is missing.'),
];

export const byId = (id: string): QuizCard => deck.find((c) => c.id === id)!;
