import { z } from 'zod';
import { QUIZ_MODES } from '../quiz/build';

export const MAX_QUIZ_QUESTIONS = 50;
const seed = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'A seed is 1 to 40 letters, digits, - or _.');
/** Concept ids are cuids; the pattern also keeps them URL-safe, so canonical quiz URLs need no escaping. */
const conceptId = z.string().regex(/^[\w-]{1,64}$/);

/** /quiz/play?topics=a,b&n=10&mode=mc&seed=…: everything a quiz is a function of. */
export const quizParamsSchema = z.object({
  topics: z.array(conceptId).max(100),
  n: z.number().int().min(1).max(MAX_QUIZ_QUESTIONS),
  mode: z.enum(QUIZ_MODES),
  seed,
});
export type QuizUrlParams = z.infer<typeof quizParamsSchema>;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Search params → quiz params. A missing seed stays undefined so the page can pick one. */
export const quizSearchParamsSchema = z.object({
  topics: z.preprocess(
    (v) => (Array.isArray(v) ? v.join(',') : (v ?? '')).toString().split(',').filter(Boolean),
    quizParamsSchema.shape.topics,
  ),
  n: z.preprocess(one, z.coerce.number().pipe(quizParamsSchema.shape.n)).catch(10),
  mode: z.preprocess(one, quizParamsSchema.shape.mode).catch('mc'),
  seed: z.preprocess(one, seed.optional()).catch(undefined),
});

/** /quiz?concept=<id>: a topic to preselect in the builder. */
export const quizBuilderSearchParamsSchema = z.object({
  concept: z.preprocess(one, conceptId.optional()).catch(undefined),
});

export const quizResponseSchema = z.object({
  choice: z.number().int().min(0).max(3).optional(),
  text: z.string().max(4000).optional(),
  override: z.boolean().optional(),
});

export const finishQuizSchema = z.object({
  params: quizParamsSchema,
  attemptId: z.string().uuid(),
  responses: z.array(quizResponseSchema.nullable()).max(MAX_QUIZ_QUESTIONS),
});

/** The canonical URL of a quiz (every part is URL-safe by the schema). */
export function quizHref(p: QuizUrlParams): string {
  return `/quiz/play?topics=${p.topics.join(',')}&n=${p.n}&mode=${p.mode}&seed=${p.seed}`;
}
