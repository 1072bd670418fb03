/**
 * Interview drills: which notes make a system-design prompt, the timed phases, and the checklist
 * of key points an outline should cover. Pure.
 */

export const DRILL_MINUTES = 45;

/** The phases of a system-design interview, with their share of a 45-minute drill. */
export const DRILL_PHASES = [
  { key: 'requirements', title: 'Requirements', minutes: 5 },
  { key: 'estimation', title: 'Estimation', minutes: 5 },
  { key: 'api', title: 'API', minutes: 5 },
  { key: 'data-model', title: 'Data model', minutes: 5 },
  { key: 'high-level', title: 'High-level design', minutes: 10 },
  { key: 'deep-dives', title: 'Deep dives', minutes: 10 },
  { key: 'bottlenecks', title: 'Bottlenecks', minutes: 5 },
] as const;
export type DrillPhase = (typeof DRILL_PHASES)[number]['key'];
export const DRILL_PHASE_KEYS = DRILL_PHASES.map((p) => p.key) as [DrillPhase, ...DrillPhase[]];

/** Index of the phase the clock is in (phases scaled to the drill's length); the last one once time is up. */
export function phaseAt(elapsedMs: number, durationMin: number): number {
  const scale = durationMin / DRILL_MINUTES;
  let end = 0;
  for (let i = 0; i < DRILL_PHASES.length; i++) {
    end += DRILL_PHASES[i].minutes * scale * 60_000;
    if (elapsedMs < end) return i;
  }
  return DRILL_PHASES.length - 1;
}

/** A prompt needs this many sections under it to give a checklist worth having. */
export const MIN_PROMPT_SECTIONS = 3;
const SYSTEM_WORDS = /\b(design|system|shortener|chat|messenger|feed|timeline|file sync|sync service|crawler|notification|pastebin|tinyurl|ride[- ]hailing|video streaming|search engine|key[- ]value store)\b/i;

/** "Design X", or a title naming a whole system ("URL shortener", "chat system"), with several sections. */
export function isDesignPrompt(title: string, sectionCount: number): boolean {
  return sectionCount >= MIN_PROMPT_SECTIONS && (/^design\b/i.test(title.trim()) || SYSTEM_WORDS.test(title));
}

/** Sections that hold study aids rather than parts of the system. */
const STUDY_AID_SECTIONS = /^(quick checks|interview questions|further reading|references|summary)$/i;

export interface DrillSection {
  id: string;
  title: string;
  /** Active cards anywhere in this section's subtree. */
  cards: { id: string; kind: string; question: string; conceptId: string }[];
}

export interface DrillPoint {
  /** "concept:<id>" or "card:<id>": stable, so a saved checklist survives a reload. */
  key: string;
  label: string;
  /** Where the notes cover this point. */
  conceptId: string;
  /** Cards to review if the outline missed this point. */
  cardIds: string[];
}

/**
 * The key points: each section's title (study-aid sections excepted), then each definition or
 * list card's question, in note order. `ownCards` are the prompt concept's own cards.
 */
export function drillPoints(sections: readonly DrillSection[], ownCards: DrillSection['cards'] = []): DrillPoint[] {
  const points: DrillPoint[] = [];
  for (const s of sections) {
    if (!STUDY_AID_SECTIONS.test(s.title.trim())) points.push({ key: `concept:${s.id}`, label: s.title, conceptId: s.id, cardIds: s.cards.map((c) => c.id) });
  }
  for (const c of [...ownCards, ...sections.flatMap((s) => s.cards)]) {
    if (c.kind === 'definition' || c.kind === 'list') points.push({ key: `card:${c.id}`, label: c.question, conceptId: c.conceptId, cardIds: [c.id] });
  }
  return points;
}

export interface ChecklistScore {
  covered: number;
  total: number;
  /** Cards of the unticked points, except any card whose own point was ticked. */
  missedCardIds: string[];
}

export function scoreChecklist(points: readonly DrillPoint[], ticked: readonly string[]): ChecklistScore {
  const keys = new Set(ticked);
  const known = new Set(points.filter((p) => keys.has(p.key) && p.key.startsWith('card:')).flatMap((p) => p.cardIds));
  const missed = new Set(points.filter((p) => !keys.has(p.key)).flatMap((p) => p.cardIds).filter((id) => !known.has(id)));
  return { covered: points.filter((p) => keys.has(p.key)).length, total: points.length, missedCardIds: [...missed] };
}
