import { listedReadings, VB } from './lexicon';
import { stems } from './words';

/**
 * Irregular verbs of English (a closed class): "base past participle", the participle left out
 * when it equals the past. Only forms that regular rules get wrong are needed.
 */
const IRREGULAR =
  'be was been|become became become|begin began begun|bind bound|break broke broken|bring brought|build built|buy bought|catch caught|choose chose chosen|come came come|cost cost|cut cut|deal dealt|do did done|draw drew drawn|drive drove driven|eat ate eaten|fall fell fallen|feed fed|feel felt|fight fought|find found|fly flew flown|forbid forbade forbidden|forget forgot forgotten|freeze froze frozen|get got gotten|give gave given|go went gone|grow grew grown|hang hung|have had|hear heard|hide hid hidden|hit hit|hold held|hurt hurt|keep kept|know knew known|lay laid|lead led|leave left|lend lent|let let|lose lost|make made|mean meant|meet met|pay paid|put put|quit quit|read read|rebuild rebuilt|redo redid redone|rerun reran rerun|reset reset|rewrite rewrote rewritten|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said|see saw seen|seek sought|sell sold|send sent|set set|shake shook shaken|shed shed|shoot shot|show showed shown|shrink shrank shrunk|shut shut|sit sat|sleep slept|slide slid|speak spoke spoken|spend spent|spin spun|split split|spread spread|stand stood|steal stole stolen|stick stuck|strike struck|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|undergo underwent undergone|understand understood|undo undid undone|upset upset|wake woke woken|wear wore worn|win won|wind wound|withdraw withdrew withdrawn|write wrote written';

const BASE = new Map<string, string>();
for (const entry of IRREGULAR.split('|')) {
  const [base, ...forms] = entry.split(' ');
  for (const form of forms) if (!BASE.has(form)) BASE.set(form, base);
}
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "isn't", "aren't", "wasn't", "weren't", "'s", "'re", "'m"]);
/** Clitics other than those of "be": "they've", "it'll", "we'd". */
const CLITIC_BASE: Record<string, string> = { "'ve": 'have', "'ll": 'will', "'d": 'would' };

/**
 * The base form of a verb as written: "updates" -> "update", "sharded" -> "shard", "kept" -> "keep",
 * "retries" -> "retry", "mapped" -> "map". A stem is confirmed by the lexicon, or by a known verb it
 * ends with ("precomputes" ends with "compute"); unknown stems fall back to the plainest cut.
 */
export function verbBase(lower: string): string {
  if (BE.has(lower)) return 'be';
  if (CLITIC_BASE[lower]) return CLITIC_BASE[lower];
  const word = lower.replace(/n't$/, '');
  if (word === 'ca' || word === 'wo') return word === 'ca' ? 'can' : 'will';
  const irregular = BASE.get(word);
  if (irregular) return irregular;
  if (/^(?:has|have|had|having)$/.test(word)) return 'have';
  if (/^(?:does|did|done|doing)$/.test(word)) return 'do';
  // "need", "feed", "bring": a base form that only looks inflected ("-s" forms are read by their stems).
  if (/(?:ed|ing)$/.test(word) && isVerb(word)) return word;
  for (const ending of ['s', 'ed', 'ing'] as const) {
    const candidates = stems(word, ending);
    if (candidates.length === 0) continue;
    return candidates.find(isVerb) ?? candidates.find(endsWithVerb) ?? plainest(word, ending, candidates);
  }
  return word;
}

function isVerb(stem: string): boolean {
  return (listedReadings(stem) & VB) !== 0;
}

/** "precompute" ends with the verb "compute"; "reshard" with "shard" does not count (unknown). */
function endsWithVerb(stem: string): boolean {
  for (let i = 1; i <= stem.length - 4; i++) if (isVerb(stem.slice(i))) return true;
  return false;
}

/** Without a lexicon's word: "-es" after a sibilant, else "-s"; "-ed"/"-ing" cut, "e" restored after a lone consonant. */
function plainest(word: string, ending: 's' | 'ed' | 'ing', candidates: string[]): string {
  if (ending === 's') return candidates[0];
  const stem = word.slice(0, -ending.length);
  if (/ied$/.test(word)) return `${stem.slice(0, -1)}y`;
  if (/([^aeiou])\1$/.test(stem) && !/(?:ll|ss|zz|ff)$/.test(stem)) return stem.slice(0, -1);
  return /[^aeiou][aeiou][^aeiouwxy]$/.test(stem) && !/[aeiou]{2}[^aeiou]$/.test(stem) ? `${stem}e` : stem;
}
