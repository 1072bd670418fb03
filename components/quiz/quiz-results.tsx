import Link from 'next/link';
import { cardClass, secondaryButtonClass } from '@/components/ui/styles';
import type { QuizScore } from '@/lib/quiz/build';

/** Score, per-section breakdown and every missed question with its answer and passage. */
export function QuizResults({ score, recorded, retakeHref }: { score: QuizScore; recorded: number; retakeHref: string }) {
  return (
    <div data-testid="quiz-results" className="space-y-4">
      <div className={cardClass}>
        <p className="text-lg">
          <span className="text-4xl font-bold" data-testid="quiz-score">{score.correct}/{score.total}</span> correct
        </p>
        {recorded > 0 && (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400" data-testid="quiz-recorded">
            {recorded} missed {recorded === 1 ? 'card is' : 'cards are'} scheduled for review from tomorrow.
          </p>
        )}
        <div className="mt-4 flex gap-3">
          <a href={retakeHref} className={secondaryButtonClass}>Retake this quiz</a>
          <Link href="/quiz" className={secondaryButtonClass}>New quiz</Link>
        </div>
      </div>
      <table className="w-full text-left text-sm">
        <thead><tr><th className="py-1">Topic</th><th className="py-1 text-right">Correct</th></tr></thead>
        <tbody>
          {score.groups.map((g) => (
            <tr key={g.id} data-testid="quiz-group" className="border-t border-stone-200 dark:border-stone-800">
              <td className="py-1"><Link href={`/topics/${g.id}`} className="hover:underline">{g.title}</Link></td>
              <td className="py-1 text-right">{g.correct}/{g.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.missed.length > 0 && (
        <section className="space-y-2">
          <h2 className="font-semibold">Missed</h2>
          <ul className="space-y-3">
            {score.missed.map((q) => (
              <li key={q.cardId} data-testid="quiz-missed" className="rounded-xl border border-stone-200 p-3 dark:border-stone-800">
                <p className="font-medium break-words">{q.prompt}</p>
                <p className="mt-1 text-sm break-words">{q.expected}</p>
                <Link href={`/topics/${q.conceptId}#line-${q.sourceLine}`} data-testid="missed-passage" className="text-xs text-indigo-600 hover:underline">
                  Read the passage
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
