import type { CardState } from '@/lib/stats/card-states';

/** One colour per card state, shared by the chart (hex for SVG) and the topic bars (Tailwind). */
export const stateStyle: Record<CardState, { label: string; color: string; bar: string }> = {
  new: { label: 'new', color: '#38bdf8', bar: 'bg-sky-400' },
  learning: { label: 'learning', color: '#f59e0b', bar: 'bg-amber-500' },
  young: { label: 'young', color: '#34d399', bar: 'bg-emerald-400' },
  mature: { label: 'mature', color: '#047857', bar: 'bg-emerald-700' },
  suspended: { label: 'suspended', color: '#a8a29e', bar: 'bg-stone-400' },
};
