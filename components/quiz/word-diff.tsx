import type { DiffPart } from '@/lib/quiz/text';

/** The learner's answer against the expected one, word by word: missing words underlined, extra ones struck. */
export function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p data-testid="word-diff" className="text-sm break-words">
      {parts.map((p, i) => {
        const cls = p.op === 'missing'
          ? 'rounded bg-amber-100 px-0.5 underline dark:bg-amber-900/40'
          : p.op === 'extra' ? 'text-stone-400 line-through' : '';
        return <span key={i} className={cls} title={p.op === 'same' ? undefined : p.op}>{p.word} </span>;
      })}
    </p>
  );
}
