/**
 * Prints seeded multiple-choice questions over the shared starter deck in the app's database
 * (DATABASE_URL, default prisma/dev.db), to judge the distractors by eye. Reads only.
 * `tsx --conditions=react-server bench/quiz-sample.ts [--n 30] [--seed sample]`
 */
import { parseArgs } from 'node:util';
import { getQuizDeck } from '../lib/db/quiz';
import { buildQuiz } from '../lib/quiz/build';

const { values } = parseArgs({ options: { n: { type: 'string', default: '30' }, seed: { type: 'string', default: 'sample' } } });

// No user owns '': it reads the shared starter deck alone (lib/db/readable).
const deck = await getQuizDeck('', []);
if (!deck || deck.cards.length === 0) throw new Error('The database holds no deck: run `npm run setup` first.');
const questions = buildQuiz(deck.cards, deck.pool, { mode: 'mc', n: Number(values.n), seed: values.seed! });
const kinds = new Map(deck.pool.map((c) => [c.id, c.kind]));
questions.forEach((q, i) => {
  console.log(`\n${i + 1}. [${kinds.get(q.cardId)}; ${q.group.title}] ${q.prompt}`);
  q.options!.forEach((o, j) => console.log(`   ${j === q.correctOption ? '*' : ' '} ${String.fromCharCode(65 + j)}. ${o.replace(/\s+/g, ' ')}`));
});
console.log(`\n${questions.length} questions from ${deck.cards.length} cards.`);
