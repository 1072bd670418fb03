import { randomUUID } from 'node:crypto';
import { buttonClass, cardClass, inputClass } from '@/components/ui/styles';
import { getQuizTopics } from '@/lib/db/quiz';
import { requireUser } from '@/lib/session';
import { quizBuilderSearchParamsSchema } from '@/lib/validations/quiz';

export const dynamic = 'force-dynamic';

const MODES = [
  { value: 'mc', label: 'Multiple choice' },
  { value: 'typed', label: 'Typed answer' },
  { value: 'cloze', label: 'Fill in the blank' },
] as const;

/** /quiz, or /quiz?concept=<id> with that topic ticked. A GET form: the quiz is its URL. */
export default async function QuizBuilderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [topics, { concept }] = await Promise.all([getQuizTopics(user.id), searchParams.then((p) => quizBuilderSearchParamsSchema.parse(p))]);
  const listed = new Set(topics.flatMap((t) => [t.id, ...t.children.map((c) => c.id)]));
  const checkbox = (id: string, title: string) => (
    <label className="flex items-start gap-2">
      <input type="checkbox" name="topics" value={id} defaultChecked={id === concept} className="mt-1" />
      <span>{title}</span>
    </label>
  );
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Quiz yourself</h1>
      <form action="/quiz/play" method="get" className={`${cardClass} space-y-5`}>
        <input type="hidden" name="seed" value={randomUUID().slice(0, 8)} />
        <fieldset className="space-y-2">
          <legend className="mb-1 font-semibold">Topics <span className="text-sm font-normal text-stone-500">(none ticked: the whole deck)</span></legend>
          {concept && !listed.has(concept) && checkbox(concept, 'The topic you came from')}
          <ul className="grid gap-3 sm:grid-cols-2">
            {topics.map((t) => (
              <li key={t.id}>
                <details>
                  <summary className="cursor-pointer list-none">{checkbox(t.id, t.title)}</summary>
                  <ul className="mt-1 space-y-1 pl-6 text-sm">
                    {t.children.map((c) => <li key={c.id}>{checkbox(c.id, c.title)}</li>)}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="flex flex-wrap gap-6">
          <label className="space-y-1">
            <span className="block font-semibold">Questions</span>
            <input type="number" name="n" min={1} max={50} defaultValue={10} className={`${inputClass} w-24`} />
          </label>
          <fieldset className="space-y-1">
            <legend className="font-semibold">Mode</legend>
            {MODES.map((m) => (
              <label key={m.value} className="mr-4 inline-flex items-center gap-1">
                <input type="radio" name="mode" value={m.value} defaultChecked={m.value === 'mc'} /> {m.label}
              </label>
            ))}
          </fieldset>
        </div>
        <button type="submit" className={buttonClass}>Start quiz</button>
      </form>
    </section>
  );
}
