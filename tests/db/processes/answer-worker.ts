/**
 * One process of the multi-process double-submit test (tests/db/sqlite-locking.test.ts): opens
 * DATABASE_URL through the app's data layer, waits until START_AT (epoch ms) so that every
 * process submits at the same moment, records ANSWER (JSON) for USER_ID and prints the outcome
 * (or the error) as one JSON line.
 */
import { recordAnswer } from '@/lib/db/review-answer';

const input = JSON.parse(process.env.ANSWER!);
const wait = Number(process.env.START_AT) - Date.now();
if (wait > 0) await new Promise((r) => setTimeout(r, wait));
try {
  const outcome = await recordAnswer(process.env.USER_ID!, input, new Date(process.env.NOW!));
  console.log(JSON.stringify({ ok: true, outcome }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, name: (error as Error).constructor.name, message: String((error as Error).message) }));
}
process.exit(0);
