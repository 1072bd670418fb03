import { EMOJI } from './emoji';

/**
 * Cleans a heading into a concept title: outline numbering ("2.3.", "1)"), trailing colons and
 * hashes, and leading symbols are dropped; inner text is kept as written.
 */
export function cleanTitle(raw: string): string {
  return raw
    .replace(EMOJI, '')
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/^(?:q|question)\s*\d*\s*[:.)]\s+/i, '')
    .replace(/^(?:\d+[.)])+(?:\d+)?\s+/, '')
    .replace(/[\s:#\-–—]+$/u, '')
    .trim();
}

/** A readable title from a file path: "url-shortener_design.md" -> "Url shortener design". */
export function titleFromPath(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.(md|markdown|txt)$/i, '').replace(/[-_]+/g, ' ').trim();
  return stem ? stem[0].toUpperCase() + stem.slice(1) : 'Untitled';
}
