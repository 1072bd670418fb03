import iconv from 'iconv-lite';

/**
 * Repairs text whose UTF-8 bytes were decoded in a single-byte charset (Windows-1252, Mac Roman
 * or Latin-1), e.g. "â€™" -> "’", "üéØ" -> "🎯".
 *
 * Invariants:
 * - Only non-ASCII characters are ever replaced: ASCII (and so every line break) is untouched,
 *   which keeps line numbers stable.
 * - A character is replaced only as part of a strictly valid UTF-8 sequence whose decoded
 *   character is plausible (see `isPlausible`); everything else is kept verbatim.
 * - One charset is used for the whole document, so a lone coincidence in another charset
 *   cannot win against the charset the document was actually garbled with.
 */

export interface MojibakeRepair {
  text: string;
  /** Number of mojibake spans replaced. */
  repaired: number;
}

type Charset = 'windows-1252' | 'macintosh';

/**
 * Candidate charsets, in tie-break order: an earlier one wins a tie. Latin-1 needs no entry of its
 * own: its reverse table (U+0080-U+00FF -> same byte) is contained in the cp1252 one, which also
 * maps the C1 controls back to their bytes, so Latin-1 could only ever tie cp1252.
 */
const CHARSETS: readonly Charset[] = ['windows-1252', 'macintosh'];

const NO_BYTE = -1;

/**
 * Characters some producers of a charset use that iconv-lite's table lacks: Apple maps Mac Roman
 * 0xF0 to U+F8FF (the Apple logo, the first character of every garbled emoji), and Mac OS 8.5+
 * maps 0xDB to the euro sign instead of the currency sign.
 */
const EXTRA_CHARS: Record<Charset, ReadonlyArray<readonly [string, number]>> = {
  'windows-1252': [],
  macintosh: [
    ['\uF8FF', 0xf0],
    ['\u20AC', 0xdb],
  ],
};

/** char code -> byte (0x80-0xFF) or NO_BYTE; indexes are UTF-16 code units. */
type ReverseTable = Int16Array;

const TABLES: ReadonlyMap<Charset, ReverseTable> = new Map(CHARSETS.map((c) => [c, buildReverseTable(c)]));

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function buildReverseTable(charset: Charset): ReverseTable {
  const table = new Int16Array(0x10000).fill(NO_BYTE);
  const high = Uint8Array.from({ length: 0x80 }, (_, i) => 0x80 + i);
  const decoded = iconv.decode(Buffer.from(high), charset);
  for (let i = 0; i < decoded.length; i++) {
    const code = decoded.charCodeAt(i);
    // U+FFFD marks a byte the table leaves undefined; it must not map back to any byte.
    if (code !== 0xfffd) table[code] = 0x80 + i;
  }
  if (charset === 'windows-1252') {
    // Undefined cp1252 bytes (and sometimes defined ones) survive as C1 controls.
    for (let b = 0x80; b <= 0x9f; b++) table[b] = b;
  }
  for (const [char, byte] of EXTRA_CHARS[charset]) table[char.charCodeAt(0)] = byte;
  return table;
}

/**
 * Detects the charset the document was garbled with and decodes every repairable span; the input
 * string itself comes back when nothing is repaired.
 */
export function repairMojibake(text: string): MojibakeRepair {
  const runs = nonAsciiRuns(text);
  if (runs.length === 0) return { text, repaired: 0 };
  const best = pickCharset(text, runs);
  if (best === undefined) return { text, repaired: 0 };
  return applyRepairs(text, best.spans, TABLES.get(best.charset)!);
}

/**
 * Maximal runs of two or more non-ASCII code units as flat [start, end) pairs; a single unit
 * cannot be mojibake.
 */
function nonAsciiRuns(text: string): number[] {
  const runs: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && text.charCodeAt(j) >= 0x80) j++;
    if (j - i >= 2) runs.push(i, j);
    i = j;
  }
  return runs;
}

interface Candidate {
  charset: Charset;
  /** Repairable spans as flat [start, end) pairs, in text order. */
  spans: number[];
}

/**
 * The charset that best explains the document: most runs repaired whole, then most characters
 * repaired; undefined when none repairs anything. A run repaired only in part ("‚Ä¢" read as
 * cp1252 repairs "Ä¢" alone) thus loses to a charset that explains all of it.
 */
function pickCharset(text: string, runs: number[]): Candidate | undefined {
  let best: Candidate | undefined;
  let bestWhole = 0;
  let bestCovered = 0;
  for (const charset of CHARSETS) {
    const table = TABLES.get(charset)!;
    const spans: number[] = [];
    let whole = 0;
    let covered = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const first = spans.length;
      scanRun(text, runs[r], runs[r + 1], table, spans);
      for (let s = first; s < spans.length; s += 2) covered += spans[s + 1] - spans[s];
      if (spans.length - first === 2 && spans[first] === runs[r] && spans[first + 1] === runs[r + 1]) whole++;
    }
    // Strictly better only: ties keep the earlier charset in CHARSETS.
    if (whole > bestWhole || (whole === bestWhole && covered > bestCovered)) {
      best = { charset, spans };
      bestWhole = whole;
      bestCovered = covered;
    }
    // Every run repaired whole: no later charset can do strictly better.
    if (bestWhole * 2 === runs.length) break;
  }
  return best;
}

/**
 * Replaces every span by its decoding. All spans are decoded by one strict decoder call, then the
 * result is cut per span: a 4-byte sequence yields two UTF-16 units, shorter ones one.
 */
function applyRepairs(text: string, spans: number[], table: ReverseTable): MojibakeRepair {
  const decoded = UTF8.decode(spanBytes(text, spans, table));
  let out = '';
  let cursor = 0;
  let at = 0;
  for (let s = 0; s < spans.length; s += 2) {
    const start = spans[s];
    const end = spans[s + 1];
    let units = 0;
    for (let i = start; i < end; i++) {
      const b = table[text.charCodeAt(i)];
      if (b >= 0xc0) units += b >= 0xf0 ? 2 : 1;
    }
    out += text.slice(cursor, start) + withoutBom(decoded.slice(at, at + units));
    at += units;
    cursor = end;
  }
  return { text: out + text.slice(cursor), repaired: spans.length / 2 };
}

/** The bytes of all spans, concatenated. Every span was validated by `sequenceLength`. */
function spanBytes(text: string, spans: number[], table: ReverseTable): Uint8Array {
  let total = 0;
  for (let s = 0; s < spans.length; s += 2) total += spans[s + 1] - spans[s];
  const bytes = new Uint8Array(total);
  let k = 0;
  for (let s = 0; s < spans.length; s += 2) {
    for (let i = spans[s]; i < spans[s + 1]; i++) bytes[k++] = table[text.charCodeAt(i)];
  }
  return bytes;
}

/** A garbled byte-order mark ("ï»¿") decodes to nothing rather than to an invisible U+FEFF. */
function withoutBom(piece: string): string {
  return piece.includes('\uFEFF') ? piece.replace(/\uFEFF/g, '') : piece;
}

/**
 * Finds the repairable spans of one run: maximal stretches of consecutive valid, plausible UTF-8
 * sequences. Characters outside such stretches are left alone, so a legitimate "é" next to
 * mojibake survives. Pushes the spans' [start, end) pairs to `out`.
 */
function scanRun(text: string, start: number, end: number, table: ReverseTable, out: number[]): void {
  let spanStart = -1;
  let sequences = 0;
  let p = start;
  while (p <= end) {
    const len = p < end ? sequenceLength(text, p, end, table) : 0;
    if (len > 0) {
      if (spanStart < 0) spanStart = p;
      sequences++;
      p += len;
      continue;
    }
    if (spanStart >= 0 && isAcceptedSpan(text, spanStart, p, sequences, table)) out.push(spanStart, p);
    spanStart = -1;
    sequences = 0;
    p++;
  }
}

/**
 * A span that is a single two-byte sequence decoding to Cyrillic is refused: in Mac Roman its
 * lead is an en/em dash, so "naïve—élan" would otherwise lose "—é". Real Cyrillic mojibake comes
 * in words of several letters.
 */
function isAcceptedSpan(text: string, start: number, end: number, sequences: number, table: ReverseTable): boolean {
  if (sequences > 1 || end - start !== 2) return true;
  const lead = table[text.charCodeAt(start)];
  return lead !== 0xd0 && lead !== 0xd1;
}

/**
 * Length (in code units = bytes) of the strictly valid UTF-8 sequence starting at `p`, or 0.
 * Follows the well-formed byte table of Unicode §3.9 (no overlongs, surrogates or > U+10FFFF).
 */
function sequenceLength(text: string, p: number, end: number, table: ReverseTable): number {
  const b0 = table[text.charCodeAt(p)];
  if (b0 < 0xc2 || b0 > 0xf4) return 0;
  const len = b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
  if (p + len > end) return 0;
  const b1 = table[text.charCodeAt(p + 1)];
  if (b1 < secondMin(b0) || b1 > secondMax(b0)) return 0;
  let cp = (len === 2 ? b0 & 0x1f : len === 3 ? b0 & 0x0f : b0 & 0x07) * 64 + (b1 & 0x3f);
  for (let k = 2; k < len; k++) {
    const b = table[text.charCodeAt(p + k)];
    if (b < 0x80 || b > 0xbf) return 0;
    cp = cp * 64 + (b & 0x3f);
  }
  return isPlausible(cp, len) ? len : 0;
}

/** Lowest allowed second byte: E0 and F0 forbid overlong forms. */
function secondMin(lead: number): number {
  return lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
}

/** Highest allowed second byte: ED forbids surrogates, F4 code points above U+10FFFF. */
function secondMax(lead: number): number {
  return lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
}

/**
 * Whether a decoded character is a credible original. Two-byte sequences arise by accident in
 * legitimate text (a curly quote or dash before an accented letter), so they must decode to the
 * Latin, Greek or Cyrillic letters and symbols mojibake actually hides; longer sequences are
 * distinctive and only exclude private-use, noncharacters and line/paragraph separators.
 */
function isPlausible(cp: number, len: number): boolean {
  if (len === 2) {
    return (
      (cp >= 0xa0 && cp <= 0x17f) || // Latin-1 symbols and letters, Latin Extended-A
      cp === 0x192 || // ƒ
      (cp >= 0x218 && cp <= 0x21b) || // Romanian ș ț
      (cp >= 0x386 && cp <= 0x3ce) || // Greek
      (cp >= 0x400 && cp <= 0x45f) // Cyrillic
    );
  }
  if ((cp & 0xfffe) === 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return false;
  if (len === 3) return !(cp >= 0xe000 && cp <= 0xf8ff) && cp !== 0x2028 && cp !== 0x2029;
  return cp < 0xf0000;
}
