/**
 * Text-level cleaning that runs before parsing. Pure: string in, string out.
 * Invariant: the number of lines never changes, so line numbers in the cleaned text are the
 * note's own line numbers.
 */

/** Share of control characters above which a file is taken for binary, not text. */
const MAX_CONTROL_SHARE = 0.01;

export interface DecodeResult {
  ok: boolean;
  text: string;
  /** 1-based line of the first offending character when ok is false. */
  line?: number;
  reason?: string;
}

/** Strips a BOM, normalises CRLF/CR to LF and rejects text that is really binary data. */
export function decodeNoteText(raw: string): DecodeResult {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return binary(text, nul, 'it contains NUL bytes');
  let control = 0;
  let firstControl = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isControl = (c < 32 && c !== 9 && c !== 10 && c !== 12) || c === 0xfffd;
    if (isControl) {
      control++;
      if (firstControl === -1) firstControl = i;
    }
  }
  if (text.length > 0 && control / text.length > MAX_CONTROL_SHARE) {
    return binary(text, firstControl, 'too many control or undecodable characters');
  }
  return { ok: true, text };
}

function binary(text: string, index: number, why: string): DecodeResult {
  const line = text.slice(0, index).split('\n').length;
  return { ok: false, text: '', line, reason: `not a text note (${why})` };
}
