'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { lineFromHash, passagesForLine } from '@/lib/render/passages';

/** How a lit passage looks (and, without script, the passage a #line-<n> fragment points at). */
const HIGHLIGHT =
  '[&_[data-highlighted]]:rounded [&_[data-highlighted]]:bg-amber-100 [&_[data-highlighted]]:outline-2 [&_[data-highlighted]]:outline-offset-2 [&_[data-highlighted]]:outline-amber-300 ' +
  'dark:[&_[data-highlighted]]:bg-amber-900/40 dark:[&_[data-highlighted]]:outline-amber-700 [&_:target]:bg-amber-100 dark:[&_:target]:bg-amber-900/40';

/** The note passages (elements with data-line-start/end) inside `root` that show `line`. */
function passagesOf(root: HTMLElement, line: number | null): { all: HTMLElement[]; lit: HTMLElement[] } {
  const all = Array.from(root.querySelectorAll<HTMLElement>('[data-line-start]'));
  if (line === null) return { all, lit: [] };
  const spans = all.map((el) => ({ start: Number(el.dataset.lineStart), end: Number(el.dataset.lineEnd) }));
  return { all, lit: passagesForLine(spans, line).map((i) => all[i]) };
}

/** The source line of the card an event happened in, if any. */
function cardLine(target: EventTarget | null): number | null {
  const card = target instanceof Element ? target.closest<HTMLElement>('[data-source-line]') : null;
  return card ? Number(card.dataset.sourceLine) : null;
}

/**
 * Highlights the passage of the note a card comes from: while the pointer or focus is on the card,
 * and pinned after a click on it. A #line-<n> fragment pins and scrolls to line n; #card-<id> opens
 * that card and pins its passage. Cards mark themselves with data-source-line; passages are the
 * rendered note's data-line-start/end elements (lib/render/markdown annotateBlocks).
 */
export function PassageHighlighter({ children, className = '' }: { children: ReactNode; className?: string }) {
  const root = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);
  const active = hovered ?? pinned;

  useEffect(() => {
    if (!root.current) return;
    const { all, lit } = passagesOf(root.current, active);
    for (const el of all) el.toggleAttribute('data-highlighted', lit.includes(el));
  }, [active]);

  useEffect(() => {
    const follow = () => {
      if (!root.current) return;
      const hash = window.location.hash;
      const card = hash.startsWith('#card-') ? root.current.querySelector<HTMLElement>(`[id="${CSS.escape(hash.slice(1))}"]`) : null;
      if (card instanceof HTMLDetailsElement) card.open = true;
      const line = card ? cardLine(card) : lineFromHash(hash);
      if (line === null) return;
      setPinned(line);
      (card ?? passagesOf(root.current, line).lit[0])?.scrollIntoView({ block: 'center' });
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  return (
    <div
      ref={root}
      className={`${HIGHLIGHT} ${className}`}
      onMouseOver={(e) => setHovered(cardLine(e.target))}
      onMouseLeave={() => setHovered(null)}
      onFocus={(e) => setHovered(cardLine(e.target))}
      onBlur={() => setHovered(null)}
      onClick={(e) => {
        const line = cardLine(e.target);
        if (line !== null) setPinned((current) => (current === line ? null : line));
      }}
    >
      {children}
    </div>
  );
}
