import type { Recalled } from '@/lib/quiz/grade';

/** What the typed grade counted: each list item, or each key term, marked recalled or missed. */
export function RecalledParts({ parts, list }: { parts: Recalled[]; list: boolean }) {
  if (parts.length === 0) return null;
  return (
    <div className="text-sm" data-testid="recalled-parts">
      <p className="text-stone-500">{list ? 'Items' : 'Key terms'}:</p>
      <ul className={list ? 'space-y-1' : 'flex flex-wrap gap-1.5'}>
        {parts.map((p, i) => (
          <li
            key={i}
            data-testid="recalled-part"
            data-recalled={String(p.recalled)}
            className={`rounded px-1.5 break-words ${p.recalled ? 'bg-emerald-100 dark:bg-emerald-900/40' : 'bg-amber-100 dark:bg-amber-900/40'}`}
          >
            <span aria-hidden="true">{p.recalled ? '✓' : '✗'}</span> {p.text}
            <span className="sr-only">{p.recalled ? ' (recalled)' : ' (missed)'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
